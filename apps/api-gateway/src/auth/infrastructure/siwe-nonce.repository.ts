import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** SIWE nonces: stored on issue, consumed at most once, and only before they expire. */
@Injectable()
export class SiweNonceRepository {
  private lastSweep = 0;

  constructor(private readonly dataSource: DataSource) {}

  async issue(nonce: string, ttlSeconds: number): Promise<Date> {
    await this.sweepExpired();
    const rows: { expires_at: Date }[] = await this.dataSource.query(
      `INSERT INTO siwe_nonces (nonce, expires_at) VALUES ($1, now() + make_interval(secs => $2)) RETURNING expires_at`,
      [nonce, ttlSeconds],
    );
    return rows[0].expires_at;
  }

  /**
   * Marks the nonce used by this wallet, in one statement: of two concurrent sign-ins with the
   * same nonce exactly one succeeds. False when the nonce is unknown, expired or already used.
   */
  async consume(nonce: string, wallet: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE siwe_nonces SET consumed_at = now(), consumed_by = $2
        WHERE nonce = $1 AND consumed_at IS NULL AND expires_at > now()`,
      [nonce, wallet],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Expired nonces can never be used again; drop them, at most once a minute per process. */
  private async sweepExpired(): Promise<void> {
    if (Date.now() - this.lastSweep < 60_000) return;
    this.lastSweep = Date.now();
    await this.dataSource.query(`DELETE FROM siwe_nonces WHERE expires_at < now() - interval '1 minute'`);
  }
}
