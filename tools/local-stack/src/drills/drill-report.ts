import type { InvariantResult } from './invariants';
import type { JourneyOutcome } from './journey-stream';

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

/** The closing table: each fault with its journey's outcome, then each invariant, ✓/✗ with the evidence. */
export function drillTable(journeys: readonly JourneyOutcome[], invariants: readonly InvariantResult[]): string[] {
  const faultWidth = Math.max(...journeys.map((j) => (j.fault ?? 'baseline (no fault)').length), 5);
  const invariantWidth = Math.max(...invariants.map((i) => i.name.length), 9);
  const lines = ['', `${pad('fault injected', faultWidth + 4)}journey         what happened`];
  for (const journey of journeys) {
    const recovered = journey.recoveries.length ? ` [recovered: ${journey.recoveries.join('; ')}]` : '';
    lines.push(`${mark(journey.ok)}   ${pad(journey.fault ?? 'baseline (no fault)', faultWidth)} ${pad(`${journey.ok ? 'PAID' : 'FAILED'} ${(journey.durationMs / 1000).toFixed(1)} s`, 15)} ${journey.note}${recovered}`);
  }
  lines.push('', `${pad('invariant checked', invariantWidth + 4)}evidence`);
  for (const invariant of invariants) lines.push(`${mark(invariant.ok)}   ${pad(invariant.name, invariantWidth)} ${invariant.detail}`);
  const failed = journeys.filter((j) => !j.ok).length + invariants.filter((i) => !i.ok).length;
  lines.push('', failed === 0 ? `DRILLS PASSED: ${journeys.length - 1} faults injected, ${invariants.length} invariants hold` : `DRILLS FAILED: ${failed} ✗ above`);
  return lines;
}
