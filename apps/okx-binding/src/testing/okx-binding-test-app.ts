import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { createEvent, eventSubject, type EventPayload } from '@liqpass/events';
import { connectNats, streamName, type NatsConnection } from '@liqpass/messaging';
import type { OkxSimProcess, SimAccount } from '@liqpass/okx-client';
import { createServiceApp, RpcClient, type RpcReply } from '@liqpass/service-kit';
import { createTestDatabase, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { OkxBindingAppModule } from '../app.module';

/** A test wallet: a random lower-case 0x address. */
export const randomWallet = () => `0x${randomBytes(20).toString('hex')}`;

/**
 * The real okx-binding service on a fresh database, its own NATS subject prefix and the OKX
 * simulator process, with every log line it writes captured (at trace level) for inspection.
 */
export class OkxBindingTestApp {
  readonly logLines: string[];
  /** Every reply this test received, for scanning. */
  readonly replies: unknown[] = [];

  private constructor(
    readonly app: NestFastifyApplication,
    readonly db: TestDatabase,
    readonly prefix: string,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly baseUrl: string,
    readonly env: Record<string, string>,
    logLines: string[],
  ) {
    this.logLines = logLines;
  }

  static async start(label: string, sim: OkxSimProcess, extraEnv: Record<string, string> = {}): Promise<OkxBindingTestApp> {
    const db = await createTestDatabase(label);
    await ensureServiceSchema(db.url, { database: db.name, schema: 'okx', role: 'liqpass_okx', password: 'liqpass_okx' });
    const prefix = uniqueToken();
    const logLines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const env = {
      DATABASE_URL: withCredentials(db.url, 'liqpass_okx', 'liqpass_okx'),
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: prefix,
      LOG_LEVEL: 'trace',
      OKX_BASE_URL: sim.baseUrl,
      ...extraEnv,
    };
    const { app } = await createServiceApp('okx-binding', SERVICE_CONFIG_SCHEMAS['okx-binding'], ({ config, logger }) => OkxBindingAppModule.register(config, logger), env, sink);
    await app.listen(0, '127.0.0.1');
    const nc = await connectNats(TEST_NATS_URL, `test-${label}`);
    return new OkxBindingTestApp(app, db, prefix, nc, jetstream(nc), await jetstreamManager(nc), await app.getUrl(), env, logLines);
  }

  async close(): Promise<void> {
    await this.app?.close();
    for (const producer of ['policy', 'okx-binding'] as const) await this.jsm?.streams.delete(streamName(producer, this.prefix)).catch(() => undefined);
    await this.nc?.close();
    await this.db?.drop();
  }

  /** Calls one of the service's request/reply methods as the gateway or the policy service would. */
  async call<T = unknown>(method: string, body: unknown): Promise<RpcReply<T>> {
    const reply = await new RpcClient(this.nc, 15_000, this.prefix).call<T>('okx-binding', method, body);
    this.replies.push(reply);
    return reply;
  }

  /** `POST /okx/accounts` as the gateway forwards it. */
  link(wallet: string, account: Pick<SimAccount, 'apiKey' | 'secretKey' | 'passphrase'>) {
    return this.call<{ id: string; okxUid: string; perm: string }>('accounts.link', {
      caller: { kind: 'wallet', wallet },
      params: {},
      query: {},
      body: { apiKey: account.apiKey, secretKey: account.secretKey, passphrase: account.passphrase },
    });
  }

  /** Publishes PolicyCreated as the policy service would, on this test's prefix. */
  async publishPolicyCreated(overrides: Partial<EventPayload<'PolicyCreated'>>): Promise<EventPayload<'PolicyCreated'>> {
    const payload: EventPayload<'PolicyCreated'> = {
      purchaseOrderId: randomUUID(),
      orderId: `0x${randomBytes(32).toString('hex')}`,
      userWallet: randomWallet(),
      chainId: 31337,
      policyType: 'LIQUIDATION_V1',
      quoteHash: `0x${randomBytes(32).toString('hex')}`,
      premiumAmountUsdc: '12500000',
      payoutFixedUsdc: '500000000',
      payoutCapUsdc: '500000000',
      coverageSeconds: 86_400,
      waitingPeriodSeconds: 0,
      instId: 'BTC-USDT-SWAP',
      posSide: 'long',
      mgnMode: 'isolated',
      lever: '20',
      quoteExpiresAt: new Date(Date.now() + 600_000).toISOString(),
      createdAt: new Date().toISOString(),
      ...overrides,
    };
    const event = createEvent('PolicyCreated', payload, { producer: 'policy', correlationId: randomUUID() });
    await this.js.publish(eventSubject('PolicyCreated', 1, this.prefix), JSON.stringify(event), { msgID: event.id });
    return payload;
  }

  /** Runs SQL in the service's schema as the database superuser (tests only). */
  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      await client.query('SET search_path = okx');
      return (await client.query(text, params)).rows as R[];
    } finally {
      await client.end();
    }
  }
}
