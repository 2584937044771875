import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim's evidence bundle (~6 kB: every raw OKX answer, its leaves, root and signature) is
 * written once and served whole. As jsonb, Postgres rebuilt each bundle into its binary form as
 * it was stored (~45 µs of its CPU a claim, the largest single item of a claim storm's
 * statements) and printed it back when served; as json it keeps the sealed text as it was
 * written, validated, not rebuilt. The type change rewrites the table, so the lz4 compression
 * is set again for the rewritten values.
 */
export class EvidenceAsJson1765400000000 implements MigrationInterface {
  name = 'EvidenceAsJson1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurance_claims ALTER COLUMN evidence_json SET COMPRESSION lz4, ALTER COLUMN evidence_json TYPE json USING evidence_json::json');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE insurance_claims ALTER COLUMN evidence_json TYPE jsonb USING evidence_json::jsonb');
  }
}
