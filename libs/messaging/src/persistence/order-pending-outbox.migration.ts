import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay takes pending rows oldest first (ORDER BY created_at, id). Indexed on
 * (next_attempt_at, created_at), that was a bitmap scan of every pending entry plus a sort, and
 * a bitmap scan never marks the entries of published rows dead — so until a vacuum each pass
 * walked every row published since: 7.5 ms a pass 4,000 rows into a claim storm. In the relay's
 * order, the scan stops at its LIMIT and marks the dead entries it passes (kill_prior_tuple), so
 * the next pass skips them. The few rows backing off (next_attempt_at in the future) are filtered.
 */
export class OrderPendingOutbox1765200000000 implements MigrationInterface {
  name = 'OrderPendingOutbox1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_pending_idx');
    await queryRunner.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at, id) WHERE state = 'PENDING'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_pending_idx');
    await queryRunner.query(`CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, created_at) WHERE state = 'PENDING'`);
  }
}
