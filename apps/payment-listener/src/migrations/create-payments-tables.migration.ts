import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment listener's state (CHAIN.md "Payment listener", step 1): per chain a cursor and the
 * recent block hashes the reorg walk-back compares, the lease that keeps one listener per chain,
 * the payments seen on-chain, and the reconciliation runs. Money is NUMERIC base units.
 *
 * A payment reorged out is kept, marked REVERTED; the uniqueness that matters — one counted
 * payment per `(chain_id, tx_hash, log_index)` and per `(chain_id, order_id)` — holds among
 * CONFIRMED rows, so the same transaction mined again after a reorg is a new row (revision + 1).
 */
export class CreatePaymentsTables1764400000000 implements MigrationInterface {
  name = 'CreatePaymentsTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chain_cursors (
        chain_id integer PRIMARY KEY,
        start_block bigint NOT NULL,
        last_block bigint NOT NULL,
        last_hash text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL,
        CONSTRAINT chain_cursors_start_check CHECK (start_block >= 0),
        CONSTRAINT chain_cursors_last_check CHECK (last_block >= start_block - 1),
        CONSTRAINT chain_cursors_hash_check CHECK (last_hash IS NOT NULL OR last_block = -1)
      )`);
    await queryRunner.query(`
      CREATE TABLE recent_blocks (
        chain_id integer NOT NULL,
        block_number bigint NOT NULL,
        block_hash text NOT NULL,
        PRIMARY KEY (chain_id, block_number),
        CONSTRAINT recent_blocks_hash_check CHECK (block_hash ~ '^0x[0-9a-f]{64}$')
      )`);
    await queryRunner.query(`
      CREATE TABLE chain_leases (
        chain_id integer PRIMARY KEY,
        holder text NOT NULL,
        epoch bigint NOT NULL,
        acquired_at timestamptz NOT NULL,
        renewed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT chain_leases_epoch_check CHECK (epoch > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE premium_payments (
        id uuid PRIMARY KEY,
        chain_id integer NOT NULL,
        tx_hash text NOT NULL,
        log_index integer NOT NULL,
        revision integer NOT NULL DEFAULT 0,
        block_number bigint NOT NULL,
        block_hash text NOT NULL,
        block_time timestamptz NOT NULL,
        checkout_address text NOT NULL,
        order_id text NOT NULL,
        buyer text NOT NULL,
        token text NOT NULL,
        premium_usdc numeric(78, 0) NOT NULL,
        payout_usdc numeric(78, 0) NOT NULL,
        payout_cap_usdc numeric(78, 0) NOT NULL,
        coverage_seconds numeric(20, 0) NOT NULL,
        quote_hash text NOT NULL,
        treasury text NOT NULL,
        status text NOT NULL DEFAULT 'CONFIRMED',
        correlation_id text NOT NULL,
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        ingested_by text NOT NULL,
        reverted_at timestamptz,
        reversal_event_id uuid,
        CONSTRAINT premium_payments_status_check CHECK (status IN ('CONFIRMED', 'REVERTED')),
        CONSTRAINT premium_payments_reverted_check CHECK ((status = 'REVERTED') = (reverted_at IS NOT NULL AND reversal_event_id IS NOT NULL)),
        CONSTRAINT premium_payments_amounts_check CHECK (premium_usdc > 0 AND payout_usdc >= 0 AND payout_cap_usdc >= 0 AND coverage_seconds >= 0),
        CONSTRAINT premium_payments_revision_check CHECK (revision >= 0 AND log_index >= 0 AND block_number >= 0),
        CONSTRAINT premium_payments_hashes_check CHECK (
          tx_hash ~ '^0x[0-9a-f]{64}$' AND block_hash ~ '^0x[0-9a-f]{64}$' AND order_id ~ '^0x[0-9a-f]{64}$' AND quote_hash ~ '^0x[0-9a-f]{64}$')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX premium_payments_log_uq ON premium_payments (chain_id, tx_hash, log_index) WHERE status = 'CONFIRMED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX premium_payments_order_uq ON premium_payments (chain_id, order_id) WHERE status = 'CONFIRMED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX premium_payments_revision_uq ON premium_payments (chain_id, tx_hash, log_index, revision)`);
    await queryRunner.query(`CREATE INDEX premium_payments_block_idx ON premium_payments (chain_id, block_number) WHERE status = 'CONFIRMED'`);
    await queryRunner.query(`
      CREATE TABLE reconciliation_runs (
        id uuid PRIMARY KEY,
        chain_id integer NOT NULL,
        trigger text NOT NULL,
        from_block bigint NOT NULL,
        to_block bigint NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        report jsonb,
        error text,
        CONSTRAINT reconciliation_runs_trigger_check CHECK (trigger IN ('SCHEDULED', 'ON_DEMAND')),
        CONSTRAINT reconciliation_runs_status_check CHECK (status IN ('RUNNING', 'OK', 'MISMATCH', 'FAILED')),
        CONSTRAINT reconciliation_runs_range_check CHECK (from_block >= 0 AND to_block >= from_block),
        CONSTRAINT reconciliation_runs_finished_check CHECK ((status = 'RUNNING') = (finished_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX reconciliation_runs_latest_idx ON reconciliation_runs (chain_id, started_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reconciliation_runs');
    await queryRunner.query('DROP TABLE premium_payments');
    await queryRunner.query('DROP TABLE chain_leases');
    await queryRunner.query('DROP TABLE recent_blocks');
    await queryRunner.query('DROP TABLE chain_cursors');
  }
}
