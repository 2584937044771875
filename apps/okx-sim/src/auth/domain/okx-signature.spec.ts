import { describe, expect, it } from 'vitest';
import { okxPrehash, okxSignature, signatureMatches } from './okx-signature';

// OKX's documented example secret and the vectors from OKX.md.
const SECRET = '22582BD0CFF14C41EDBF1AB98506286D';

describe('okxSignature', () => {
  it.each([
    ['2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=BTC', '', 'HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY='],
    [
      '2024-05-01T12:00:00.000Z',
      'get',
      '/api/v5/trade/order?ordId=1234567890123456789&instId=BTC-USDT-SWAP',
      '',
      '5aMYIJYRSij7lYtlSGPEeka3Wv8QmGrMZtmyS24endU=',
    ],
    [
      '2020-12-08T09:08:57.715Z',
      'POST',
      '/api/v5/account/set-leverage',
      '{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}',
      'eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=',
    ],
  ])('matches the published vector %s %s %s', (timestamp, method, path, body, expected) => {
    expect(okxSignature(SECRET, okxPrehash(timestamp, method, path, body))).toBe(expected);
  });

  it('compares signatures exactly', () => {
    expect(signatureMatches('abc=', 'abc=')).toBe(true);
    expect(signatureMatches('abc=', 'abd=')).toBe(false);
    expect(signatureMatches('abc=', 'abc')).toBe(false);
  });
});
