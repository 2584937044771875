import { randomBytes, randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { createEvent, eventSubject, type EventPayload, type EventType } from '@liqpass/events';
import { connectNats, streamName, type NatsConnection } from '@liqpass/messaging';
import type { OkxSimProcess, SimAccount, SimPosition } from '@liqpass/okx-client';
import { createServiceApp, RpcClient, type RpcReply } from '@liqpass/service-kit';
import { createTestDatabase, eventually, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { ClaimsVerifierAppModule } from '../app.module';
import { OkxBindingStandIn } from './okx-binding-stand-in';

export const randomWallet = () => `0x${randomBytes(20).toString('hex')}`;
const PRODUCERS: Record<string, 'policy' | 'okx-binding' | 'payout'> = { PolicyCreated: 'policy', PolicyActivated: 'policy', PolicyExpired: 'policy', OkxOrderBound: 'okx-binding', PayoutExecuted: 'payout' };

export interface Insured {
  wallet: string;
  account: SimAccount;
  position: SimPosition;
  purchaseOrderId: string;
  orderId: string;
}

/** The real claims-verifier on its own database and NATS prefix, with okx-binding stood in over the simulator. */
export class ClaimsTestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: TestDatabase,
    readonly prefix: string,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly okxBinding: OkxBindingStandIn,
    readonly sim: OkxSimProcess,
  ) {}

  static async start(label: string, sim: OkxSimProcess, extraEnv: Record<string, string> = {}): Promise<ClaimsTestApp> {
    const db = await createTestDatabase(label);
    await ensureServiceSchema(db.url, { database: db.name, schema: 'claims', role: 'liqpass_claims', password: 'liqpass_claims' });
    const prefix = uniqueToken();
    const env = { DATABASE_URL: withCredentials(db.url, 'liqpass_claims', 'liqpass_claims'), NATS_URL: TEST_NATS_URL, NATS_SUBJECT_PREFIX: prefix, LOG_LEVEL: 'warn', VERIFY_SWEEP_INTERVAL_MS: '300', ...extraEnv };
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const { app } = await createServiceApp('claims-verifier', SERVICE_CONFIG_SCHEMAS['claims-verifier'], ({ config, logger }) => ClaimsVerifierAppModule.register(config, logger), env, sink);
    await app.listen(0, '127.0.0.1');
    const nc = await connectNats(TEST_NATS_URL, `test-${label}`);
    return new ClaimsTestApp(app, db, prefix, nc, jetstream(nc), await jetstreamManager(nc), new OkxBindingStandIn(nc, prefix, sim.baseUrl), sim);
  }

  async close(): Promise<void> {
    await this.okxBinding?.close();
    await this.app?.close();
    for (const producer of ['policy', 'okx-binding', 'payout', 'claims-verifier'] as const) await this.jsm?.streams.delete(streamName(producer, this.prefix)).catch(() => undefined);
    await this.nc?.close();
    await this.db?.drop();
  }

  async call<T = Record<string, unknown>>(method: string, body: unknown): Promise<RpcReply<T>> {
    return new RpcClient(this.nc, 15_000, this.prefix).call<T>('claims-verifier', method, body);
  }

  async publish<T extends EventType>(type: T, payload: EventPayload<T>): Promise<void> {
    const event = createEvent(type, payload, { producer: PRODUCERS[type] as never, correlationId: randomUUID() });
    await this.js.publish(eventSubject(type, 1, this.prefix), JSON.stringify(event), { msgID: event.id });
  }

  /**
   * A trader with a linked key, an open position, and an active policy on it as the policy
   * service and okx-binding would announce it. Coverage defaults: started a minute ago, one day long.
   */
  async insure(over: { coverageStartAt?: Date; coverageEndAt?: Date; boundAt?: Date; instId?: string; wallet?: string; account?: SimAccount; posSzAtBind?: string } = {}): Promise<Insured> {
    const account = over.account ?? (await this.sim.createAccount());
    const wallet = over.wallet ?? randomWallet();
    const instId = over.instId ?? 'BTC-USDT-SWAP';
    const position = await this.sim.openPosition({ uid: account.uid, instId, posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 2, avgPx: 60000, ts: Date.now() - 300_000 });
    this.okxBinding.link(wallet, account);
    const purchaseOrderId = randomUUID();
    const orderId = `0x${randomBytes(32).toString('hex')}`;
    const now = Date.now();
    const boundAt = (over.boundAt ?? new Date(now - 240_000)).toISOString();
    await this.publish('PolicyCreated', {
      purchaseOrderId, orderId, userWallet: wallet, chainId: 31337, policyType: 'LIQUIDATION_V1', quoteHash: `0x${randomBytes(32).toString('hex')}`,
      premiumAmountUsdc: '12500000', payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000', coverageSeconds: 86_400, waitingPeriodSeconds: 0,
      instId, posSide: 'long', mgnMode: 'isolated', lever: '20', quoteExpiresAt: new Date(now + 600_000).toISOString(), createdAt: new Date(now - 400_000).toISOString(),
    });
    await this.publish('OkxOrderBound', { purchaseOrderId, ordId: position.ordId, instId, posId: position.posId, posCTime: position.cTime, posSide: 'long', mgnMode: 'isolated', lever: '20', okxUid: account.uid, liqPxAtBind: position.liqPx || null, boundAt, ...(over.posSzAtBind ? { posSzAtBind: over.posSzAtBind } : {}) });
    await this.publish('PolicyActivated', {
      purchaseOrderId, orderId, userWallet: wallet, chainId: 31337, payoutFixedUsdc: '500000000', payoutCapUsdc: '500000000',
      coverageStartAt: (over.coverageStartAt ?? new Date(now - 60_000)).toISOString(), coverageEndAt: (over.coverageEndAt ?? new Date(now + 86_400_000)).toISOString(),
      paidAt: boundAt, payTxHash: `0x${randomBytes(32).toString('hex')}`, payer: wallet,
      okx: { ordId: position.ordId, instId, posId: position.posId, posSide: 'long', mgnMode: 'isolated', okxUid: account.uid }, activatedAt: new Date(now).toISOString(),
    });
    await eventually(async () => (await this.sql('SELECT 1 FROM policies WHERE purchase_order_id = $1 AND paid_at IS NOT NULL AND pos_c_time IS NOT NULL AND user_wallet IS NOT NULL', [purchaseOrderId])).length === 1);
    return { wallet, account, position, purchaseOrderId, orderId };
  }

  claim(insured: Insured) {
    return this.call<{ id: string; status: string }>('claims.create', { caller: { kind: 'wallet', wallet: insured.wallet }, params: {}, query: {}, body: { purchaseOrderId: insured.purchaseOrderId } });
  }

  /** Waits until the claim leaves VERIFYING and answers it as the trader sees it. */
  async decided(insured: Insured, claimId: string): Promise<Record<string, unknown>> {
    return eventually(async () => {
      const reply = await this.call<Record<string, unknown>>('claims.get', { caller: { kind: 'wallet', wallet: insured.wallet }, params: { id: claimId }, query: {}, body: {} });
      return reply.ok && reply.data['status'] !== 'VERIFYING' ? reply.data : null;
    }, 20_000);
  }

  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      await client.query('SET search_path = claims');
      return (await client.query(text, params)).rows as R[];
    } finally {
      await client.end();
    }
  }
}
