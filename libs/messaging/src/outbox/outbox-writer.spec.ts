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

  it('inserts the event with its subject and msg id, and notifies the relays in the same statement', async () => {
    const { manager, query } = fakeManager();
    const event = createEvent('PremiumPaid', samplePayload('PremiumPaid'), { producer: 'payment-listener', correlationId: 'c-9' });
    await writer.append(manager, event);
    expect(query).toHaveBeenCalledTimes(1);
    const [{ text: sql }, params] = query.mock.calls[0] as unknown as [{ text: string }, unknown[]];
    expect(sql).toMatch(/INSERT INTO outbox .* RETURNING pg_notify/s);
    expect(params.slice(0, 5)).toEqual([event.id, 'PremiumPaid', 1, 'tx1.payment-listener.premium-paid.v1', event.id]);
    expect(JSON.parse(params[5] as string)).toEqual(event);
    expect(params[6]).toBe('c-9');
  });

  it('appends an event along a state change in one statement, gated on the change, parameters after its own', async () => {
    const { manager, query } = fakeManager(false);
    const change = { with: 'changed AS (UPDATE t SET x = $1 WHERE id = $2 RETURNING *)', gate: 'changed', select: 'SELECT * FROM changed', params: [7, 'id-1'] };
    const { event } = await writer.appendNewWith(manager, change, 'ReconciliationMismatch', samplePayload('ReconciliationMismatch'), { correlationId: 'c-3' });
    expect(query).toHaveBeenCalledTimes(1);
    const [{ text: sql }, params] = query.mock.calls[0] as unknown as [{ text: string }, unknown[]];
    expect(sql).toMatch(/^WITH changed AS \(UPDATE t .*INSERT INTO outbox .*\$3::uuid.*\$9::text\s+FROM \(SELECT 1 FROM changed LIMIT 1\) AS gate\s+RETURNING pg_notify.*\)\s+SELECT \* FROM changed$/s);
    expect(params.slice(0, 2)).toEqual([7, 'id-1']);
    expect(params.slice(2, 5)).toEqual([event.id, 'ReconciliationMismatch', 1]);
    expect(JSON.parse(params[7] as string)).toEqual(event);
    expect(params[8]).toBe('c-3');
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
