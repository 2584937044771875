import type { DataSource, EntityManager } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { createEvent, samplePayload } from '@liqpass/events';
import { createLogger } from '@liqpass/observability';
import type { DeadLetterRecorder } from '../dead-letters/dead-letter-recorder';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { resolveConsumerPolicy } from '../topology/consumer-policy';
import type { DeliveredMessage, EventHandlerFn } from './event-handler';
import { InboxProcessor } from './inbox-processor';
import { PermanentError } from './permanent-error';

const policy = resolveConsumerPolicy({ maxDeliver: 3, retry: { initialMs: 50, maxMs: 400, factor: 2 } });

function setup(options: { duplicate?: boolean; handler?: EventHandlerFn<'PremiumPaid'>; recordFails?: boolean } = {}) {
  const manager = { query: vi.fn(async () => (options.duplicate ? [] : [{ message_id: 'x' }])) } as unknown as EntityManager;
  const dataSource = { transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
  const record = vi.fn(async (_input: { reason: string }) => {
    if (options.recordFails) throw new Error('db down');
  });
  const handle = vi.fn(options.handler ?? (async () => undefined));
  const processor = new InboxProcessor(dataSource, { record } as unknown as DeadLetterRecorder, createLogger('test', 'silent'), new MessagingMetrics(), {
    type: 'PremiumPaid',
    consumer: 'policy',
    handle,
    policy,
  });
  return { processor, manager, record, handle };
}

type Spy<F extends (...args: never[]) => unknown> = ReturnType<typeof vi.fn<F>>;

function message(data: unknown, deliveryCount = 1): DeliveredMessage & { ack: Spy<() => void>; working: Spy<() => void>; nak: Spy<(ms?: number) => void>; term: Spy<() => void> } {
  return {
    subject: 'liqpass.payment-listener.premium-paid.v1',
    data: new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data)),
    headers: undefined,
    info: { stream: 'LIQPASS_PAYMENT_LISTENER', streamSequence: 7, deliveryCount },
    ack: vi.fn<() => void>(),
    working: vi.fn<() => void>(),
    nak: vi.fn<(ms?: number) => void>(),
    term: vi.fn<() => void>(),
  };
}

const event = () => createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c-1' });

describe('InboxProcessor', () => {
  it('runs the handler with the transaction manager, then acks', async () => {
    const { processor, manager, handle } = setup();
    const msg = message(event());
    expect(await processor.process(msg)).toBe('handled');
    expect(handle).toHaveBeenCalledWith(expect.objectContaining({ type: 'PremiumPaid' }), manager);
    expect(msg.ack).toHaveBeenCalledOnce();
    expect(msg.nak).not.toHaveBeenCalled();
  });

  it('acks a message the inbox has seen without running the handler', async () => {
    const { processor, handle } = setup({ duplicate: true });
    const msg = message(event());
    expect(await processor.process(msg)).toBe('duplicate');
    expect(handle).not.toHaveBeenCalled();
    expect(msg.ack).toHaveBeenCalledOnce();
  });

  it('naks a transient failure with a delay that grows with the delivery count', async () => {
    const { processor } = setup({ handler: async () => Promise.reject(new Error('flaky')) });
    const first = message(event(), 1);
    const second = message(event(), 2);
    expect(await processor.process(first)).toBe('retry');
    expect(await processor.process(second)).toBe('retry');
    expect(first.nak).toHaveBeenCalledWith(50);
    expect(second.nak).toHaveBeenCalledWith(100);
    expect(first.ack).not.toHaveBeenCalled();
    expect(first.term).not.toHaveBeenCalled();
  });

  it('dead-letters and terms the last allowed delivery', async () => {
    const { processor, record } = setup({ handler: async () => Promise.reject(new Error('flaky')) });
    const msg = message(event(), 3);
    expect(await processor.process(msg)).toBe('dead-lettered');
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ reason: 'MAX_DELIVERIES', deliveryCount: 3, streamSequence: 7, consumer: 'policy' }));
    expect(msg.term).toHaveBeenCalledOnce();
    expect(msg.nak).not.toHaveBeenCalled();
  });

  it('dead-letters a PermanentError on the first delivery', async () => {
    const { processor, record } = setup({ handler: async () => Promise.reject(new PermanentError('closed')) });
    const msg = message(event(), 1);
    expect(await processor.process(msg)).toBe('dead-lettered');
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ reason: 'PERMANENT_FAILURE', detail: 'PermanentError: closed' }));
    expect(msg.term).toHaveBeenCalledOnce();
  });

  it('dead-letters unreadable and unexpected events without running the handler', async () => {
    const { processor, record, handle } = setup();
    const garbage = message('not json');
    const other = message(createEvent('ClaimPaid', samplePayload('ClaimPaid'), { producer: 'claims-verifier', correlationId: 'c' }));
    expect(await processor.process(garbage)).toBe('dead-lettered');
    expect(await processor.process(other)).toBe('dead-lettered');
    expect(record.mock.calls.map(([input]) => input.reason)).toEqual(['INVALID_EVENT', 'UNEXPECTED_EVENT']);
    expect(record).toHaveBeenCalledWith(expect.objectContaining({ rawData: 'not json', envelope: null }));
    expect(handle).not.toHaveBeenCalled();
    expect(garbage.term).toHaveBeenCalledOnce();
  });

  it('never terms a message whose dead letter could not be written', async () => {
    const { processor } = setup({ recordFails: true });
    const msg = message('not json');
    expect(await processor.process(msg)).toBe('retry');
    expect(msg.term).not.toHaveBeenCalled();
    expect(msg.nak).toHaveBeenCalledOnce();
  });
});
