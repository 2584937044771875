import { describe, expect, it } from 'vitest';
import { assessClaim, type ClaimTerms } from './assess-claim';
import { detectLiquidation } from './detect-liquidation';
import type { InsuredPosition, OkxRecord, OkxResponses } from './okx-responses';

// OKX-shaped fixtures (OKX.md "Fields that matter"): every field a string.
const HOUR = 3_600_000;
const T0 = 1_732_700_000_000; // position opened
const POSITION: InsuredPosition = { instId: 'BTC-USDT-SWAP', posSide: 'long', mgnMode: 'isolated', posId: '1752', posCTime: String(T0) };

function order(over: Partial<Record<string, string>> & { category: string; fillTime: string }): OkxRecord {
  return {
    ordId: `9${over.fillTime}`,
    clOrdId: '',
    instType: 'SWAP',
    instId: 'BTC-USDT-SWAP',
    state: 'filled',
    side: 'sell',
    posSide: 'long',
    tdMode: 'isolated',
    ordType: 'limit',
    sz: '2',
    accFillSz: '2',
    avgPx: '57100.5',
    fillPx: '57100.5',
    pnl: '-146.5',
    lever: '20.0',
    reduceOnly: 'true',
    cTime: over.fillTime,
    uTime: over.fillTime,
    ...over,
  };
}

function history(over: Partial<Record<string, string>>): OkxRecord {
  return { instType: 'SWAP', instId: 'BTC-USDT-SWAP', posId: '1752', mgnMode: 'isolated', posSide: 'long', direction: 'long', type: '3', cTime: String(T0), uTime: String(T0 + 2 * HOUR), openMaxPos: '2', closeTotalPos: '2', liqPenalty: '-5.7', ...over };
}

const bill = (ordId: string, type = '5', subType = '104'): OkxRecord => ({ billId: `b${ordId}`, type, subType, ordId, instId: 'BTC-USDT-SWAP' });
const responses = (over: Partial<OkxResponses>): OkxResponses => ({ orders: [], positionsHistory: [], fills: [], bills: [], ...over });

const TERMS: ClaimTerms = {
  boundAtMs: T0 + 60_000,
  paidAtMs: T0 + 120_000,
  coverageStartMs: T0 + 120_000 + HOUR, // paid + 1 h waiting period
  coverageEndMs: T0 + 120_000 + HOUR + 24 * HOUR,
  payoutFixedUsdc: 500_000_000n,
  payoutCapUsdc: 400_000_000n,
  insuredSz: '2',
};
const inside = String(T0 + 3 * HOUR);

