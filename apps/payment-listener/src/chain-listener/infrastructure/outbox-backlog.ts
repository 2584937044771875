import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Outbox rows not yet published: how far the listener is ahead of the relay. */
@Injectable()
export class OutboxBacklog {
  constructor(private readonly dataSource: DataSource) {}

  async pending(): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM outbox WHERE state = 'PENDING'`);
    return Number(rows[0]!.n);
  }

  /**
   * Waits while more than `limit` rows wait for the relay, at most `maxWaitMs`. A backfill would
   * otherwise write tens of thousands of rows ahead of it, and each relay pass sorts every pending
   * row (measured: 20,000 pending rows cost a pass ~0.25 s), which slows both down.
   */
  async waitBelow(limit: number, maxWaitMs: number, everyMs = 25): Promise<boolean> {
    const deadline = Date.now() + maxWaitMs;
    while ((await this.pending()) > limit) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    return true;
  }
}
