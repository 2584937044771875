import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '../../accounts/domain/sim-account';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import { findInstrument } from '../../market/domain/instrument';
import { fmt, parsePositiveDecimal } from '../../shared/domain/decimal';
import { OkxError } from '../../shared/domain/okx-error';
import { optionalEnum, requiredString, type RawQuery } from '../../shared/domain/query-params';

/**
 * `POST /account/set-leverage` — the one trade-permission route, so a read-only key meets
 * OKX's 50120 here and the raw-body signature path is exercised. It re-levers the matching
 * open positions.
 */
@Injectable()
export class SetLeverageHandler {
  constructor(private readonly ledger: LedgerStore) {}

  execute(key: ApiKeyRecord, body: unknown) {
    const params: RawQuery = body && typeof body === 'object' ? (body as RawQuery) : {};
    const instId = requiredString(params, 'instId');
    const leverText = requiredString(params, 'lever');
    const mgnMode = requiredString(params, 'mgnMode');
    if (mgnMode !== 'isolated' && mgnMode !== 'cross') throw new OkxError('51000', 'mgnMode');
    const posSide = optionalEnum(params, 'posSide', ['long', 'short', 'net']);
    const instrument = findInstrument(instId);
    if (!instrument) throw new OkxError('51001');
    const lever = parsePositiveDecimal(leverText);
    if (lever === null || lever < 1 || lever > instrument.maxLever) throw new OkxError('51000', 'lever');
    for (const position of this.ledger.openPositions(key.uid)) {
      const matches = position.instId === instId && position.mgnMode === mgnMode && (posSide === undefined || position.posSide === posSide);
      if (matches) this.ledger.savePosition({ ...position, lever });
    }
    return [{ instId, lever: fmt(lever), mgnMode, posSide: posSide ?? '' }];
  }
}
