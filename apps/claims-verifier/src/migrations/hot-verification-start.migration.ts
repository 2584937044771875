import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A verification's start rewrites verify_deadline_at. While that column was indexed, each start
 * added an entry to every index of insurance_claims; unindexed, and with room left on each heap
 * page, the update is HOT (one new tuple on the same page, no index entries). The sweeper finds
 * VERIFYING claims through insurance_claims_status (status, created_at) and filters the deadline.
 */
export class HotVerificationStart1765100000000 implements MigrationInterface {
  name = 'HotVerificationStart1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX insurance_claims_verifying');
    await queryRunner.query('ALTER TABLE insurance_claims SET (fillfactor = 80)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurance_claims RESET (fillfactor)');
    await queryRunner.query(`CREATE INDEX insurance_claims_verifying ON insurance_claims (verify_deadline_at) WHERE status = 'VERIFYING'`);
  }
}
