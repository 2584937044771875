import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candle samples volatility was estimated from, stored once per sample and referenced by
 * every quote priced on it (`pricing_json.volatility.sampleId`), instead of ~2 kB of closes in
 * each quote row.
 */
export class CreateVolatilitySamples1764500100000 implements MigrationInterface {
  name = 'CreateVolatilitySamples1764500100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volatility_samples (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        instrument text NOT NULL,
        bar text NOT NULL,
        estimate_json jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS volatility_samples');
  }
}
