import type { InsuredPosition, OkxRecord, OkxResponses } from './okx-responses';

export type LiquidationKind = 'FULL' | 'PARTIAL';

export interface LiquidationEvent {
  readonly kind: LiquidationKind;
  readonly ordId: string;
  readonly instId: string;
  /** `fillTime`, else `uTime` (OKX.md detection rule 1). */
  readonly liquidationTimeMs: number;
  /** Closed size in contracts (`accFillSz`, else `fillSz`, else `sz`). */
  readonly sz: string;
  readonly fillPx: string | null;
  readonly pnl: string | null;
  /** A positions-history record of the same posId + cTime shows a liquidation (type 3/4 or a negative liqPenalty). */
  readonly corroboratedByPositionHistory: boolean;
  /** A type-5 bill with subType 100–107 names this ordId. */
  readonly corroboratedByBill: boolean;
}

export interface IgnoredOrder {
  readonly ordId: string;
  readonly category: string;
  readonly why: string;
}

export interface LiquidationDetection {
  readonly liquidated: boolean;
  /** The decisive event: the first full liquidation, else the first partial one. */
  readonly kind: LiquidationKind | null;
  readonly ordId: string | null;
  readonly liquidationTimeMs: number | null;
  readonly sz: string | null;
  readonly fillPx: string | null;
  readonly pnl: string | null;
  /** Every liquidation of the insured position, oldest first. */
  readonly events: LiquidationEvent[];
  /** Orders looked at and not counted, with why (ADL, delivery, manual close, other position, …). */
  readonly ignored: IgnoredOrder[];
}

const LIQUIDATION_CATEGORIES: Record<string, LiquidationKind> = { full_liquidation: 'FULL', partial_liquidation: 'PARTIAL' };
const COUNTED_STATES = new Set(['filled', 'partially_filled']);
/** positions-history `type`s that end a position: close all, liquidation, ADL (full). */
const FULL_CLOSE_TYPES = new Set(['2', '3', '6']);
const CLOSE_TIME_TOLERANCE_MS = 10_000;
const LIQUIDATION_BILL_SUBTYPES = new Set(['100', '101', '102', '103', '104', '105', '106', '107']);

const ms = (value: string | undefined): number | null => (value !== undefined && /^[0-9]{1,16}$/.test(value) ? Number(value) : null);
const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);
const matches = (expected: string | null | undefined, actual: string | undefined) => expected === undefined || expected === null || expected === actual;

/**
 * OKX.md "Liquidation-detection rule", pure: liquidation orders (`full_liquidation` /
 * `partial_liquidation`, filled or partially filled) of the insured position — same instrument,
 * `posSide`, and `tdMode` = its margin mode — inside the lifetime of that position's posId + cTime
 * incarnation, corroborated by positions-history and bills. ADL, delivery, auto-conversion and
 * manual closes are never liquidations. Time windows (coverage, waiting period) are the caller's.
 */
export function detectLiquidation(responses: OkxResponses, position: InsuredPosition = {}): LiquidationDetection {
  const lifetime = positionLifetime(responses.positionsHistory, position);
  const events: LiquidationEvent[] = [];
  const ignored: IgnoredOrder[] = [];
  const seen = new Set<string>();
  for (const order of responses.orders) {
    const ordId = order.ordId ?? '';
    if (seen.has(ordId)) continue; // history and archive overlap
    seen.add(ordId);
    const category = order.category ?? '';
    const kind = LIQUIDATION_CATEGORIES[category];
    const skip = (why: string) => ignored.push({ ordId, category, why });
    if (!kind) {
      skip(category === 'adl' ? 'auto-deleveraging is not a liquidation' : category === 'delivery' ? 'delivery is not a liquidation' : `category ${category || '(none)'} is not a liquidation`);
      continue;
    }
    if (!COUNTED_STATES.has(order.state ?? '')) {
      skip(`state ${order.state} is not filled`);
      continue;
    }
    if (!matches(position.instId, order.instId) || !matches(position.posSide, order.posSide) || !matches(position.mgnMode, order.tdMode)) {
      skip('another position: instrument, posSide or margin mode differs');
      continue;
    }
    const time = ms(order.fillTime) ?? ms(order.uTime);
    if (time === null) {
      skip('no fillTime or uTime');
      continue;
    }
    if (lifetime.startMs !== null && time < lifetime.startMs) {
      skip('before the insured position was opened (an earlier position on the same posId)');
      continue;
    }
    if (lifetime.endMs !== null && time > lifetime.endMs) {
      skip('after the insured position ended (a later position on the same posId)');
      continue;
    }
    events.push({
      kind,
      ordId,
      instId: order.instId ?? '',
      liquidationTimeMs: time,
      sz: text(order.accFillSz) ?? text(order.fillSz) ?? text(order.sz) ?? '0',
      fillPx: text(order.avgPx) ?? text(order.fillPx),
      pnl: text(order.pnl),
      corroboratedByPositionHistory: lifetime.showsLiquidation,
      corroboratedByBill: responses.bills.some((bill) => bill.type === '5' && LIQUIDATION_BILL_SUBTYPES.has(bill.subType ?? '') && bill.ordId === ordId),
    });
  }
  events.sort((a, b) => a.liquidationTimeMs - b.liquidationTimeMs);
  const decisive = events.find((event) => event.kind === 'FULL') ?? events[0] ?? null;
  return {
    liquidated: decisive !== null,
    kind: decisive?.kind ?? null,
    ordId: decisive?.ordId ?? null,
    liquidationTimeMs: decisive?.liquidationTimeMs ?? null,
    sz: decisive?.sz ?? null,
    fillPx: decisive?.fillPx ?? null,
    pnl: decisive?.pnl ?? null,
    events,
    ignored,
  };
}

interface Lifetime {
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly showsLiquidation: boolean;
}

/**
 * When the insured incarnation of the posId lived: from its cTime to its full close (if the
 * history shows one), and before any later incarnation's cTime. A posId is reused after a full
 * close, so a liquidation outside this span belongs to another position.
 */
function positionLifetime(history: readonly OkxRecord[], position: InsuredPosition): Lifetime {
  const startMs = ms(position.posCTime ?? undefined);
  if (!position.posId) return { startMs, endMs: null, showsLiquidation: false };
  const samePosId = history.filter((record) => record.posId === position.posId && matches(position.instId, record.instId));
  const own = samePosId.filter((record) => startMs === null || ms(record.cTime) === startMs);
  const later = samePosId.map((record) => ms(record.cTime)).filter((cTime): cTime is number => cTime !== null && startMs !== null && cTime > startMs);
  const closedAt = own
    .filter((record) => FULL_CLOSE_TYPES.has(record.type ?? ''))
    .map((record) => ms(record.uTime))
    .filter((uTime): uTime is number => uTime !== null);
  // The history's uTime is only "within seconds" of the closing fill (OKX.md rule 2).
  const ends = [...later.map((cTime) => cTime - 1), ...closedAt.map((uTime) => uTime + CLOSE_TIME_TOLERANCE_MS)];
  const showsLiquidation = own.some((record) => record.type === '3' || record.type === '4' || Number(record.liqPenalty ?? '0') < 0);
  return { startMs, endMs: ends.length ? Math.min(...ends) : null, showsLiquidation };
}
