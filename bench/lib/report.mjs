/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const say = (line) => process.stdout.write(`[bench] ${line}\n`);

const fmt = (value) => (typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 })) : String(value ?? ''));

/** Prints rows (objects with the same keys) as an aligned text table under a title. */
export function table(title, rows) {
  const keys = Object.keys(rows[0] ?? {});
  const cells = [keys, ...rows.map((row) => keys.map((key) => fmt(row[key])))];
  const widths = keys.map((_, i) => Math.max(...cells.map((line) => line[i].length)));
  const line = (values) => `| ${values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
  process.stdout.write(`\n${title}\n${line(keys)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${cells.slice(1).map(line).join('\n')}\n\n`);
}

/** "meets" / "MISSES" for a target line. */
export const verdict = (ok) => (ok ? 'meets' : 'MISSES');
