import { Injectable } from '@nestjs/common';
import { formatPerm, parsePerm } from '../../../accounts/domain/permission';
import type { ApiKeyRecord } from '../../../accounts/domain/sim-account';
import { AccountStore } from '../../../accounts/infrastructure/account.store';
import { newApiKey, newPassphrase, newSecretKey, newUid } from '../../../accounts/infrastructure/credentials';
import { ControlError } from '../../domain/control-error';
import type { CreateAccountCommand, RevokeKeyCommand } from './create-account.command';

export interface CreatedKey {
  readonly uid: string;
  readonly apiKey: string;
  readonly secretKey: string;
  readonly passphrase: string;
  readonly perm: string;
  readonly demo: boolean;
  readonly ipWhitelist: readonly string[];
}

@Injectable()
export class CreateAccountHandler {
  constructor(private readonly accounts: AccountStore) {}

  execute(command: CreateAccountCommand): CreatedKey {
    const perm = parsePerm(command.perm);
    if (!perm) throw new ControlError('SIM_BAD_REQUEST', 'perm: comma-separated read_only, trade, withdraw, always with read_only');
    if (command.apiKey && this.accounts.hasKey(command.apiKey)) throw new ControlError('SIM_KEY_EXISTS', 'apiKey is already in use');
    const uid = command.uid ?? newUid();
    if (!this.accounts.account(uid)) {
      this.accounts.addAccount({ uid, posMode: command.posMode, label: command.label, cashBal: command.balance });
    }
    const key: ApiKeyRecord = {
      uid,
      apiKey: command.apiKey ?? newApiKey(),
      secretKey: command.secretKey ?? newSecretKey(),
      passphrase: command.passphrase ?? newPassphrase(),
      perm,
      demo: command.demo,
      ipWhitelist: command.ipWhitelist,
      label: command.label,
    };
    this.accounts.addKey(key);
    return { uid, apiKey: key.apiKey, secretKey: key.secretKey, passphrase: key.passphrase, perm: formatPerm(perm), demo: key.demo, ipWhitelist: key.ipWhitelist };
  }

  /** Deletes a key as a user deleting it on OKX would: from then on it answers 50119. */
  revoke(command: RevokeKeyCommand): { apiKey: string; revoked: true } {
    if (!this.accounts.revoke(command.apiKey)) throw new ControlError('SIM_KEY_NOT_FOUND', 'no active key with that apiKey');
    return { apiKey: command.apiKey, revoked: true };
  }
}
