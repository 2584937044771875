import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { connectNats, streamName } from '@liqpass/messaging';
import { createServiceApp } from '@liqpass/service-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { createTestDatabase, eventually, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { PolicyAppModule } from '../app.module';
import { orderIdFor } from '../quotes/domain/order-id';
import { EXPIRY_LEASE, ExpiryScheduler } from './application/expiry-scheduler';

/**
 * The expiry scheduler against a real Postgres: one replica works at a time (the lease), a
 * standby takes over when the holder stops or dies, and due work left while no replica ran is
 * done after a restart.
 */
let db: TestDatabase;
let admin: Client;
const prefix = uniqueToken('t');
const apps: NestFastifyApplication[] = [];

async function startReplica(env: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const { app } = await createServiceApp('policy', SERVICE_CONFIG_SCHEMAS.policy, ({ config, logger }) => PolicyAppModule.register(config, logger), {
    DATABASE_URL: withCredentials(db.url, 'liqpass_policy', 'liqpass_policy'),
    NATS_URL: TEST_NATS_URL,
    NATS_SUBJECT_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    EXPIRY_INTERVAL_MS: '60000',
    EXPIRY_LEASE_TTL_MS: '120000',
    ...env,
  });
  await app.init();
  apps.push(app);
  return app;
}

async function stop(app: NestFastifyApplication): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

/** A purchase order straight into the table: ACTIVE with coverage ended, or unpaid with its quote expired. */
async function seed(kind: 'ended' | 'unpaid' | 'running'): Promise<string> {
  const quoteId = randomUUID();
  const id = randomUUID();
  const orderId = orderIdFor(id);
  const hash = `0x${randomUUID().replace(/-/g, '').padEnd(64, '0')}`;
  const wallet = '0x976ea74026e726554db657fa54763abd0c3a0aa9';
  await admin.query(
    `INSERT INTO quotes (id, purchase_order_id, order_id, user_wallet, chain_id, checkout_address, instrument, premium_amount_usdc, payout_fixed_usdc, payout_cap_usdc,
       coverage_seconds, waiting_period_seconds, leverage_hundredths, expires_at, quote_hash, signature, pricing_json)
     VALUES ($1, $2, $3, $4, 31337, '0x0', 'BTC-USDT-SWAP', 1000000, 400000000, 500000000, 3600, 0, 2000, now() - interval '1 hour', $5, '0x', '{}')`,
    [quoteId, id, orderId, wallet, hash],
  );
  const meta = { ordId: '1', instId: 'BTC-USDT-SWAP', posId: '2', posCTime: '1', posSide: 'long', mgnMode: 'isolated', lever: '20', okxUid: '3', liqPxAtBind: null, boundAt: new Date().toISOString() };
  const params = { coverage_seconds: 3600, waiting_period_seconds: 0 };
  const active = kind !== 'unpaid';
  await admin.query(
    `INSERT INTO purchase_orders (id, order_id, quote_id, user_wallet, chain_id, checkout_address, quote_hash, instrument, premium_amount_usdc, payout_fixed_usdc, payout_cap_usdc,
       policy_params_json, okx_meta_json, bound_at, paid_at, pay_tx_hash, pay_log_index, pay_chain_id, pay_checkout_address, payer, paid_amount_usdc, paid_quote_hash,
       coverage_start_at, coverage_end_at, quote_expires_at, status)
     VALUES ($1, $2, $3, $4, 31337, '0x0', $5, 'BTC-USDT-SWAP', 1000000, 400000000, 500000000, $6, $7, now(),
       ${active ? `now(), $5, 0, 31337, '0x0', $4, 1000000, $5` : 'NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL'},
       ${active ? "now() - interval '2 hours'" : 'NULL'}, ${kind === 'ended' ? "now() - interval '1 second'" : kind === 'running' ? "now() + interval '1 hour'" : 'NULL'},
       now() - interval '1 hour', $8)`,
    [id, orderId, quoteId, wallet, hash, JSON.stringify(params), active ? JSON.stringify(meta) : null, active ? 'ACTIVE' : 'BOUND_UNPAID'],
  );
  return id;
}

