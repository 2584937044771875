import { Inject, Injectable } from '@nestjs/common';
import { Contract, JsonRpcProvider } from 'ethers';
import type { Logger } from 'pino';
import { LOGGER } from '@liqpass/service-kit';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';

const BALANCE_OF = ['function balanceOf(address) view returns (uint256)'];

/**
 * The capital behind open policies: the treasury Safe's USDC balance (read from the chain,
 * cached) plus any configured committed capital. If the chain cannot be read, the last known
 * balance is used; with none, only the committed capital counts (never more than is known).
 */
@Injectable()
export class TreasuryCapital {
  private readonly usdc: Contract;
  private cached: { at: number; balance: Promise<bigint> } | null = null;
  private lastKnown: bigint | null = null;

  constructor(
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const provider = new JsonRpcProvider(settings.chain.rpcUrl, settings.chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
    this.usdc = new Contract(settings.chain.contracts.usdc, BALANCE_OF, provider);
  }

  async capitalUsdc(now = Date.now()): Promise<bigint> {
    if (!this.cached || now - this.cached.at >= this.settings.capacity.balanceCacheMs) this.cached = { at: now, balance: this.readBalance() };
    return (await this.cached.balance) + this.settings.capacity.extraCapitalUsdc;
  }

  private async readBalance(): Promise<bigint> {
    try {
      const balance = (await this.usdc.getFunction('balanceOf')(this.settings.chain.contracts.treasurySafe)) as bigint;
      this.lastKnown = balance;
      return balance;
    } catch (error) {
      this.logger.warn({ err: error }, 'treasury balance unreadable; using the last known one');
      this.cached = null;
      return this.lastKnown ?? 0n;
    }
  }
}
