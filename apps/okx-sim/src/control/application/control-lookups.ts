import type { SimAccount } from '../../accounts/domain/sim-account';
import { AccountStore } from '../../accounts/infrastructure/account.store';
import { decimalsOf, findInstrument, type Instrument } from '../../market/domain/instrument';
import { ControlError } from '../domain/control-error';

export function requireAccount(accounts: AccountStore, uid: string): SimAccount {
  const account = accounts.account(uid);
  if (!account) throw new ControlError('SIM_ACCOUNT_NOT_FOUND', `no account with uid ${uid}`);
  return account;
}

export function requireInstrument(instId: string): Instrument {
  const instrument = findInstrument(instId);
  if (!instrument) throw new ControlError('SIM_INSTRUMENT_NOT_FOUND', `unknown instrument ${instId}`);
  return instrument;
}

/** OKX accepts sizes in whole lots; the simulator rounds down to the lot size. */
export function toLots(instrument: Instrument, sz: number): number {
  const lot = Number(instrument.lotSz);
  return Number((Math.floor(sz / lot + 1e-9) * lot).toFixed(decimalsOf(instrument.lotSz)));
}
