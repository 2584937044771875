import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Wallets that have signed in: the trader's identity is the wallet address itself. */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recordSignIn(wallet: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO users (wallet) VALUES ($1)
       ON CONFLICT (wallet) DO UPDATE SET last_signed_in_at = now()`,
      [wallet],
    );
  }
}
