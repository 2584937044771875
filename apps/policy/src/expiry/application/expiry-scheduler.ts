import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LOGGER } from '@liqpass/service-kit';
import { POLICY_SETTINGS, type PolicySettings } from '../../config/policy-settings';
import { PolicyTransitions } from '../../purchase-orders/application/policy-transitions';
import { decideCancellation, decideExpiry, type Decision } from '../../purchase-orders/domain/life-cycle';
import type { PurchaseOrder } from '../../purchase-orders/domain/purchase-order';
import { PurchaseOrderRepository } from '../../purchase-orders/infrastructure/purchase-order.repository';
import { toPurchaseOrder } from '../../purchase-orders/infrastructure/purchase-order.row';
import { SchedulerLeaseRepository } from '../infrastructure/scheduler-lease.repository';

export const EXPIRY_LEASE = 'policy-expiry';

/**
 * Cancels unpaid orders whose quote expired and expires active policies at coverage_end_at
 * (PolicyExpired). Every replica runs the loop; only the holder of the lease does the work, so
 * it runs once across replicas, and a standby takes over when the holder stops renewing. It
 * keeps no state of its own: what is due is read from purchase_orders on every tick, so a
 * restart (or a takeover) simply carries on — nothing due is missed while nobody ran.
 */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(POLICY_SETTINGS) private readonly settings: PolicySettings,
    private readonly leases: SchedulerLeaseRepository,
    private readonly orders: PurchaseOrderRepository,
    private readonly transitions: PolicyTransitions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.leases.release(EXPIRY_LEASE, this.holder).catch(() => undefined);
  }

  /** One pass; returns how many orders changed (0 when another replica holds the lease). */
  async tick(): Promise<{ held: boolean; cancelled: number; expired: number }> {
    const { leaseTtlMs, batchSize } = this.settings.expiry;
    if (!(await this.leases.tryAcquire(EXPIRY_LEASE, this.holder, leaseTtlMs))) return { held: false, cancelled: 0, expired: 0 };
    const grace = this.settings.cancelGraceSeconds;
    let cancelled = 0;
    for (const id of await this.orders.dueForCancellation(grace, batchSize)) {
      if (await this.settle(id, (order, now) => decideCancellation(order, now, grace), 'quote-expiry')) cancelled += 1;
    }
    let expired = 0;
    for (const id of await this.orders.dueForExpiry(batchSize)) {
      if (await this.settle(id, (order, now) => decideExpiry(order, now), 'coverage-end')) expired += 1;
    }
    return { held: true, cancelled, expired };
  }

  private async settle(id: string, decide: (order: PurchaseOrder, now: Date) => Decision, cause: string): Promise<boolean> {
    try {
      return await this.dataSource.transaction(async (manager: EntityManager) => {
        if (!(await this.leases.fence(manager, EXPIRY_LEASE, this.holder, this.settings.expiry.leaseTtlMs))) throw new Error('expiry lease lost');
        const row = await this.orders.lock(manager, { id });
        if (!row) return false;
        const [{ now }] = (await manager.query('SELECT now() AS now')) as [{ now: Date }];
        const decision = decide(toPurchaseOrder(row), now);
        if (decision.kind === 'refused') return false;
        return (await this.transitions.apply(manager, row, decision, { actor: 'scheduler:expiry', cause })).changed;
      });
    } catch (error) {
      this.logger.warn({ err: error, purchaseOrderId: id }, 'expiry pass failed for one order; retried next tick');
      return false;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'expiry tick failed'))
        .finally(() => this.schedule(this.settings.expiry.intervalMs));
    }, delayMs);
    this.timer.unref?.();
  }
}
