import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { HealthService } from '@liqpass/service-kit';
import { ReconciliationScheduler } from '../../reconciliation/application/reconciliation-scheduler';
import { ChainListenerRunner } from '../application/chain-listener.runner';
import { ChainReader } from '../infrastructure/chain-reader';

/**
 * Starts the listener loop and the reconciliation schedule once the app is up (database
 * migrated, messaging running), stops them before messaging and the database close, and reports
 * the chain RPC and the listener in /health.
 */
@Injectable()
export class ChainListenerLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly runner: ChainListenerRunner,
    private readonly scheduler: ReconciliationScheduler,
    private readonly reader: ChainReader,
    private readonly health: HealthService,
  ) {}

  onApplicationBootstrap(): void {
    this.health.register('chain', async () => {
      const head = await this.reader.headNumber();
      return { status: 'ok', detail: `head ${head}` };
    });
    this.health.register('chain-listener', async () => {
      const { halted, leader } = this.runner.status;
      if (halted) return { status: 'down', detail: halted };
      return { status: 'ok', detail: leader ? 'holds the chain lease' : 'standing by' };
    });
    this.runner.start();
    this.scheduler.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.scheduler.stop();
    await this.runner.stop();
  }

  onApplicationShutdown(): void {
    this.reader.destroy();
  }
}