const statusOf = async (id: string) => (await admin.query<{ status: string }>(`SELECT status FROM purchase_orders WHERE id = $1`, [id])).rows[0]!.status;
const expiredEvents = async (id: string) =>
  Number((await admin.query(`SELECT count(*) FROM outbox WHERE type = 'PolicyExpired' AND envelope->'payload'->>'purchaseOrderId' = $1`, [id])).rows[0].count);

beforeAll(async () => {
  db = await createTestDatabase('policy_expiry');
  await ensureServiceSchema(db.url, { database: db.name, schema: 'policy', role: 'liqpass_policy', password: 'liqpass_policy' });
  await startReplica();
  admin = new Client({ connectionString: db.url, options: '-c search_path=policy' });
  await admin.connect();
});

afterAll(async () => {
  for (const app of apps.splice(0)) await app.close();
  await admin?.end();
  const nc = await connectNats(TEST_NATS_URL, 'policy-expiry-cleanup');
  await (await jetstreamManager(nc)).streams.delete(streamName('policy', prefix)).catch(() => undefined);
  await nc.close();
  await db?.drop();
});

describe('expiry scheduler', () => {
  it('works on one replica at a time, and each due order changes exactly once', async () => {
    const [a] = apps as [NestFastifyApplication];
    const b = await startReplica();
    const ids = await Promise.all([seed('ended'), seed('ended'), seed('unpaid'), seed('running')]);
    const [ta, tb] = await Promise.all([a.get(ExpiryScheduler).tick(), b.get(ExpiryScheduler).tick()]);
    expect([ta.held, tb.held].filter(Boolean)).toHaveLength(1);
    expect(ta.held ? ta : tb).toEqual({ held: true, expired: 2, cancelled: 1 });
    expect(ta.held ? tb : ta).toEqual({ held: false, expired: 0, cancelled: 0 });
    // Ticking again changes nothing more.
    expect(await (ta.held ? a : b).get(ExpiryScheduler).tick()).toEqual({ held: true, expired: 0, cancelled: 0 });
    expect(await Promise.all(ids.map(statusOf))).toEqual(['EXPIRED', 'EXPIRED', 'CANCELLED', 'ACTIVE']);
    expect(await expiredEvents(ids[0]!)).toBe(1);
    expect(await expiredEvents(ids[1]!)).toBe(1);
    const audit = await admin.query(`SELECT purchase_order_id, to_status, actor FROM policy_transitions WHERE purchase_order_id = ANY($1)`, [ids]);
    expect(audit.rows.map((r) => r.to_status).sort()).toEqual(['CANCELLED', 'EXPIRED', 'EXPIRED']);
    expect(new Set(audit.rows.map((r) => r.actor))).toEqual(new Set(['scheduler:expiry']));
    await stop(b);
  });

  it('lets a standby take over when the holder stops, or when its lease lapses', async () => {
    const [a] = apps as [NestFastifyApplication];
    await a.get(ExpiryScheduler).tick();
    const b = await startReplica();
    expect((await b.get(ExpiryScheduler).tick()).held).toBe(false);
    await stop(a); // a graceful stop releases the lease
    expect((await b.get(ExpiryScheduler).tick()).held).toBe(true);

    // A holder that died without releasing: the standby waits for the lease to lapse.
    await admin.query(`UPDATE scheduler_leases SET holder = 'crashed-replica', expires_at = now() + interval '1 second' WHERE name = $1`, [EXPIRY_LEASE]);
    expect((await b.get(ExpiryScheduler).tick()).held).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await b.get(ExpiryScheduler).tick()).held).toBe(true);
    await stop(b);
  });

  it('does after a restart what fell due while no replica ran', async () => {
    expect(apps).toHaveLength(0);
    const due = await seed('ended');
    const unpaid = await seed('unpaid');
    await startReplica({ EXPIRY_INTERVAL_MS: '200', EXPIRY_LEASE_TTL_MS: '2000' });
    await eventually(async () => (await statusOf(due)) === 'EXPIRED' && (await statusOf(unpaid)) === 'CANCELLED', 10_000, 100);
    expect(await expiredEvents(due)).toBe(1);
  });
});
