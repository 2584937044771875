import { describe, expect, it } from 'vitest';
import { okxSignature, okxTimestamp } from './okx-signature';

// OKX's documented example secret and the three vectors published in OKX.md.
const SECRET = '22582BD0CFF14C41EDBF1AB98506286D';

describe('okxSignature', () => {
  it('signs a GET with its query string (vector 1)', () => {
    expect(okxSignature(SECRET, '2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=BTC')).toBe(
      'HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=',
    );
  });

  it('signs the query in the order it is sent (vector 2)', () => {
    expect(
      okxSignature(SECRET, '2024-05-01T12:00:00.000Z', 'GET', '/api/v5/trade/order?ordId=1234567890123456789&instId=BTC-USDT-SWAP'),
    ).toBe('5aMYIJYRSij7lYtlSGPEeka3Wv8QmGrMZtmyS24endU=');
  });

  it('signs a POST over its JSON body (vector 3)', () => {
    expect(
      okxSignature(SECRET, '2020-12-08T09:08:57.715Z', 'POST', '/api/v5/account/set-leverage', '{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}'),
    ).toBe('eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=');
  });

  it('upper-cases the method, as OKX requires', () => {
    expect(okxSignature(SECRET, '2020-12-08T09:08:57.715Z', 'get', '/api/v5/account/balance?ccy=BTC')).toBe(
      'HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=',
    );
  });

  it('changes with any byte of the query', () => {
    const a = okxSignature(SECRET, '2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=BTC');
    const b = okxSignature(SECRET, '2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=ETH');
    expect(a).not.toBe(b);
  });
});

describe('okxTimestamp', () => {
  it('is ISO-8601 UTC with milliseconds', () => {
    expect(okxTimestamp(Date.UTC(2020, 11, 8, 9, 8, 57, 715))).toBe('2020-12-08T09:08:57.715Z');
    expect(okxTimestamp(Date.UTC(2024, 4, 1, 12))).toBe('2024-05-01T12:00:00.000Z');
  });
});
