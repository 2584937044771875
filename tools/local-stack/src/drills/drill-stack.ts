import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deployLocalChain, startAnvil, type AnvilHandle, type LocalChainDeployment } from '@liqpass/chain';
import { localDbRole, SERVICE_NODE_FLAGS, SERVICES, type ServiceName } from '@liqpass/config';
import { withCredentials, withDatabase } from '@liqpass/db';
import { capitaliseTreasury } from '../fresh-state';
import { waitForHealthy } from '../health-wait';
import { provisionLocalDatabase } from '../postgres';
import { ProcessSupervisor } from '../process-supervisor';
import { BACKEND_START_ORDER } from '../stack-plan';
import { freePort } from './free-port';
import { PrivateNats } from './private-nats';
import { PrivatePostgres } from './private-postgres';

const root = resolve(__dirname, '../../../../..');

/** The processes a drill may kill -9: every service of the platform (the simulator stands in for OKX). */
export const DRILL_SERVICES: readonly ServiceName[] = ['api-gateway', ...BACKEND_START_ORDER];

export interface DrillStackPorts {
  readonly postgres: number;
  readonly nats: number;
  readonly anvil: number;
  readonly services: Readonly<Record<ServiceName, number>>;
}

/**
 * A whole LiqPass stack of the drills' own, on free ports, beside whatever else runs on the
 * machine: a private Postgres cluster and nats-server (never the machine's 5432/4222, which
 * other sessions use), anvil with the real contracts, the OKX simulator and every service. The
 * drills kill and restart its parts; `stop` removes all of it, temp folder included.
 */
export class DrillStack {
  private anvil: AnvilHandle | undefined;
  private chainDeployment: LocalChainDeployment | undefined;
  private unexpected: string[] = [];

  private constructor(
    readonly dir: string,
    readonly ports: DrillStackPorts,
    readonly postgres: PrivatePostgres,
    readonly nats: PrivateNats,
    private readonly supervisor: ProcessSupervisor,
    private readonly log: (line: string) => void,
  ) {}

  static async start(log: (line: string) => void): Promise<DrillStack> {
    const dir = await mkdtemp(join(tmpdir(), 'liqpass-drills-'));
    const logDir = join(dir, 'logs');
    await mkdir(logDir, { recursive: true });
    const services = {} as Record<ServiceName, number>;
    for (const name of Object.keys(SERVICES) as ServiceName[]) services[name] = await freePort();
    const ports: DrillStackPorts = { postgres: await freePort(), nats: await freePort(), anvil: await freePort(), services };
    const unexpected: string[] = [];
    const supervisor = new ProcessSupervisor(logDir, (child, code) => unexpected.push(`${child.name} exited on its own (code ${code}); see ${child.logFile}`));
    const postgres = await PrivatePostgres.create(dir, ports.postgres);
    const nats = await PrivateNats.create(supervisor, dir, ports.nats);
    const stack = new DrillStack(dir, ports, postgres, nats, supervisor, log);
    stack.unexpected = unexpected;
    try {
      await stack.bringUp(logDir);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  get chain(): LocalChainDeployment {
    if (!this.chainDeployment) throw new Error('the drill chain is not deployed yet');
    return this.chainDeployment;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.services['api-gateway']}`;
  }

  get simUrl(): string {
    return `http://127.0.0.1:${this.ports.services['okx-sim']}`;
  }

  get rpcUrl(): string {
    return `http://127.0.0.1:${this.ports.anvil}`;
  }

  /** The `liqpass` database as the admin role (the invariant checks read every schema). */
  get databaseUrl(): string {
    return withDatabase(this.postgres.adminUrl, 'liqpass');
  }

  /** Processes that died without the drills killing them: each one fails the run. */
  unexpectedExits(): readonly string[] {
    return this.unexpected;
  }

  /** `kill -9` of a service; it stays down until `startService`. */
  async killService(service: ServiceName): Promise<void> {
    await this.supervisor.kill(service, 'SIGKILL');
  }

  startService(service: ServiceName): void {
    this.supervisor.restart(service);
  }

  async waitHealthy(timeoutMs = 90_000): Promise<void> {
    await waitForHealthy('the drill gateway', `${this.gatewayUrl}/health`, timeoutMs);
  }

  async stop(): Promise<void> {
    await this.supervisor.stopAll(5_000);
    await this.anvil?.stop();
    await this.postgres.stop();
    if (!process.env.DRILLS_KEEP_DIR) await rm(this.dir, { recursive: true, force: true });
  }

  private async bringUp(logDir: string): Promise<void> {
    this.log(`private Postgres on 127.0.0.1:${this.ports.postgres} (${this.dir}/postgres)`);
    await this.postgres.start();
    await provisionLocalDatabase(this.postgres.adminUrl);
    this.log(`private nats-server -js on 127.0.0.1:${this.ports.nats}`);
    await this.nats.start();
    this.log(`anvil on 127.0.0.1:${this.ports.anvil} (one block a second)`);
    this.anvil = await startAnvil({ port: this.ports.anvil, blockTime: 1, logFile: join(logDir, 'anvil.log') });
    this.chainDeployment = await deployLocalChain({ rpcUrl: this.anvil.rpcUrl });
    await capitaliseTreasury(this.chainDeployment);
    this.supervisor.start(this.spec('okx-sim', {}));
    for (const service of BACKEND_START_ORDER) this.supervisor.start(this.spec(service, this.serviceEnv(service)));
    this.supervisor.start(this.spec('api-gateway', this.serviceEnv('api-gateway')));
    this.log(`services on ports ${DRILL_SERVICES.map((s) => `${s} ${this.ports.services[s]}`).join(', ')}, simulator ${this.ports.services['okx-sim']}`);
    await this.waitHealthy(120_000);
  }

  private spec(service: ServiceName, env: Record<string, string>) {
    return {
      name: service,
      command: process.execPath,
      args: [...SERVICE_NODE_FLAGS, '--enable-source-maps', join(root, 'dist/apps', service, 'src/main.js')],
      env: { ...env, HTTP_PORT: String(this.ports.services[service]) },
    };
  }

  private serviceEnv(service: ServiceName): Record<string, string> {
    const chain = this.chain;
    const role = localDbRole(SERVICES[service].schema!);
    return {
      NATS_URL: this.nats.url,
      DATABASE_URL: withCredentials(this.databaseUrl, role, role),
      OKX_BASE_URL: this.simUrl,
      CHAIN_ID: String(chain.chainId),
      CHAIN_RPC_URL: chain.rpcUrl,
      CHAIN_USDC_ADDRESS: chain.usdc,
      CHAIN_CHECKOUT_ADDRESS: chain.checkout,
      CHAIN_TREASURY_SAFE_ADDRESS: chain.treasurySafe,
      PAYOUT_TOKEN_ADDRESS: chain.usdc,
      // One trader wallet files every drill journey's claim: the 30-day fraud limit is not under test.
      CLAIMS_PER_30_DAYS: '1000',
      PAYOUT_DAILY_LIMIT_USDC: '10000000',
      RATE_LIMIT_WALLET_PER_MINUTE: '6000',
      RATE_LIMIT_IP_PER_MINUTE: '60000',
      LOG_LEVEL: 'info',
    };
  }
}
