#!/usr/bin/env node
'use strict';
// forge expects a native `solc` binary; only solc-js (npm `solc`) can be installed here, and its
// own CLI prints a non-JSON banner and rejects --allow-paths. This wrapper speaks the two things
// forge asks for: `--version` and `--standard-json` (input on stdin, only JSON on stdout).
const fs = require('node:fs');
const path = require('node:path');

// Resolve `solc` from the workspace's node_modules, wherever forge runs the wrapper from.
const solc = require(require.resolve('solc', { paths: [path.resolve(__dirname, '..', '..'), process.cwd()] }));

const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write('solc-wrapper: only --version and --standard-json are supported\n');
  process.exit(2);
}

/** Values of a repeatable flag, in both `--flag value` and `--flag=value` forms; allow-paths may be comma separated. */
function flagValues(name) {
  const values = [];
  args.forEach((arg, i) => {
    if (arg === name && args[i + 1] !== undefined) values.push(args[i + 1]);
    else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values.flatMap((v) => v.split(',')).filter(Boolean);
}

const basePath = flagValues('--base-path')[0] ?? process.cwd();
const roots = [basePath, ...flagValues('--include-path'), ...flagValues('--allow-paths')].map((p) => path.resolve(p));

// forge normally inlines every source, but solc still asks for any import it did not see.
function findImports(importPath) {
  const candidates = path.isAbsolute(importPath) ? [importPath] : roots.map((root) => path.join(root, importPath));
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: `File not found: ${importPath} (searched ${roots.join(', ')})` };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
