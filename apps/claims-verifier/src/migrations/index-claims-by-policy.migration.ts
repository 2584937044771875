import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opening a claim counts the OKX uid's claims of the last 30 days (PRODUCT.md §5 claim-rate
 * limit) by joining the uid's policies to their claims. With no index on the claims' policy
 * (only partial ones, on open claims) that join read the whole table for every claim opened —
 * 2,000 rows per claim by the end of a storm, and more every day in production.
 */
export class IndexClaimsByPolicy1765200000000 implements MigrationInterface {
  name = 'IndexClaimsByPolicy1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX insurance_claims_policy ON insurance_claims (purchase_order_id, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX insurance_claims_policy');
  }
}
