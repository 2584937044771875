import { Contract, getAddress, id, zeroPadValue, type JsonRpcProvider } from 'ethers';
import { Client } from 'pg';
import type { DrillSnapshot } from './invariants';
import type { JourneyOutcome } from './journey-stream';

const EXECUTION_SUCCESS_TOPIC = id('ExecutionSuccess(bytes32,uint256)');
const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const ERC20 = ['function balanceOf(address owner) view returns (uint256)'];

export interface Watched {
  readonly usdc: string;
  readonly treasury: string;
  readonly trader: string;
  readonly checkout: string;
}

export interface Baseline {
  readonly block: number;
  readonly treasury: bigint;
  readonly trader: bigint;
}

async function balanceOf(provider: JsonRpcProvider, token: string, owner: string): Promise<bigint> {
  return (await new Contract(token, ERC20, provider).getFunction('balanceOf')(owner)) as bigint;
}

/** Balances and the block before the first journey: what the money invariant compares with. */
export async function takeBaseline(provider: JsonRpcProvider, watched: Watched): Promise<Baseline> {
  return {
    block: await provider.getBlockNumber(),
    treasury: await balanceOf(provider, watched.usdc, watched.treasury),
    trader: await balanceOf(provider, watched.usdc, watched.trader),
  };
}

/**
 * Reads what the invariants judge: every service's rows (as the cluster's admin — the drills
 * are the one reader allowed across schemas, the services never are) and the chain's own logs
 * and balances since the baseline.
 */
export async function takeSnapshot(databaseUrl: string, provider: JsonRpcProvider, watched: Watched, baseline: Baseline, journeys: readonly JourneyOutcome[]): Promise<DrillSnapshot> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = async <T>(sql: string) => (await db.query(sql)).rows as T[];
    const outbox = await rows<{ id: string; type: string; state: string }>(
      ['policy', 'okx', 'payments', 'claims', 'payout'].map((schema) => `SELECT id::text, type, state FROM ${schema}.outbox`).join(' UNION ALL '),
    );
    const inbox = await rows<{ messageId: string; consumer: string; eventType: string }>(
      ['policy', 'okx', 'payments', 'claims', 'payout'].map((schema) => `SELECT message_id::text AS "messageId", consumer, event_type AS "eventType" FROM ${schema}.inbox`).join(' UNION ALL '),
    );
    const payments = await rows<{ purchaseOrderId: string | null; key: string; status: string; buyer: string; premium: string }>(`
      SELECT o.id::text AS "purchaseOrderId", p.chain_id || ':' || p.tx_hash || ':' || p.log_index AS key, p.status, p.buyer, p.premium_usdc::text AS premium
      FROM payments.premium_payments p LEFT JOIN policy.purchase_orders o ON lower(o.order_id) = lower(p.order_id)`);
    const payouts = await rows<{ id: string; claimId: string; status: string; safeTxHash: string | null; execTxHash: string | null; recipient: string; amount: string }>(`
      SELECT id::text, claim_id::text AS "claimId", status, safe_tx_hash AS "safeTxHash", exec_tx_hash AS "execTxHash", recipient, amount_usdc::text AS amount FROM payout.payouts`);
    const head = await provider.getBlockNumber();
    const from = baseline.block + 1;
    const executions = await provider.getLogs({ address: watched.treasury, topics: [EXECUTION_SUCCESS_TOPIC], fromBlock: from, toBlock: head });
    const topicOf = (address: string) => zeroPadValue(address, 32);
    const transferLogs = (
      await Promise.all(
        [watched.treasury, watched.trader, watched.checkout].flatMap((address) => [
          provider.getLogs({ address: watched.usdc, topics: [TRANSFER_TOPIC, topicOf(address)], fromBlock: from, toBlock: head }),
          provider.getLogs({ address: watched.usdc, topics: [TRANSFER_TOPIC, null, topicOf(address)], fromBlock: from, toBlock: head }),
        ]),
      )
    ).flat();
    const unique = new Map(transferLogs.map((log) => [`${log.transactionHash}:${log.index}`, log]));
    return {
      journeys: journeys.map((j) => ({ fault: j.fault, ok: j.ok })),
      orders: await rows(`SELECT id::text, status FROM policy.purchase_orders`),
      activations: await rows(`SELECT purchase_order_id::text AS "purchaseOrderId", cause FROM policy.policy_transitions WHERE to_status = 'ACTIVE'`),
      payments: payments.map((p) => ({ ...p, premium: BigInt(p.premium) })),
      claims: await rows(`SELECT id::text, purchase_order_id::text AS "purchaseOrderId", okx_event_id AS "okxEventId", status FROM claims.insurance_claims`),
      payouts: payouts.map((p) => ({ ...p, amount: BigInt(p.amount) })),
      outbox,
      inbox,
      safeExecutions: executions.map((log) => ({ safeTxHash: log.topics[1]!, txHash: log.transactionHash })),
      transfers: [...unique.values()].map((log) => ({
        txHash: log.transactionHash,
        from: getAddress(`0x${log.topics[1]!.slice(26)}`),
        to: getAddress(`0x${log.topics[2]!.slice(26)}`),
        value: BigInt(log.data),
      })),
      addresses: { treasury: watched.treasury, trader: watched.trader, checkout: watched.checkout },
      balances: {
        treasury: { before: baseline.treasury, after: await balanceOf(provider, watched.usdc, watched.treasury) },
        trader: { before: baseline.trader, after: await balanceOf(provider, watched.usdc, watched.trader) },
        checkout: { after: await balanceOf(provider, watched.usdc, watched.checkout) },
      },
    };
  } finally {
    await db.end();
  }
}
