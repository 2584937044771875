import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nanos } from '@nats-io/transport-node';
import { openMessagingTestEnv, type MessagingTestEnv } from '../testing/messaging-test-env';
import { resolveConsumerPolicy } from './consumer-policy';
import { JetStreamTopology } from './jetstream-topology';
import { DEFAULT_STREAM_OPTIONS } from './stream-options';

describe('JetStream topology from code (real NATS)', () => {
  let env: MessagingTestEnv;

  beforeEach(async () => {
    env = await openMessagingTestEnv('topology');
  });

  afterEach(async () => {
    await env?.close();
  });

  it('creates a stream per producer and a durable per consumer and event, idempotently', async () => {
    const topology = new JetStreamTopology(env.jsm, env.prefix);
    const spec = { consumer: 'policy', type: 'PremiumPaid' as const, policy: resolveConsumerPolicy({ maxDeliver: 5, ackWaitMs: 10_000 }) };
    await Promise.all([topology.ensureStream('payment-listener'), topology.ensureStream('payment-listener')]);
    await topology.ensureConsumer('payment-listener', spec);
    const again = await topology.ensureConsumer('payment-listener', spec);

    const prefixUpper = env.prefix.toUpperCase();
    expect(again).toEqual({ stream: `${prefixUpper}_PAYMENT_LISTENER`, durable: 'policy--premium-paid' });
    const stream = await env.jsm.streams.info(again.stream);
    expect(stream.config.subjects).toEqual([`${env.prefix}.payment-listener.>`]);
    expect(stream.config.duplicate_window).toBe(nanos(DEFAULT_STREAM_OPTIONS.duplicateWindowMs));
    const consumer = await env.jsm.consumers.info(again.stream, again.durable);
    expect(consumer.config).toMatchObject({
      durable_name: 'policy--premium-paid',
      ack_policy: 'explicit',
      filter_subject: `${env.prefix}.payment-listener.premium-paid.v1`,
      max_deliver: 5,
      ack_wait: nanos(10_000),
    });
  });

  it('updates settings on the next start; a consumer service never rewrites a foreign stream', async () => {
    const owner = new JetStreamTopology(env.jsm, env.prefix, { ...DEFAULT_STREAM_OPTIONS, maxAgeMs: 3_600_000 });
    const name = await owner.ensureStream('policy');
    const spec = { consumer: 'okx-binding', type: 'PolicyCreated' as const, policy: resolveConsumerPolicy({ maxDeliver: 5 }) };
    await owner.ensureConsumer('policy', spec);

    const foreign = new JetStreamTopology(env.jsm, env.prefix, { ...DEFAULT_STREAM_OPTIONS, maxAgeMs: 60_000 });
    await foreign.ensureStream('policy', 'consumer');
    expect((await env.jsm.streams.info(name)).config.max_age).toBe(nanos(3_600_000));

    await new JetStreamTopology(env.jsm, env.prefix, { ...DEFAULT_STREAM_OPTIONS, maxAgeMs: 7_200_000 }).ensureStream('policy');
    expect((await env.jsm.streams.info(name)).config.max_age).toBe(nanos(7_200_000));
    await owner.ensureConsumer('policy', { ...spec, policy: resolveConsumerPolicy({ maxDeliver: 9 }) });
    expect((await env.jsm.consumers.info(name, 'okx-binding--policy-created')).config.max_deliver).toBe(9);
  });
});
