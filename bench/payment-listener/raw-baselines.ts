import { randomUUID } from 'node:crypto';
import { StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { CreatePaymentsTables1764400000000 } from '../../apps/payment-listener/src/migrations/create-payments-tables.migration';
import type { PremiumPayment } from '../../apps/payment-listener/src/chain-listener/domain/premium-payment';
import type { RpcLog } from '../../apps/payment-listener/src/chain-listener/domain/chain-log';
import { hex } from './rpc-batch';

export interface Rate {
  readonly items: number;
  readonly ms: number;
  readonly perSecond: number;
}

const rate = (items: number, ms: number): Rate => ({ items, ms: Math.round(ms), perSecond: Math.round((items / ms) * 1000) });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** eth_getLogs over the whole range, one plain JSON-RPC call, no decoding: the ceiling for reading. */
export async function rawGetLogs(rpcUrl: string, address: string, topic: string, from: number, to: number, repeats = 3): Promise<Rate & { logs: RpcLog[] }> {
  let logs: RpcLog[] = [];
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getLogs', params: [{ address, topics: [topic], fromBlock: hex(from), toBlock: hex(to) }] }),
    });
    logs = ((await response.json()) as { result: RpcLog[] }).result;
    times.push(performance.now() - started);
  }
  return { ...rate(logs.length, median(times)), logs };
}

const COLUMNS = `id, chain_id, tx_hash, log_index, revision, block_number, block_hash, block_time, checkout_address, order_id, buyer, token,
  premium_usdc, payout_usdc, payout_cap_usdc, coverage_seconds, quote_hash, treasury, correlation_id, ingested_by`;

function values(p: PremiumPayment): unknown[] {
  return [randomUUID(), p.chainId, p.txHash, p.logIndex, 0, p.blockNumber, p.blockHash, new Date(p.blockTime * 1000), p.checkoutAddress, p.orderId, p.buyer, p.token,
    p.premium.toString(), p.payout.toString(), p.payoutCap.toString(), p.coverageSeconds.toString(), p.quoteHash, p.treasury, randomUUID(), 'bench'];
}

/**
 * Raw Postgres insert rates for the same payment rows into a copy of the listener's own table
 * (same columns, constraints and unique indexes), in a schema of their own: single-row
 * `INSERT … ON CONFLICT DO NOTHING` commits from 4 clients (TOOLCHAIN.md's measured ceiling), and
 * 1000-row statements for reference.
 */
export async function rawPostgresInserts(adminUrl: string, payments: readonly PremiumPayment[], clients = 4): Promise<{ singleRow: Rate; batched: Rate }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP SCHEMA IF EXISTS bench_raw CASCADE; CREATE SCHEMA bench_raw; SET search_path = bench_raw');
  await new CreatePaymentsTables1764400000000().up({ query: (sql: string) => admin.query(sql) } as unknown as QueryRunner);

  const pool = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: adminUrl, options: '-c search_path=bench_raw' });
      await client.connect();
      return client;
    }),
  );
  const single = `INSERT INTO premium_payments (${COLUMNS}) VALUES (${Array.from({ length: 20 }, (_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING`;
  let started = performance.now();
  await Promise.all(pool.map(async (client, c) => {
    for (let i = c; i < payments.length; i += clients) await client.query(single, values(payments[i]!));
  }));
  const singleRow = rate(payments.length, performance.now() - started);

  await admin.query('TRUNCATE premium_payments');
  const batch = 1000;
  started = performance.now();
  for (let i = 0; i < payments.length; i += batch) {
    const rows = payments.slice(i, i + batch).map(values);
    const columns = Array.from({ length: 20 }, (_, c) => rows.map((row) => row[c]));
    const types = ['uuid', 'int', 'text', 'int', 'int', 'bigint', 'text', 'timestamptz', 'text', 'text', 'text', 'text', 'numeric', 'numeric', 'numeric', 'numeric', 'text', 'text', 'text', 'text'];
    await admin.query(
      `INSERT INTO premium_payments (${COLUMNS}) SELECT * FROM unnest(${types.map((t, c) => `$${c + 1}::${t}[]`).join(', ')}) ON CONFLICT DO NOTHING`,
      columns,
    );
  }
  const batched = rate(payments.length, performance.now() - started);

  for (const client of pool) await client.end();
  await admin.query('DROP SCHEMA bench_raw CASCADE');
  await admin.end();
  return { singleRow, batched };
}

/**
 * JetStream publishes of `bodies` to a stream of their own (file storage, as the services'
 * streams), each with a message id for dedup and awaited for its ack, `inFlight` at a time:
 * the ceiling for the listener's outbox relay, which publishes every PremiumPaid that way.
 */
export async function rawJetStreamPublishes(js: JetStreamClient, jsm: JetStreamManager, prefix: string, bodies: string[], inFlight = 256): Promise<Rate> {
  const name = `BENCH_RAW_${prefix.replace(/[^A-Za-z0-9]/g, '_')}`;
  const subject = `${prefix}.bench.raw-publish`;
  await jsm.streams.add({ name, subjects: [subject], storage: StorageType.File, duplicate_window: 120_000_000_000 });
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < bodies.length) {
          const i = next++;
          await js.publish(subject, bodies[i]!, { msgID: `raw-${i}` });
        }
      }),
    );
    return rate(bodies.length, performance.now() - started);
  } finally {
    await jsm.streams.delete(name).catch(() => undefined);
  }
}
