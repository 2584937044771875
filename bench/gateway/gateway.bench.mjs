// Issue 3: an authenticated read route through the real gateway, beside a bare Fastify hello
// world measured in the same run. GET /claims with a Bearer token from a real SIWE sign-in; the
// gateway (dist main.js, its own process) forwards it over NATS request/reply to the real
// claims-verifier (dist main.js, its own process), which reads the wallet's 5 claims from
// Postgres. Both run with their production LOG_LEVEL (info: one JSON line per request).
// The gateway answers a repeated GET /claims from its read cache (until claims-verifier
// publishes any event); a second gateway with the cache off (READ_CACHE_TTL_MS=0) measures the
// full path to the service on every request, in the same run.
import { dist, pkg } from '../lib/dist.mjs';
import { Cleanup, startProcess } from '../lib/processes.mjs';
import { cpuMeter } from '../lib/cpu.mjs';
import { percentile, say, table, verdict } from '../lib/report.mjs';
import { writeResult } from '../lib/results.mjs';
import { ClaimsService, createTestDatabase, provisionSchema, TEST_NATS_URL, uniqueToken } from '../lib/claims-service.mjs';

const autocannon = pkg('autocannon');
const { anvilWallet, signIn } = dist('apps/api-gateway/src/testing/siwe-signer');

const DURATION = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const TARGET_RPS = 3000;
const TARGET_P99_MS = 20;
const SEEDED_CLAIMS = 5;

/** gateway_read_cache_lookups_total of GET /claims, from the gateway's /metrics. */
async function cacheLookups(base) {
  const lines = (await (await fetch(`${base}/metrics`)).text()).split('\n').filter((line) => line.startsWith('gateway_read_cache_lookups_total{') && line.includes('route="claims.list"'));
  const count = (result) => lines.filter((line) => line.includes(`result="${result}"`)).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  return { hit: count('hit'), miss: count('miss') };
}

function load(url, connections, duration, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** `connections` request loops calling `call()` for `duration` s: the same figures as autocannon's. */
async function loop(call, connections, duration) {
  const latencies = [];
  const end = performance.now() + duration * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await call();
      latencies.push(performance.now() - started);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / duration, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1), total: latencies.length };
}

async function measureRpc(label, call, connections) {
  await loop(call, connections, 2);
  const r = await loop(call, connections, DURATION);
  return { label, connections, ...r, p50: Math.round(r.p50 * 10) / 10, p99: Math.round(r.p99 * 10) / 10, max: Math.round(r.max) };
}

async function measure(label, url, connections, headers, meter) {
  await load(url, connections, 2, headers); // warm-up: JIT, connection pools
  const window = meter?.start();
  const r = await load(url, connections, DURATION, headers);
  const cpu = window?.stop();
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${label} at ${connections} connections: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { label, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, total: r.requests.total, cpu };
}

