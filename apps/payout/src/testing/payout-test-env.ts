import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Contract, hexlify, JsonRpcProvider, randomBytes, type HDNodeWallet, type TransactionResponse } from 'ethers';
import { Client } from 'pg';
import { deployLocalChain, findFreePort, LOCAL_ACCOUNT, localWallets, startAnvil, type AnvilHandle, type LocalChainDeployment } from '@liqpass/chain';
import { SERVICE_CONFIG_SCHEMAS } from '@liqpass/config';
import { ensureServiceSchema, withCredentials } from '@liqpass/db';
import { createEvent, eventSubject, type AnyEventEnvelope, type EventEnvelope, type EventPayload, type EventType } from '@liqpass/events';
import { connectNats, JetStreamTopology, type NatsConnection } from '@liqpass/messaging';
import { createServiceApp, RpcClient, type RpcReply } from '@liqpass/service-kit';
import { createTestDatabase, eventually, TEST_NATS_URL, TEST_PG_ADMIN_URL, uniqueToken, type TestDatabase } from '@liqpass/testing';
import { PayoutAppModule } from '../app.module';
import type { PayoutView } from '../payouts/application/payout-view';
import { packSignatures, SAFE_TX_TYPES, type SafeTx } from '../payouts/domain/safe-tx';

/** What an admin RPC caller looks like once the gateway has authorised it. */
export interface AdminCaller {
  readonly kind: 'wallet';
  readonly wallet: string;
  readonly roles: readonly string[];
}

const USDC_ABI = [
  'function mint(address to, uint256 amount) returns (bool)',
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
];
const SAFE_ABI = [
  'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool success)',
  'function getTransactionHash(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, uint256 _nonce) view returns (bytes32)',
  'function nonce() view returns (uint256)',
];

/**
 * One isolated world per integration test file: its own anvil with the real FiatToken USDC and
 * Safe 1.5 treasury (funded by minting), its own database with the `payout` schema and its own
 * NATS prefix; the real payout service booted as main.ts boots it; its events collected.
 */
export class PayoutTestEnv {
  readonly events: AnyEventEnvelope[] = [];
  app: NestFastifyApplication | undefined;
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

