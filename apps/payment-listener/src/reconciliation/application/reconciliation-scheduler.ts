import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../config/listener-settings';
import { ChainListenerRunner } from '../../chain-listener/application/chain-listener.runner';
import { checkEveryMs, isRunDue } from '../domain/schedule';
import { ReconciliationRunRepository } from '../infrastructure/reconciliation-run.repository';
import { NothingToReconcileError, RunReconciliationHandler } from './run-reconciliation/run-reconciliation.handler';

/**
 * The daily reconciliation. Only the instance holding the chain lease runs it, and whether it is
 * due comes from the runs table, so restarts neither skip nor repeat a day.
 */
@Injectable()
export class ReconciliationScheduler {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly runner: ChainListenerRunner,
    private readonly runs: ReconciliationRunRepository,
    private readonly reconcile: RunReconciliationHandler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.inFlight ??= this.runIfDue().finally(() => (this.inFlight = undefined));
    }, checkEveryMs(this.settings.reconciliationIntervalMs));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.inFlight;
  }

  async runIfDue(): Promise<void> {
    if (!this.runner.status.leader) return;
    try {
      const last = await this.runs.lastScheduled(this.settings.chain.chainId);
      if (!isRunDue(last, new Date(), this.settings.reconciliationIntervalMs)) return;
      await this.reconcile.execute({ trigger: 'SCHEDULED' });
    } catch (error) {
      if (error instanceof NothingToReconcileError) return;
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'scheduled reconciliation failed');
    }
  }
}
