import type { EntityManager } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, eventSubject, samplePayload, type EventEnvelope } from '@liqpass/events';
import { currentCorrelationId } from '@liqpass/observability';
import { eventually } from '@liqpass/testing';
import { DeadLetterQuery } from '../dead-letters/dead-letter-query';
import { MessagingRuntime } from '../runtime/messaging-runtime';
import { openMessagingTestEnv, type MessagingTestEnv } from '../testing/messaging-test-env';
import { resolveConsumerPolicy, type ConsumerPolicy } from '../topology/consumer-policy';
import { durableName, streamName } from '../topology/names';
import type { EventHandlerFn, StagedEventHandlerFn } from './event-handler';
import { PermanentError } from './permanent-error';

type Handler = EventHandlerFn<'PremiumPaid'>;

const FAST: Partial<ConsumerPolicy> = { maxDeliver: 3, ackWaitMs: 10_000, retry: { initialMs: 50, maxMs: 200, factor: 2 } };

describe('inbox and consumer runner (real Postgres + JetStream)', () => {
  let env: MessagingTestEnv;
  const runtimes: MessagingRuntime[] = [];

  beforeEach(async () => {
    env = await openMessagingTestEnv('inbox');
    await env.dataSource.query('CREATE TABLE handled (event_id uuid NOT NULL, replica text NOT NULL, correlation_id text)');
  });

  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.stop()));
    await env?.close();
  });

  /** Starts a consumer of PremiumPaid in the policy service, as one replica. */
  async function startConsumer(handle: Handler, policy: Partial<ConsumerPolicy> = FAST, dataSource = env.dataSource): Promise<MessagingRuntime> {
    const runtime = new MessagingRuntime(
      { dataSource, nc: env.nc, logger: env.logger, metrics: env.metrics },
      {
        service: 'policy',
        subjectPrefix: env.prefix,
        relay: false,
        handlers: [{ type: 'PremiumPaid', consumer: 'policy', handle, policy: resolveConsumerPolicy(policy) }],
      },
    );
    runtimes.push(runtime);
    await runtime.start();
    return runtime;
  }

  /** Starts a staged consumer of PremiumPaid (slow work outside the transaction, then commit). */
  async function startStaged(handle: StagedEventHandlerFn<'PremiumPaid'>, policy: Partial<ConsumerPolicy> = FAST, checkSeen = true): Promise<MessagingRuntime> {
    const runtime = new MessagingRuntime(
      { dataSource: env.dataSource, nc: env.nc, logger: env.logger, metrics: env.metrics },
      {
        service: 'policy',
        subjectPrefix: env.prefix,
        relay: false,
        handlers: [{ type: 'PremiumPaid', consumer: 'policy', staged: true, checkSeen, handle, policy: resolveConsumerPolicy(policy) }],
      },
    );
    runtimes.push(runtime);
    await runtime.start();
    return runtime;
  }

  const recordAs =
    (replica: string): Handler =>
    async (event, manager: EntityManager) => {
      await manager.query('INSERT INTO handled (event_id, replica, correlation_id) VALUES ($1, $2, $3)', [event.id, replica, currentCorrelationId()]);
    };

  const premiumPaid = (correlationId = 'corr-inbox') => createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId });

  async function publish(data: string | EventEnvelope, msgID: string = crypto.randomUUID()): Promise<void> {
    const body = typeof data === 'string' ? data : JSON.stringify(data);
    await env.js.publish(eventSubject('PremiumPaid', 1, env.prefix), body, { msgID });
  }

  /** Waits until the durable has nothing pending or unacknowledged. */
  async function drained(): Promise<void> {
    const stream = streamName('payment-listener', env.prefix);
    const durable = durableName('policy', 'PremiumPaid');
    await eventually(async () => {
      const info = await env.jsm.consumers.info(stream, durable);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    }, 15_000);
  }

  const rows = async <T>(sql: string): Promise<T[]> => (await env.dataSource.query(sql)) as T[];
  const metric = async (name: string) => (await env.registry.getSingleMetricAsString(name)) ?? '';

  it('handles a message delivered twice once, in the correlation of the event', async () => {
    await startConsumer(recordAs('a'));
    const event = premiumPaid('corr-twice');
    await publish(event);
    await publish(event);
    await drained();
    expect(await rows('SELECT event_id, correlation_id FROM handled')).toEqual([{ event_id: event.id, correlation_id: 'corr-twice' }]);
    expect(await rows('SELECT message_id, consumer, event_type FROM inbox')).toEqual([{ message_id: event.id, consumer: 'policy', event_type: 'PremiumPaid' }]);
    expect(await metric('liqpass_messaging_duplicates_total')).toContain('liqpass_messaging_duplicates_total{consumer="policy",event="PremiumPaid"} 1');
  });

  it('a staged handler works outside the transaction for longer than the ack wait, is not redelivered, and commits once with its inbox row', async () => {
    let calls = 0;
    let openTransactionsDuringWork = -1;
    await startStaged(async (event, commit) => {
      calls++;
      const [{ count }] = (await env.dataSource.query(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)) as [{ count: number }];
      openTransactionsDuringWork = count;
      await new Promise((resolve) => setTimeout(resolve, 2_500)); // the ack wait is 1 s: heartbeats keep it ours
      expect(await commit((manager) => recordAs('staged')(event, manager))).toBe(true);
    }, { ...FAST, ackWaitMs: 1_000 });
    const event = premiumPaid('corr-staged');
    await publish(event);
    await eventually(async () => (await rows('SELECT 1 FROM handled')).length > 0, 10_000);
    await drained();
    await publish(event, crypto.randomUUID()); // the same event again, past JetStream's dedup
    await drained();
    expect(calls).toBe(1);
    expect(openTransactionsDuringWork).toBe(0);
    expect(await rows('SELECT event_id, replica, correlation_id FROM handled')).toEqual([{ event_id: event.id, replica: 'staged', correlation_id: 'corr-staged' }]);
    expect(await rows('SELECT message_id FROM inbox')).toEqual([{ message_id: event.id }]);
  });

  it('a staged handler may write its outcome in one statement with the inbox row: recorded once, a redelivery writes nothing', async () => {
    const answers: boolean[] = [];
    await startStaged(
      async (event, commit) => {
        answers.push(
          await commit.inOneStatement(async (manager, inbox) => {
            const [row] = (await manager.query(
              `WITH ${inbox.with}, written AS (INSERT INTO handled (event_id, replica, correlation_id) SELECT $4, 'one-statement', $5 WHERE ${inbox.recorded} RETURNING 1)
               SELECT ${inbox.recorded} AS recorded, (SELECT count(*)::int FROM written) AS written`,
              [...inbox.params, event.id, currentCorrelationId()],
            )) as [{ recorded: boolean; written: number }];
            expect(row.written).toBe(row.recorded ? 1 : 0);
            return row.recorded;
          }),
        );
      },
      FAST,
      false, // no look-up first: the redelivery reaches the handler, and the statement refuses it
    );
    const event = premiumPaid('corr-one');
    await publish(event);
    await drained();
    await publish(event, crypto.randomUUID()); // the same event again, past JetStream's dedup
    await drained();
    expect(answers).toEqual([true, false]);
    expect(await rows('SELECT event_id, replica, correlation_id FROM handled')).toEqual([{ event_id: event.id, replica: 'one-statement', correlation_id: 'corr-one' }]);
    expect(await rows('SELECT message_id FROM inbox')).toEqual([{ message_id: event.id }]);
    expect(await metric('liqpass_messaging_duplicates_total')).toContain('liqpass_messaging_duplicates_total{consumer="policy",event="PremiumPaid"} 1');
  });

  it('a staged handler that has nothing to write still marks the event seen; one that fails writes nothing and is retried', async () => {
    await startStaged(async () => undefined);
    const quiet = premiumPaid();
    await publish(quiet);
    await drained();
    expect(await rows('SELECT message_id FROM inbox')).toEqual([{ message_id: quiet.id }]);
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.stop()));

    let attempts = 0;
    await startStaged(async (event, commit) => {
      attempts++;
      if (attempts === 1) {
        await commit(async (manager) => {
          await recordAs('first')(event, manager);
          throw new Error('the write failed half way');
        });
      }
      await commit((manager) => recordAs(`attempt-${attempts}`)(event, manager));
    });
    const failing = premiumPaid();
    await publish(failing);
    await eventually(async () => (await rows('SELECT 1 FROM handled')).length > 0, 10_000);
    await drained();
    expect(attempts).toBe(2);
    expect(await rows(`SELECT replica FROM handled`)).toEqual([{ replica: 'attempt-2' }]);
  });

  it('retries a transient failure with backoff, rolling back the failed attempts', async () => {
    let calls = 0;
    await startConsumer(async (event, manager) => {
      calls++;
      await recordAs(`attempt-${calls}`)(event, manager);
      if (calls < 3) throw new Error('database of a friend is down');
    });
    const started = Date.now();
    await publish(premiumPaid());
    await eventually(async () => (await rows('SELECT 1 FROM handled')).length > 0);
    // Naks of 50 and 100 ms: far sooner than the 10 s ack wait that a lost nak delay would cost.
    expect(Date.now() - started).toBeLessThan(5_000);
    await drained();
    expect(calls).toBe(3);
    expect(await rows('SELECT replica FROM handled')).toEqual([{ replica: 'attempt-3' }]);
    expect(await rows('SELECT 1 FROM dead_letters')).toHaveLength(0);
  });

  it('dead-letters a message whose handler keeps failing after max_deliver, and stops delivering it', async () => {
    let calls = 0;
    await startConsumer(async () => {
      calls++;
      throw new Error(`still broken (${calls})`);
    });
    const event = premiumPaid();
    await publish(event);
    await eventually(async () => (await rows('SELECT 1 FROM dead_letters')).length === 1, 15_000);
    await drained();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(calls).toBe(3);
    const page = await new DeadLetterQuery(env.dataSource).list();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      consumer: 'policy',
      reason: 'MAX_DELIVERIES',
      deliveryCount: 3,
      eventId: event.id,
      eventType: 'PremiumPaid',
      correlationId: event.correlationId,
      subject: eventSubject('PremiumPaid', 1, env.prefix),
      envelope: JSON.parse(JSON.stringify(event)),
    });
    expect(page.items[0].detail).toMatch(/still broken \(3\)/);
    expect(await rows('SELECT 1 FROM inbox')).toHaveLength(0);
  });

  it('dead-letters at once when the handler says the failure is permanent', async () => {
    let calls = 0;
    await startConsumer(async () => {
      calls++;
      throw new PermanentError('policy already closed');
    });
    await publish(premiumPaid());
    await eventually(async () => (await rows('SELECT 1 FROM dead_letters')).length === 1);
    await drained();
    expect(calls).toBe(1);
    expect(await rows('SELECT reason, delivery_count FROM dead_letters')).toEqual([{ reason: 'PERMANENT_FAILURE', delivery_count: 1 }]);
  });

  it('dead-letters invalid events at consume without calling the handler', async () => {
    let calls = 0;
    // One at a time, so the dead letters are written in publish order.
    await startConsumer(async () => {
      calls++;
    }, { ...FAST, concurrency: 1 });
    const valid = premiumPaid();
    await publish('{"id": "not even json');
    await publish({ ...valid, payload: { ...valid.payload, premiumAmountUsdc: 12.5 } } as unknown as EventEnvelope);
    await publish(createEvent('ClaimPaid', samplePayload('ClaimPaid'), { producer: 'claims-verifier', correlationId: 'x' }));
    await eventually(async () => (await rows('SELECT 1 FROM dead_letters')).length === 3);
    await drained();
    expect(calls).toBe(0);
    const page = await new DeadLetterQuery(env.dataSource).list({ limit: 2 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((item) => item.reason)).toEqual(['UNEXPECTED_EVENT', 'INVALID_EVENT']);
    const rest = await new DeadLetterQuery(env.dataSource).list({ limit: 2, offset: 2 });
    const [malformed] = rest.items;
    const [, badPayload] = page.items;
    expect(badPayload.detail).toMatch(/INVALID_PAYLOAD.*payload\.premiumAmountUsdc/);
    expect(badPayload.eventId).toBe(valid.id);
    expect(malformed).toMatchObject({ reason: 'INVALID_EVENT', envelope: null, rawData: '{"id": "not even json', eventId: null });
    expect(malformed.detail).toMatch(/MALFORMED_JSON/);
    expect(await metric('liqpass_messaging_dead_lettered_total')).toContain('liqpass_messaging_dead_lettered_total{consumer="policy",reason="INVALID_EVENT"} 2');
  });

  it('never holds a message it cannot heartbeat: one waiting for a slot longer than the ack wait is not redelivered to another replica', async () => {
    const slow = premiumPaid('corr-slow');
    const next = premiumPaid('corr-next');
    let slowStarted = false;
    const slowFirst: Handler = async (event, manager) => {
      if (event.id === slow.id) {
        slowStarted = true;
        await new Promise((resolve) => setTimeout(resolve, 3_000)); // the ack wait is 1 s: heartbeats keep it ours
      }
      await recordAs('replica-1')(event, manager);
    };
    const oneSlot = { ...FAST, ackWaitMs: 1_000, concurrency: 1 };
    await startConsumer(slowFirst, oneSlot);
    await publish(slow, slow.id);
    await publish(next, next.id);
    await eventually(async () => slowStarted, 5_000);
    // A second replica with a free slot: `next` may go there, but only as a first delivery.
    await startConsumer(recordAs('replica-2'), oneSlot, await env.openReplicaDataSource());
    await eventually(async () => (await rows('SELECT 1 FROM handled')).length >= 2, 10_000);
    await drained();
    const info = await env.jsm.consumers.info(streamName('payment-listener', env.prefix), durableName('policy', 'PremiumPaid'));
    expect(info.delivered.consumer_seq).toBe(2); // two messages, two deliveries: nothing was redelivered
    expect(await metric('liqpass_messaging_duplicates_total')).not.toContain('consumer="policy"');
    const handled = await rows<{ event_id: string; replica: string }>('SELECT event_id, replica FROM handled ORDER BY replica');
    expect(handled.map((row) => row.event_id).sort()).toEqual([slow.id, next.id].sort());
    expect(handled.find((row) => row.event_id === slow.id)?.replica).toBe('replica-1');
  });

  it('splits the work between two replicas of one durable, each message handled once', async () => {
    const second = await env.openReplicaDataSource();
    await startConsumer(recordAs('replica-1'), { ...FAST, concurrency: 2 });
    await startConsumer(recordAs('replica-2'), { ...FAST, concurrency: 2 }, second);
    const events = Array.from({ length: 200 }, () => premiumPaid());
    await Promise.all(events.map((event) => publish(event, event.id)));
    await eventually(async () => (await rows('SELECT 1 FROM handled')).length >= 200, 20_000);
    await drained();
    const handled = await rows<{ event_id: string; replica: string }>('SELECT event_id, replica FROM handled');
    expect(handled).toHaveLength(200);
    expect(new Set(handled.map((row) => row.event_id))).toEqual(new Set(events.map((event) => event.id)));
    const byReplica = (replica: string) => handled.filter((row) => row.replica === replica).length;
    expect(byReplica('replica-1')).toBeGreaterThan(0);
    expect(byReplica('replica-2')).toBeGreaterThan(0);
  });
});
