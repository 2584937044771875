import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payout service's state: one payout per claim (unique claim_id: proposed once, whatever
 * happens), its SafeTx with `safe_tx_hash` + Safe nonce as the idempotency key, the owners'
 * signatures, the execution and its on-chain check. One on-chain USDC transfer pays at most one
 * payout (unique chain/tx/log index). Money is NUMERIC base units.
 */
export class CreatePayoutTables1765000000000 implements MigrationInterface {
  name = 'CreatePayoutTables1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE payouts (
        id uuid PRIMARY KEY,
        claim_id uuid NOT NULL,
        purchase_order_id uuid NOT NULL,
        chain_id integer NOT NULL,
        safe_address text NOT NULL,
        token text NOT NULL,
        recipient text NOT NULL,
        amount_usdc numeric(78, 0) NOT NULL,
        memo text NOT NULL,
        approved_by text NOT NULL,
        status text NOT NULL,
        held_reason text,
        held_detail text,
        safe_nonce bigint,
        safe_tx_hash text,
        safe_tx_json jsonb,
        exec_tx_hash text,
        exec_raw_tx text,
        executed_by text,
        exec_block_number bigint,
        exec_log_index integer,
        flag_reason text,
        last_error text,
        proposed_at timestamptz,
        executed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT payouts_claim_unique UNIQUE (claim_id),
        CONSTRAINT payouts_safe_tx_hash_unique UNIQUE (safe_tx_hash),
        CONSTRAINT payouts_safe_nonce_unique UNIQUE (chain_id, safe_address, safe_nonce),
        CONSTRAINT payouts_transfer_unique UNIQUE (chain_id, exec_tx_hash, exec_log_index),
        CONSTRAINT payouts_status_check CHECK (status IN ('HELD', 'PROPOSED', 'EXECUTING', 'EXECUTED', 'FLAGGED')),
        CONSTRAINT payouts_amount_check CHECK (amount_usdc > 0),
        CONSTRAINT payouts_held_check CHECK ((status = 'HELD') = (held_reason IS NOT NULL)),
        CONSTRAINT payouts_safe_tx_check CHECK (status = 'HELD' OR (safe_tx_hash IS NOT NULL AND safe_nonce IS NOT NULL)),
        CONSTRAINT payouts_exec_check CHECK (status NOT IN ('EXECUTING', 'EXECUTED') OR exec_tx_hash IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX payouts_status_idx ON payouts (status, id)`);
    await queryRunner.query(`
      CREATE TABLE payout_signatures (
        payout_id uuid NOT NULL REFERENCES payouts (id),
        signer text NOT NULL,
        signature text NOT NULL,
        submitted_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (payout_id, signer),
        CONSTRAINT payout_signatures_signature_check CHECK (signature ~ '^0x[0-9a-f]{130}$')
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE payout_signatures');
    await queryRunner.query('DROP TABLE payouts');
  }
}
