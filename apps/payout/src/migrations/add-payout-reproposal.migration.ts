import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What releasing a held payout and re-proposing one whose Safe nonce was consumed need: the
 * block a SafeTx was proposed at (where the search for its execution starts), who released a
 * hold and why, and the SafeTx hashes a payout replaced (their nonces were used elsewhere).
 */
export class AddPayoutReproposal1765100000000 implements MigrationInterface {
  name = 'AddPayoutReproposal1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payouts
        ADD COLUMN proposed_block bigint,
        ADD COLUMN released_by text,
        ADD COLUMN release_reason text,
        ADD COLUMN replaced_safe_tx_hashes text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE payouts DROP COLUMN proposed_block, DROP COLUMN released_by, DROP COLUMN release_reason, DROP COLUMN replaced_safe_tx_hashes`);
  }
}
