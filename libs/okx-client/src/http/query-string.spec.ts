import { describe, expect, it } from 'vitest';
import { buildQueryString, definedEntries, requestPathOf } from './query-string';

describe('query string', () => {
  it('keeps the given order and drops undefined values', () => {
    expect(buildQueryString({ ordId: '123', instId: 'BTC-USDT-SWAP', clOrdId: undefined })).toBe('ordId=123&instId=BTC-USDT-SWAP');
  });

  it('keeps commas of OKX lists readable and encodes everything else that needs it', () => {
    expect(buildQueryString({ instId: 'BTC-USDT-SWAP,ETH-USDT-SWAP', note: 'a b&c' })).toBe('instId=BTC-USDT-SWAP,ETH-USDT-SWAP&note=a%20b%26c');
  });

  it('stringifies numbers', () => {
    expect(buildQueryString({ limit: 100, begin: 1700000000000 })).toBe('limit=100&begin=1700000000000');
  });

  it('builds the request path without a dangling ?', () => {
    expect(requestPathOf('/api/v5/account/config')).toBe('/api/v5/account/config');
    expect(requestPathOf('/api/v5/account/config', { a: undefined })).toBe('/api/v5/account/config');
    expect(requestPathOf('/api/v5/trade/order', { instId: 'BTC-USDT-SWAP', ordId: '1' })).toBe('/api/v5/trade/order?instId=BTC-USDT-SWAP&ordId=1');
  });

  it('lists the sent parameters as strings', () => {
    expect(definedEntries({ limit: 5, after: undefined, instType: 'SWAP' })).toEqual([
      ['limit', '5'],
      ['instType', 'SWAP'],
    ]);
  });
});
