import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { createEvent, type EventEnvelope } from '@liqpass/events';
import { OutboxWriter } from '@liqpass/messaging';
import { newCorrelationId, type Logger } from '@liqpass/observability';
import { LOGGER } from '@liqpass/service-kit';
import { LISTENER_SETTINGS, type ListenerSettings } from '../../../config/listener-settings';
import { AdaptiveRangeSize, blocksIn, confirmedTarget, LogBudgetRangeSize, nextRange, rangeSizeFor, type BlockRange } from '../../domain/block-range';
import { byChainOrder, type BlockHeader, type ChainLog } from '../../domain/chain-log';
import { chunkByBlock, type Chunk } from '../../domain/commit-chunks';
import { fetchInPieces } from '../../domain/fetch-in-pieces';
import { mapInSlices } from '../../domain/map-in-slices';
import { ChainMovedDuringReadError } from '../../domain/listener-errors';
import { paymentFromLog, paymentMsgId, premiumPaidPayload, type PremiumPayment } from '../../domain/premium-payment';
import { sameHash, windowFloor, type KnownBlock } from '../../domain/reorg-walk-back';
import { ChainCursorRepository, type ChainCursor } from '../../infrastructure/chain-cursor.repository';
import { ChainLeaseRepository, type HeldLease } from '../../infrastructure/chain-lease.repository';
import { ChainReader } from '../../infrastructure/chain-reader';
import { ListenerMetrics } from '../../infrastructure/listener-metrics';
import { OutboxBacklog } from '../../infrastructure/outbox-backlog';
import { PremiumPaymentRepository } from '../../infrastructure/premium-payment.repository';
import { RevertReorgedBlocksHandler, type ReorgOutcome } from '../revert-reorged-blocks/revert-reorged-blocks.handler';

/** How long a chunk waits for the relay to catch up before it is committed anyway. */
const BACKLOG_WAIT_MS = 10_000;
/** Old block hashes are pruned when the cursor crosses a multiple of this, not at every tick. */
const PRUNE_EVERY = 32;

export type TickOutcome =
  | { readonly kind: 'waiting'; readonly reason: string }
  | { readonly kind: 'caught-up'; readonly head: number; readonly cursor: number }
  | { readonly kind: 'advanced'; readonly head: number; readonly cursor: number; readonly behind: number; readonly published: number }
  | ReorgOutcome;

/** A range read from one consistent view of the chain. */
interface VerifiedRange {
  readonly range: BlockRange;
  readonly end: BlockHeader;
  readonly logs: readonly ChainLog[];
  readonly headers: ReadonlyMap<number, BlockHeader | null>;
}

/**
 * One tick of the listener (CHAIN.md steps 2–6): check the cursor's block hash (a change is a
 * reorg), read the next confirmed range, check every log against its block's header, and commit
 * payments, PremiumPaid outbox rows, cursor and block hashes together.
 */
@Injectable()
export class IngestRangeHandler {
  /** Blocks per eth_getLogs call, shrunk by provider refusals. */
  private readonly size: AdaptiveRangeSize;
  /** Blocks per tick, sized by the logs the last read returned (memory stays bounded whatever the backlog). */
  private readonly budget: LogBudgetRangeSize;
  /** The cursor as this holder last committed it (the database stays the truth: every move is a compare-and-set). */
  private known: { readonly epoch: number; readonly cursor: ChainCursor } | undefined;

  constructor(
    @Inject(LISTENER_SETTINGS) private readonly settings: ListenerSettings,
    private readonly dataSource: DataSource,
    private readonly reader: ChainReader,
    private readonly cursors: ChainCursorRepository,
    private readonly payments: PremiumPaymentRepository,
    private readonly leases: ChainLeaseRepository,
    private readonly outbox: OutboxWriter,
    private readonly revert: RevertReorgedBlocksHandler,
    private readonly backlog: OutboxBacklog,
    private readonly metrics: ListenerMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.size = new AdaptiveRangeSize(Math.max(settings.liveRange, settings.backfillRange));
    this.budget = new LogBudgetRangeSize(Math.max(settings.liveRange, settings.backfillRange), settings.logsPerRead);
  }

  async execute(lease: HeldLease): Promise<TickOutcome> {
    try {
      return await this.tick(lease);
    } catch (error) {
      this.known = undefined;
      throw error;
    }
  }

