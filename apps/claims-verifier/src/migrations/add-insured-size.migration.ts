import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The position size at binding (OkxOrderBound.posSzAtBind): what a partial liquidation scales against. */
export class AddInsuredSize1764700000000 implements MigrationInterface {
  name = 'AddInsuredSize1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE policies ADD COLUMN pos_sz_at_bind numeric(38,18)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE policies DROP COLUMN pos_sz_at_bind');
  }
}
