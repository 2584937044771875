// The real claims-verifier (dist/apps/claims-verifier/src/main.js, a separate process) on its
// own test database and NATS prefix, and what the bench needs around it: policies announced the
// way the policy service and okx-binding announce them (events on JetStream), claims opened over
// its public RPC (the request the gateway forwards), claim states read from its table.
import { randomBytes, randomUUID } from 'node:crypto';
import { dist, pkg } from './dist.mjs';
import { startProcess } from './processes.mjs';

const { createTestDatabase, uniqueToken, TEST_NATS_URL } = dist('libs/testing');
const { ensureServiceSchema, withCredentials } = dist('libs/db');
const { createEvent, eventSubject } = dist('libs/events');
const { connectNats, streamName } = dist('libs/messaging');
const { RpcClient } = dist('libs/service-kit');
const { jetstream, jetstreamManager } = pkg('@nats-io/jetstream');
const { Client } = pkg('pg');

const PRODUCERS = { PolicyCreated: 'policy', PolicyActivated: 'policy', OkxOrderBound: 'okx-binding' };
export const randomWallet = () => `0x${randomBytes(20).toString('hex')}`;

/** The position's size as okx-binding records it at binding (posSzAtBind: |pos|). */
function insuredSize(position) {
  if (!/^-?\d+(\.\d+)?$/.test(String(position.pos))) throw new Error(`announcePolicy: the position needs its size (pos), got ${position.pos}`);
  return String(position.pos).replace(/^-/, '');
}

/** Provisions a schema and role in a test database (as the local stack does per service). */
export async function provisionSchema(db, schema, role) {
  await ensureServiceSchema(db.url, { database: db.name, schema, role, password: role });
  return withCredentials(db.url, role, role);
}

export class ClaimsService {
  static async start(label, { db, prefix, env = {} } = {}) {
    const self = new ClaimsService();
    self.ownsDb = !db;
    self.db = db ?? (await createTestDatabase(label));
    self.prefix = prefix ?? uniqueToken('bench');
    const url = await provisionSchema(self.db, 'claims', 'liqpass_claims');
    self.nc = await connectNats(TEST_NATS_URL, `bench-${label}`);
    self.js = jetstream(self.nc);
    self.jsm = await jetstreamManager(self.nc);
    self.rpc = new RpcClient(self.nc, 60_000, self.prefix);
    self.pg = new Client({ connectionString: self.db.url, options: '-c search_path=claims' });
    self.pg.on('error', () => undefined); // a dropped database ends it; cleanup reports what matters
    await self.pg.connect();
    try {
      self.process = await startProcess('claims-verifier', 'dist/apps/claims-verifier/src/main.js', { DATABASE_URL: url, NATS_URL: TEST_NATS_URL, NATS_SUBJECT_PREFIX: self.prefix, ...env });
    } catch (error) {
      await self.close();
      throw error;
    }
    return self;
  }

  async close() {
    await this.watching?.close();
    await this.process?.stop();
    for (const producer of ['policy', 'okx-binding', 'payout', 'claims-verifier']) await this.jsm?.streams.delete(streamName(producer, this.prefix)).catch(() => undefined);
    await this.pg?.end().catch(() => undefined);
    await this.nc?.close();
    if (this.ownsDb) await this.db?.drop();
  }

  call(method, body, timeoutMs) {
    return this.rpc.call('claims-verifier', method, body, timeoutMs);
  }

  async publish(type, payload) {
    const event = createEvent(type, payload, { producer: PRODUCERS[type], correlationId: randomUUID() });
    await this.js.publish(eventSubject(type, 1, this.prefix), JSON.stringify(event), { msgID: event.id });
  }

