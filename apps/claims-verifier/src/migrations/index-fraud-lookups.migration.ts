import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fraud checks of every new claim look policies up by OKX uid (claims per uid, wallets per
 * uid). Without an index each was a scan of the read model: a claim storm's cost grew with the
 * square of its size.
 */
export class IndexFraudLookups1765000000000 implements MigrationInterface {
  name = 'IndexFraudLookups1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX policies_okx_uid ON policies (okx_uid)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX policies_okx_uid');
  }
}