  private async tick(lease: HeldLease): Promise<TickOutcome> {
    const { chainId, confirmations } = this.settings.chain;
    const cursor = this.known?.epoch === lease.epoch ? this.known.cursor : await this.cursors.get(chainId);
    if (!cursor) throw new Error(`chain ${chainId}: no cursor (the runner creates it when it takes the lease)`);
    const [head, atCursor] = await Promise.all([this.reader.headNumber(), cursor.lastHash === null ? null : this.reader.header(cursor.lastBlock)]);
    this.observe(head, cursor.lastBlock);

    if (cursor.lastHash !== null) {
      if (!atCursor) return { kind: 'waiting', reason: `the node has no block ${cursor.lastBlock} (behind or re-syncing)` };
      if (!sameHash(atCursor.hash, cursor.lastHash)) {
        this.known = undefined;
        return this.revert.execute(cursor, lease);
      }
    }

    const target = confirmedTarget(head, confirmations);
    const rangeSize = rangeSizeFor(target - cursor.lastBlock, this.settings.liveRange, this.settings.backfillRange);
    const range = nextRange(cursor.lastBlock, target, Math.min(rangeSize, this.budget.current));
    if (!range) return { kind: 'caught-up', head, cursor: cursor.lastBlock };

    const started = performance.now();
    const read = await this.readRange(cursor, range);
    if (!read) return { kind: 'waiting', reason: `the node has no block ${range.to} yet` };
    this.budget.observed(blocksIn(range), read.logs.length);
    const payments = await mapInSlices(read.logs, (log) => paymentFromLog(chainId, log, read.headers.get(log.blockNumber)!.timestamp));
    const readMs = performance.now() - started;

    let current = cursor;
    let published = 0;
    for (const chunk of chunkByBlock(payments, this.settings.eventsPerCommit, range.to)) {
      const backfilling = chunk.items.length >= this.settings.eventsPerCommit / 10;
      if (backfilling && !(await this.backlog.waitBelow(2 * this.settings.eventsPerCommit, BACKLOG_WAIT_MS))) {
        this.logger.warn({ chainId }, 'the outbox relay is not keeping up (is NATS down?); committing anyway');
      }
      const hash = chunk.toBlock === range.to ? read.end.hash : read.headers.get(chunk.toBlock)!.hash;
      published += await this.commit(current, chunk, hash, head, lease);
      current = { ...current, lastBlock: chunk.toBlock, lastHash: hash };
      this.known = { epoch: lease.epoch, cursor: current };
    }
    this.observe(head, range.to);
    this.logger.debug({ chainId, from: range.from, to: range.to, logs: read.logs.length, published, readMs: Math.round(readMs), commitMs: Math.round(performance.now() - started - readMs) }, 'range ingested');
    return { kind: 'advanced', head, cursor: range.to, behind: target - range.to, published };
  }

  /**
   * Reads the logs of a range between two reads of its last header, and the headers of every
   * block with a log. Each header commits to its parent, so an unchanged end hash (and cursor
   * hash) proves every read saw the same chain; each log must carry its block's hash (step 5).
   */
  private async readRange(cursor: ChainCursor, range: BlockRange): Promise<VerifiedRange | null> {
    const { chainId } = this.settings.chain;
    const end = await this.reader.header(range.to);
    if (!end) return null;
    const query = { addresses: this.settings.checkouts, topics: [this.settings.topic] };
    const logs = await fetchInPieces(range, this.size, (piece) => this.reader.logs(query, piece), ({ piece, error }) => {
      this.metrics.rangeSplits.inc({ chain_id: chainId });
      this.logger.info({ chainId, from: piece.from, to: piece.to, err: error instanceof Error ? error.message : String(error) }, 'eth_getLogs refused; splitting the range');
    });
    logs.sort(byChainOrder);
    const [headers, endAgain, cursorAgain] = await Promise.all([
      this.reader.headers(logs.map((log) => log.blockNumber)),
      this.reader.header(range.to),
      cursor.lastHash === null ? Promise.resolve(null) : this.reader.header(cursor.lastBlock),
    ]);
    if (!sameHash(endAgain?.hash, end.hash)) throw new ChainMovedDuringReadError(`block ${range.to} changed from ${end.hash} to ${endAgain?.hash ?? 'nothing'}`);
    if (cursor.lastHash !== null && !sameHash(cursorAgain?.hash, cursor.lastHash)) throw new ChainMovedDuringReadError(`the cursor's block ${cursor.lastBlock} changed`);
    for (const log of logs) {
      const header = headers.get(log.blockNumber);
      if (!sameHash(header?.hash, log.blockHash)) {
        throw new ChainMovedDuringReadError(`log ${log.txHash}:${log.logIndex} names block ${log.blockNumber} ${log.blockHash}, the chain has ${header?.hash ?? 'nothing'}`);
      }
    }
    return { range, end, logs, headers };
  }

