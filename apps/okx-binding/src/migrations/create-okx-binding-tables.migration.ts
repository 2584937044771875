import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Linked OKX accounts (credentials sealed with AES-256-GCM, the sealing key's id beside them),
 * the purchase-order terms read model fed by PolicyCreated, and bindings. The constraints are
 * the rules: one key per wallet once, one binding per purchase order, and one policy per OKX
 * position — a position is its (uid, posId, cTime), since OKX reuses a posId after a close.
 */
export class CreateOkxBindingTables1764400000000 implements MigrationInterface {
  name = 'CreateOkxBindingTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE linked_accounts (
        id uuid PRIMARY KEY,
        wallet text NOT NULL,
        okx_uid text NOT NULL,
        perm text NOT NULL,
        api_key_sha256 text NOT NULL,
        api_key_hint text NOT NULL,
        credentials_ciphertext text NOT NULL,
        encryption_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT linked_accounts_wallet_lower_check CHECK (wallet = lower(wallet) AND wallet ~ '^0x[0-9a-f]{40}$'),
        CONSTRAINT linked_accounts_api_key_sha256_check CHECK (api_key_sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT linked_accounts_wallet_key_unique UNIQUE (wallet, api_key_sha256)
      )`);
    await queryRunner.query(`CREATE INDEX linked_accounts_encryption_key_idx ON linked_accounts (encryption_key_id)`);
    await queryRunner.query(`
      CREATE TABLE purchase_order_terms (
        purchase_order_id uuid PRIMARY KEY,
        wallet text NOT NULL,
        inst_id text NOT NULL,
        pos_side text NOT NULL,
        mgn_mode text NOT NULL,
        lever text NOT NULL,
        quote_expires_at timestamptz NOT NULL,
        source_event_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT purchase_order_terms_wallet_lower_check CHECK (wallet = lower(wallet)),
        CONSTRAINT purchase_order_terms_pos_side_check CHECK (pos_side IN ('long', 'short', 'net')),
        CONSTRAINT purchase_order_terms_mgn_mode_check CHECK (mgn_mode IN ('cross', 'isolated'))
      )`);
    await queryRunner.query(`
      CREATE TABLE bindings (
        purchase_order_id uuid PRIMARY KEY,
        wallet text NOT NULL,
        linked_account_id uuid NOT NULL,
        okx_uid text NOT NULL,
        ord_id text NOT NULL,
        inst_id text NOT NULL,
        pos_id text NOT NULL,
        pos_c_time text NOT NULL,
        okx_meta jsonb NOT NULL,
        bound_at timestamptz NOT NULL,
        CONSTRAINT bindings_pos_c_time_check CHECK (pos_c_time ~ '^[0-9]{1,16}$'),
        CONSTRAINT bindings_position_unique UNIQUE (okx_uid, pos_id, pos_c_time)
      )`);
    await queryRunner.query(`CREATE INDEX bindings_wallet_idx ON bindings (wallet)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE bindings');
    await queryRunner.query('DROP TABLE purchase_order_terms');
    await queryRunner.query('DROP TABLE linked_accounts');
  }
}
