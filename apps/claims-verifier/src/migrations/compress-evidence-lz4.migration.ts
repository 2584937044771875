import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim's evidence (every raw OKX answer, ~6 kB of JSON) is compressed when it is stored. With
 * Postgres's default pglz that compression was the largest single item of Postgres's CPU in a
 * claim storm (6 % of it); lz4 does the same job several times faster, at a similar size.
 * Existing values keep their compression until rewritten.
 */
export class CompressEvidenceLz41765300000000 implements MigrationInterface {
  name = 'CompressEvidenceLz41765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurance_claims ALTER COLUMN evidence_json SET COMPRESSION lz4');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurance_claims ALTER COLUMN evidence_json SET COMPRESSION default');
  }
}
