import type { RouteDefinition } from '../domain/route-definition';
import { sampleUrl, SAMPLE_UUID, VALID_BODIES } from '../../testing/route-requests';

/** One malformed request of the fuzz table. */
export interface MalformedCase {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly contentType?: string;
  readonly body?: string;
}

const SQL = ["' OR '1'='1", "1; DROP TABLE gateway.audit_log; --", "'); DELETE FROM admin_roles; --"];
const SCRIPT = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
const BAD_HEX = ['0x1234', `0x${'g'.repeat(64)}`, 'ab'.repeat(32), `0x${'ab'.repeat(33)}`, '0x'];
const WRONG_TYPES = [null, true, {}, [], 12345];

/** Values no field of its kind may take. Free-text fields get no SQL or script strings: those are data there. */
const INVALID_BY_FIELD: Readonly<Record<string, readonly unknown[]>> = {
  quoteId: ['', 'abc', SAMPLE_UUID + 'x', ...SQL, ...SCRIPT, ...WRONG_TYPES],
  purchaseOrderId: ['', 'not-a-uuid', ...SQL, ...SCRIPT, ...WRONG_TYPES],
  txHash: [...BAD_HEX, ...SQL, ...WRONG_TYPES],
  multisigTxHash: [...BAD_HEX, ...SCRIPT, ...WRONG_TYPES],
  signature: [...BAD_HEX, `0x${'ab'.repeat(64)}`, ...SQL, ...WRONG_TYPES],
  signer: ['0x123', '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', ...SQL, ...SCRIPT, ...WRONG_TYPES],
  claimant: ['0xzz', '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', ...SQL, 0],
  principalUsdc: ['-1', '-0.5', '1.1234567', '0', '1e3', 'NaN', 12.5, ...SQL],
  chainId: [-1, 0, 1.5, '31337', 1e300, null, true, {}, []],
  coverageSeconds: [-86_400, 0, 3600.5, '86400', 1e12, null],
  paidAtSec: [-1, 1.5, '1767000000', null, 0],
  triggeredAtSec: [-5, 0.25, 'now'],
  leverage: [-10, 0, 1.234, '10', 1e9, null],
  instId: ['btc-usdt-swap', 'BTC', '', ...SQL, ...SCRIPT, 7],
  ordId: ['-1', '1.5', 'abc', '', ...SQL, 12345],
  posId: ['-1', '0x10', ...SQL, 1],
  apiKey: ['short', ...SQL, ...SCRIPT, 1, null],
  secretKey: ['has space in it 0123', ...SQL, ...SCRIPT, 1],
  passphrase: ['', 'x'.repeat(65), 'nul\u0000byte', 'tab\there', 1, null],
  reason: ['', '   ', 'x'.repeat(501), 1, null, []],
  roles: ['superadmin', ['god'], ['reviewer', 'reviewer'], [1], null, ['reviewer', 'finance', 'superadmin', 'reviewer'], [...SQL]],
  message: ['', 'x'.repeat(4097), 1, null],
  fromBlock: [-1, 1.5, '1', null, 1e300, [], ...SQL],
  toBlock: [-1, 2.5, '10', null, true, {}],
};

const INVALID_QUERY: Readonly<Record<string, readonly string[]>> = {
  status: ['NOPE!', "PAID' OR 1=1", '<script>', 'paid'],
  limit: ['0', '-1', '1.5', '201', 'ten', '1;DROP'],
  cursor: ['bad cursor!', '<script>'],
  instId: ['btc', "x' OR 1=1"],
  posId: ['-1', 'abc'],
  service: ['api-gateway', 'unknown', "policy'--"],
  offset: ['-1', 'a'],
  before: ['0', '-5', 'abc'],
  actor: ['0x123', '<script>'],
  action: ['admin.roles.set;DROP', '<script>'],
  ids: ['', 'not-a-uuid', `${SAMPLE_UUID},${SAMPLE_UUID}`, `${SAMPLE_UUID},`, Array.from({ length: 51 }, () => SAMPLE_UUID).join(','), `${SAMPLE_UUID}' OR '1'='1`, '<script>'],
};

const INVALID_PARAM: Readonly<Record<string, readonly string[]>> = {
  id: ['1', encodeURIComponent("1' OR '1'='1"), encodeURIComponent('<script>'), 'not-a-uuid', `${SAMPLE_UUID}0`, '-1'],
  wallet: ['0x123', 'abc', '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', encodeURIComponent("' OR 1=1")],
  file: [encodeURIComponent('../../package.json'), encodeURIComponent('<script>'), 'UPPER.JS'],
};

/**
 * Builds the fuzz table for a route: generic shapes (unknown query field, wrong content type,
 * broken JSON, non-object bodies, oversized body, unknown body field) and, per declared field,
 * missing values and values of the wrong type or shape.
 */
export function malformedCasesFor(route: RouteDefinition): MalformedCase[] {
  const url = sampleUrl(route);
  const withQuery = (extra: string) => `${url}${url.includes('?') ? '&' : '?'}${extra}`;
  const valid = VALID_BODIES[route.id] ?? {};
  const json = (name: string, body: unknown, path = url): MalformedCase => ({ name, method: route.method, path, contentType: 'application/json', body: JSON.stringify(body) });
  const cases: MalformedCase[] = [
    { name: 'unknown query field', method: route.method, path: withQuery('debug=1') },
    { name: 'SQL in an unknown query field', method: route.method, path: withQuery(`q=${encodeURIComponent(SQL[1])}`) },
    json('unknown body field', { ...(valid as object), isAdmin: true }),
    { name: 'text body', method: route.method, path: url, contentType: 'text/plain', body: 'hello' },
    { name: 'form body', method: route.method, path: url, contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
    { name: 'broken JSON', method: route.method, path: url, contentType: 'application/json', body: '{"a":' },
    { name: 'prototype pollution', method: route.method, path: url, contentType: 'application/json', body: '{"__proto__":{"admin":true}}' },
    json('huge body', { ...(valid as object), padding: 'x'.repeat(40_000) }),
  ];
  if (route.body) {
    for (const body of [[], 'string', 42, null, [valid]]) cases.push(json(`body ${JSON.stringify(body)}`, body));
    const fields = Object.keys(valid as object);
    for (const field of fields) {
      const { [field]: _omitted, ...without } = valid as Record<string, unknown>;
      if (!route.body.safeParse(without).success) cases.push(json(`missing ${field}`, without));
      for (const value of INVALID_BY_FIELD[field] ?? []) cases.push(json(`${field}=${JSON.stringify(value).slice(0, 40)}`, { ...without, [field]: value }));
    }
  }
  for (const field of Object.keys(route.query?.shape ?? {})) {
    for (const value of INVALID_QUERY[field] ?? []) cases.push({ name: `query ${field}=${value}`, method: route.method, path: withQuery(`${field}=${encodeURIComponent(value)}`) });
  }
  for (const param of Object.keys(route.params?.shape ?? {})) {
    for (const value of INVALID_PARAM[param] ?? []) {
      const path = sampleUrl(route).replace(param === 'id' ? SAMPLE_UUID : /[^/?]+(?=\?|$)/, value);
      cases.push(route.body ? json(`path ${param}=${value}`, valid, path) : { name: `path ${param}=${value}`, method: route.method, path });
    }
  }
  return cases;
}
