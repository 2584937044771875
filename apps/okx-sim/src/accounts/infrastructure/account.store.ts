import { Injectable } from '@nestjs/common';
import type { ApiKeyRecord, KeyLookup, SimAccount } from '../domain/sim-account';

/** Accounts and API keys, in memory. Deleted keys are remembered so they answer 50119. */
@Injectable()
export class AccountStore {
  private readonly accounts = new Map<string, SimAccount>();
  private readonly keys = new Map<string, ApiKeyRecord>();
  private readonly revoked = new Set<string>();

  addAccount(account: SimAccount): void {
    this.accounts.set(account.uid, account);
  }

  addKey(key: ApiKeyRecord): void {
    this.keys.set(key.apiKey, key);
    this.revoked.delete(key.apiKey);
  }

  account(uid: string): SimAccount | undefined {
    return this.accounts.get(uid);
  }

  hasKey(apiKey: string): boolean {
    return this.keys.has(apiKey) || this.revoked.has(apiKey);
  }

  lookup(apiKey: string): KeyLookup {
    const key = this.keys.get(apiKey);
    if (key) return { status: 'active', key };
    return this.revoked.has(apiKey) ? { status: 'revoked' } : { status: 'unknown' };
  }

  revoke(apiKey: string): boolean {
    if (!this.keys.delete(apiKey)) return false;
    this.revoked.add(apiKey);
    return true;
  }

  reset(): void {
    this.accounts.clear();
    this.keys.clear();
    this.revoked.clear();
  }
}
