import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@liqpass/observability';
import { HealthService, LOGGER } from '@liqpass/service-kit';
import { PAYOUT_SETTINGS, type PayoutSettings } from '../../config/payout-settings';
import { ConfirmExecutionsHandler } from '../application/confirm-execution/confirm-executions.handler';
import { DetectConsumedNoncesHandler } from '../application/confirm-execution/detect-consumed-nonces.handler';
import { shortError } from '../application/execute-payout/execute-payout.handler';
import { TreasuryMonitor } from '../application/treasury-monitor';
import { SafeChain } from '../infrastructure/safe-chain';

/**
 * Runs the confirmation watcher, the consumed-nonce check and the treasury monitor on a timer
 * (each on its own: one failing does not stop the others); registers the chain health check.
 */
@Injectable()
export class PayoutWatcherLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(PAYOUT_SETTINGS) private readonly settings: PayoutSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly confirm: ConfirmExecutionsHandler,
    private readonly consumedNonces: DetectConsumedNoncesHandler,
    private readonly treasury: TreasuryMonitor,
    private readonly chain: SafeChain,
    private readonly health: HealthService,
  ) {}

  onApplicationBootstrap(): void {
    this.health.register('chain', async () => {
      const chainId = Number((await this.chain.provider.send('eth_chainId', [])) as string);
      if (chainId !== this.settings.chain.chainId) return { status: 'down', detail: `RPC is on chain ${chainId}, expected ${this.settings.chain.chainId}` };
      return { status: 'ok' };
    });
    this.schedule(0);
  }

  /** One pass now (tests and operators); the timer keeps going. */
  async runOnce(): Promise<void> {
    await this.running;
    this.running = this.pass();
    await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.chain.destroy();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().finally(() => this.schedule(this.settings.pollIntervalMs));
    }, delay);
  }

  private async pass(): Promise<void> {
    for (const [name, step] of [
      ['confirmations', () => this.confirm.tick()],
      ['consumed nonces', () => this.consumedNonces.tick()],
      ['treasury', () => this.treasury.refresh()],
    ] as const) {
      try {
        await step();
      } catch (error) {
        this.logger.warn({ err: shortError(error), step: name }, 'payout watcher step failed');
      }
    }
  }
}
