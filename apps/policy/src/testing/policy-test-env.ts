import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JsonRpcProvider, type HDNodeWallet } from 'ethers';
import { Client } from 'pg';
import { SiweMessage } from 'siwe';
import { deployLocalChain, findFreePort, LOCAL_ACCOUNT, localWallets, startAnvil, type AnvilHandle, type LocalChainDeployment } from '@liqpass/chain';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { createEvent, eventProducer, eventSubject, PRODUCERS, type EventPayload, type EventType } from '@liqpass/events';
import { connectNats, streamName, type NatsConnection } from '@liqpass/messaging';
import { OkxSimProcess } from '@liqpass/okx-client';
import { createServiceApp } from '@liqpass/service-kit';
import { createTestDatabase, TEST_NATS_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { PolicyAppModule } from '../app.module';
import { ServiceProcess } from './service-process';

const SCHEMAS = { 'api-gateway': 'gateway', 'okx-binding': 'okx', 'payment-listener': 'payments', policy: 'policy', 'claims-verifier': 'claims' } as const;

export interface ApiReply<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/**
 * One isolated LiqPass for the policy service's end-to-end tests: anvil (1 s blocks) with the
 * contracts deployed, the OKX simulator, a fresh database with each service's schema and role,
 * its own NATS subject prefix, and the real api-gateway, okx-binding and payment-listener as
 * processes from the build — with policy itself in this process, so a test can drive its
 * scheduler and read its tables.
 */
export class PolicyTestEnv {
  policy!: NestFastifyApplication;
  private readonly processes: ServiceProcess[] = [];

  private constructor(
    readonly anvil: AnvilHandle,
    readonly chain: LocalChainDeployment,
    readonly provider: JsonRpcProvider,
    readonly wallets: HDNodeWallet[],
    readonly db: TestDatabase,
    readonly prefix: string,
    readonly sim: OkxSimProcess,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly gatewayUrl: string,
  ) {}

  /** `claimsEnv`: also run the claims-verifier (its own process) with these settings. */
  static async open(label: string, policyEnv: Record<string, string> = {}, claimsEnv?: Record<string, string>): Promise<PolicyTestEnv> {
    const anvil = await startAnvil({ port: await findFreePort(), blockTime: 1 });
    const chain = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: { info: () => undefined, warn: () => undefined } });
    const provider = new JsonRpcProvider(anvil.rpcUrl, chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
    const db = await createTestDatabase(`policy_${label}`);
    for (const schema of Object.values(SCHEMAS)) await ensureServiceSchema(db.url, { database: db.name, schema, role: `liqpass_${schema}`, password: `liqpass_${schema}` });
    const sim = await OkxSimProcess.start();
    const nc = await connectNats(TEST_NATS_URL, `test-policy-${label}`);
    const gatewayPort = await findFreePort();
    const env = new PolicyTestEnv(anvil, chain, provider, localWallets(undefined, provider), db, uniqueToken('t'), sim, nc, jetstream(nc), await jetstreamManager(nc), `http://127.0.0.1:${gatewayPort}`);
    try {
      await env.startPolicy(policyEnv);
      const root = process.cwd();
      env.processes.push(await ServiceProcess.start(root, 'okx-binding', await findFreePort(), env.serviceEnv('okx-binding')));
      env.processes.push(await ServiceProcess.start(root, 'payment-listener', await findFreePort(), { ...env.serviceEnv('payment-listener'), LISTENER_START_BLOCK: String(chain.deployBlock), LISTENER_POLL_INTERVAL_MS: '100' }));
      if (claimsEnv) env.processes.push(await ServiceProcess.start(root, 'claims-verifier', await findFreePort(), { ...env.serviceEnv('claims-verifier'), ...claimsEnv }));
      env.processes.push(
        await ServiceProcess.start(root, 'api-gateway', gatewayPort, {
          ...env.serviceEnv('api-gateway'),
          SERVICE_REQUEST_TIMEOUT_MS: '10000',
          RATE_LIMIT_WALLET_PER_MINUTE: '100000',
          RATE_LIMIT_IP_PER_MINUTE: '100000',
          // An hour: the read cache never expires here, so a claim seen to change through the
          // gateway was made fresh by claims-verifier's events, as in production.
          READ_CACHE_TTL_MS: '3600000',
        }),
      );
    } catch (error) {
      await env.close();
      throw error;
    }
    return env;
  }

  /** Settings every service of this world shares: its database role, NATS prefix, chain and OKX. */
  serviceEnv(service: keyof typeof SCHEMAS): Record<string, string> {
    const role = `liqpass_${SCHEMAS[service]}`;
    return {
      DATABASE_URL: withCredentials(this.db.url, role, role),
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: this.prefix,
      CHAIN_ID: String(this.chain.chainId),
      CHAIN_RPC_URL: this.chain.rpcUrl,
      CHAIN_CONFIRMATIONS: '2',
      CHAIN_USDC_ADDRESS: this.chain.usdc,
      CHAIN_CHECKOUT_ADDRESS: this.chain.checkout,
      CHAIN_TREASURY_SAFE_ADDRESS: this.chain.treasurySafe,
      OKX_BASE_URL: this.sim.baseUrl,
    };
  }

  /** (Re)starts the policy service in this process. */
  async startPolicy(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const { app } = await createServiceApp(
      'policy',
      SERVICE_CONFIG_SCHEMAS.policy,
      ({ config, logger }) => PolicyAppModule.register(config, logger),
      { ...this.serviceEnv('policy'), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', EXPIRY_INTERVAL_MS: '200', ...overrides },
    );
    await app.listen(0, '127.0.0.1');
    this.policy = app;
    return app;
  }

  trader(n: number): HDNodeWallet {
    return this.wallets[LOCAL_ACCOUNT.traders[n]!]!;
  }

  get quoteSigner(): HDNodeWallet {
    return this.wallets[LOCAL_ACCOUNT.deployer]!;
  }

  /** Signs in through the gateway with EIP-4361 and returns an API client for that wallet. */
  async signIn(wallet: HDNodeWallet): Promise<TraderApi> {
    const nonce = (await this.request('POST', '/auth/siwe/nonce', {})).body.nonce as string;
    const message = new SiweMessage({
      domain: 'localhost:3000',
      address: wallet.address,
      statement: 'Sign in to LiqPass.',
      uri: 'http://localhost:3000',
      version: '1',
      chainId: this.chain.chainId,
      nonce,
      issuedAt: new Date().toISOString(),
    }).prepareMessage();
    const reply = await this.request('POST', '/auth/siwe/verify', { message, signature: await wallet.signMessage(message) });
    if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return new TraderApi(this, reply.body.token as string);
  }

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token?: string): Promise<ApiReply<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.gatewayUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Publishes an event on this world's prefix as its producer would (JetStream, with a message id). */
  async publish<T extends EventType>(type: T, payload: EventPayload<T>, id?: string): Promise<string> {
    const event = createEvent(type, payload, { producer: eventProducer(type), correlationId: randomUUID() });
    const envelope = id ? { ...event, id } : event;
    await this.js.publish(eventSubject(type, 1, this.prefix), JSON.stringify(envelope), { msgID: envelope.id });
    return envelope.id;
  }

  /** Runs SQL in the policy schema as the database superuser (tests only). */
  async sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    const client = new Client({ connectionString: this.db.url });
    await client.connect();
    try {
      await client.query('SET search_path = policy');
      return (await client.query(text, params)).rows as R[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    for (const process of this.processes.splice(0).reverse()) await process.stop().catch(() => undefined);
    await this.policy?.close().catch(() => undefined);
    for (const producer of PRODUCERS) await this.jsm?.streams.delete(streamName(producer, this.prefix)).catch(() => undefined);
    await this.nc?.close().catch(() => undefined);
    await this.sim?.stop().catch(() => undefined);
    await this.anvil?.stop().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
  }
}

/** A signed-in trader's calls through the gateway. */
export class TraderApi {
  constructor(
    private readonly env: PolicyTestEnv,
    readonly token: string,
  ) {}

  post<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<ApiReply<T>> {
    return this.env.request<T>('POST', path, body, this.token);
  }

  get<T = Record<string, unknown>>(path: string): Promise<ApiReply<T>> {
    return this.env.request<T>('GET', path, undefined, this.token);
  }
}
