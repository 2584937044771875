import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { OkxClient } from '@liqpass/okx-client';
import { volatilityFromCandles, type VolatilityEstimate } from '@liqpass/pricing';
import { LOGGER } from '@liqpass/service-kit';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';

/**
 * Volatility per instrument from OKX's public candles, fetched at most once per cache period
 * (concurrent quotes share one fetch): quotes are priced on the same estimate for a minute,
 * and OKX's public limit is never the bottleneck. A failed fetch is not cached.
 */
@Injectable()
export class MarketVolatility {
  private readonly cache = new Map<string, { at: number; value: Promise<VolatilityEstimate | null> }>();

  constructor(
    private readonly okx: OkxClient,
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  estimate(instId: string, now = Date.now()): Promise<VolatilityEstimate | null> {
    const cached = this.cache.get(instId);
    if (cached && now - cached.at < this.settings.volatilityCacheMs) return cached.value;
    const value = this.fetch(instId);
    this.cache.set(instId, { at: now, value });
    value.then(
      (estimate) => estimate === null && this.cache.delete(instId),
      () => this.cache.delete(instId),
    );
    return value;
  }

  private async fetch(instId: string): Promise<VolatilityEstimate | null> {
    const { bar, candles, floor, cap } = this.settings.pricing.volatility;
    try {
      const { data } = await this.okx.getCandles({ instId, bar, limit: candles });
      return volatilityFromCandles(data, bar, { floor, cap });
    } catch (error) {
      this.logger.warn({ err: error, instId }, 'candles for volatility unavailable');
      return null;
    }
  }
}
