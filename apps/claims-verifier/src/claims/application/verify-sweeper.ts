import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ServiceConfigOf } from '@liqpass/config';
import type { Logger } from '@liqpass/observability';
import { LOGGER, SERVICE_CONFIG } from '@liqpass/service-kit';
import { ClaimsRepository } from '../infrastructure/claims.repository';
import { VerifyClaimHandler } from './verify-claim.handler';

/** Nothing stays in VERIFYING: claims past their deadline become FAILED with VERIFY_TIMEOUT (PRODUCT.md §4). */
@Injectable()
export class VerifySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly verify: VerifyClaimHandler,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfigOf<'claims-verifier'>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.sweep()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'verify sweeper failed; next tick retries');
          return 0;
        })
        .finally(() => {
          this.running = null;
        });
    }, this.config.VERIFY_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass; the number of claims failed. Claims being verified right now (row locked) are skipped. */
  async sweep(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = await this.claims.overdue(manager, 500);
      for (const claim of overdue) await this.verify.fail(manager, claim, 'VERIFY_TIMEOUT');
      if (overdue.length) this.logger.info({ count: overdue.length }, 'claims past their verification deadline failed with VERIFY_TIMEOUT');
      return overdue.length;
    });
  }
}
