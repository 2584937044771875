import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './dist.mjs';
import { peakMemory } from './processes.mjs';
import { say, table } from './report.mjs';

// One benchmark's results as JSON (tmp/bench/<name>.json), beside what it printed: bench/run.mjs
// collects the files a run wrote into one JSON document and appends their headlines to
// docs/benchmarks.md with the machine described.
const MEMORY_TARGET_MB = 200;

/**
 * `headline`: the rows docs/benchmarks.md shows — `{ what, value, unit, baseline?, ratio?,
 * target?, verdict? }`; `details`: anything else worth keeping. Call it after the benchmark's
 * processes stopped: their peak resident memory (VmHWM, read as each stopped) goes with it,
 * printed here against the 200 MB target.
 */
export function writeResult(name, { headline, details = {} }) {
  const memory = peakMemory();
  if (memory.length) {
    table(`peak resident memory of the processes this benchmark started (VmHWM; target < ${MEMORY_TARGET_MB} MB each)`, memory.map((m) => ({ process: m.name, 'peak MB': m.peakMb, target: m.peakMb < MEMORY_TARGET_MB ? 'meets' : 'MISSES' })));
  }
  const result = {
    name,
    at: new Date().toISOString(),
    headline: [...headline, ...memory.map((m) => ({ what: `${m.name}: peak resident memory`, value: m.peakMb, unit: 'MB', target: `< ${MEMORY_TARGET_MB} MB`, verdict: m.peakMb < MEMORY_TARGET_MB ? 'meets' : 'MISSES' }))],
    peakResidentMb: Object.fromEntries(memory.map((m) => [m.name, m.peakMb])),
    details,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  say(`results written to ${file}`);
  return result;
}
