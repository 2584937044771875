import type { EntityManager } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, eventSubject, EventValidationError, samplePayload, type EventEnvelope } from '@liqpass/events';
import { eventually } from '@liqpass/testing';
import { NATS_CORRELATION_HEADER } from '@liqpass/observability';
import { openMessagingTestEnv, streamMessageCount, type MessagingTestEnv } from '../testing/messaging-test-env';
import { JetStreamTopology } from '../topology/jetstream-topology';
import { streamName } from '../topology/names';
import { MessagingRuntime } from '../runtime/messaging-runtime';
import { CLAIM_PENDING_SETTINGS, claimPendingSql, OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';
import { RelayWakeup } from './relay-wakeup';

/** A relay whose process "dies" after JetStream acked the publish but before the row is marked. */
class RelayDyingBeforeMark extends OutboxRelay {
  protected override async markPublished(): Promise<void> {
    throw new Error('process died between publish and mark');
  }
}

interface OutboxRow {
  id: string;
  state: string;
  attempts: number;
  published_at: Date | null;
}

describe('transactional outbox (real Postgres + JetStream)', () => {
  let env: MessagingTestEnv;
  let writer: OutboxWriter;
  let stream: string;

  beforeEach(async () => {
    env = await openMessagingTestEnv('outbox');
    writer = new OutboxWriter({ service: 'policy', subjectPrefix: env.prefix });
    stream = await new JetStreamTopology(env.jsm, env.prefix).ensureStream('policy');
    await env.dataSource.query('CREATE TABLE purchase_orders (id uuid PRIMARY KEY, status text NOT NULL)');
  });

  afterEach(async () => {
    await env?.close();
  });

  const relay = (options: { listen?: boolean; pollIntervalMs?: number } = {}) =>
    new OutboxRelay(env.dataSource, env.js, env.logger, env.metrics, { listen: false, ...options });

  /** The state change of a use case and its event, in one transaction. */
  async function createPolicy(manager: EntityManager): Promise<EventEnvelope<'PolicyCreated'>> {
    const payload = samplePayload('PolicyCreated');
    payload.purchaseOrderId = crypto.randomUUID();
    await manager.query(`INSERT INTO purchase_orders (id, status) VALUES ($1, 'PENDING_PAYMENT')`, [payload.purchaseOrderId]);
    return writer.appendNew(manager, 'PolicyCreated', payload, { correlationId: 'corr-outbox-1' });
  }

  const outboxRows = async () => (await env.dataSource.query('SELECT id, state, attempts, published_at FROM outbox ORDER BY created_at')) as OutboxRow[];
  const count = async (table: string) => Number((await env.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('a pass reads the pending rows through the index, not every row published since the last vacuum', async () => {
    // 3,000 rows relayed before (their pending-index entries left behind until a vacuum), one new.
    await env.dataSource.query(
      `INSERT INTO outbox (id, type, version, subject, msg_id, envelope, correlation_id, created_at)
       SELECT gen_random_uuid(), 'PolicyCreated', 1, 's', gen_random_uuid()::text, '{}', 'c', now() - interval '1 hour' + i * interval '1 ms' FROM generate_series(1, 3000) AS i`,
    );
    await env.dataSource.query(`UPDATE outbox SET state = 'PUBLISHED', published_at = now()`);
    await env.dataSource.transaction(createPolicy);
    expect(await relay().relayOnce()).toMatchObject({ claimed: 1, published: 1 });
    await env.dataSource.transaction(createPolicy);
    // The next pass's claim, as the relay runs it: an index scan that reads a few pages.
    const plan = await env.dataSource.transaction(async (manager) => {
      await manager.query(CLAIM_PENDING_SETTINGS);
      const [row] = (await manager.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${claimPendingSql(100)}`)) as { 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }[];
      return row!['QUERY PLAN'][0].Plan;
    });
    const nodes = (node: Record<string, unknown>): Record<string, unknown>[] => [node, ...((node['Plans'] as Record<string, unknown>[] | undefined) ?? []).flatMap(nodes)];
    expect(nodes(plan).map((node) => `${node['Node Type']} ${node['Index Name'] ?? ''}`.trim())).toContain('Index Scan outbox_pending_idx');
    expect(plan['Actual Rows']).toBe(1);
    expect(plan['Shared Hit Blocks'] as number).toBeLessThan(100);
  });

  it('publishes exactly once when the relay dies between publish and mark, and a fresh relay takes over', async () => {
    const event = await env.dataSource.transaction(createPolicy);

    const dying = new RelayDyingBeforeMark(env.dataSource, env.js, env.logger, env.metrics, { listen: false });
    await expect(dying.relayOnce()).rejects.toThrow(/died between publish and mark/);
    expect(await streamMessageCount(env, stream)).toBe(1);
    expect((await outboxRows())[0]).toMatchObject({ id: event.id, state: 'PENDING', published_at: null });

    const restarted = relay();
    expect(await restarted.relayOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
    expect(await streamMessageCount(env, stream)).toBe(1);
    const [row] = await outboxRows();
    expect(row.state).toBe('PUBLISHED');
    expect(row.published_at).toBeInstanceOf(Date);
    expect(await restarted.relayOnce()).toEqual({ claimed: 0, published: 0, failed: 0 });

    const stored = await env.jsm.streams.getMessage(stream, { seq: 1 });
    if (!stored) throw new Error('the stream lost the message');
    expect(stored.subject).toBe(eventSubject('PolicyCreated', 1, env.prefix));
    expect(stored.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored.header.get(NATS_CORRELATION_HEADER)).toBe('corr-outbox-1');
    expect(stored.json<EventEnvelope<'PolicyCreated'>>()).toEqual(event);
  });

  it('commits the state change and the outbox row together, or neither', async () => {
    await env.dataSource.transaction(createPolicy);
    expect([await count('purchase_orders'), await count('outbox')]).toEqual([1, 1]);

    await expect(
      env.dataSource.transaction(async (manager) => {
        await createPolicy(manager);
        throw new Error('use case failed after appending');
      }),
    ).rejects.toThrow(/use case failed/);
    expect([await count('purchase_orders'), await count('outbox')]).toEqual([1, 1]);
  });

  it('refuses an invalid event at publish with a clear error, writing nothing', async () => {
    const valid = createEvent('PolicyCreated', samplePayload('PolicyCreated'), { producer: 'policy', correlationId: 'c' });
    const invalid = { ...valid, payload: { ...valid.payload, premiumAmountUsdc: '12.5' } };
    const attempt = env.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO purchase_orders (id, status) VALUES ($1, 'PENDING_PAYMENT')`, [crypto.randomUUID()]);
      await writer.append(manager, invalid);
    });
    await expect(attempt).rejects.toThrow(EventValidationError);
    await expect(attempt).rejects.toThrow(/payload\.premiumAmountUsdc/);
    expect([await count('purchase_orders'), await count('outbox')]).toEqual([0, 0]);

    const foreign = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c' });
    await expect(env.dataSource.transaction((manager) => writer.append(manager, foreign))).rejects.toThrow(/policy may not publish PremiumPaid/);
    await expect(writer.append(env.dataSource.manager, valid)).rejects.toThrow(/open transaction/);
    expect(await count('outbox')).toBe(0);
  });

  it('wakes a running relay on commit (NOTIFY), long before its poll interval', async () => {
    const running = relay({ listen: true, pollIntervalMs: 60_000 });
    await running.start();
    try {
      // Let the first (empty) pass finish so the relay is asleep for a minute.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const event = await env.dataSource.transaction(createPolicy);
      await eventually(async () => (await outboxRows()).find((row) => row.id === event.id && row.state === 'PUBLISHED'), 5_000, 20);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await streamMessageCount(env, stream)).toBe(1);
    } finally {
      await running.stop();
    }
  });

  it('wakes the relay of its own process on commit without a NOTIFY, and notifies again once that relay stops', async () => {
    let notifications = 0;
    const wakeup = await RelayWakeup.listen(env.dataSource, () => notifications++);
    const runtime = new MessagingRuntime(
      { dataSource: env.dataSource, nc: env.nc, logger: env.logger, metrics: env.metrics },
      { service: 'policy', subjectPrefix: env.prefix, relay: { listen: false, pollIntervalMs: 60_000 }, handlers: [], writer },
    );
    const published = (id: string) => eventually(async () => (await outboxRows()).some((row) => row.id === id && row.state === 'PUBLISHED'), 5_000, 20);
    try {
      await runtime.start();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the first (empty) pass is over: asleep for a minute
      const inTransaction = await env.dataSource.transaction(createPolicy);
      await published(inTransaction.id);
      const payload = samplePayload('PolicyCreated');
      const change = {
        with: `created AS (INSERT INTO purchase_orders (id, status) VALUES ($1, 'PENDING_PAYMENT') RETURNING id)`,
        gate: 'created',
        select: 'SELECT id FROM created',
        params: [payload.purchaseOrderId],
      };
      const { event: onItsOwn } = await writer.appendNewWith(env.dataSource.manager, change, 'PolicyCreated', payload, { correlationId: 'corr-own' });
      await published(onItsOwn.id);
      expect(await streamMessageCount(env, stream)).toBe(2);
      expect(notifications).toBe(0);

      await runtime.stop();
      await env.dataSource.transaction(createPolicy);
      await eventually(async () => notifications === 1, 5_000, 20);
    } finally {
      await runtime.stop();
      await wakeup.close();
    }
  });

  it('lets several relay replicas drain one outbox, each row published once', async () => {
    const total = 300;
    for (let batch = 0; batch < total / 50; batch++) {
      await env.dataSource.transaction(async (manager) => {
        for (let i = 0; i < 50; i++) await createPolicy(manager);
      });
    }
    const replicas = await Promise.all([0, 1, 2].map(async () => env.openReplicaDataSource()));
    const relays = replicas.map((ds) => new OutboxRelay(ds, env.js, env.logger, env.metrics, { listen: false, batchSize: 20, pollIntervalMs: 50 }));
    await Promise.all(relays.map((r) => r.start()));
    try {
      await eventually(async () => (await outboxRows()).every((row) => row.state === 'PUBLISHED'), 20_000, 50);
    } finally {
      await Promise.all(relays.map((r) => r.stop()));
    }
    const rows = await outboxRows();
    expect(rows).toHaveLength(total);
    // attempts counts publishes that were marked: 1 everywhere means no row went out twice.
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    expect(await streamMessageCount(env, stream)).toBe(total);
    const published = await env.registry.getSingleMetricAsString('liqpass_messaging_published_total');
    expect(published).toContain(`liqpass_messaging_published_total{event="PolicyCreated"} ${total}`);
  });

  it('backs off a row whose publish fails and publishes it once the stream exists', async () => {
    await env.jsm.streams.delete(streamName('policy', env.prefix));
    const event = await env.dataSource.transaction(createPolicy);
    const r = new OutboxRelay(env.dataSource, env.js, env.logger, env.metrics, {
      listen: false,
      publishTimeoutMs: 500,
      retry: { initialMs: 300, maxMs: 300, factor: 1 },
    });
    expect(await r.relayOnce()).toEqual({ claimed: 1, published: 0, failed: 1 });
    const [failed] = (await env.dataSource.query('SELECT state, attempts, last_error, next_attempt_at > now() AS later FROM outbox')) as {
      state: string;
      attempts: number;
      last_error: string;
      later: boolean;
    }[];
    expect(failed).toMatchObject({ state: 'PENDING', attempts: 1, later: true });
    expect(failed.last_error).toBeTruthy();
    expect(await r.relayOnce()).toEqual({ claimed: 0, published: 0, failed: 0 });

    await new JetStreamTopology(env.jsm, env.prefix).ensureStream('policy');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await r.relayOnce()).toEqual({ claimed: 1, published: 1, failed: 0 });
    expect((await outboxRows())[0]).toMatchObject({ id: event.id, state: 'PUBLISHED', attempts: 2 });
  });
});
