import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord, SimAccount } from '../../accounts/domain/sim-account';
import { AccountStore } from '../../accounts/infrastructure/account.store';
import { RiskService } from '../../ledger/application/risk.service';
import { LedgerStore } from '../../ledger/infrastructure/ledger.store';
import { fmt } from '../../shared/domain/decimal';
import { optionalString, type RawQuery } from '../../shared/domain/query-params';
import { SimClock } from '../../sim-options';
import { accountConfigView } from '../domain/account-config.view';

/** `/account/config` and `/account/balance` of the key's account. */
@Injectable()
export class AccountQuery {
  constructor(
    private readonly accounts: AccountStore,
    private readonly ledger: LedgerStore,
    private readonly risk: RiskService,
    private readonly clock: SimClock,
  ) {}

  accountOf(key: ApiKeyRecord): SimAccount {
    const account = this.accounts.account(key.uid);
    if (!account) throw new Error(`key ${key.apiKey.slice(0, 4)}… has no account`);
    return account;
  }

  config(key: ApiKeyRecord) {
    return [accountConfigView(this.accountOf(key), key)];
  }

  /** USDT is the only currency the simulator holds; other `ccy` filters return no details. */
  balance(key: ApiKeyRecord, query: RawQuery) {
    const account = this.accountOf(key);
    const risks = this.ledger.openPositions(account.uid).map((p) => ({ p, r: this.risk.riskOf(p) }));
    const upl = risks.reduce((sum, { r }) => sum + r.upl, 0);
    const isoMargin = risks.reduce((sum, { r }) => sum + r.margin, 0);
    const imr = risks.reduce((sum, { r }) => sum + r.imr + r.margin, 0);
    const mmr = risks.reduce((sum, { r }) => sum + r.maintMargin, 0);
    const eq = account.cashBal + upl;
    const now = String(this.clock.now());
    const ccys = optionalString(query, 'ccy')?.split(',') ?? ['USDT'];
    const details = ccys.includes('USDT')
      ? [{ ccy: 'USDT', eq: fmt(eq), cashBal: fmt(account.cashBal), availBal: fmt(account.cashBal - imr), availEq: fmt(eq - imr),
          frozenBal: fmt(imr), isoEq: fmt(isoMargin), ordFrozen: '0', upl: fmt(upl), eqUsd: fmt(eq), uTime: now }]
      : [];
    return [{ adjEq: fmt(eq), availEq: fmt(eq - imr), imr: fmt(imr), isoEq: fmt(isoMargin), mgnRatio: mmr > 0 ? fmt(eq / mmr, 4) : '',
      mmr: fmt(mmr), notionalUsd: '', ordFroz: '0', totalEq: fmt(eq), upl: fmt(upl), uTime: now, details }];
  }
}
