import type { EntityManager } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { createEvent, EventValidationError, samplePayload } from '@liqpass/events';
import { withCorrelationId } from '@liqpass/observability';
import { OutboxWriter } from './outbox-writer';

function fakeManager(inTransaction = true) {
  const query = vi.fn(async () => []);
  return { manager: { query, queryRunner: { isTransactionActive: inTransaction } } as unknown as EntityManager, query };
}

describe('OutboxWriter', () => {
  const writer = new OutboxWriter({ service: 'payment-listener', subjectPrefix: 'tx1' });

  it('inserts the event with its subject and msg id, then notifies the relays', async () => {
    const { manager, query } = fakeManager();
    const event = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c-9' });
    await writer.append(manager, event);
    expect(query).toHaveBeenCalledTimes(2);
    const [sql, params] = query.mock.calls[0] as unknown as [string, unknown[]];
    expect(sql).toMatch(/INSERT INTO outbox/);
    expect(params.slice(0, 5)).toEqual([event.id, 'PremiumPaid', 1, 'tx1.payment-listener.premium-paid.v1', event.id]);
    expect(JSON.parse(params[5] as string)).toEqual(event);
    expect(params[6]).toBe('c-9');
    expect((query.mock.calls[1] as unknown as [string])[0]).toMatch(/pg_notify/);
  });

  it('uses a natural msg id when the producer gives one', async () => {
    const { manager, query } = fakeManager();
    const event = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c' });
    await writer.append(manager, event, { msgId: '31337:0xabc:3' });
    expect((query.mock.calls[0] as unknown as [string, unknown[]])[1][4]).toBe('31337:0xabc:3');
  });

  it('refuses an invalid event before touching the database', async () => {
    const { manager, query } = fakeManager();
    const event = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c' });
    const broken = { ...event, payload: { ...event.payload, buyer: 'nobody' } };
    await expect(writer.append(manager, broken)).rejects.toThrow(EventValidationError);
    await expect(writer.append(manager, broken)).rejects.toThrow(/payload\.buyer/);
    expect(query).not.toHaveBeenCalled();
  });

  it('builds new events in the current correlation', async () => {
    const { manager } = fakeManager();
    const event = await withCorrelationId('corr-from-http', () => writer.appendNew(manager, 'ReconciliationMismatch', samplePayload('ReconciliationMismatch')));
    expect(event).toMatchObject({ producer: 'payment-listener', correlationId: 'corr-from-http', causationId: null });
  });

  it('refuses to write outside a transaction', async () => {
    const { manager, query } = fakeManager(false);
    await expect(writer.appendNew(manager, 'ReconciliationMismatch', samplePayload('ReconciliationMismatch'))).rejects.toThrow(/open transaction/);
    expect(query).not.toHaveBeenCalled();
  });
});
