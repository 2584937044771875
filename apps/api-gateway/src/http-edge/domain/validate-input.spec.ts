import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EdgeError } from './edge-error';
import { defineRoute } from './route-definition';
import { validateInput } from './validate-input';
import { queryInt, usdcAmount, uuidParam } from './wire-schemas';

const route = defineRoute({
  id: 'test.route',
  method: 'POST',
  path: '/things/:id',
  tag: 't',
  summary: 's',
  access: { kind: 'public' },
  params: z.strictObject({ id: uuidParam }),
  query: z.strictObject({ limit: queryInt(1, 10).optional() }),
  body: z.strictObject({ amount: usdcAmount }),
  successStatus: 200,
});
const ID = '0191c0de-0000-7000-8000-000000000001';

function failure(run: () => unknown): EdgeError {
  try {
    run();
  } catch (error) {
    if (error instanceof EdgeError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('validateInput', () => {
  it('returns typed, transformed inputs when everything fits', () => {
    const input = validateInput(route, { params: { id: ID }, query: { limit: '7' }, body: { amount: '12.5' } });
    expect(input).toEqual({ params: { id: ID }, query: { limit: 7 }, body: { amount: '12.5' } });
  });

  it('refuses unknown fields in body, query and params rather than dropping them', () => {
    expect(failure(() => validateInput(route, { params: { id: ID }, query: {}, body: { amount: '1', extra: 1 } })).message).toMatch(/^body: .*extra/);
    expect(failure(() => validateInput(route, { params: { id: ID }, query: { debug: '1' }, body: { amount: '1' } })).message).toMatch(/^query: .*debug/);
    expect(failure(() => validateInput(route, { params: { id: ID, other: 'x' }, query: {}, body: { amount: '1' } })).code).toBe('VALIDATION_FAILED');
  });

  it('names the failing field, with status 400', () => {
    const error = failure(() => validateInput(route, { params: { id: 'not-a-uuid' }, query: {}, body: { amount: '1' } }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^path\.id: expected a UUID/);
  });

  it.each([['-1'], ['0'], ['0.0000001'], ['1e6'], [12.5], [''], ['1.'], ['01']])('refuses the amount %j', (amount) => {
    expect(failure(() => validateInput(route, { params: { id: ID }, query: {}, body: { amount } })).code).toBe('VALIDATION_FAILED');
  });

  it('refuses a query number that is not a whole number in range, or repeated', () => {
    for (const limit of ['0', '11', '1.5', '-3', 'ten', ['1', '2']]) {
      expect(failure(() => validateInput(route, { params: { id: ID }, query: { limit }, body: { amount: '1' } })).code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a body on a route that takes none, but tolerates an empty object', () => {
    const bodiless = defineRoute({ id: 'x', method: 'POST', path: '/x', tag: 't', summary: 's', access: { kind: 'public' }, successStatus: 200 });
    expect(failure(() => validateInput(bodiless, { params: {}, query: {}, body: { a: 1 } })).message).toBe('body: this route takes no body');
    expect(failure(() => validateInput(bodiless, { params: {}, query: {}, body: 'text' })).code).toBe('VALIDATION_FAILED');
    expect(validateInput(bodiless, { params: {}, query: {}, body: {} }).body).toBeUndefined();
    expect(validateInput(bodiless, { params: {}, query: {}, body: undefined }).body).toBeUndefined();
  });

  it('refuses a missing body where one is required', () => {
    expect(failure(() => validateInput(route, { params: { id: ID }, query: {}, body: undefined })).message).toMatch(/^body: /);
  });

  it('keeps the message short whatever the input', () => {
    const huge = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field_${'x'.repeat(40)}_${i}`, i]));
    expect(failure(() => validateInput(route, { params: { id: ID }, query: {}, body: huge })).message.length).toBeLessThanOrEqual(300);
  });
});
