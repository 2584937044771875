#!/usr/bin/env node
// `npm start`: compile, then hand over to the local-stack supervisor (tools/local-stack).
// Signals are forwarded so Ctrl-C stops the whole stack cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const stack = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/tools/local-stack/src/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stack.kill(signal));
stack.on('exit', (code) => process.exit(code ?? 0));
