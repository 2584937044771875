import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../../config/listener-settings';
import { ChainCursorRepository } from '../../../chain-listener/infrastructure/chain-cursor.repository';
import { PremiumPaymentRepository } from '../../../chain-listener/infrastructure/premium-payment.repository';
import { LogBudgetRangeSize, blocksIn, type BlockRange } from '../../../chain-listener/domain/block-range';
import { ReconciliationTally, type ReconciliationResult } from '../../domain/reconcile';
import { LedgerReader } from '../../infrastructure/ledger-reader';
import { ReconciliationRunRepository, type ReconciliationRunView, type ReconciliationTrigger } from '../../infrastructure/reconciliation-run.repository';
import { ReconciliationMetrics } from '../../infrastructure/reconciliation-metrics';

export interface RunReconciliationCommand {
  readonly trigger: ReconciliationTrigger;
  /** Default: the block after the last scheduled run (the day so far). */
  readonly fromBlock?: number;
  /** Default and upper bound: the listener's cursor (only processed blocks can be compared). */
  readonly toBlock?: number;
}

/** A reconciliation read holds a quarter of what a listener tick may. */
const RECONCILE_READ_SHARE = 4;
const MAX_PAUSE_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nothing to compare yet, or a range beyond what the listener has processed. */
export class NothingToReconcileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToReconcileError';
  }
}

/**
 * A reconciliation run (CHAIN.md): re-reads PremiumPaid over the range from the chain and
 * compares it with the books, the treasury's USDC balance with what the books say flowed in,
 * the checkouts' balances with zero; records the run and publishes ReconciliationMismatch for
 * each difference, in the same transaction as the run's result.
 */
