import type { EntityManager } from 'typeorm';
import { describe, expect, it, vi } from 'vitest';
import { preparedQuery } from './prepared-query';

describe('preparedQuery', () => {
  it('hands node-postgres a named statement: one name per text, another text another name', async () => {
    const query = vi.fn(async () => [{ one: 1 }]);
    const manager = { query, queryRunner: {} } as unknown as EntityManager; // a transaction's manager
    expect(await preparedQuery(manager, 'SELECT $1::int AS one', [1])).toEqual([{ one: 1 }]);
    await preparedQuery(manager, 'SELECT $1::int AS one', [2]);
    await preparedQuery(manager, 'SELECT $1::int AS two', [2]);
    const [first, second, third] = query.mock.calls as unknown as [{ name: string; text: string }, unknown[]][];
    expect(first[0]).toEqual({ name: expect.stringMatching(/^lq_[0-9a-f]{24}$/), text: 'SELECT $1::int AS one' });
    expect(second[0].name).toBe(first[0].name);
    expect(second[1]).toEqual([2]);
    expect(third[0].name).not.toBe(first[0].name);
  });
});
