import { Injectable } from '@nestjs/common';
import { decimalsOf, findInstrument, INST_TYPES, INSTRUMENTS, type Instrument } from '../domain/instrument';
import { fmt } from '../../shared/domain/decimal';
import { OkxError } from '../../shared/domain/okx-error';
import { limitParam, msParam, optionalEnum, optionalString, requiredString, type RawQuery } from '../../shared/domain/query-params';
import { SimClock } from '../../sim-options';
import { BARS, syntheticCandles } from '../domain/candles';
import { MarketStore } from '../infrastructure/market.store';

/** Public market data: candles, mark prices and the instrument list (no key, no rate limit). */
@Injectable()
export class MarketQuery {
  constructor(
    private readonly market: MarketStore,
    private readonly clock: SimClock,
  ) {}

  candles(query: RawQuery): string[][] {
    const instrument = this.instrument(requiredString(query, 'instId'));
    const bar = optionalString(query, 'bar') ?? '1m';
    const barMs = BARS[bar];
    if (!barMs) throw new OkxError('51000', 'bar');
    return syntheticCandles({
      seed: instrument.instId, markPx: this.market.markOf(instrument.instId).markPx, nowMs: this.clock.now(), barMs,
      annualVol: instrument.annualVol, limit: limitParam(query, 300), priceDp: decimalsOf(instrument.tickSz),
      afterMs: msParam(query, 'after'), beforeMs: msParam(query, 'before'),
    });
  }

  markPrices(query: RawQuery) {
    const instType = optionalEnum(query, 'instType', INST_TYPES);
    const instId = optionalString(query, 'instId');
    if (instId) this.instrument(instId);
    return INSTRUMENTS.filter((i) => (!instType || i.instType === instType) && (!instId || i.instId === instId)).map((i) => {
      const mark = this.market.markOf(i.instId);
      return { instType: i.instType, instId: i.instId, markPx: fmt(mark.markPx, decimalsOf(i.tickSz)), ts: String(mark.ts || this.clock.now()) };
    });
  }

  instruments(query: RawQuery) {
    const instType = requiredString(query, 'instType');
    const instId = optionalString(query, 'instId');
    return INSTRUMENTS.filter((i) => i.instType === instType && (!instId || i.instId === instId)).map((i) => ({
      instType: i.instType, instId: i.instId, uly: i.uly, instFamily: i.uly, baseCcy: i.instType === 'MARGIN' ? i.ctValCcy : '',
      quoteCcy: i.instType === 'MARGIN' ? 'USDT' : '', settleCcy: i.instType === 'MARGIN' ? '' : 'USDT',
      ctVal: i.instType === 'MARGIN' ? '' : fmt(i.ctVal), ctMult: i.instType === 'MARGIN' ? '' : '1', ctValCcy: i.instType === 'MARGIN' ? '' : i.ctValCcy,
      ctType: i.instType === 'MARGIN' ? '' : 'linear', lotSz: i.lotSz, minSz: i.lotSz, tickSz: i.tickSz, lever: String(i.maxLever),
      state: 'live', listTime: '1600000000000', expTime: i.expTime, alias: i.instType === 'FUTURES' ? 'quarter' : '',
    }));
  }

  private instrument(instId: string): Instrument {
    const instrument = findInstrument(instId);
    if (!instrument) throw new OkxError('51001');
    return instrument;
  }
}