  /**
   * An active, paid, bound policy for `wallet` on `position` of OKX account `okxUid` (coverage
   * from a minute ago for a day, bound four minutes ago), as PolicyCreated, OkxOrderBound and
   * PolicyActivated announce it. Returns the purchase order id.
   */
  async announcePolicy({ wallet, okxUid, position, instId = 'BTC-USDT-SWAP' }) {
    const purchaseOrderId = randomUUID();
    const orderId = `0x${randomBytes(32).toString('hex')}`;
    const now = Date.now();
    const boundAt = new Date(now - 240_000).toISOString();
    const okx = { ordId: position.ordId, instId, posId: position.posId, posSide: 'long', mgnMode: 'isolated', okxUid };
    await this.publish('PolicyCreated', {
      purchaseOrderId, orderId, userWallet: wallet, chainId: 31337, policyType: 'LIQUIDATION_V1', quoteHash: `0x${randomBytes(32).toString('hex')}`,
      premiumAmountUsdc: '12500000', payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000', coverageSeconds: 86_400, waitingPeriodSeconds: 0,
      instId, posSide: 'long', mgnMode: 'isolated', lever: '20', quoteExpiresAt: new Date(now + 600_000).toISOString(), createdAt: new Date(now - 400_000).toISOString(),
    });
    await this.publish('OkxOrderBound', { purchaseOrderId, ordId: position.ordId, instId, posId: position.posId, posCTime: position.cTime, posSide: 'long', mgnMode: 'isolated', lever: '20', okxUid, liqPxAtBind: position.liqPx || null, posSzAtBind: insuredSize(position), boundAt });
    await this.publish('PolicyActivated', {
      purchaseOrderId, orderId, userWallet: wallet, chainId: 31337, payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000',
      coverageStartAt: new Date(now - 60_000).toISOString(), coverageEndAt: new Date(now + 86_400_000).toISOString(),
      paidAt: boundAt, payTxHash: `0x${randomBytes(32).toString('hex')}`, payer: wallet, okx, activatedAt: new Date(now).toISOString(),
    });
    return purchaseOrderId;
  }

  /** Waits until the service's read model holds every one of these policies, complete. */
  async waitForPolicies(purchaseOrderIds, timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.pg.query('SELECT count(*)::int AS n FROM policies WHERE purchase_order_id = ANY($1::uuid[]) AND paid_at IS NOT NULL AND pos_c_time IS NOT NULL AND user_wallet IS NOT NULL', [purchaseOrderIds]);
      if (rows[0].n === purchaseOrderIds.length) return;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${purchaseOrderIds.length} policies reached the claims read model`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** claims.create as the gateway forwards POST /claims. */
  openClaim(wallet, purchaseOrderId, timeoutMs) {
    return this.call('claims.create', { caller: { kind: 'wallet', wallet }, params: {}, query: {}, body: { purchaseOrderId } }, timeoutMs);
  }

  /**
   * When each claim's decision event (ClaimVerified, ClaimRejected or ClaimFailed) reached this
   * process: a live Map of claim id → performance.now(), fed by plain NATS subscriptions to the
   * three decision subjects — what JetStream stores it also delivers to core subscribers, as the
   * gateway's read cache listens. Only decisions: an ordered consumer of the whole stream also
   * carried every ClaimRequested to this process, whose CPU the storm shares.
   */
  async watchDecisions() {
    const decided = new Map();
    const subscriptions = ['ClaimVerified', 'ClaimRejected', 'ClaimFailed'].map((type) => this.nc.subscribe(eventSubject(type, 1, this.prefix)));
    this.watching = { close: async () => subscriptions.forEach((sub) => sub.unsubscribe()) };
    for (const sub of subscriptions) {
      void (async () => {
        for await (const message of sub) {
          const claimId = message.json().payload?.claimId;
          if (claimId && !decided.has(claimId)) decided.set(claimId, performance.now());
        }
      })();
    }
    await this.nc.flush(); // the subscriptions are registered with the server before the storm starts
    return decided;
  }

  /** The claims among `ids` no longer VERIFYING (committed), with their state. */
  /** This database's activity counters (pg_stat_database) and, per table, its row writes and HOT updates. */
  async databaseActivity() {
    const { rows: [db] } = await this.pg.query(`SELECT xact_commit::int AS commits, xact_rollback::int AS rollbacks, tup_inserted::int AS inserted, tup_updated::int AS updated, tup_deleted::int AS deleted, tup_returned::bigint AS returned, tup_fetched::bigint AS fetched FROM pg_stat_database WHERE datname = current_database()`);
    const { rows: tables } = await this.pg.query(`SELECT relname AS table, n_tup_ins::int AS inserted, n_tup_upd::int AS updated, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd > 0 ORDER BY relname`);
    return { db, tables };
  }

  /** Average size of the evidence the service kept for these claims: as JSON text, and as stored. */
  async evidenceSize(ids) {
    const { rows } = await this.pg.query(`SELECT avg(octet_length(evidence_json::text))::int AS json_bytes, avg(pg_column_size(evidence_json))::int AS stored_bytes, string_agg(DISTINCT pg_column_compression(evidence_json), ',') AS compression FROM insurance_claims WHERE id = ANY($1::uuid[])`, [ids]);
    return rows[0];
  }

  async decided(ids) {
    const { rows } = await this.pg.query(`SELECT id, status, reason_code FROM insurance_claims WHERE id = ANY($1::uuid[]) AND status <> 'VERIFYING'`, [ids]);
    return rows;
  }
}

export { createTestDatabase, uniqueToken, TEST_NATS_URL };