const cleanup = new Cleanup();
let exitCode = 0;
let result = null;
try {
  const db = await createTestDatabase('bench_gateway');
  cleanup.add('drop database', () => db.drop());
  const prefix = uniqueToken('bench');
  const claims = await ClaimsService.start('bench_gateway', { db, prefix });
  cleanup.add('claims-verifier', () => claims.close());
  const gatewayUrl = await provisionSchema(db, 'gateway', 'liqpass_gateway');
  const gatewayEnv = {
    DATABASE_URL: gatewayUrl,
    NATS_URL: TEST_NATS_URL,
    NATS_SUBJECT_PREFIX: prefix,
    // One client IP and one wallet make all the load: the limits would answer 429 after a few hundred.
    RATE_LIMIT_IP_PER_MINUTE: '1000000000',
    RATE_LIMIT_WALLET_PER_MINUTE: '1000000000',
  };
  const gateway = await startProcess('api-gateway', 'dist/apps/api-gateway/src/main.js', gatewayEnv);
  cleanup.add('api-gateway', () => gateway.stop());
  const uncached = await startProcess('api-gateway, no read cache', 'dist/apps/api-gateway/src/main.js', { ...gatewayEnv, READ_CACHE_TTL_MS: '0' });
  cleanup.add('api-gateway, no read cache', () => uncached.stop());
  const hello = await startProcess('fastify hello world', 'bench/gateway/hello-fastify.mjs');
  cleanup.add('hello world', () => hello.stop());

  // A trader signed in for real, with claims to read.
  const wallet = anvilWallet(7);
  const token = await signIn(gateway.base, wallet);
  const policies = [];
  for (let i = 0; i < SEEDED_CLAIMS; i += 1) {
    policies.push(await claims.announcePolicy({ wallet: wallet.address, okxUid: String(9_100_000 + i), position: { ordId: String(700_000 + i), posId: String(800_000 + i), cTime: String(Date.now() - 300_000), liqPx: '57000', pos: '2' } }));
  }
  await claims.waitForPolicies(policies);
  for (const id of policies) {
    const opened = await claims.openClaim(wallet.address, id);
    if (!opened.ok) throw new Error(`seeding a claim: ${JSON.stringify(opened.error)}`);
  }
  const headers = { authorization: `Bearer ${token}` };
  const check = await fetch(`${gateway.base}/claims`, { headers });
  const body = await check.json();
  const listed = Array.isArray(body) ? body.length : (body.items ?? body.claims ?? body.data ?? []).length;
  if (check.status !== 200 || listed !== SEEDED_CLAIMS) throw new Error(`GET /claims answered ${check.status} with ${listed} claims: ${JSON.stringify(body).slice(0, 300)}`);
  say(`signed in ${wallet.address} by SIWE; GET /claims answers 200 with ${listed} claims (${JSON.stringify(body).length} bytes)`);

  const meter = cpuMeter({ 'api-gateway': gateway.pid, 'claims-verifier': claims.process.pid });
  const uncachedMeter = cpuMeter({ 'api-gateway': uncached.pid, 'claims-verifier': claims.process.pid });
  const rows = [];
  const cpuRows = [];
  for (const connections of CONNECTIONS) {
    say(`${connections} connections, ${DURATION} s each…`);
    const base = await measure('fastify hello world', `${hello.base}/`, connections);
    // Where the time goes: the gateway's own edge (hooks, guard, Nest) without auth or NATS.
    const live = await measure('gateway GET /health/live', `${gateway.base}/health/live`, connections);
    // The same read without the gateway: its request over NATS straight to claims-verifier.
    const direct = await measureRpc('claims.list over NATS (no gateway)', async () => {
      const reply = await claims.call('claims.list', { caller: { kind: 'wallet', wallet: wallet.address }, params: {}, query: {}, body: {} });
      if (!reply.ok) throw new Error(`claims.list: ${JSON.stringify(reply.error)}`);
    }, connections);
    const full = await measure('gateway GET /claims, no read cache', `${uncached.base}/claims`, connections, headers, uncachedMeter);
    const gw = await measure('gateway GET /claims', `${gateway.base}/claims`, connections, headers, meter);
    for (const [path, run] of [['no read cache', full], ['read cache', gw]]) {
      const perRequest = (ms) => Math.round((ms * 1000) / run.total);
      const spent = Object.entries(run.cpu);
      cpuRows.push({ connections, path, ...Object.fromEntries(spent.map(([who, ms]) => [who, perRequest(ms)])), total: perRequest(spent.reduce((sum, [, ms]) => sum + ms, 0)) });
    }
    const meets = gw.rps >= TARGET_RPS && gw.p99 < TARGET_P99_MS;
    rows.push({ ...base, 'vs baseline': '1.00', target: '' });
    rows.push({ ...live, 'vs baseline': (live.rps / base.rps).toFixed(3), target: '(no auth, no NATS)' });
    rows.push({ ...direct, 'vs baseline': (direct.rps / base.rps).toFixed(3), target: '(service + Postgres + NATS only)' });
    rows.push({ ...full, 'vs baseline': (full.rps / base.rps).toFixed(3), target: '(every request to the service)' });
    rows.push({ ...gw, 'vs baseline': (gw.rps / base.rps).toFixed(3), target: `${verdict(meets)} (≥ ${TARGET_RPS} req/s, p99 < ${TARGET_P99_MS} ms)` });
  }
  table(`gateway benchmark: autocannon, ${DURATION} s per row after a 2 s warm-up; latency in ms; every answer 2xx`, rows.map((r) => ({ what: r.label, connections: r.connections, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99, 'max ms': r.max, 'vs baseline': r['vs baseline'], target: r.target })));
  // Where a request's CPU goes (µs per GET /claims, every process on its path): this machine has
  // 2 cores, so the sum bounds the throughput at about 2,000,000 / total req/s.
  table('CPU per GET /claims by process (µs; postgres and nats-server: all their processes)', cpuRows);
  // The cached row must really have been answered by the cache, and the other by the service.
  const lookups = await cacheLookups(gateway.base);
  say(`read cache of the gateway: ${lookups.hit} hits, ${lookups.miss} misses`);
  if (lookups.hit === 0) throw new Error('the read cache answered nothing: the cached row measured the full path');
  result = {
    headline: rows.flatMap((r) => [
      { what: `${r.label}, ${r.connections} connections`, value: Math.round(r.rps), unit: 'req/s', baseline: r.label === 'fastify hello world' ? undefined : Math.round(rows.find((b) => b.label === 'fastify hello world' && b.connections === r.connections).rps), ratio: Number(r['vs baseline']), target: r.label === 'gateway GET /claims' ? `≥ ${TARGET_RPS} req/s, p99 < ${TARGET_P99_MS} ms` : undefined, verdict: r.label === 'gateway GET /claims' ? r.target.split(' ')[0] : undefined },
      ...(r.label === 'gateway GET /claims' ? [{ what: `gateway GET /claims p99, ${r.connections} connections`, value: r.p99, unit: 'ms' }] : []),
    ]),
    details: { durationSeconds: DURATION, rows, cpuMicrosecondsPerRequest: cpuRows },
  };
} catch (error) {
  process.stderr.write(`[bench] gateway benchmark failed: ${error?.stack ?? error}\n`);
  exitCode = 1;
} finally {
  await cleanup.run();
}
if (result) writeResult('gateway', result);
process.exit(exitCode);
