import { CLAIM_STATUSES, type ClaimStatus } from '../lib/statuses';
import { parseUsdcBaseUnits } from '../lib/usdc';

/**
 * The admin charts' data, shaped here (pure, tested) so the SVG components only draw.
 * Money stays bigint; only the bar heights become numbers.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface ClaimsOverTime {
  /** Bucket starts (ms), oldest first, with no gaps: an empty hour or day is a zero column. */
  readonly buckets: number[];
  readonly bucketMs: number;
  /** Per status, one count per bucket. */
  readonly counts: Record<ClaimStatus, number[]>;
  /** The tallest column (all statuses together), at least 1. */
  readonly max: number;
}

const MAX_BUCKETS = 48;

/**
 * Claims filed per hour (when they span two days or less) or per day, stacked by their status
 * now. Buckets align to the viewer's zone (`offsetMs` east of UTC); at most the latest 48.
 */
export function claimsOverTime(claims: readonly { status: string; createdAt: string | null }[], offsetMs: number): ClaimsOverTime | null {
  const dated = claims
    .map((c) => ({ status: c.status as ClaimStatus, at: c.createdAt ? Date.parse(c.createdAt) : Number.NaN }))
    .filter((c) => Number.isFinite(c.at) && (CLAIM_STATUSES as readonly string[]).includes(c.status));
  if (dated.length === 0) return null;
  const first = Math.min(...dated.map((c) => c.at));
  const last = Math.max(...dated.map((c) => c.at));
  const bucketMs = last - first <= 2 * DAY ? HOUR : DAY;
  const start = (t: number) => Math.floor((t + offsetMs) / bucketMs) * bucketMs - offsetMs;
  const lastBucket = start(last);
  const firstBucket = Math.max(start(first), lastBucket - (MAX_BUCKETS - 1) * bucketMs);
  const buckets: number[] = [];
  for (let b = firstBucket; b <= lastBucket; b += bucketMs) buckets.push(b);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, buckets.map(() => 0)])) as Record<ClaimStatus, number[]>;
  for (const c of dated) {
    const i = (start(c.at) - firstBucket) / bucketMs;
    if (i >= 0) counts[c.status][i]! += 1;
  }
  const totals = buckets.map((_, i) => CLAIM_STATUSES.reduce((n, s) => n + counts[s][i]!, 0));
  return { buckets, bucketMs, counts, max: Math.max(1, ...totals) };
}

export interface LedgerRun {
  readonly id: string;
  readonly status: string;
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly finishedAt: string | null;
  readonly report: Record<string, unknown> | null;
}

export interface PremiumsVsPayouts {
  /** Oldest first. */
  readonly rows: { id: string; at: string; fromBlock: number; toBlock: number; premiums: bigint; outflow: bigint }[];
  readonly max: bigint;
  readonly totalPremiums: bigint;
  readonly totalOutflow: bigint;
}

/**
 * Premiums that reached the chain against USDC that left the treasury (payouts and any other
 * transfer out), per finished reconciliation run: one ledger, each run over its own block range.
 * Failed or unfinished runs, and reports without the amounts, are left out rather than drawn as zero.
 */
export function premiumsVsPayouts(runs: readonly LedgerRun[]): PremiumsVsPayouts | null {
  const rows: PremiumsVsPayouts['rows'] = [];
  for (const run of runs) {
    if ((run.status !== 'OK' && run.status !== 'MISMATCH') || !run.finishedAt || !run.report) continue;
    const premiums = amount(run.report['chainPremiumSumUsdc']);
    const outflow = amount((run.report['treasury'] as Record<string, unknown> | undefined)?.['otherOutflowUsdc']);
    if (premiums === null || outflow === null) continue;
    rows.push({ id: run.id, at: run.finishedAt, fromBlock: run.fromBlock, toBlock: run.toBlock, premiums, outflow });
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const totalPremiums = rows.reduce((n, r) => n + r.premiums, 0n);
  const totalOutflow = rows.reduce((n, r) => n + r.outflow, 0n);
  const max = rows.reduce((m, r) => [m, r.premiums, r.outflow].reduce((a, b) => (b > a ? b : a)), 1n);
  return { rows, max, totalPremiums, totalOutflow };
}

function amount(value: unknown): bigint | null {
  if (typeof value !== 'string') return null;
  try {
    return parseUsdcBaseUnits(value);
  } catch {
    return null;
  }
}

/** A bigint's share of `max` as a fraction 0…1 for a bar's height (display only). */
export function share(value: bigint, max: bigint): number {
  return max <= 0n ? 0 : Number((value * 10_000n) / max) / 10_000;
}
