import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../config/listener-settings';
import { ChainMovedDuringReadError, DeepReorgError } from '../domain/listener-errors';
import { ChainCursorRepository, CursorMovedError } from '../infrastructure/chain-cursor.repository';
import { ChainLeaseRepository, LeaseLostError, type HeldLease } from '../infrastructure/chain-lease.repository';
import { ChainReader } from '../infrastructure/chain-reader';
import { ListenerMetrics } from '../infrastructure/listener-metrics';
import { IngestRangeHandler } from './ingest-range/ingest-range.handler';
import { ListenerInstance } from './listener-instance';

const MAX_BACKOFF_MS = 30_000;

export interface ListenerStatus {
  readonly holder: string;
  readonly leader: boolean;
  /** Why the listener stopped (deep reorg, wrong chain), or null while it runs. */
  readonly halted: string | null;
}

/**
 * The listener's loop: stand by until this instance holds the chain's lease, then tick — at
 * once again while behind (backfill), after the poll interval once caught up, with backoff after
 * errors. Losing the lease (or finding the cursor moved by someone else) drops back to standby.
 */
@Injectable()
export class ChainListenerRunner {
  private running = false;
  private held: HeldLease | null = null;
  private halted: string | null = null;
  private chainChecked = false;
  private cursorReady = false;
  private failures = 0;
  private loopDone: Promise<void> = Promise.resolve();
  private wake: (() => void) | undefined;
  private renewTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly instance: ListenerInstance,
    private readonly lease: ChainLeaseRepository,
    private readonly cursors: ChainCursorRepository,
    private readonly reader: ChainReader,
    private readonly ingest: IngestRangeHandler,
    private readonly metrics: ListenerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get status(): ListenerStatus {
    return { holder: this.instance.holder, leader: this.held !== null, halted: this.halted };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Finishes the tick in progress, then hands the lease over so a standby takes it at once. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
    if (this.held) await this.lease.release(this.held).catch(() => undefined);
    this.dropLease();
  }

  /** Tick now rather than after the current pause (tests, and after a known new block). */
  kick(): void {
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const pauseMs = await this.step();
      if (this.running && pauseMs > 0) await this.sleep(pauseMs);
    }
  }

  /** One pass; returns how long to wait before the next. */
  private async step(): Promise<number> {
    const { pollIntervalMs } = this.settings;
    if (this.halted) return pollIntervalMs;
    try {
      if (!this.chainChecked) await this.checkChain();
      const lease = this.held ?? (await this.acquire());
      if (!lease) return Math.min(pollIntervalMs, this.settings.leaseTtlMs / 3);
      if (!this.cursorReady) await this.ensureCursor();
      const started = Date.now();
      const stopTimer = this.metrics.tickSeconds.startTimer({ chain_id: this.settings.chain.chainId });
      const outcome = await this.ingest.execute(lease).finally(() => stopTimer());
      this.failures = 0;
      if (outcome.kind === 'reorg' || (outcome.kind === 'advanced' && outcome.behind > 0)) return 0;
      // Ticks start every poll interval, however long one took: a new block waits at most that long.
      return Math.max(0, pollIntervalMs - (Date.now() - started));
    } catch (error) {
      return this.onError(error);
    }
  }

  private onError(error: unknown): number {
    const chainId = this.settings.chain.chainId;
    if (error instanceof LeaseLostError || error instanceof CursorMovedError) {
      this.logger.warn({ chainId, err: error.message }, 'lost the chain lease: standing by');
      this.dropLease();
      return 0;
    }
    if (error instanceof DeepReorgError) {
      this.halt(error.message);
      return this.settings.pollIntervalMs;
    }
    if (error instanceof ChainMovedDuringReadError) {
      this.logger.info({ chainId, err: error.message }, 'reading the range again');
      return Math.min(250, this.settings.pollIntervalMs);
    }
    this.failures += 1;
    this.metrics.tickErrors.inc({ chain_id: chainId });
    const delay = Math.min(MAX_BACKOFF_MS, this.settings.pollIntervalMs * 2 ** Math.min(this.failures - 1, 10));
    this.logger.warn({ chainId, err: error instanceof Error ? error.message : String(error), failures: this.failures, retryInMs: delay }, 'listener tick failed');
    return delay;
  }

  /** The RPC must serve the configured chain, or every address and payment would be someone else's. */
  private async checkChain(): Promise<void> {
    const actual = await this.reader.chainId();
    if (actual !== this.settings.chain.chainId) {
      this.halt(`CHAIN_RPC_URL serves chain ${actual}, but CHAIN_ID is ${this.settings.chain.chainId}`);
      return;
    }
    this.chainChecked = true;
  }

  private async acquire(): Promise<HeldLease | null> {
    const { chainId } = this.settings.chain;
    const lease = await this.lease.tryAcquire(chainId, this.instance.holder, this.settings.leaseTtlMs);
    if (!lease) return null;
    this.held = lease;
    this.metrics.leaseHeld.set({ chain_id: chainId }, 1);
    this.renewTimer = setInterval(() => void this.renew(), Math.max(100, Math.floor(this.settings.leaseTtlMs / 3)));
    this.logger.info({ chainId, holder: lease.holder, epoch: lease.epoch }, 'holding the chain lease: listening');
    return lease;
  }

  /** The first holder on a chain creates its cursor just before LISTENER_START_BLOCK; later ones resume from it. */
  private async ensureCursor(): Promise<void> {
    const { chainId } = this.settings.chain;
    if (!(await this.cursors.get(chainId))) {
      const { startBlock } = this.settings;
      const anchor = startBlock > 0 ? await this.reader.header(startBlock - 1) : null;
      if (startBlock > 0 && !anchor) throw new Error(`the chain has no block ${startBlock - 1} yet (LISTENER_START_BLOCK is ${startBlock})`);
      await this.cursors.initialise(chainId, startBlock, anchor, this.instance.holder);
    }
    this.cursorReady = true;
  }

  private async renew(): Promise<void> {
    const lease = this.held;
    if (!lease) return;
    try {
      if (!(await this.lease.renew(lease, this.settings.leaseTtlMs)) && this.held === lease) {
        this.logger.warn({ chainId: lease.chainId }, 'the chain lease was taken over: standing by');
        this.dropLease();
      }
    } catch (error) {
      // The next commit fences anyway; a database hiccup here must not crash the process.
      this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'renewing the chain lease failed');
    }
  }

  private dropLease(): void {
    this.held = null;
    clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    this.metrics.leaseHeld.set({ chain_id: this.settings.chain.chainId }, 0);
  }

  private halt(reason: string): void {
    this.halted = reason;
    this.metrics.halted.set({ chain_id: this.settings.chain.chainId }, 1);
    this.logger.error({ chainId: this.settings.chain.chainId, reason }, 'payment listener stopped: needs an operator');
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
    });
  }
}
