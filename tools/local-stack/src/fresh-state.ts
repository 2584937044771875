import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { Contract, JsonRpcProvider } from 'ethers';
import { LOCAL_ACCOUNT, localWallets, type LocalChainDeployment } from '@liqpass/chain';
import { LOCAL_DATABASE_NAME } from '@liqpass/config';
import { connectNats } from '@liqpass/messaging';
import { say } from './console-output';

/**
 * The local chain and the OKX simulator start empty every time, so state kept from an earlier
 * run would describe payments, blocks and OKX accounts that no longer exist (a listener cursor
 * at block 208 on a chain at block 0 waits forever). Each `npm start` therefore begins clean:
 * the service database and the LiqPass streams go, and are rebuilt by provisioning and by the
 * services themselves.
 */
export async function dropLocalDatabase(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${LOCAL_DATABASE_NAME}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  say(`postgres: previous run's database "${LOCAL_DATABASE_NAME}" dropped (the chain and the simulator start empty too)`);
}

/** Deletes the streams whose subjects are LiqPass's (`liqpass.…`), so no stale event is replayed. */
export async function dropLocalStreams(natsUrl = 'nats://127.0.0.1:4222'): Promise<void> {
  const nc = await connectNats(natsUrl, 'local-stack');
  try {
    const jsm = await jetstreamManager(nc);
    const dropped: string[] = [];
    for await (const stream of jsm.streams.list()) {
      if ((stream.config.subjects ?? []).some((subject) => subject.startsWith('liqpass.'))) {
        await jsm.streams.delete(stream.config.name);
        dropped.push(stream.config.name);
      }
    }
    if (dropped.length) say(`nats: previous run's streams dropped (${dropped.join(', ')})`);
  } finally {
    await nc.close();
  }
}

// Half the default hot-balance limit (TREASURY_HOT_BALANCE_LIMIT_USDC), so premiums do not trip it.
const TREASURY_CAPITAL = 500_000n * 10n ** 6n;

/**
 * An insurer's treasury holds capital before it sells cover: without it the first claim would
 * be held for want of funds. Account 0, USDC's minter locally, mints it to the treasury Safe.
 */
export async function capitaliseTreasury(chain: LocalChainDeployment): Promise<void> {
  const provider = new JsonRpcProvider(chain.rpcUrl, chain.chainId, { staticNetwork: true, cacheTimeout: -1 });
  try {
    const operator = localWallets(undefined, provider)[LOCAL_ACCOUNT.deployer]!;
    const usdc = new Contract(chain.usdc, ['function mint(address to, uint256 amount) returns (bool)', 'function balanceOf(address) view returns (uint256)'], operator);
    if (((await usdc.balanceOf(chain.treasurySafe)) as bigint) >= TREASURY_CAPITAL) return;
    const tx = await usdc.mint(chain.treasurySafe, TREASURY_CAPITAL);
    await tx.wait();
    say(`chain: treasury Safe capitalised with ${TREASURY_CAPITAL / 10n ** 6n} USDC`);
  } finally {
    provider.destroy();
  }
}