  static async open(label: string): Promise<PayoutTestEnv> {
    const anvil = await startAnvil({ port: await findFreePort() });
    const chain = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: { info: () => undefined, warn: () => undefined } });
    const provider = new JsonRpcProvider(anvil.rpcUrl, chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
    const db = await createTestDatabase(`payout_${label}`);
    const prefix = uniqueToken('t');
    const role = `lp_${prefix}`;
    await ensureServiceSchema(db.url, { database: db.name, schema: 'payout', role, password: role });
    const nc = await connectNats(TEST_NATS_URL, `test-${label}`);
    const env = new PayoutTestEnv(anvil, chain, provider, localWallets(undefined, provider), db, role, prefix, nc, jetstream(nc), await jetstreamManager(nc));
    await env.collectEvents();
    return env;
  }

  wallet(index: number): HDNodeWallet {
    return this.wallets[index]!;
  }

  get reviewer(): HDNodeWallet {
    return this.wallet(LOCAL_ACCOUNT.reviewer);
  }

  get finance(): HDNodeWallet {
    return this.wallet(LOCAL_ACCOUNT.finance);
  }

  owner(n: number): HDNodeWallet {
    return this.wallet(LOCAL_ACCOUNT.safeOwners[n]!);
  }

  trader(n: number): HDNodeWallet {
    return this.wallet(LOCAL_ACCOUNT.traders[n]!);
  }

  settings(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: withCredentials(this.db.url, this.role, this.role),
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: this.prefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      CHAIN_ID: String(this.chain.chainId),
      CHAIN_RPC_URL: this.chain.rpcUrl,
      CHAIN_CONFIRMATIONS: '2',
      CHAIN_USDC_ADDRESS: this.chain.usdc,
      CHAIN_CHECKOUT_ADDRESS: this.chain.checkout,
      CHAIN_TREASURY_SAFE_ADDRESS: this.chain.treasurySafe,
      PAYOUT_POLL_INTERVAL_MS: '150',
      ...overrides,
    };
  }

  async start(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
    const { app } = await createServiceApp('payout', SERVICE_CONFIG_SCHEMAS.payout, ({ config, logger }) => PayoutAppModule.register(config, logger), this.settings(overrides));
    await app.init();
    this.app = app;
    return app;
  }

  /** Mints USDC (account 0 is the master minter's minter) straight to the treasury Safe. */
  async fundTreasury(amount: bigint): Promise<void> {
    const usdc = new Contract(this.chain.usdc, USDC_ABI, this.wallet(LOCAL_ACCOUNT.deployer));
    await ((await usdc.mint(this.chain.treasurySafe, amount)) as TransactionResponse).wait();
  }

  async usdcBalance(holder: string): Promise<bigint> {
    return (await new Contract(this.chain.usdc, USDC_ABI, this.provider).balanceOf(holder)) as bigint;
  }

  async transferUsdc(from: HDNodeWallet, to: string, amount: bigint): Promise<string> {
    const tx = (await new Contract(this.chain.usdc, USDC_ABI, from).transfer(to, amount)) as TransactionResponse;
    await tx.wait();
    return tx.hash;
  }

  async contractSafeTxHash(tx: SafeTx): Promise<string> {
    const safe = new Contract(this.chain.treasurySafe, SAFE_ABI, this.provider);
    return ((await safe.getTransactionHash(tx.to, tx.value, tx.data, tx.operation, tx.safeTxGas, tx.baseGas, tx.gasPrice, tx.gasToken, tx.refundReceiver, tx.nonce)) as string).toLowerCase();
  }

  async safeNonce(): Promise<number> {
    return Number(await new Contract(this.chain.treasurySafe, SAFE_ABI, this.provider).nonce());
  }

  async signSafeTx(owner: HDNodeWallet, tx: SafeTx): Promise<string> {
    return owner.signTypedData({ chainId: this.chain.chainId, verifyingContract: this.chain.treasurySafe }, SAFE_TX_TYPES, tx);
  }

  /** Executes a SafeTx outside the service, as the Safe UI would, signed by owners 0 and 1. */
  async executeDirectly(tx: SafeTx, sender: HDNodeWallet): Promise<string> {
    const signatures = await Promise.all([0, 1].map(async (n) => ({ signer: this.owner(n).address, signature: await this.signSafeTx(this.owner(n), tx) })));
    const safe = new Contract(this.chain.treasurySafe, SAFE_ABI, sender);
    const sent = (await safe.execTransaction(
      tx.to, tx.value, tx.data, tx.operation, tx.safeTxGas, tx.baseGas, tx.gasPrice, tx.gasToken, tx.refundReceiver, packSignatures(signatures, 2),
      { gasLimit: 500_000n },
    )) as TransactionResponse;
    await sent.wait();
    return sent.hash.toLowerCase();
  }

  async mine(blocks: number): Promise<void> {
    await this.provider.send('anvil_mine', [`0x${blocks.toString(16)}`]);
  }

  /** Publishes ClaimApproved as the claims verifier would, on this test's prefix. */
  async publishClaimApproved(overrides: Partial<EventPayload<'ClaimApproved'>> = {}): Promise<EventEnvelope<'ClaimApproved'>> {
    const payload: EventPayload<'ClaimApproved'> = {
      claimId: randomUUID(),
      purchaseOrderId: randomUUID(),
      recipient: this.trader(0).address,
      payoutAmountUsdc: '500000000',
      chainId: this.chain.chainId,
      token: this.chain.usdc,
      evidenceRoot: hexlify(randomBytes(32)),
      approvedBy: this.reviewer.address,
      approvedAt: new Date().toISOString(),
      ...overrides,
    };
    const event = createEvent('ClaimApproved', payload, { producer: 'claims-verifier', correlationId: randomUUID() });
    await new JetStreamTopology(this.jsm, this.prefix).ensureStream('claims-verifier');
    await this.js.publish(eventSubject('ClaimApproved', 1, this.prefix), JSON.stringify(event), { msgID: event.id });
    return event;
  }

  rpc<T = unknown>(method: string, body: unknown): Promise<RpcReply<T>> {
    return new RpcClient(this.nc, 20_000, this.prefix).call<T>('payout', method, body);
  }

  /** The finance admin (account 2), as the gateway passes it on. */
  financeCaller(): AdminCaller {
    return { kind: 'wallet', wallet: this.finance.address, roles: ['finance'] };
  }

  /** An admin method on a payout (`params.id`), as the gateway sends it; the reply as it comes. */
  admin<T = unknown>(method: string, id: string | null, body: unknown = {}, caller: AdminCaller = this.financeCaller(), query: unknown = {}): Promise<RpcReply<T>> {
    return this.rpc<T>(method, { caller, params: id === null ? {} : { id }, query, body });
  }

  async payouts(): Promise<PayoutView[]> {
    const reply = await this.admin<{ items: PayoutView[] }>('admin.payouts.list', null, null, this.financeCaller(), { limit: 200 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data.items;
  }

  /** The payout of a claim once the service has it, optionally only once it is in `status`. */
  payoutOf(claimId: string, status?: string, timeoutMs = 20_000): Promise<PayoutView> {
    return eventually(async () => (await this.payouts()).find((p) => p.claimId === claimId && (!status || p.status === status)), timeoutMs);
  }

  /** Owners 0 and 1 sign the payout's SafeTx through admin.payouts.addSignature. */
  async collectSignatures(view: PayoutView): Promise<void> {
    for (const n of [0, 1]) {
      const reply = await this.admin('admin.payouts.addSignature', view.id, { signer: this.owner(n).address, signature: await this.signSafeTx(this.owner(n), view.typedData!.message as SafeTx) });
      if (!reply.ok) throw new Error(`signature of owner ${n}: ${reply.error.code} ${reply.error.message}`);
    }
  }

  /** Signs with two owners and executes through the service; the execTransaction hash. */
  async signAndExecute(view: PayoutView): Promise<string> {
    await this.collectSignatures(view);
    const executed = await this.admin<{ txHash: string }>('admin.payouts.execute', view.id);
    if (!executed.ok) throw new Error(`execute: ${executed.error.code} ${executed.error.message}`);
    return executed.data.txHash;
  }

  published<T extends EventType>(type: T): EventEnvelope<T>[] {
    return this.events.filter((e) => e.type === type) as unknown as EventEnvelope<T>[];
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: withCredentials(this.db.url, this.role, this.role) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.app?.close().catch(() => undefined);
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

  private async collectEvents(): Promise<void> {
    const stream = await new JetStreamTopology(this.jsm, this.prefix).ensureStream('payout');
    const consumer = await this.js.consumers.get(stream);
    const messages = await consumer.consume();
    this.messages = messages;
    this.collecting = (async () => {
      for await (const message of messages) this.events.push(message.json<AnyEventEnvelope>());
    })();
  }
}
