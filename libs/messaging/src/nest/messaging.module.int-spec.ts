import { Global, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, eventSubject, samplePayload, type EventEnvelope } from '@liqpass/events';
import { currentCorrelationId } from '@liqpass/observability';
import { eventually } from '@liqpass/testing';
import { NATS_CONNECTION } from '../connection/nats-connection';
import { DeadLetterQuery } from '../dead-letters/dead-letter-query';
import { OutboxWriter } from '../outbox/outbox-writer';
import { openMessagingTestEnv, type MessagingTestEnv } from '../testing/messaging-test-env';
import { durableName, streamName } from '../topology/names';
import { HandlesEvent } from './handles-event.decorator';
import { MessagingModule } from './messaging.module';

const REGISTRY = Symbol('REGISTRY');

/** Stands in for the service kit: provides the DataSource, the NATS connection and a registry globally. */
@Global()
@Module({})
class InfraModule {
  static with(env: MessagingTestEnv): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: DataSource, useValue: env.dataSource },
        { provide: NATS_CONNECTION, useValue: env.nc },
        { provide: REGISTRY, useValue: env.registry },
      ],
      exports: [DataSource, NATS_CONNECTION, REGISTRY],
    };
  }
}

@Injectable()
class PolicyEventsProbe {
  readonly premiums: { id: string; correlationId: string | undefined }[] = [];
  readonly audited: string[] = [];

  @HandlesEvent('PremiumPaid')
  async onPremiumPaid(event: EventEnvelope<'PremiumPaid'>, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO paid_orders (order_id) VALUES ($1)', [event.payload.orderId]);
    this.premiums.push({ id: event.id, correlationId: currentCorrelationId() });
  }

  @HandlesEvent('PolicyCreated', { consumer: 'policy-audit' })
  async onPolicyCreated(event: EventEnvelope<'PolicyCreated'>): Promise<void> {
    this.audited.push(event.id);
  }
}

class MisdeclaredHandler {
  // @ts-expect-error the decorator checks that the method takes the event it declares
  @HandlesEvent('ClaimPaid')
  async wrong(_event: EventEnvelope<'PremiumPaid'>): Promise<void> {}
}

describe('MessagingModule (Nest, real Postgres + JetStream)', () => {
  let env: MessagingTestEnv;
  let moduleRef: TestingModule | undefined;

  beforeEach(async () => {
    env = await openMessagingTestEnv('nest');
    await env.dataSource.query('CREATE TABLE paid_orders (order_id text NOT NULL)');
  });

  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
    await env?.close();
  });

  it('discovers @HandlesEvent providers, delivers events end to end and stops on shutdown', async () => {
    expect(MisdeclaredHandler).toBeDefined();
    moduleRef = await Test.createTestingModule({
      imports: [
        InfraModule.with(env),
        MessagingModule.forRoot({
          service: 'policy',
          subjectPrefix: env.prefix,
          logger: env.logger,
          metricsRegistry: { inject: REGISTRY },
          consumer: { maxDeliver: 3, retry: { initialMs: 50, maxMs: 200, factor: 2 } },
          relay: { pollIntervalMs: 200 },
        }),
      ],
      providers: [PolicyEventsProbe],
    }).compile();
    await moduleRef.init();
    const probe = moduleRef.get(PolicyEventsProbe);

    // An event from another service arrives on the durable the module declared.
    const paid = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'corr-nest' });
    await env.js.publish(eventSubject('PremiumPaid', 1, env.prefix), JSON.stringify(paid), { msgID: paid.id });
    // The handler runs inside the inbox transaction: its row is there once that commits, a moment
    // after the handler returned.
    await eventually(async () => ((await env.dataSource.query('SELECT order_id FROM paid_orders')) as unknown[]).length === 1);
    expect(probe.premiums).toEqual([{ id: paid.id, correlationId: 'corr-nest' }]);
    expect(await env.dataSource.query('SELECT order_id FROM paid_orders')).toEqual([{ order_id: paid.payload.orderId }]);

    // The exported writer appends; the module's relay publishes; the second handler receives it.
    const writer = moduleRef.get(OutboxWriter);
    const created = await env.dataSource.transaction((manager) =>
      writer.appendNew(manager, 'PolicyCreated', samplePayload('PolicyCreated'), { correlationId: 'corr-created' }),
    );
    await eventually(async () => probe.audited.includes(created.id));
    // The ack follows the handler's commit: wait for it rather than race it.
    await eventually(async () => (await env.jsm.consumers.info(streamName('policy', env.prefix), 'policy-audit--policy-created')).num_ack_pending === 0);

    // Dead letters are readable through the exported query.
    await env.js.publish(eventSubject('PremiumPaid', 1, env.prefix), '{"broken":', { msgID: 'broken-1' });
    const deadLetters = moduleRef.get(DeadLetterQuery);
    await eventually(async () => (await deadLetters.list()).total === 1);
    expect((await deadLetters.list()).items[0]).toMatchObject({ consumer: 'policy', reason: 'INVALID_EVENT' });
    expect(await env.registry.getSingleMetricAsString('liqpass_messaging_consumed_total')).toMatch(
      /liqpass_messaging_consumed_total\{consumer="policy",event="PremiumPaid"\} 1/,
    );

    // After shutdown nothing is pulled any more: the next event waits in the stream.
    await moduleRef.close();
    moduleRef = undefined;
    const later = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'corr-later' });
    await env.js.publish(eventSubject('PremiumPaid', 1, env.prefix), JSON.stringify(later), { msgID: later.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(probe.premiums).toHaveLength(1);
    const info = await env.jsm.consumers.info(streamName('payment-listener', env.prefix), durableName('policy', 'PremiumPaid'));
    expect(info.num_pending).toBe(1);
  });
});
