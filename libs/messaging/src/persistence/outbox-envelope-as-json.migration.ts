import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row's envelope is written once and read once, whole, by the relay, which publishes
 * it as text. As jsonb, Postgres parsed every envelope into its binary form on the way in and
 * printed it back on the way out (~10 µs each for a 1 kB envelope, twice per event); as json it
 * keeps the text as the writer serialised it — validated, not rebuilt — and the relay publishes
 * those very bytes. `->`/`->>` work on json as on jsonb. The type change rewrites the table (an
 * exclusive lock for as long as that takes): published rows make most of it.
 */
export class OutboxEnvelopeAsJson1765400000000 implements MigrationInterface {
  name = 'OutboxEnvelopeAsJson1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox ALTER COLUMN envelope TYPE json USING envelope::json');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox ALTER COLUMN envelope TYPE jsonb USING envelope::jsonb');
  }
}
