import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
// Nothing here may load dist/: bench/run.mjs imports this before it builds (a clean clone has no dist/).
import { RESULTS_DIR, ROOT } from './dist.mjs';

const MARKDOWN = join(ROOT, 'docs', 'benchmarks.md');

function versionOf(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim().split('\n')[0];
  } catch {
    return 'unknown';
  }
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine() {
  const cpu = cpus();
  return {
    cpu: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    postgres: versionOf('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-Atc', 'SHOW server_version']),
    natsServer: versionOf('nats-server', ['--version']),
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const cell = (value) => (value === undefined || value === null ? '' : String(value).replace(/\|/g, '\\|'));

/**
 * Gathers the result files the benchmarks of this run wrote (tmp/bench/<name>.json, newer than
 * the run's start) into tmp/bench/runs/<time>.json and appends their headlines to
 * docs/benchmarks.md. Null when no benchmark wrote a result.
 */
export async function collectRun(started, runs) {
  if (!existsSync(RESULTS_DIR)) return null;
  const results = readdirSync(RESULTS_DIR)
    .filter((file) => file.endsWith('.json') && statSync(join(RESULTS_DIR, file)).mtime >= started)
    .sort()
    .map((file) => JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')));
  if (results.length === 0) return null;
  const machine = describeMachine();
  const document = { startedAt: started.toISOString(), finishedAt: new Date().toISOString(), machine, runs, results };
  const runsDir = join(RESULTS_DIR, 'runs');
  mkdirSync(runsDir, { recursive: true });
  const json = join(runsDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(json, `${JSON.stringify(document, null, 2)}\n`);

  const lines = [
    '',
    `## ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC — ${results.map((r) => r.name).join(', ')}`,
    '',
    `Machine: ${machine.cpu}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}; Node ${machine.node}, Postgres ${machine.postgres}, ${machine.natsServer}; load average at the end ${machine.loadAverageAtEnd.join(' / ')}.`,
    '',
    '| benchmark | what | value | baseline (same run) | ratio | target | verdict |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
    ...results.flatMap((r) => r.headline.map((h) => `| ${r.name} | ${cell(h.what)} | ${cell(h.value)} ${cell(h.unit)} | ${cell(h.baseline)} | ${cell(h.ratio)} | ${cell(h.target)} | ${cell(h.verdict)} |`)),
    '',
  ];
  if (!existsSync(MARKDOWN)) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    writeFileSync(MARKDOWN, '# Benchmark record\n\nAppended by `npm run bench` (bench/run.mjs): one section per run, with the machine it ran on. Absolute figures move with whatever else the machine is doing; the baselines are measured in the same run for that reason. The full figures of each run are in `tmp/bench/runs/` (not committed).\n');
  }
  appendFileSync(MARKDOWN, lines.join('\n'));
  return { json, markdown: MARKDOWN };
}
