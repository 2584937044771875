import { describe, expect, it } from 'vitest';
import { findInstrument } from '../../market/domain/instrument';
import { closePosition, type CloseInput } from './close-position';
import { openPosition } from './open-position';

const btc = findInstrument('BTC-USDT-SWAP')!;
const T0 = Date.UTC(2024, 4, 1);
const ids = (n: number) => ({ ordId: `90${n}`, billId: `80${n}`, tradeId: `70${n}` });

const opened = openPosition({
  uid: 'u1', instrument: btc, posId: 'p1', posSide: 'long', direction: 'long', mgnMode: 'isolated',
  lever: 100, sz: 10, px: 60000, markPx: 60000, ts: T0, cashBal: 10_000, ids: ids(1),
});

const close = (overrides: Partial<CloseInput>) =>
  closePosition({ position: opened.position, instrument: btc, kind: 'full_liquidation', sz: 10, px: 59700, markPx: 59700, ts: T0 + 60_000, cashBal: 10_000, ids: ids(2), ...overrides });

describe('openPosition', () => {
  it('records a filled, normal, non-reduce-only opening order with string fields', () => {
    expect(opened.order).toMatchObject({ category: 'normal', state: 'filled', reduceOnly: 'false', side: 'buy', posSide: 'long', tdMode: 'isolated', lever: '100', sz: '10', avgPx: '60000', accFillSz: '10' });
    expect(opened.fill).toMatchObject({ subType: '3', ordId: '901', billId: '801' });
    expect(opened.bill).toMatchObject({ type: '2', subType: '3', ordId: '901', fee: '-3', balChg: '-3', bal: '9997', posBal: '60' });
    expect(Object.values(opened.order).every((v) => typeof v === 'string')).toBe(true);
  });

  it('merges a second trade into the position at the weighted average price', () => {
    const more = openPosition({ uid: 'u1', instrument: btc, existing: opened.position, posId: 'ignored', posSide: 'long', direction: 'long', mgnMode: 'isolated', lever: 100, sz: 10, px: 61000, markPx: 61000, ts: T0 + 1, cashBal: 9997, ids: ids(3) });
    expect(more.position).toMatchObject({ posId: 'p1', cTime: T0, size: 20, avgPx: 60500, openMaxPos: 20 });
  });
});

describe('closePosition — liquidation', () => {
  it('full: a separate system order as OKX.md describes it', () => {
    const out = close({});
    expect(out.position).toBeNull();
    expect(out.order).toMatchObject({
      ordId: '902', category: 'full_liquidation', state: 'filled', ordType: 'limit', reduceOnly: 'true', tdMode: 'isolated',
      lever: '100.0', side: 'sell', posSide: 'long', sz: '10', fillSz: '10', fillPx: '59700', avgPx: '59700', px: '59700',
      pnl: '-30', fee: '-2.985',
    });
    expect(out.order.ordId).not.toBe(opened.order.ordId);
    expect(out.order.fillTime).toBe(out.order.cTime);
    expect(out.order.uTime).toBe(out.order.cTime);
    expect(out.fill).toMatchObject({ subType: '104', ordId: '902', fillPx: '59700', fillSz: '10' });
    expect(out.bill).toMatchObject({ type: '5', subType: '104', ordId: '902', pnl: '-30' });
  });

  it('full: a positions-history record of type 3 with a negative liqPenalty and the trigger price', () => {
    const { history } = close({ markPx: 59650 });
    expect(history).toMatchObject({ posId: 'p1', cTime: T0, uTime: T0 + 60_000, type: 3, openAvgPx: 60000, closeAvgPx: 59700, closeTotalPos: 10, triggerPx: 59650 });
    expect(history.liqPenalty).toBeCloseTo(-10 * 0.01 * 59700 * 0.004, 9);
    expect(history.fee).toBeCloseTo(-3 - 2.985, 9);
  });

  it('partial: category partial_liquidation, type 4, sub-type 100, the rest stays open', () => {
    const out = close({ kind: 'partial_liquidation', sz: 4 });
    expect(out.order).toMatchObject({ category: 'partial_liquidation', reduceOnly: 'true', sz: '4' });
    expect(out.fill.subType).toBe('100');
    expect(out.bill).toMatchObject({ type: '5', subType: '100' });
    expect(out.history.type).toBe(4);
    expect(out.position).toMatchObject({ size: 6, posId: 'p1', cTime: T0 });
  });

  it('a later manual close changes the type but keeps the liquidation penalty and trigger', () => {
    const partial = close({ kind: 'partial_liquidation', sz: 4, markPx: 59650 });
    const manual = closePosition({ position: partial.position!, history: partial.history, instrument: btc, kind: 'manual', sz: 6, px: 59800, markPx: 59800, ts: T0 + 120_000, cashBal: 10_000, ids: ids(3) });
    expect(manual.order).toMatchObject({ category: 'normal', ordType: 'market', px: '' });
    expect(manual.history).toMatchObject({ type: 2, closeTotalPos: 10, triggerPx: 59650 });
    expect(manual.history.liqPenalty).toBeLessThan(0);
    expect(manual.history.liqPenalty).toBeCloseTo(partial.history.liqPenalty, 9);
    expect(manual.bill).toMatchObject({ type: '2', subType: '5' });
  });

  it('a short in net mode uses the buy-side sub-types', () => {
    const net = { ...opened.position, posSide: 'net' as const, direction: 'short' as const };
    const out = close({ position: net, px: 60300 });
    expect(out.order).toMatchObject({ side: 'buy', posSide: 'net' });
    expect(out.fill.subType).toBe('106');
    expect(out.order.pnl).toBe('-30');
  });
});

describe('closePosition — ADL and manual', () => {
  it('ADL is category adl with type 5 (partial) or 6 (full) and bill type 9', () => {
    const partial = close({ kind: 'adl', sz: 3 });
    expect(partial.order).toMatchObject({ category: 'adl', reduceOnly: 'true' });
    expect(partial.history.type).toBe(5);
    expect(partial.bill).toMatchObject({ type: '9', subType: '125' });
    expect(partial.history.liqPenalty).toBe(0);
    expect(close({ kind: 'adl' }).history.type).toBe(6);
  });

  it('manual closes are type 1 (partial) or 2 (all) with no penalty or trigger price', () => {
    expect(close({ kind: 'manual', sz: 5 }).history).toMatchObject({ type: 1, liqPenalty: 0, triggerPx: null });
    expect(close({ kind: 'manual' }).history.type).toBe(2);
  });
});
