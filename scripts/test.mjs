#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest — build, type check, lint (which
// enforces module boundaries), unit and integration tests against the real Postgres and NATS,
// then the Solidity tests and, last, the fault drills. Prints each step's duration; stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

function listening(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

for (const [name, port] of [['Postgres', 5432], ['NATS', 4222]]) {
  if (!(await listening(port))) {
    console.error(`npm test needs ${name} on 127.0.0.1:${port} (integration tests use the real one). Start it (see README "Tests") and run again.`);
    process.exit(1);
  }
}

const steps = [
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  ['type check (node projects)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['type check (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json']],
  // The module-boundary rule reads Nx's project graph and passes silently without one.
  ['project graph', bin('nx'), ['show', 'projects']],
  ['lint + module boundaries', bin('eslint'), ['--max-warnings=0', 'apps', 'libs', 'tools']],
  ['unit and integration tests', bin('vitest'), ['run', '--project', 'unit', '--project', 'web', '--project', 'integration', '--project', 'stack']],
  // The whole journey in Chromium against the real local stack; screenshots in tmp/screenshots.
  ['browser journey (Chromium)', bin('vitest'), ['run', '--config', 'apps/web/vitest.browser.config.mts']],
];
// forge resolves foundry.toml's solc wrapper path from the project folder: run it there.
if (existsSync(join(root, 'contracts/foundry.toml'))) steps.push(['solidity tests (forge)', bin('forge'), ['test'], join(root, 'contracts')]);

// Fault drills (docs/drills.md): a private stack on free ports, a journey per fault, the invariants
// table. About 4–5 minutes; it never touches the machine's Postgres or NATS.
steps.push(['fault drills (npm run drills)', process.execPath, ['--enable-source-maps', join(root, 'dist/tools/local-stack/src/drills/main.js')]]);
const summary = [];
for (const [name, command, args, cwd = root] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(`${result.status === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  if (result.status !== 0) {
    console.error(`\n${summary.join('\n')}\n\nnpm test failed at: ${name}`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${summary.join('\n')}\n\nnpm test passed.`);
