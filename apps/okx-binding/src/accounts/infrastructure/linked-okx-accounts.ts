import { Injectable } from '@nestjs/common';
import { OkxClient, type OkxAccountClient } from '@liqpass/okx-client';
import type { LinkedAccount } from '../domain/linked-account';
import { CredentialsVault } from './credentials-vault';
import { LinkedAccountRepository } from './linked-account.repository';

export interface LinkedOkxAccount {
  readonly account: LinkedAccount;
  /** Reads OKX with this account's key (opened from its sealed credentials). */
  readonly okx: OkxAccountClient;
}

/** A wallet's linked OKX accounts, each ready to read OKX with its own key. */
@Injectable()
export class LinkedOkxAccounts {
  constructor(
    private readonly accounts: LinkedAccountRepository,
    private readonly vault: CredentialsVault,
    private readonly client: OkxClient,
  ) {}

  async ofWallet(wallet: string): Promise<LinkedOkxAccount[]> {
    const accounts = await this.accounts.listByWallet(wallet);
    return accounts.map((account) => ({ account, okx: this.client.forAccount(this.vault.open(account)) }));
  }
}