@Injectable()
export class RunReconciliationHandler {
  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly dataSource: DataSource,
    private readonly cursors: ChainCursorRepository,
    private readonly payments: PremiumPaymentRepository,
    private readonly ledger: LedgerReader,
    private readonly runs: ReconciliationRunRepository,
    private readonly outbox: OutboxWriter,
    private readonly metrics: ReconciliationMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: RunReconciliationCommand): Promise<ReconciliationRunView> {
    const { chainId } = this.settings.chain;
    const range = await this.rangeFor(command);
    const id = randomUUID();
    await this.runs.start({ id, chainId, trigger: command.trigger, fromBlock: range.from, toBlock: range.to });
    try {
      const result = await this.compare(range);
      const detectedAt = new Date().toISOString();
      await this.dataSource.transaction(async (manager) => {
        await this.runs.finish(manager, id, result.mismatches.length === 0 ? 'OK' : 'MISMATCH', toReport(result, this.settings));
        for (const m of result.mismatches) {
          await this.outbox.appendNew(manager, 'ReconciliationMismatch', {
            runId: id,
            chainId,
            kind: m.kind,
            fromBlock: range.from,
            toBlock: range.to,
            expectedUsdc: m.expected.toString(),
            actualUsdc: m.actual.toString(),
            detail: m.detail.slice(0, 2000),
            detectedAt,
          });
        }
      });
      for (const m of result.mismatches) this.metrics.mismatches.inc({ chain_id: chainId, kind: m.kind });
      this.metrics.lastRun.set({ chain_id: chainId, status: result.mismatches.length === 0 ? 'OK' : 'MISMATCH' }, Date.now() / 1000);
      const log = { chainId, runId: id, from: range.from, to: range.to, mismatches: result.mismatches.map((m) => m.kind) };
      if (result.mismatches.length > 0) this.logger.error(log, 'reconciliation found differences');
      else this.logger.info(log, 'reconciliation: chain, books and treasury agree');
    } catch (error) {
      await this.runs.fail(id, error instanceof Error ? error.message : String(error));
      this.metrics.lastRun.set({ chain_id: chainId, status: 'FAILED' }, Date.now() / 1000);
      throw error;
    }
    return (await this.runs.recent(chainId, 20)).find((run) => run.id === id)!;
  }

  private async rangeFor(command: RunReconciliationCommand): Promise<{ from: number; to: number }> {
    const { chainId } = this.settings.chain;
    const cursor = await this.cursors.get(chainId);
    if (!cursor || cursor.lastBlock < cursor.startBlock) throw new NothingToReconcileError('the listener has processed no block yet');
    const to = command.toBlock ?? cursor.lastBlock;
    if (to > cursor.lastBlock) throw new NothingToReconcileError(`block ${to} is beyond the listener's cursor (${cursor.lastBlock})`);
    const next = (await this.runs.lastScheduledEnd(chainId)) ?? cursor.startBlock - 1;
    // With nothing new since the last run, look at the last block again: balances are still worth checking.
    const from = command.fromBlock ?? Math.min(next + 1, to);
    if (from > to) throw new NothingToReconcileError(`fromBlock ${from} is after toBlock ${to}`);
    return { from, to };
  }

  /**
   * Reads and compares the range a stretch of blocks at a time, so memory stays bounded however
   * many payments the range holds. The listener shares the process and the node: the stretches
   * are small and each is followed by a pause as long as it took, so live ticks stay on time.
   */
  private async compare(range: BlockRange): Promise<ReconciliationResult> {
    const { chain, checkouts, hotBalanceLimit, logsPerRead } = this.settings;
    const treasury = chain.contracts.treasurySafe;
    const tally = new ReconciliationTally(treasury);
    let lastPieceMs = 0;
    const size = new LogBudgetRangeSize(this.settings.backfillRange, Math.max(1, Math.floor(logsPerRead / RECONCILE_READ_SHARE)));
    for (let from = range.from; from <= range.to; ) {
      if (from > range.from) await sleep(Math.min(MAX_PAUSE_MS, lastPieceMs));
      const started = performance.now();
      const piece = { from, to: Math.min(range.to, from + size.current - 1) };
      const [chainPayments, bookedPayments, transfers] = await Promise.all([
        this.ledger.premiumPayments(piece),
        this.payments.countedInRange(chain.chainId, piece.from, piece.to),
        this.ledger.treasuryTransfers(piece),
      ]);
      tally.add({ chainPayments, bookedPayments, transfers });
      size.observed(blocksIn(piece), chainPayments.length + transfers.length);
      lastPieceMs = performance.now() - started;
      from = piece.to + 1;
    }
    const [treasuryBefore, treasuryAfter, checkoutBalances] = await Promise.all([
      this.ledger.usdcBalance(treasury, range.from - 1),
      this.ledger.usdcBalance(treasury, range.to),
      Promise.all(checkouts.map(async (address) => ({ address, balance: await this.ledger.usdcBalance(address, range.to) }))),
    ]);
    return tally.result({ treasury, treasuryBefore, treasuryAfter, checkoutBalances, hotBalanceLimit });
  }
}

/** The run's result as stored and served: amounts as decimal strings of base units. */
function toReport(result: ReconciliationResult, settings: ListenerSettings): Record<string, unknown> {
  const t = result.treasury;
  return {
    chainPremiumSumUsdc: result.chainPremiumSum.toString(),
    bookedPremiumSumUsdc: result.bookedPremiumSum.toString(),
    chainPaymentCount: result.chainPaymentCount,
    bookedPaymentCount: result.bookedPaymentCount,
    treasury: {
      address: settings.chain.contracts.treasurySafe,
      balanceBeforeUsdc: t.before.toString(),
      balanceAfterUsdc: t.after.toString(),
      expectedBalanceUsdc: t.expectedAfter.toString(),
      bookedInflowUsdc: t.bookedInflow.toString(),
      otherInflowUsdc: t.otherInflow.toString(),
      otherOutflowUsdc: t.otherOutflow.toString(),
      hotBalanceLimitUsdc: settings.hotBalanceLimit.toString(),
    },
    checkouts: settings.checkouts,
    mismatches: result.mismatches.map((m) => ({ kind: m.kind, expectedUsdc: m.expected.toString(), actualUsdc: m.actual.toString(), detail: m.detail })),
  };
}
