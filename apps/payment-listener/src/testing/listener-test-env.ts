import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Contract, JsonRpcProvider, keccak256, MaxUint256, randomBytes, type HDNodeWallet, type TransactionResponse } from 'ethers';
import { Client } from 'pg';
import {
  CHECKOUT_ABI,
  checkoutDomain,
  deployLocalChain,
  findFreePort,
  LOCAL_ACCOUNT,
  localWallets,
  signQuote,
  startAnvil,
  type AnvilHandle,
  type LocalChainDeployment,
  type Quote,
} from '@liqpass/chain';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import type { AnyEventEnvelope, EventEnvelope, EventType } from '@liqpass/events';
import { connectNats, JetStreamTopology, type NatsConnection } from '@liqpass/messaging';
import { createServiceApp, RpcClient } from '@liqpass/service-kit';
import { createTestDatabase, TEST_NATS_URL, TEST_PG_ADMIN_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { PaymentListenerAppModule } from '../app.module';
import { ChainListenerRunner } from '../chain-listener/application/chain-listener.runner';

const ERC20 = ['function approve(address spender, uint256 value) returns (bool)', 'function transfer(address to, uint256 value) returns (bool)'];

/** One payment-listener process, booted exactly as main.ts boots it. */
export interface ListenerProcess {
  readonly app: NestFastifyApplication;
  readonly runner: ChainListenerRunner;
  close(): Promise<void>;
}

export interface SentPayment {
  readonly quote: Quote;
  readonly tx: TransactionResponse;
  readonly quoteHash: string;
}

/**
 * One isolated world per integration test file: its own anvil (free port) with the LiqPass
 * contracts deployed, its own database with the `payments` schema owned by its own role, and
 * its own NATS subject prefix; every event the listener publishes is collected from JetStream.
 */
export class ListenerTestEnv {
  readonly events: AnyEventEnvelope[] = [];
  /** When each event (by id) reached this subscriber, in Date.now() milliseconds. */
  readonly receivedAt = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly waiters: { type: string; count: number; resolve: () => void }[] = [];
  private readonly processes = new Set<ListenerProcess>();
  private messages: ConsumerMessages | undefined;
  private collecting: Promise<void> = Promise.resolve();

  private constructor(
    readonly anvil: AnvilHandle,
    readonly chain: LocalChainDeployment,
    readonly provider: JsonRpcProvider,
    readonly wallets: HDNodeWallet[],
    readonly db: TestDatabase,
    readonly role: string,
    readonly prefix: string,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
  ) {}

  static async open(label: string, anvilArgs: readonly string[] = []): Promise<ListenerTestEnv> {
    const anvil = await startAnvil({ port: await findFreePort(), extraArgs: anvilArgs });
    const chain = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: { info: () => undefined, warn: () => undefined } });
    const provider = new JsonRpcProvider(anvil.rpcUrl, chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
    const db = await createTestDatabase(`payment_listener_${label}`);
    const prefix = uniqueToken('t');
    const role = `lp_${prefix}`;
    await ensureServiceSchema(db.url, { database: db.name, schema: 'payments', role, password: role });
    const nc = await connectNats(TEST_NATS_URL, `test-${label}`);
    const env = new ListenerTestEnv(anvil, chain, provider, localWallets(undefined, provider), db, role, prefix, nc, jetstream(nc), await jetstreamManager(nc));
    await env.collectEvents();
    for (const trader of LOCAL_ACCOUNT.traders) await env.approveCheckout(env.wallets[trader]!);
    return env;
  }

  get databaseUrl(): string {
    return withCredentials(this.db.url, this.role, this.role);
  }

  get operator(): HDNodeWallet {
    return this.wallets[LOCAL_ACCOUNT.deployer]!;
  }

  trader(n: number): HDNodeWallet {
    return this.wallets[LOCAL_ACCOUNT.traders[n]!]!;
  }

  /** The settings of a listener on this world (fast polling, 2 confirmations), plus overrides. */
  settings(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.databaseUrl,
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: this.prefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      CHAIN_ID: String(this.chain.chainId),
      CHAIN_RPC_URL: this.chain.rpcUrl,
      CHAIN_CONFIRMATIONS: '2',
      CHAIN_USDC_ADDRESS: this.chain.usdc,
      CHAIN_CHECKOUT_ADDRESS: this.chain.checkout,
      CHAIN_TREASURY_SAFE_ADDRESS: this.chain.treasurySafe,
      LISTENER_START_BLOCK: String(this.chain.deployBlock),
      LISTENER_POLL_INTERVAL_MS: '100',
      LISTENER_LEASE_TTL_MS: '3000',
      ...overrides,
    };
  }

  async startListener(overrides: Record<string, string> = {}): Promise<ListenerProcess> {
    const { app } = await createServiceApp(
      'payment-listener',
      SERVICE_CONFIG_SCHEMAS['payment-listener'],
      ({ config, logger }) => PaymentListenerAppModule.register(config, logger),
      this.settings(overrides),
    );
    await app.init();
    const process: ListenerProcess = {
      app,
      runner: app.get(ChainListenerRunner),
      close: async () => {
        this.processes.delete(process);
        await app.close();
      },
    };
    this.processes.add(process);
    return process;
  }

  /** A quote signed by the backend key (account 0) for this trader. */
  async signedQuote(buyer: HDNodeWallet, premium = 12_500_000n): Promise<{ quote: Quote; signature: string; quoteHash: string }> {
    const latest = await this.provider.getBlock('latest');
    const quote: Quote = {
      orderId: keccak256(randomBytes(32)),
      buyer: buyer.address,
      premium,
      payout: 500_000_000n,
      payoutCap: 500_000_000n,
      coverageSeconds: 86_400n,
      instrument: 'BTC-USDT-SWAP',
      leverage: 2000n,
      deadline: BigInt(latest!.timestamp) + 86_400n,
    };
    const { signature, quoteHash } = await signQuote(this.operator, checkoutDomain(this.chain.chainId, this.chain.checkout), quote);
    return { quote, signature, quoteHash };
  }

  /** Sends payPremium without waiting for it to be mined (automine may be off). */
  async pay(buyer: HDNodeWallet, premium?: bigint): Promise<SentPayment> {
    const { quote, signature, quoteHash } = await this.signedQuote(buyer, premium);
    const checkout = new Contract(this.chain.checkout, CHECKOUT_ABI, buyer);
    const tx = (await checkout.payPremium(quote, signature, { gasLimit: 300_000n })) as TransactionResponse;
    return { quote, tx, quoteHash };
  }

  async mine(blocks = 1): Promise<void> {
    await this.provider.send('anvil_mine', [`0x${blocks.toString(16)}`]);
  }

  async setAutomine(on: boolean): Promise<void> {
    await this.provider.send('evm_setAutomine', [on]);
  }

  async head(): Promise<number> {
    return Number(await this.provider.send('eth_blockNumber', []));
  }

  async blockHash(n: number): Promise<string> {
    return ((await this.provider.send('eth_getBlockByNumber', [`0x${n.toString(16)}`, false])) as { hash: string }).hash;
  }

  /** Sends USDC from a trader to any address (a stray transfer, a top-up). */
  async transferUsdc(from: HDNodeWallet, to: string, amount: bigint): Promise<void> {
    await (await (new Contract(this.chain.usdc, ERC20, from).transfer(to, amount) as Promise<TransactionResponse>)).wait();
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async cursorBlock(): Promise<number | null> {
    const rows = await this.query<{ last_block: string }>('SELECT last_block FROM chain_cursors');
    return rows[0] ? Number(rows[0].last_block) : null;
  }

  /** Events of one type the listener published, in stream order. */
  published<T extends EventType>(type: T): EventEnvelope<T>[] {
    return this.events.filter((e) => e.type === type) as unknown as EventEnvelope<T>[];
  }

  /** Resolves once `count` events of `type` arrived in all (without polling: benchmarks count thousands). */
  waitForCount(type: EventType, count: number, timeoutMs: number): Promise<void> {
    if ((this.counts.get(type) ?? 0) >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.counts.get(type) ?? 0} of ${count} ${type} events within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ type, count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  rpcClient(): RpcClient {
    return new RpcClient(this.nc, 10_000, this.prefix);
  }

  async close(): Promise<void> {
    for (const process of [...this.processes]) await process.close().catch(() => undefined);
    await this.messages?.close();
    await this.collecting;
    for await (const name of this.jsm.streams.names()) if (name.startsWith(`${this.prefix.toUpperCase()}_`)) await this.jsm.streams.delete(name);
    await this.nc.drain();
    this.provider.destroy();
    await this.anvil.stop();
    await this.db.drop();
    const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${this.role}"`);
    await admin.end();
  }

  private async approveCheckout(trader: HDNodeWallet): Promise<void> {
    await (await (new Contract(this.chain.usdc, ERC20, trader).approve(this.chain.checkout, MaxUint256) as Promise<TransactionResponse>)).wait();
  }

  /** Reads the listener's stream from the start with an ordered consumer, as a subscriber would. */
  private async collectEvents(): Promise<void> {
    const stream = await new JetStreamTopology(this.jsm, this.prefix).ensureStream('payment-listener');
    const consumer = await this.js.consumers.get(stream);
    const messages = await consumer.consume();
    this.messages = messages;
    this.collecting = (async () => {
      for await (const message of messages) {
        const event = message.json<AnyEventEnvelope>();
        this.receivedAt.set(event.id, Date.now());
        this.events.push(event);
        this.counts.set(event.type, (this.counts.get(event.type) ?? 0) + 1);
        for (const waiter of this.waiters.filter((w) => w.type === event.type && w.count <= this.counts.get(event.type)!)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    })();
  }
}
