import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's own state: users who signed in, single-use SIWE nonces, admin roles and the
 * audit trail of admin actions. The audit table refuses UPDATE, DELETE and TRUNCATE through
 * triggers, so even the gateway's own role can only append to it.
 */
export class CreateGatewayTables1764300000000 implements MigrationInterface {
  name = 'CreateGatewayTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        wallet text PRIMARY KEY,
        first_signed_in_at timestamptz NOT NULL DEFAULT now(),
        last_signed_in_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_wallet_check CHECK (wallet ~ '^0x[0-9a-fA-F]{40}$')
      )`);
    await queryRunner.query(`
      CREATE TABLE siwe_nonces (
        nonce text PRIMARY KEY,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        consumed_by text,
        CONSTRAINT siwe_nonces_nonce_check CHECK (nonce ~ '^[A-Za-z0-9]{16,64}$'),
        CONSTRAINT siwe_nonces_expiry_check CHECK (expires_at > issued_at),
        CONSTRAINT siwe_nonces_consumed_check CHECK ((consumed_at IS NULL) = (consumed_by IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX siwe_nonces_expires_at_idx ON siwe_nonces (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE admin_roles (
        wallet text NOT NULL,
        role text NOT NULL,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (wallet, role),
        CONSTRAINT admin_roles_wallet_check CHECK (wallet ~ '^0x[0-9a-fA-F]{40}$'),
        CONSTRAINT admin_roles_role_check CHECK (role IN ('reviewer', 'finance', 'superadmin'))
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_roles text[] NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        before jsonb,
        after jsonb,
        outcome text NOT NULL,
        trace_id text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor, id)`);
    await queryRunner.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, id)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`DROP TABLE admin_roles`);
    await queryRunner.query(`DROP TABLE siwe_nonces`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
