import type { DataSource } from 'typeorm';
import type { Logger } from '@liqpass/observability';
import { UnknownEncryptionKeyError } from '../../../credentials/infrastructure/credentials-cipher';
import type { CredentialsVault } from '../../infrastructure/credentials-vault';
import type { LinkedAccountRepository } from '../../infrastructure/linked-account.repository';

export interface ReEncryptReport {
  readonly activeKeyId: string;
  readonly reencrypted: number;
  /** Rows left as they were: their key is not configured, or they do not open (tampered, wrong key). */
  readonly failed: { readonly accountId: string; readonly problem: string }[];
  /** Rows per sealing key id once done. */
  readonly byKeyId: Record<string, number>;
}

/**
 * Key rotation, second half: re-seals every linked account's credentials sealed with an older
 * key under the active one (the first of OKX_ENCRYPTION_KEYS). Batches lock their rows with
 * SKIP LOCKED, so it can run beside the service and beside another run; it can be repeated.
 */
export class ReEncryptCredentialsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: LinkedAccountRepository,
    private readonly vault: CredentialsVault,
    private readonly logger: Logger,
  ) {}

  async execute(options: { readonly batchSize?: number } = {}): Promise<ReEncryptReport> {
    const batchSize = options.batchSize ?? 100;
    const failed: { accountId: string; problem: string }[] = [];
    let reencrypted = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const batch = await this.accounts.lockSealedWithOtherKeys(manager, this.vault.activeKeyId, batchSize, failed.map((f) => f.accountId));
        for (const account of batch) {
          try {
            await this.accounts.replaceSealed(manager, account.id, this.vault.reseal(account));
            reencrypted += 1;
          } catch (error) {
            const problem = error instanceof UnknownEncryptionKeyError ? error.message : `does not open with key "${account.sealed.keyId}"`;
            failed.push({ accountId: account.id, problem });
            this.logger.error({ accountId: account.id, keyId: account.sealed.keyId, problem }, 'linked credentials could not be re-encrypted');
          }
        }
        return batch.length < batchSize;
      });
      if (done) break;
    }
    const report = { activeKeyId: this.vault.activeKeyId, reencrypted, failed, byKeyId: await this.accounts.countByKeyId() };
    this.logger.info({ activeKeyId: report.activeKeyId, reencrypted, failed: failed.length, byKeyId: report.byKeyId }, 'credentials re-encryption finished');
    return report;
  }
}
