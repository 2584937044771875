import { createHash } from 'node:crypto';
import type { OkxCredentials } from '@liqpass/okx-client';
import type { CredentialsCipher, SealedSecret } from '../../credentials/infrastructure/credentials-cipher';
import type { LinkedAccount } from '../domain/linked-account';

/**
 * Seals and opens a linked account's credentials. The additional authenticated data names the
 * row by its natural key (wallet, key fingerprint), so a ciphertext opens only on its own row.
 */
export class CredentialsVault {
  constructor(private readonly cipher: CredentialsCipher) {}

  static fingerprint(apiKey: string): string {
    return createHash('sha256').update(apiKey, 'utf8').digest('hex');
  }

  get activeKeyId(): string {
    return this.cipher.activeKeyId;
  }

  seal(wallet: string, credentials: OkxCredentials): SealedSecret {
    const payload = JSON.stringify({ apiKey: credentials.apiKey, secretKey: credentials.secretKey, passphrase: credentials.passphrase });
    return this.cipher.seal(payload, aadOf(wallet, CredentialsVault.fingerprint(credentials.apiKey)));
  }

  open(account: Pick<LinkedAccount, 'wallet' | 'apiKeySha256' | 'sealed'>): OkxCredentials {
    const parsed = JSON.parse(this.cipher.open(account.sealed, aadOf(account.wallet, account.apiKeySha256))) as OkxCredentials;
    return { apiKey: parsed.apiKey, secretKey: parsed.secretKey, passphrase: parsed.passphrase };
  }

  /** Opens with whatever key sealed it and seals again with the active key. */
  reseal(account: Pick<LinkedAccount, 'wallet' | 'apiKeySha256' | 'sealed'>): SealedSecret {
    const aad = aadOf(account.wallet, account.apiKeySha256);
    return this.cipher.seal(this.cipher.open(account.sealed, aad), aad);
  }
}

const aadOf = (wallet: string, apiKeySha256: string) => `liqpass/okx-binding/linked_accounts/v1/${wallet}/${apiKeySha256}`;