describe('the liquidation-detection rule on OKX-shaped data', () => {
  it('full liquidation inside coverage: verified, corroborated, pays min(fixed, cap)', () => {
    const liq = order({ category: 'full_liquidation', fillTime: inside });
    const detection = detectLiquidation(responses({ orders: [liq], positionsHistory: [history({ uTime: inside })], bills: [bill(liq.ordId!)] }), POSITION);
    expect(detection).toMatchObject({ liquidated: true, kind: 'FULL', ordId: liq.ordId, liquidationTimeMs: Number(inside), sz: '2', fillPx: '57100.5' });
    expect(detection.events[0]).toMatchObject({ corroboratedByPositionHistory: true, corroboratedByBill: true });
    expect(assessClaim(detection, TERMS)).toMatchObject({ outcome: 'VERIFIED', kind: 'FULL', payoutUsdc: 400_000_000n });
  });

  it('partial liquidation: payout scaled by liquidated ÷ insured size, then capped', () => {
    const liq = order({ category: 'partial_liquidation', fillTime: inside, sz: '0.5', accFillSz: '0.5' });
    const detection = detectLiquidation(responses({ orders: [liq], positionsHistory: [history({ type: '4', uTime: inside })], bills: [bill(liq.ordId!, '5', '100')] }), POSITION);
    expect(detection).toMatchObject({ liquidated: true, kind: 'PARTIAL', sz: '0.5' });
    // 500 USDC × 0.5 / 2 = 125 USDC, under the 400 cap.
    expect(assessClaim(detection, TERMS)).toMatchObject({ outcome: 'VERIFIED', kind: 'PARTIAL', liquidatedSz: '0.5', payoutUsdc: 125_000_000n, insuredSizeUnknown: false });
  });

  it('two partial liquidations add up; a later full one in the window pays in full', () => {
    const first = order({ category: 'partial_liquidation', fillTime: inside, accFillSz: '0.5' });
    const second = order({ category: 'partial_liquidation', fillTime: String(T0 + 4 * HOUR), accFillSz: '1' });
    const partials = detectLiquidation(responses({ orders: [second, first] }), POSITION);
    expect(assessClaim(partials, TERMS)).toMatchObject({ outcome: 'VERIFIED', kind: 'PARTIAL', liquidatedSz: '1.5', payoutUsdc: 375_000_000n, event: { ordId: first.ordId } });
    const full = order({ category: 'full_liquidation', fillTime: String(T0 + 5 * HOUR), accFillSz: '0.5' });
    expect(assessClaim(detectLiquidation(responses({ orders: [second, first, full] }), POSITION), TERMS)).toMatchObject({ kind: 'FULL', payoutUsdc: 400_000_000n, event: { ordId: full.ordId } });
  });

  it('ADL is not a liquidation', () => {
    const adl = order({ category: 'adl', fillTime: inside, ordType: 'market' });
    const detection = detectLiquidation(responses({ orders: [adl], positionsHistory: [history({ type: '6', liqPenalty: '0', uTime: inside })], bills: [bill(adl.ordId!, '9', '125')] }), POSITION);
    expect(detection).toMatchObject({ liquidated: false, kind: null, events: [], ignored: [{ ordId: adl.ordId, category: 'adl', why: expect.stringMatching(/auto-deleveraging/) }] });
    expect(assessClaim(detection, TERMS)).toEqual({ outcome: 'REJECTED', reasonCode: 'NO_LIQUIDATION_FOUND', event: null });
  });

  it('delivery is not a liquidation', () => {
    const delivery = order({ category: 'delivery', fillTime: inside, instId: 'BTC-USDT-251226' });
    expect(detectLiquidation(responses({ orders: [delivery] }), { ...POSITION, instId: 'BTC-USDT-251226' })).toMatchObject({ liquidated: false, ignored: [{ category: 'delivery' }] });
  });

  it('a manual close is not a liquidation', () => {
    const close = order({ category: 'normal', fillTime: inside, ordType: 'market' });
    const detection = detectLiquidation(responses({ orders: [close], positionsHistory: [history({ type: '2', liqPenalty: '', uTime: inside })], bills: [bill(close.ordId!, '2', '6')] }), POSITION);
    expect(detection).toMatchObject({ liquidated: false, ignored: [{ category: 'normal' }] });
  });

  it('a liquidation of another position on the same instrument (other side, other margin mode) does not count', () => {
    const short = order({ category: 'full_liquidation', fillTime: inside, posSide: 'short', side: 'buy' });
    const cross = order({ category: 'full_liquidation', fillTime: String(T0 + 4 * HOUR), tdMode: 'cross' });
    const detection = detectLiquidation(responses({ orders: [short, cross] }), POSITION);
    expect(detection.liquidated).toBe(false);
    expect(detection.ignored.map((i) => i.why)).toEqual([expect.stringMatching(/another position/), expect.stringMatching(/another position/)]);
  });

  it('an unfilled (canceled) liquidation order does not count', () => {
    expect(detectLiquidation(responses({ orders: [order({ category: 'full_liquidation', fillTime: inside, state: 'canceled' })] }), POSITION).liquidated).toBe(false);
  });

  it('liquidation before coverage: before binding is LIQUIDATION_BEFORE_BINDING, in the waiting period IN_WAITING_PERIOD', () => {
    const beforeBinding = order({ category: 'full_liquidation', fillTime: String(T0 + 30_000) });
    expect(assessClaim(detectLiquidation(responses({ orders: [beforeBinding] }), POSITION), TERMS)).toMatchObject({ outcome: 'REJECTED', reasonCode: 'LIQUIDATION_BEFORE_BINDING', event: { ordId: beforeBinding.ordId } });
    const waiting = order({ category: 'partial_liquidation', fillTime: String(T0 + 30 * 60_000), accFillSz: '1' });
    expect(assessClaim(detectLiquidation(responses({ orders: [waiting] }), POSITION), TERMS)).toMatchObject({ outcome: 'REJECTED', reasonCode: 'IN_WAITING_PERIOD' });
  });

  it('liquidation after coverage: OUT_OF_COVERAGE_WINDOW', () => {
    const late = order({ category: 'full_liquidation', fillTime: String(TERMS.coverageEndMs + 1) });
    expect(assessClaim(detectLiquidation(responses({ orders: [late] }), POSITION), TERMS)).toMatchObject({ outcome: 'REJECTED', reasonCode: 'OUT_OF_COVERAGE_WINDOW' });
  });

  it('coverage bounds are inclusive', () => {
    for (const time of [TERMS.coverageStartMs, TERMS.coverageEndMs]) {
      expect(assessClaim(detectLiquidation(responses({ orders: [order({ category: 'full_liquidation', fillTime: String(time) })] }), POSITION), TERMS).outcome).toBe('VERIFIED');
    }
  });

  it('posId reused with a new cTime: the earlier and the later positions’ liquidations are not the insured one’s', () => {
    const earlierCTime = T0 - 10 * HOUR;
    const earlier = order({ category: 'full_liquidation', fillTime: String(T0 - HOUR) });
    const laterCTime = T0 + 8 * HOUR;
    const later = order({ category: 'full_liquidation', fillTime: String(T0 + 9 * HOUR) });
    const positionsHistory = [
      history({ cTime: String(laterCTime), uTime: String(T0 + 9 * HOUR) }), // the next position on the same posId, liquidated
      history({ type: '2', liqPenalty: '', uTime: String(T0 + 7 * HOUR) }), // the insured one, closed by hand
      history({ cTime: String(earlierCTime), uTime: String(T0 - HOUR) }), // the previous one, liquidated
    ];
    const detection = detectLiquidation(responses({ orders: [later, earlier], positionsHistory }), POSITION);
    expect(detection.liquidated).toBe(false);
    expect(detection.ignored.map((i) => i.why)).toEqual([expect.stringMatching(/later position/), expect.stringMatching(/earlier position/)]);
    // Insuring the later position instead: its own liquidation counts.
    expect(detectLiquidation(responses({ orders: [later, earlier], positionsHistory }), { ...POSITION, posCTime: String(laterCTime) })).toMatchObject({ liquidated: true, ordId: later.ordId });
  });

  it('a partial liquidation survives a later manual close (liqPenalty < 0 corroborates)', () => {
    const liq = order({ category: 'partial_liquidation', fillTime: inside, accFillSz: '1' });
    const detection = detectLiquidation(responses({ orders: [liq], positionsHistory: [history({ type: '2', liqPenalty: '-2.1', uTime: String(T0 + 5 * HOUR) })] }), POSITION);
    expect(detection).toMatchObject({ liquidated: true, kind: 'PARTIAL', events: [{ corroboratedByPositionHistory: true, corroboratedByBill: false }] });
  });

  it('the same order seen in history and archive counts once; without an insured size a partial is paid unscaled and flagged', () => {
    const liq = order({ category: 'partial_liquidation', fillTime: inside, accFillSz: '1' });
    const detection = detectLiquidation(responses({ orders: [liq, liq] }), POSITION);
    expect(detection.events).toHaveLength(1);
    expect(assessClaim(detection, { ...TERMS, insuredSz: null })).toMatchObject({ payoutUsdc: 400_000_000n, insuredSizeUnknown: true });
  });
});
