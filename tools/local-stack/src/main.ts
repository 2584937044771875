import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { deployLocalChain, startAnvil, type AnvilHandle, type LocalChainDeployment } from '@liqpass/chain';
import { SERVICE_NODE_FLAGS, SERVICES, type ServiceName } from '@liqpass/config';
import { say, warn } from './console-output';
import { waitForHealthy } from './health-wait';
import { capitaliseTreasury, dropLocalDatabase, dropLocalStreams } from './fresh-state';
import { startOrReuseNats } from './nats';
import { isListening } from './net';
import { provisionLocalDatabase, startOrReusePostgres, type PostgresHandle } from './postgres';
import { ProcessSupervisor } from './process-supervisor';
import { ANVIL_PORT, BACKEND_START_ORDER, GATEWAY_URL, OKX_SIM_URL, parseArgs, portsToClaim, WEB_PORT, WEB_URL, type StackOptions } from './stack-plan';

const root = resolve(__dirname, '../../../..');
const stateDir = join(root, '.local-stack');
const logDir = join(stateDir, 'logs');

/**
 * `npm start`: brings up the whole platform on one machine — Postgres and NATS (reused when
 * they answer), the OKX simulator, every service and the web app — waits until the gateway's
 * /health is green, prints where to look, and on Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  await mkdir(logDir, { recursive: true });
  let postgres: PostgresHandle | undefined;
  let anvil: AnvilHandle | undefined;
  let shuttingDown = false;

  const supervisor = new ProcessSupervisor(logDir, (child, code) => {
    warn(`${child.name} exited unexpectedly (code ${code}). Last lines of ${child.logFile}:\n${supervisor.tail(child)}`);
    void shutdown(1);
  });

  async function shutdown(exitCode: number): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping…');
    await supervisor.stopAll();
    await anvil?.stop();
    if (postgres?.startedHere) await postgres.stop();
    say('stopped; nothing left running.');
    process.exit(exitCode);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The terminal went away (window closed, tmux session killed): the children run in their own
  // process groups and would not get its hang-up, so stop them ourselves.
  process.on('SIGHUP', () => void shutdown(0));
  // Whatever goes wrong in here, the children must not outlive the supervisor.
  process.on('uncaughtException', (error) => {
    warn(`local stack supervisor failed: ${error instanceof Error ? error.message : String(error)}`);
    void shutdown(1);
  });

  try {
    await checkPortsFree(options);
    if (options.only === 'okx-sim') {
      startApp(supervisor, 'okx-sim');
      await waitForHealthy('okx-sim', `${OKX_SIM_URL}/health`, 30_000);
      say(`OKX simulator: ${OKX_SIM_URL}  (OKX paths under /api/v5, control API under /sim) — Ctrl-C to stop`);
      return;
    }
    postgres = await startOrReusePostgres(stateDir);
    await dropLocalDatabase(postgres.adminUrl);
    await provisionLocalDatabase(postgres.adminUrl);
    await startOrReuseNats(stateDir, supervisor);
    await dropLocalStreams();
    say(`anvil: starting on 127.0.0.1:${ANVIL_PORT} (chain id 31337, one block a second)`);
    anvil = await startAnvil({ port: ANVIL_PORT, blockTime: 1, logFile: join(logDir, 'anvil.log') });
    const chain = await deployLocalChain({
      rpcUrl: anvil.rpcUrl,
      logger: { info: (message) => say(`chain: ${message}`), warn: (message) => warn(`chain: ${message}`) },
    });
    await capitaliseTreasury(chain);
    const env = chainEnv(chain);
    startApp(supervisor, 'okx-sim');
    for (const service of BACKEND_START_ORDER) startApp(supervisor, service, env);
    startApp(supervisor, 'api-gateway', env);
    if (options.web) startWeb(supervisor);
    await waitForHealthy('the gateway', `${GATEWAY_URL}/health`, 120_000);
    if (options.web) await waitForHealthy('the web app', WEB_URL, 60_000);
    printWhereToLook(options, chain);
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    await shutdown(1);
  }
}

function startApp(supervisor: ProcessSupervisor, service: ServiceName, env: Record<string, string> = {}): void {
  say(`starting ${service} on port ${SERVICES[service].defaultHttpPort}`);
  supervisor.start({ name: service, command: process.execPath, args: [...SERVICE_NODE_FLAGS, '--enable-source-maps', join(root, 'dist/apps', service, 'src/main.js')], env });
}

/** The deployed addresses, as the chain settings every service reads (libs/chain chainSettings). */
function chainEnv(chain: LocalChainDeployment): Record<string, string> {
  return {
    CHAIN_ID: String(chain.chainId),
    CHAIN_RPC_URL: chain.rpcUrl,
    CHAIN_USDC_ADDRESS: chain.usdc,
    CHAIN_CHECKOUT_ADDRESS: chain.checkout,
    CHAIN_TREASURY_SAFE_ADDRESS: chain.treasurySafe,
  };
}

function startWeb(supervisor: ProcessSupervisor): void {
  say(`starting the web app on port ${WEB_PORT}`);
  supervisor.start({
    name: 'web',
    command: process.execPath,
    args: [join(root, 'node_modules/vite/bin/vite.js'), '--port', String(WEB_PORT), '--strictPort', '--host', '127.0.0.1'],
    cwd: join(root, 'apps/web'),
  });
}

async function checkPortsFree(options: StackOptions): Promise<void> {
  const wanted = options.only ? portsToClaim().filter((p) => p.name === options.only) : portsToClaim();
  for (const { name, port } of wanted) {
    if (await isListening(port)) {
      throw new Error(`port ${port} (${name}) is already in use — is another LiqPass stack running? Stop it, or free the port, and try again.`);
    }
  }
}

function printWhereToLook(options: StackOptions, chain: LocalChainDeployment): void {
  const lines = [
    '',
    'LiqPass is up. Where to look:',
    `  API gateway      ${GATEWAY_URL}   (/health, /metrics, /docs)`,
    ...(options.web ? [`  web app          ${WEB_URL}   (traders; /admin for the console)`] : []),
    `  OKX simulator    ${OKX_SIM_URL}   (/api/v5/…, control API /sim/…)`,
    `  anvil            ${chain.rpcUrl}   (chain id ${chain.chainId})`,
    `    USDC ${chain.usdc}  checkout ${chain.checkout}  treasury Safe ${chain.treasurySafe}`,
    '  Postgres / NATS  127.0.0.1:5432 / 127.0.0.1:4222',
    `  logs             ${logDir}/<service>.log`,
    '',
    'Ctrl-C stops everything.',
  ];
  for (const line of lines) say(line);
}

void main();
