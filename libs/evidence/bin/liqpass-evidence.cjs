#!/usr/bin/env node
'use strict';
/**
 * `npx liqpass-evidence verify <bundle.json>` / `classify <okx-responses.json>` from the repository
 * root right after `npm install`, with no build: libs/evidence's TypeScript is compiled on load
 * by @swc/core (already a dev dependency with its binary inside the package), so the CLI and the
 * service run the very same code.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');

const srcDir = join(__dirname, '..', 'src');

function loadEvidenceLib() {
  const swc = require('@swc/core');
  const compile = (module, filename) => {
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    });
    module._compile(code, filename);
  };
  Module._extensions['.ts'] = compile;
  // The workspace's own libraries (`@liqpass/signing`'s EIP-712 words), from their source as well.
  const libsDir = join(__dirname, '..', '..');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveWorkspaceLib(request, ...rest) {
    const lib = /^@liqpass\/([a-z-]+)$/.exec(request);
    return resolve.call(this, lib ? join(libsDir, lib[1], 'src', 'index.ts') : request, ...rest);
  };
  return require(join(srcDir, 'cli', 'cli.ts'));
}

loadEvidenceLib()
  .runCli(process.argv.slice(2), { readFile: (path) => readFileSync(path, 'utf8'), out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) })
  .then((code) => {
    process.exitCode = code;
  });
