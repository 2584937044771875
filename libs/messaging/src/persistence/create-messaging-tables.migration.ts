import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox, inbox and dead letters in the connection's current schema: each service lists this
 * class among its own migrations, and its search_path is pinned to its schema, so every service
 * gets its own three tables. Constraints back the states the code relies on.
 */
export class CreateMessagingTables1764201600000 implements MigrationInterface {
  name = 'CreateMessagingTables1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        version integer NOT NULL,
        subject text NOT NULL,
        msg_id text NOT NULL,
        envelope jsonb NOT NULL,
        correlation_id text NOT NULL,
        state text NOT NULL DEFAULT 'PENDING',
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        CONSTRAINT outbox_version_check CHECK (version > 0),
        CONSTRAINT outbox_state_check CHECK (state IN ('PENDING', 'PUBLISHED')),
        CONSTRAINT outbox_attempts_check CHECK (attempts >= 0),
        CONSTRAINT outbox_published_at_check CHECK ((state = 'PUBLISHED') = (published_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, created_at) WHERE state = 'PENDING'`);
    await queryRunner.query(`
      CREATE TABLE inbox (
        message_id uuid NOT NULL,
        consumer text NOT NULL,
        event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, consumer)
      )`);
    await queryRunner.query(`
      CREATE TABLE dead_letters (
        id uuid PRIMARY KEY,
        consumer text NOT NULL,
        stream text NOT NULL,
        stream_sequence bigint NOT NULL,
        subject text NOT NULL,
        event_id text,
        event_type text,
        correlation_id text,
        delivery_count integer NOT NULL,
        reason text NOT NULL,
        detail text NOT NULL,
        envelope jsonb,
        raw_data text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dead_letters_stream_sequence_check CHECK (stream_sequence > 0),
        CONSTRAINT dead_letters_delivery_count_check CHECK (delivery_count > 0),
        CONSTRAINT dead_letters_reason_check CHECK (reason IN ('INVALID_EVENT', 'UNEXPECTED_EVENT', 'PERMANENT_FAILURE', 'MAX_DELIVERIES'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX dead_letters_message_uq ON dead_letters (consumer, stream, stream_sequence)`);
    await queryRunner.query(`CREATE INDEX dead_letters_created_idx ON dead_letters (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letters');
    await queryRunner.query('DROP TABLE inbox');
    await queryRunner.query('DROP TABLE outbox');
  }
}
