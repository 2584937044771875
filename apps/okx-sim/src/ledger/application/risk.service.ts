import { Injectable } from '@nestjs/common';
import { AccountStore } from '../../accounts/infrastructure/account.store';
import { findInstrument, type Instrument } from '../../market/domain/instrument';
import { MarketStore } from '../../market/infrastructure/market.store';
import { positionRisk, type PositionRisk } from '../domain/account-risk';
import type { PositionState } from '../domain/position';
import { LedgerStore } from '../infrastructure/ledger.store';

/** Risk figures of open positions at the current marks and the account's current cash. */
@Injectable()
export class RiskService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly market: MarketStore,
  ) {}

  instrumentOf(instId: string): Instrument {
    const instrument = findInstrument(instId);
    if (!instrument) throw new Error(`position on unknown instrument ${instId}`);
    return instrument;
  }

  riskOf(position: PositionState): PositionRisk {
    return positionRisk(position, {
      cashBal: this.accounts.account(position.uid)?.cashBal ?? 0,
      positions: this.ledger.openPositions(position.uid),
      instrumentOf: (instId) => this.instrumentOf(instId),
      markOf: (instId) => this.market.markOf(instId).markPx,
    });
  }
}
