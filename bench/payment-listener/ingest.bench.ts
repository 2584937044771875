import { describe, expect, it } from 'vitest';
import { PREMIUM_PAID_TOPIC } from '@liqpass/chain';
import { eventually } from '@liqpass/testing';
import { parseRpcLog } from '../../apps/payment-listener/src/chain-listener/domain/chain-log';
import { paymentFromLog } from '../../apps/payment-listener/src/chain-listener/domain/premium-payment';
import { ListenerTestEnv } from '../../apps/payment-listener/src/testing/listener-test-env';
import { cpuMs } from '../lib/cpu.mjs';
import { Cleanup, startProcess } from '../lib/processes.mjs';
import { writeResult } from '../lib/results.mjs';
import { percentile, say, table, verdict } from '../lib/report.mjs';
import { ChainFiller, type SignedQuote } from './chain-filler';
import { HeadGate } from './head-gate';
import { rawGetLogs, rawJetStreamPublishes, rawPostgresInserts } from './raw-baselines';

/**
 * The payment listener's throughput and latency (issue 4), in one run:
 *
 * 1. The built service (dist/, its own process) starts on an anvil behind a "head gate" that
 *    hides new blocks; BENCH_EVENTS PremiumPaid payments are mined behind it — BENCH_WALLETS
 *    buyers paying in parallel, sent as JSON-RPC batches with automine off, BENCH_PER_BLOCK a block.
 * 2. Baselines on the same data: one raw eth_getLogs over the range; raw Postgres inserts of the
 *    same rows into a copy of the listener's table (single-row commits from 4 clients, before
 *    and after the listener's run; and 1,000-row statements).
 * 3. Ingest: the gate opens; events/s from then to the last PremiumPaid received from JetStream.
 * 4. Latency, live: payments keep coming in blocks mined at random moments; for each, confirming
 *    block (2 confirmations) mined → its PremiumPaid received.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const PER_BLOCK = Number(process.env.BENCH_PER_BLOCK ?? 500);
const WALLETS = Number(process.env.BENCH_WALLETS ?? 100);
const LATENCY_SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 60);
const POLL_MS = 1000;
const CONFIRMATIONS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('payment-listener ingest benchmark', () => {
  it(`ingests ${EVENTS} PremiumPaid events and publishes each once`, async () => {
    const cleanup = new Cleanup();
    let recorded: { headline: Record<string, unknown>[]; details: object } | null = null;
    try {
      const env = await ListenerTestEnv.open('bench', ['--gas-limit', '2000000000']);
      cleanup.add('test world', () => env.close());
      const filler = new ChainFiller(env.chain.rpcUrl, env.chain, env.operator, WALLETS);
      const deadline = BigInt(Math.floor(Date.now() / 1000) + 7 * 86_400);
      await env.setAutomine(false);
      await filler.fundBuyers();

      // The service, idle at the head, behind a closed gate.
      const gate = await HeadGate.start(env.chain.rpcUrl);
      cleanup.add('head gate', () => gate.stop());
      await gate.close();
      const startBlock = (await env.head()) + 1;
      const listener = await startProcess(
        'payment-listener',
        'dist/apps/payment-listener/src/main.js',
        env.settings({ CHAIN_RPC_URL: gate.url, LISTENER_POLL_INTERVAL_MS: String(POLL_MS), LISTENER_START_BLOCK: String(startBlock), LISTENER_LEASE_TTL_MS: '15000', LOG_LEVEL: 'warn' }),
        { readyPath: '/health/live' },
      );
      cleanup.add('payment-listener', () => listener.stop());
      await eventually(async () => (await env.cursorBlock()) === startBlock - 1, 30_000);

      // 1. The chain, behind the gate.
      let started = performance.now();
      const quotes = await filler.signQuotes(EVENTS, deadline);
      say(`signed ${EVENTS} quotes in ${Math.round(performance.now() - started)} ms`);
      started = performance.now();
      const blocks: number[] = [];
      for (let i = 0; i < EVENTS; i += PER_BLOCK) {
        const batch = quotes.slice(i, i + PER_BLOCK);
        await filler.sendPayments(batch);
        const block = await filler.mine();
        const outcome = await filler.blockOutcome(block);
        if (outcome.txs !== batch.length || outcome.failed > 0) throw new Error(`block ${block}: ${outcome.txs}/${batch.length} mined, ${outcome.failed} failed`);
        blocks.push(block);
      }
      for (let i = 0; i < CONFIRMATIONS; i += 1) await filler.mine();
      const fillMs = Math.round(performance.now() - started);
      const [firstBlock, lastBlock] = [blocks[0]!, blocks.at(-1)!];
      say(`${EVENTS} payments mined in blocks ${firstBlock}-${lastBlock} (${blocks.length} blocks) in ${fillMs} ms`);

      // 2. Baselines, same run, same data.
      const getLogs = await rawGetLogs(env.chain.rpcUrl, env.chain.checkout, PREMIUM_PAID_TOPIC, firstBlock, lastBlock);
      expect(getLogs.items).toBe(EVENTS);
      const payments = getLogs.logs.map((log) => paymentFromLog(env.chain.chainId, parseRpcLog(log), 0));
      const before = await rawPostgresInserts(env.db.url, payments);
      const rawPublish = await rawJetStreamPublishes(env.js, env.jsm, env.prefix, payments.map((payment) => JSON.stringify(payment, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))));

      // 3. Open the gate: the listener sees EVENTS confirmed payments at once.
      const pid = listener.pid as number;
      const cpuBefore = cpuMs(pid);
      const t0 = Date.now();
      gate.open();
      await env.waitForCount('PremiumPaid', EVENTS, 900_000);
      const cpuUsed = cpuMs(pid) - cpuBefore;
      const arrivals = env.published('PremiumPaid').map((e) => env.receivedAt.get(e.id)!);
      const ingestMs = Math.max(...arrivals) - t0;
      const eventsPerSecond = Math.round((EVENTS / ingestMs) * 1000);
      expect(new Set(env.published('PremiumPaid').map((e) => e.payload.orderId)).size).toBe(EVENTS);
      expect(env.published('PremiumPaid')).toHaveLength(EVENTS);
      const after = await rawPostgresInserts(env.db.url, payments);
      const rawInsert = Math.round((before.singleRow.perSecond + after.singleRow.perSecond) / 2);
      const rawBatched = Math.round((before.batched.perSecond + after.batched.perSecond) / 2);

      // 4. Live: the confirming block of each payment mined → its PremiumPaid received.
      const minedAt = new Map<number, number>();
      const paidIn = new Map<string, number>();
      const mineAtRandom = async () => {
        await sleep(Math.random() * POLL_MS); // a random phase against the listener's poll
        await filler.mine();
        const at = Date.now();
        const block = await env.head();
        minedAt.set(block, at);
        return block;
      };
      const liveUntil = Date.now() + LATENCY_SECONDS * 1000;
      while (Date.now() < liveUntil) {
        const batch: SignedQuote[] = await filler.signQuotes(5, deadline);
        await filler.sendPayments(batch);
        const block = await mineAtRandom();
        for (const { quote } of batch) paidIn.set(quote.orderId, block);
      }
      for (let i = 0; i < CONFIRMATIONS; i += 1) await mineAtRandom();
      await env.waitForCount('PremiumPaid', EVENTS + paidIn.size, 60_000);
      const live = env.published('PremiumPaid').filter((e) => paidIn.has(e.payload.orderId));
      const confirmedAt = (e: (typeof live)[number]) => minedAt.get(paidIn.get(e.payload.orderId)! + CONFIRMATIONS)!;
      const latencies = live.map((e) => env.receivedAt.get(e.id)! - confirmedAt(e)).sort((a, b) => a - b);
      expect(latencies).toHaveLength(paidIn.size);
      // Where the time goes: confirming block → committed to the outbox → published (relay) → received.
      const rows = await env.query<{ id: string; created: number; published: number }>(
        `SELECT id, extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM published_at) * 1000 AS published FROM outbox WHERE id = ANY($1::uuid[])`,
        [live.map((e) => e.id)],
      );
      const outbox = new Map(rows.map((r) => [r.id, r]));
      const segment = (pick: (e: (typeof live)[number]) => number) => live.map(pick).sort((a, b) => a - b);
      const toCommit = segment((e) => Number(outbox.get(e.id)!.created) - confirmedAt(e));
      const toPublish = segment((e) => Number(outbox.get(e.id)!.published) - Number(outbox.get(e.id)!.created));
      const toReceive = segment((e) => env.receivedAt.get(e.id)! - Number(outbox.get(e.id)!.published));

      const metrics = await (await fetch(`${listener.base}/metrics`)).text();
      const metric = (name: string) => metrics.split('\n').filter((line) => line.startsWith(name)).map((line) => line.replace(/\{[^}]*\}/, '')).join('; ');
      say(`listener metrics: ${metric('liqpass_listener_tick_errors_total')}; ${metric('liqpass_listener_tick_seconds_sum')}; ${metric('liqpass_listener_tick_seconds_count')}`);
      for (const e of live.filter((x) => Number(outbox.get(x.id)!.created) - confirmedAt(x) > POLL_MS + 100)) {
        const block = paidIn.get(e.payload.orderId)! + CONFIRMATIONS;
        say(`slow: confirming block ${block} mined at +${minedAt.get(block)! - t0} ms, committed +${Math.round(Number(outbox.get(e.id)!.created)) - t0} ms`);
      }
      const p99 = percentile(latencies, 99) as number;
      const ratio = eventsPerSecond / rawInsert;
      table(`payment-listener — ${EVENTS} PremiumPaid in ${blocks.length} blocks of ${PER_BLOCK}, ${WALLETS} buyers (chain filled in ${fillMs} ms)`, [
        { measure: 'raw eth_getLogs, one call over the range', 'per s': getLogs.perSecond, ms: getLogs.ms, 'listener ÷ this': (eventsPerSecond / getLogs.perSecond).toFixed(3) },
        { measure: 'raw Postgres single-row INSERT, 4 clients (before / after)', 'per s': rawInsert, ms: `${before.singleRow.perSecond} / ${after.singleRow.perSecond}`, 'listener ÷ this': ratio.toFixed(2) },
        { measure: 'raw JetStream publishes, acked, 256 in flight', 'per s': rawPublish.perSecond, ms: rawPublish.ms, 'listener ÷ this': (eventsPerSecond / rawPublish.perSecond).toFixed(3) },
        { measure: 'raw Postgres 1,000-row INSERTs', 'per s': rawBatched, ms: '', 'listener ÷ this': (eventsPerSecond / rawBatched).toFixed(3) },
        { measure: 'listener: gate open → last PremiumPaid received', 'per s': eventsPerSecond, ms: ingestMs, 'listener ÷ this': '1' },
      ]);
      table('live latency by segment (ms)', [
        { segment: 'confirming block mined → commit began (poll + read)', p50: percentile(toCommit, 50), p99: percentile(toCommit, 99), max: toCommit.at(-1) },
        { segment: 'commit began → relay published (commit, relay pass)', p50: percentile(toPublish, 50), p99: percentile(toPublish, 99), max: toPublish.at(-1) },
        { segment: 'published → received by the bench subscriber', p50: percentile(toReceive, 50), p99: percentile(toReceive, 99), max: toReceive.at(-1) },
      ]);
      say(`listener CPU: ${cpuUsed} ms for ${EVENTS} events = ${((cpuUsed / EVENTS) * 1000).toFixed(0)} µs an event`);
      say(`throughput: ${eventsPerSecond} events/s = ${ratio.toFixed(2)} × the raw insert rate: ${verdict(ratio >= 0.3)} the target (≥ 0.3)`);
      say(`latency over ${latencies.length} live payments: p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms: ${verdict(p99 <= POLL_MS + 100)} the target (p99 ≤ ${POLL_MS + 100} ms)`);

      const result = {
        events: EVENTS,
        blocks: blocks.length,
        perBlock: PER_BLOCK,
        buyers: WALLETS,
        fillMs,
        rawGetLogs: { logsPerSecond: getLogs.perSecond, ms: getLogs.ms },
        rawJetStream: { publishesPerSecond: rawPublish.perSecond, ms: rawPublish.ms },
        rawPostgres: { singleRowInsertsPerSecond: rawInsert, before: before.singleRow.perSecond, after: after.singleRow.perSecond, batchedRowsPerSecond: rawBatched },
        listener: { eventsPerSecond, ingestMs, cpuMs: cpuUsed, ratioToRawInsert: Number(ratio.toFixed(2)), target: 0.3 },
        latency: {
          samples: latencies.length,
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
          p99Ms: p99,
          maxMs: latencies.at(-1),
          targetP99Ms: POLL_MS + 100,
          segmentsP99Ms: { toCommit: percentile(toCommit, 99), toPublish: percentile(toPublish, 99), toReceive: percentile(toReceive, 99) },
        },
      };
      recorded = {
        headline: [
          { what: `payment ingest: ${EVENTS} PremiumPaid → ACTIVE`, value: eventsPerSecond, unit: 'events/s', baseline: rawInsert, ratio: Number(ratio.toFixed(2)), target: '≥ 0.3 × raw Postgres inserts', verdict: verdict(ratio >= 0.3) },
          { what: 'payment ingest: p99 confirming block → ACTIVE (live payments)', value: p99, unit: 'ms', target: `≤ ${POLL_MS + 100} ms`, verdict: verdict(p99 <= POLL_MS + 100) },
        ],
        details: result,
      };
    } finally {
      await cleanup.run();
    }
    if (recorded) writeResult('payment-listener', recorded);
  });
});
