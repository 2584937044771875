import { describe, expect, it } from 'vitest';
import type { QuoteRecord, QuoteRepository } from './quote.repository';
import { QuoteWriter } from './quote-writer';

const quote = (id: string) => ({ id }) as unknown as QuoteRecord;

function writer(fail = false) {
  const batches: string[][] = [];
  const repository = {
    insertMany: async (quotes: readonly QuoteRecord[]) => {
      batches.push(quotes.map((q) => q.id));
      if (fail) throw new Error('database down');
    },
  } as unknown as QuoteRepository;
  return { writer: new QuoteWriter(repository), batches };
}

describe('QuoteWriter', () => {
  it('stores quotes that arrive together in one INSERT, and answers each once stored', async () => {
    const { writer: w, batches } = writer();
    await Promise.all(['a', 'b', 'c'].map((id) => w.store(quote(id))));
    expect(batches).toEqual([['a', 'b', 'c']]);
    await w.store(quote('d'));
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('splits bursts into batches of at most 100', async () => {
    const { writer: w, batches } = writer();
    await Promise.all(Array.from({ length: 250 }, (_, i) => w.store(quote(String(i)))));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
  });

  it('fails every quote of a batch that could not be stored', async () => {
    const { writer: w } = writer(true);
    const results = await Promise.allSettled([w.store(quote('a')), w.store(quote('b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
