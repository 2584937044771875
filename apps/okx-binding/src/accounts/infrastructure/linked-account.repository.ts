import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import type { LinkedAccount } from '../domain/linked-account';

interface LinkedAccountRow {
  id: string;
  wallet: string;
  okx_uid: string;
  perm: string;
  api_key_sha256: string;
  api_key_hint: string;
  credentials_ciphertext: string;
  encryption_key_id: string;
}

const COLUMNS = 'id, wallet, okx_uid, perm, api_key_sha256, api_key_hint, credentials_ciphertext, encryption_key_id';

const toAccount = (row: LinkedAccountRow): LinkedAccount => ({
  id: row.id,
  wallet: row.wallet,
  okxUid: row.okx_uid,
  perm: row.perm,
  apiKeySha256: row.api_key_sha256,
  apiKeyHint: row.api_key_hint,
  sealed: { keyId: row.encryption_key_id, ciphertext: row.credentials_ciphertext },
});

/** `linked_accounts`: one row per (wallet, API key); linking the same key again refreshes it. */
@Injectable()
export class LinkedAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(account: Omit<LinkedAccount, 'id'>): Promise<LinkedAccount> {
    const rows: LinkedAccountRow[] = await this.dataSource.query(
      `INSERT INTO linked_accounts (id, wallet, okx_uid, perm, api_key_sha256, api_key_hint, credentials_ciphertext, encryption_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT linked_accounts_wallet_key_unique DO UPDATE
         SET okx_uid = EXCLUDED.okx_uid, perm = EXCLUDED.perm, api_key_hint = EXCLUDED.api_key_hint,
             credentials_ciphertext = EXCLUDED.credentials_ciphertext, encryption_key_id = EXCLUDED.encryption_key_id,
             updated_at = now()
       RETURNING ${COLUMNS}`,
      [uuidv7(), account.wallet, account.okxUid, account.perm, account.apiKeySha256, account.apiKeyHint, account.sealed.ciphertext, account.sealed.keyId],
    );
    return toAccount(rows[0]!);
  }

  async listByWallet(wallet: string): Promise<LinkedAccount[]> {
    const rows: LinkedAccountRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM linked_accounts WHERE wallet = $1 ORDER BY created_at, id`, [wallet]);
    return rows.map(toAccount);
  }

  /**
   * Locks up to `limit` rows sealed with another key than `activeKeyId` (skipping rows another
   * rotation run holds, and `skip`), inside the caller's transaction.
   */
  async lockSealedWithOtherKeys(manager: EntityManager, activeKeyId: string, limit: number, skip: readonly string[]): Promise<LinkedAccount[]> {
    const rows: LinkedAccountRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM linked_accounts
        WHERE encryption_key_id <> $1 AND NOT (id = ANY($3::uuid[]))
        ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [activeKeyId, limit, skip],
    );
    return rows.map(toAccount);
  }

  async replaceSealed(manager: EntityManager, id: string, sealed: LinkedAccount['sealed']): Promise<void> {
    await manager.query(`UPDATE linked_accounts SET credentials_ciphertext = $2, encryption_key_id = $3, updated_at = now() WHERE id = $1`, [
      id,
      sealed.ciphertext,
      sealed.keyId,
    ]);
  }

  async countByKeyId(): Promise<Record<string, number>> {
    const rows: { encryption_key_id: string; count: string }[] = await this.dataSource.query(
      `SELECT encryption_key_id, count(*)::text AS count FROM linked_accounts GROUP BY encryption_key_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.encryption_key_id, Number(row.count)]));
  }
}
