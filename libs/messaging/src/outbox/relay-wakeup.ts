import type { Notification, PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { outboxChannel } from './outbox-channel';

/**
 * Holds one pooled connection in LISTEN on the service's outbox channel and calls `onWake`
 * when a transaction that appended to the outbox commits (in this process or any replica).
 * Polling stays on as the safety net: a lost notification only delays, never loses, an event.
 */
export class RelayWakeup {
  private constructor(
    private readonly queryRunner: QueryRunner,
    private readonly client: PoolClient,
    private readonly channel: string,
    private readonly listener: (message: Notification) => void,
  ) {}

  static async listen(dataSource: DataSource, onWake: () => void): Promise<RelayWakeup> {
    const queryRunner = dataSource.createQueryRunner();
    try {
      const client = (await queryRunner.connect()) as PoolClient;
      const [{ schema }] = (await queryRunner.query('SELECT current_schema() AS schema')) as { schema: string }[];
      const channel = outboxChannel(schema);
      const listener = (message: Notification) => {
        if (message.channel === channel) onWake();
      };
      client.on('notification', listener);
      await queryRunner.query(`LISTEN "${channel}"`);
      return new RelayWakeup(queryRunner, client, channel, listener);
    } catch (error) {
      await queryRunner.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.client.off('notification', this.listener);
    // The connection goes back to the pool: it must not keep listening there.
    await this.queryRunner.query(`UNLISTEN "${this.channel}"`).catch(() => undefined);
    await this.queryRunner.release();
  }
}
