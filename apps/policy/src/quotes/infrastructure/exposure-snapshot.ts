import { Inject, Injectable } from '@nestjs/common';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';
import { PurchaseOrderRepository } from '../../purchase-orders/infrastructure/purchase-order.repository';

/**
 * Open exposure per instrument as quotes see it: one grouped query per cache period shared by
 * every quote in it, instead of one per quote. A quote only advises; the purchase order's
 * transaction checks capacity again against the live table, under a lock.
 */
@Injectable()
export class ExposureSnapshot {
  private cached: { at: number; value: Promise<Map<string, bigint>> } | null = null;

  constructor(
    private readonly orders: PurchaseOrderRepository,
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
  ) {}

  async exposure(instId: string, now = Date.now()): Promise<{ instrument: bigint; total: bigint }> {
    if (!this.cached || now - this.cached.at >= this.settings.capacity.exposureCacheMs) {
      const value = this.orders.openExposureByInstrument();
      this.cached = { at: now, value };
      value.catch(() => (this.cached = null));
    }
    const byInstrument = await this.cached.value;
    let total = 0n;
    for (const exposure of byInstrument.values()) total += exposure;
    return { instrument: byInstrument.get(instId) ?? 0n, total };
  }
}
