import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { OkxClient } from '@liqpass/okx-client';
import { volatilityFromCandles, type VolatilityEstimate } from '@liqpass/pricing';
import { LOGGER } from '@liqpass/service-kit';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';

/** An estimate and the id of its stored sample (`volatility_samples`). */
export interface VolatilitySample {
  readonly estimate: VolatilityEstimate;
  readonly sampleId: string;
}

/**
 * Volatility per instrument from OKX's public candles, fetched at most once per cache period
 * (concurrent quotes share one fetch): quotes are priced on the same estimate for a minute,
 * and OKX's public limit is never the bottleneck. Each sample is stored once, before any
 * quote uses it, so every premium can be re-derived from its closes. A failure is not cached.
 */
@Injectable()
export class MarketVolatility {
  private readonly cache = new Map<string, { at: number; value: Promise<VolatilitySample | null> }>();

  constructor(
    private readonly okx: OkxClient,
    private readonly dataSource: DataSource,
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  estimate(instId: string, now = Date.now()): Promise<VolatilitySample | null> {
    const cached = this.cache.get(instId);
    if (cached && now - cached.at < this.settings.volatilityCacheMs) return cached.value;
    const value = this.fetch(instId);
    this.cache.set(instId, { at: now, value });
    void value.then((sample) => sample === null && this.cache.get(instId)?.value === value && this.cache.delete(instId));
    return value;
  }

  private async fetch(instId: string): Promise<VolatilitySample | null> {
    const { bar, candles, floor, cap } = this.settings.pricing.volatility;
    try {
      const { data } = await this.okx.getCandles({ instId, bar, limit: candles });
      const estimate = volatilityFromCandles(data, bar, { floor, cap });
      if (!estimate) return null;
      const json = JSON.stringify(estimate);
      const sampleId = createHash('sha256').update(`${instId}\n${json}`).digest('hex');
      await this.dataSource.query(
        `INSERT INTO volatility_samples (id, instrument, bar, estimate_json) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
        [sampleId, instId, bar, json],
      );
      return { estimate, sampleId };
    } catch (error) {
      this.logger.warn({ err: error, instId }, 'volatility unavailable (candles or their storage)');
      return null;
    }
  }
}