  /** CHAIN.md step 6: payments, their PremiumPaid outbox rows, the cursor and block hashes in one transaction. */
  private async commit(cursor: ChainCursor, chunk: Chunk<PremiumPayment>, hash: string, head: number, lease: HeldLease): Promise<number> {
    const { chainId } = this.settings.chain;
    const events = chunk.items.map((payment) => ({
      payment,
      event: createEvent('PremiumPaid', premiumPaidPayload(payment, head), { producer: 'payment-listener', correlationId: newCorrelationId() }),
    }));
    const blocks = new Map<number, string>(chunk.items.map((p) => [p.blockNumber, p.blockHash]));
    blocks.set(chunk.toBlock, hash);
    const known: KnownBlock[] = [...blocks].map(([number, blockHash]) => ({ number, hash: blockHash }));

    const inserted = await this.dataSource.transaction(async (manager) => {
      await this.leases.fence(manager, lease, this.settings.leaseTtlMs);
      await this.cursors.advance(manager, cursor, { block: chunk.toBlock, hash }, lease.holder);
      const rows = await this.payments.insertConfirmed(
        manager,
        chainId,
        lease.holder,
        events.map(({ payment, event }) => ({ id: event.id, payment, correlationId: event.correlationId })),
      );
      const byId = new Map<string, EventEnvelope<'PremiumPaid'>>(events.map(({ event }) => [event.id, event]));
      for (const row of rows) await this.outbox.append(manager, byId.get(row.id)!, { msgId: paymentMsgId(chainId, row.txHash, row.logIndex, row.revision) });
      if (rows.length < events.length) await this.reportSkipped(manager, chunk.items, rows.length);
      await this.cursors.rememberBlocks(manager, chainId, known);
      if (Math.floor(chunk.toBlock / PRUNE_EVERY) !== Math.floor(cursor.lastBlock / PRUNE_EVERY)) {
        await this.cursors.pruneBelow(manager, chainId, windowFloor(chunk.toBlock, this.settings.reorgWindow));
      }
      return rows.length;
    });
    if (inserted > 0) this.metrics.eventsEmitted.inc({ chain_id: chainId, event: 'PremiumPaid' }, inserted);
    return inserted;
  }

  /** A log skipped although it was not counted before lost on its order id: money in, no event. Say so loudly. */
  private async reportSkipped(manager: EntityManager, items: readonly PremiumPayment[], insertedCount: number): Promise<void> {
    const { chainId } = this.settings.chain;
    const counted = await this.payments.countedKeys(manager, chainId, items);
    const conflicts = items.filter((p) => !counted.has(`${p.txHash}:${p.logIndex}`));
    const duplicates = items.length - insertedCount - conflicts.length;
    if (duplicates > 0) this.logger.info({ chainId, duplicates }, 'logs already counted were skipped (re-read after a restart or rewind)');
    for (const p of conflicts) {
      this.metrics.orderConflicts.inc({ chain_id: chainId });
      this.logger.error({ chainId, orderId: p.orderId, txHash: p.txHash, logIndex: p.logIndex, checkout: p.checkoutAddress }, 'PremiumPaid for an order id already paid: not counted (reconciliation will report it)');
    }
  }

  private observe(head: number, cursorBlock: number): void {
    const labels = { chain_id: this.settings.chain.chainId };
    this.metrics.headBlock.set(labels, head);
    this.metrics.cursorBlock.set(labels, cursorBlock);
    this.metrics.blocksBehind.set(labels, Math.max(0, head - cursorBlock));
  }
}
