import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims service's state (PRODUCT.md §3 `insurance_claims`): its own read model of policies
 * (from policy and okx-binding events, never the policy schema), the claims, their transition
 * history (audit: who, when, from, to, reason) and the evidence bundles. Money is NUMERIC base units.
 *
 * One open claim per policy (any status but REJECTED), and one claim per
 * `(purchase_order_id, okx_event_id)` once the OKX liquidation is known.
 */
export class CreateClaimsTables1764600000000 implements MigrationInterface {
  name = 'CreateClaimsTables1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE policies (
        purchase_order_id uuid PRIMARY KEY,
        order_id text,
        user_wallet text,
        chain_id integer,
        payout_fixed_usdc numeric(38,0),
        payout_cap_usdc numeric(38,0),
        coverage_seconds integer,
        waiting_period_seconds integer,
        inst_id text,
        pos_side text,
        mgn_mode text,
        ord_id text,
        pos_id text,
        pos_c_time text,
        okx_uid text,
        bound_at timestamptz,
        paid_at timestamptz,
        coverage_start_at timestamptz,
        coverage_end_at timestamptz,
        status text NOT NULL DEFAULT 'PENDING_PAYMENT',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE insurance_claims (
        id uuid PRIMARY KEY,
        purchase_order_id uuid NOT NULL,
        claimant text NOT NULL,
        source text NOT NULL,
        submit_tx_hash text,
        okx_event_id text,
        status text NOT NULL,
        reason_code text,
        evidence_root text,
        evidence_json jsonb,
        liquidation_kind text,
        liquidation_time_ms bigint,
        coverage_window_start timestamptz,
        coverage_window_end timestamptz,
        payout_amount_usdc numeric(38,0),
        payout_cap_usdc numeric(38,0),
        fraud_signals jsonb NOT NULL DEFAULT '[]',
        approved_by text,
        approved_at timestamptz,
        rejected_reason text,
        multisig_safe text,
        multisig_tx_hash text,
        paid_at timestamptz,
        trace_id text,
        attempts integer NOT NULL DEFAULT 1,
        verify_deadline_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX insurance_claims_event_unique ON insurance_claims (purchase_order_id, okx_event_id) WHERE okx_event_id IS NOT NULL AND status <> 'REJECTED'`);
    await queryRunner.query(`CREATE UNIQUE INDEX insurance_claims_one_open ON insurance_claims (purchase_order_id) WHERE status <> 'REJECTED'`);
    await queryRunner.query(`CREATE INDEX insurance_claims_status ON insurance_claims (status, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX insurance_claims_claimant ON insurance_claims (claimant, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX insurance_claims_verifying ON insurance_claims (verify_deadline_at) WHERE status = 'VERIFYING'`);
    await queryRunner.query(`
      CREATE TABLE claim_transitions (
        id bigserial PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES insurance_claims(id),
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX claim_transitions_claim ON claim_transitions (claim_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE claim_transitions');
    await queryRunner.query('DROP TABLE insurance_claims');
    await queryRunner.query('DROP TABLE policies');
  }
}
