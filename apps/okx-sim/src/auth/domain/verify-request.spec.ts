import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApiKeyRecord, KeyLookup } from '../../accounts/domain/sim-account';
import { OkxError } from '../../shared/domain/okx-error';
import { verifySignedRequest, type SignedRequest } from './verify-request';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');
const key: ApiKeyRecord = {
  uid: '1',
  apiKey: 'k-1',
  secretKey: 'SECRET',
  passphrase: 'pass',
  perm: ['read_only'],
  demo: false,
  ipWhitelist: [],
  label: '',
};

// Signed here with node:crypto directly, independently of the simulator's signer.
function signed(overrides: Partial<Record<string, string>> = {}, secret = key.secretKey): SignedRequest {
  const timestamp = overrides['ok-access-timestamp'] ?? new Date(NOW).toISOString();
  const path = '/api/v5/account/config';
  const sign = createHmac('sha256', secret).update(`${timestamp}GET${path}`).digest('base64');
  const headers = { 'ok-access-key': key.apiKey, 'ok-access-passphrase': key.passphrase, 'ok-access-sign': sign, 'ok-access-timestamp': timestamp, ...overrides };
  return { method: 'GET', requestPath: path, body: '', headers, ip: '127.0.0.1' };
}

function codeOf(request: SignedRequest, lookup: (apiKey: string) => KeyLookup = (k) => (k === key.apiKey ? { status: 'active', key } : { status: 'unknown' })): string {
  try {
    verifySignedRequest(request, { nowMs: NOW, skewMs: 30_000, lookupKey: lookup });
    return '0';
  } catch (error) {
    if (error instanceof OkxError) return error.code;
    throw error;
  }
}

describe('verifySignedRequest', () => {
  it('accepts a correctly signed request', () => {
    expect(codeOf(signed())).toBe('0');
  });

  it.each([
    ['ok-access-key', '50103'],
    ['ok-access-passphrase', '50104'],
    ['ok-access-sign', '50106'],
    ['ok-access-timestamp', '50107'],
  ])('names the empty header %s with %s', (name, code) => {
    expect(codeOf(signed({ [name]: '' }))).toBe(code);
  });

  it('refuses malformed and expired timestamps', () => {
    expect(codeOf(signed({ 'ok-access-timestamp': '1714564800' }))).toBe('50112');
    expect(codeOf(signed({ 'ok-access-timestamp': '2024-05-01T12:00:00Z' }))).toBe('50112');
    expect(codeOf(signed({ 'ok-access-timestamp': new Date(NOW - 31_000).toISOString() }))).toBe('50102');
    expect(codeOf(signed({ 'ok-access-timestamp': new Date(NOW + 31_000).toISOString() }))).toBe('50102');
    expect(codeOf(signed({ 'ok-access-timestamp': new Date(NOW - 29_000).toISOString() }))).toBe('0');
  });

  it('tells an unknown key from a deleted one', () => {
    expect(codeOf(signed({ 'ok-access-key': 'nope' }))).toBe('50111');
    expect(codeOf(signed(), () => ({ status: 'revoked' }))).toBe('50119');
  });

  it('refuses the wrong environment, passphrase, IP and secret', () => {
    expect(codeOf(signed({ 'x-simulated-trading': '1' }))).toBe('50101');
    expect(codeOf(signed({ 'ok-access-passphrase': 'wrong' }))).toBe('50105');
    const whitelisted = { ...key, ipWhitelist: ['10.0.0.1'] };
    expect(codeOf(signed(), () => ({ status: 'active', key: whitelisted }))).toBe('50110');
    expect(codeOf(signed({}, 'OTHER-SECRET'))).toBe('50113');
  });

  it('requires the demo header from a demo key', () => {
    const demo = { ...key, demo: true };
    expect(codeOf(signed(), () => ({ status: 'active', key: demo }))).toBe('50101');
    expect(codeOf(signed({ 'x-simulated-trading': '1' }), () => ({ status: 'active', key: demo }))).toBe('0');
  });
});
