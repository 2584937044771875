import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'PENDING_PAYMENT','PAID_UNBOUND','BOUND_UNPAID','ACTIVE','EXPIRED','CLAIMED','CLOSED','CANCELLED','PAYMENT_MISMATCH','REFUNDED'`;
const OPEN = `'PENDING_PAYMENT','PAID_UNBOUND','BOUND_UNPAID','ACTIVE'`;

/**
 * Quotes (priced, signed, expiring), `purchase_orders` (PRODUCT.md §3), the audit trail of
 * every status change, and the expiry scheduler's lease. Money is NUMERIC base units; the
 * constraints back the rules: one purchase order per quote, unique on-chain order ids and
 * quote hashes, one recorded payment per (chain, tx, log).
 */
export class CreatePolicyTables1764500000000 implements MigrationInterface {
  name = 'CreatePolicyTables1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE quotes (
        id uuid PRIMARY KEY,
        purchase_order_id uuid NOT NULL UNIQUE,
        order_id text NOT NULL UNIQUE CHECK (order_id ~ '^0x[0-9a-f]{64}$'),
        user_wallet text NOT NULL,
        chain_id integer NOT NULL,
        checkout_address text NOT NULL,
        instrument text NOT NULL,
        position_json jsonb,
        premium_amount_usdc numeric(38,0) NOT NULL CHECK (premium_amount_usdc > 0),
        payout_fixed_usdc numeric(38,0) NOT NULL,
        payout_cap_usdc numeric(38,0) NOT NULL,
        coverage_seconds integer NOT NULL,
        waiting_period_seconds integer NOT NULL,
        leverage_hundredths integer NOT NULL,
        expires_at timestamptz NOT NULL,
        quote_hash text NOT NULL UNIQUE CHECK (quote_hash ~ '^0x[0-9a-f]{64}$'),
        signature text NOT NULL,
        pricing_json jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (payout_fixed_usdc <= payout_cap_usdc)
      )`);
    await queryRunner.query(`
      CREATE TABLE purchase_orders (
        id uuid PRIMARY KEY,
        order_id text NOT NULL UNIQUE CHECK (order_id ~ '^0x[0-9a-f]{64}$'),
        quote_id uuid NOT NULL UNIQUE REFERENCES quotes (id),
        user_wallet text NOT NULL,
        chain_id integer NOT NULL,
        checkout_address text NOT NULL,
        quote_hash text NOT NULL,
        instrument text NOT NULL,
        premium_amount_usdc numeric(38,0) NOT NULL,
        payout_fixed_usdc numeric(38,0) NOT NULL,
        payout_cap_usdc numeric(38,0) NOT NULL,
        policy_type text NOT NULL DEFAULT 'LIQUIDATION_V1' CHECK (policy_type IN ('LIQUIDATION_V1')),
        policy_params_json jsonb NOT NULL,
        okx_meta_json jsonb,
        bound_at timestamptz,
        paid_at timestamptz,
        pay_tx_hash text,
        pay_log_index integer,
        pay_chain_id integer,
        pay_checkout_address text,
        payer text,
        paid_amount_usdc numeric(38,0),
        paid_quote_hash text,
        payment_problem text,
        coverage_start_at timestamptz,
        coverage_end_at timestamptz,
        quote_expires_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT purchase_orders_payment_unique UNIQUE (pay_chain_id, pay_tx_hash, pay_log_index),
        CONSTRAINT purchase_orders_active_window CHECK (status <> 'ACTIVE' OR (coverage_start_at IS NOT NULL AND coverage_end_at IS NOT NULL AND paid_at IS NOT NULL AND okx_meta_json IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX purchase_orders_wallet_idx ON purchase_orders (user_wallet, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX purchase_orders_exposure_idx ON purchase_orders (instrument) INCLUDE (payout_cap_usdc) WHERE status IN (${OPEN})`);
    await queryRunner.query(`CREATE INDEX purchase_orders_coverage_end_idx ON purchase_orders (coverage_end_at) WHERE status = 'ACTIVE'`);
    await queryRunner.query(`CREATE INDEX purchase_orders_unpaid_idx ON purchase_orders (quote_expires_at) WHERE status IN ('PENDING_PAYMENT','BOUND_UNPAID')`);
    await queryRunner.query(`
      CREATE TABLE policy_transitions (
        id bigserial PRIMARY KEY,
        purchase_order_id uuid NOT NULL REFERENCES purchase_orders (id),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        reason text NOT NULL,
        actor text NOT NULL,
        cause text,
        correlation_id text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX policy_transitions_order_idx ON policy_transitions (purchase_order_id, id)`);
    await queryRunner.query(`
      CREATE TABLE scheduler_leases (
        name text PRIMARY KEY,
        holder text NOT NULL,
        epoch bigint NOT NULL,
        renewed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['scheduler_leases', 'policy_transitions', 'purchase_orders', 'quotes']) await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
