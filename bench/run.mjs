#!/usr/bin/env node
// npm run bench [-- <area> … ] [--no-build] [--list]
// Runs every benchmark file under bench/<area>/ named *.bench.mjs (plain node, against dist/)
// or *.bench.ts (through vitest: bench/<area>/vitest.config.mts if the area has one, else
// bench/vitest.config.mts), one after another, each in its own process. Builds dist/ first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './lib/dist.mjs';
import { collectRun } from './lib/run-record.mjs';

const BENCH = join(ROOT, 'bench');
const PATTERN = /\.bench\.(mjs|ts)$/;
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const wanted = args.filter((a) => !a.startsWith('--'));

const areas = readdirSync(BENCH)
  .filter((name) => statSync(join(BENCH, name)).isDirectory())
  .map((area) => ({ area, files: readdirSync(join(BENCH, area)).filter((f) => PATTERN.test(f)).sort() }))
  .filter(({ files }) => files.length > 0);
const unknown = wanted.filter((w) => !areas.some(({ area }) => area === w));
if (unknown.length) {
  process.stderr.write(`no benchmarks in bench/${unknown.join(', bench/')}; areas: ${areas.map(({ area }) => area).join(', ')}\n`);
  process.exit(2);
}
const chosen = areas.filter(({ area }) => wanted.length === 0 || wanted.includes(area));
if (flags.has('--list')) {
  for (const { area, files } of chosen) process.stdout.write(`${area}: ${files.join(', ')}\n`);
  process.exit(0);
}

const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
if (!flags.has('--no-build') && run('npm', ['run', 'build']) !== 0) process.exit(1);

const runStarted = new Date();
const results = [];
for (const { area, files } of chosen) {
  for (const file of files) {
    const path = join('bench', area, file);
    process.stdout.write(`\n=== ${path}\n`);
    const started = Date.now();
    let status;
    if (file.endsWith('.mjs')) {
      status = run(process.execPath, [path]);
    } else {
      const own = join('bench', area, 'vitest.config.mts');
      const config = existsSync(join(ROOT, own)) ? own : relative(ROOT, join(BENCH, 'vitest.config.mts'));
      status = run('npx', ['vitest', 'run', '--config', config, path]);
    }
    results.push({ path, status, seconds: Math.round((Date.now() - started) / 1000) });
  }
}
process.stdout.write(`\n${results.map((r) => `${r.status === 0 ? 'ran   ' : 'FAILED'} ${r.path} (${r.seconds} s)`).join('\n')}\n`);
// Every run's figures as one JSON document (tmp/bench/runs/) and a section of docs/benchmarks.md.
// BENCH_NO_RECORD=1: print only (a quick look that should not enter the record).
if (!process.env.BENCH_NO_RECORD) {
  const recorded = await collectRun(runStarted, results);
  if (recorded) process.stdout.write(`\nrecorded: ${relative(ROOT, recorded.json)} and a section appended to ${relative(ROOT, recorded.markdown)}\n`);
}
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
