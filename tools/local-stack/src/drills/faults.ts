import type { ServiceName } from '@liqpass/config';
import { DemoError, payPremium, pollUntil, statusProbe, waitActive, type PurchaseOrder, type QuoteReply, type Session, type Stack, type StepLog } from '@liqpass/demo-journey';
import { paymentLog, reorg } from './chain-faults';
import type { DrillStack } from './drill-stack';
import type { StepHook, StepRecovery, StepValues } from './fault-runner';

/** What a fault can reach: the stack it breaks and the journey's client (gateway, simulator, chain). */
export interface FaultContext {
  readonly stack: DrillStack;
  readonly client: Stack;
}

export interface Fault {
  readonly name: string;
  hook(context: FaultContext): StepHook;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// The journey's step titles (libs/demo-journey journey.ts) the faults fire after.
const PAID = 'pay on-chain';
const ACTIVE = 'wait for the policy to be ACTIVE';
const LIQUIDATED = 'simulator: full liquidation';
const CLAIMED = 'claim (POST /claims)';
const APPROVED = 'reviewer approves';
const VERIFIED = 'wait for the claim to be VERIFIED_PENDING_REVIEW';

/** Down for a moment, then back, then the whole stack healthy again: the note says how long each took. */
async function outage(context: FaultContext, what: string, down: () => Promise<void>, up: () => Promise<void> | void, downMs = 1000): Promise<string> {
  const started = Date.now();
  await down();
  await sleep(downMs);
  await up();
  await context.stack.waitHealthy();
  return `${what}; down ${seconds(downMs)}, all healthy again ${seconds(Date.now() - started)} after`;
}

/** kill -9 of a service right after the step whose work it does next, then a restart. */
function killService(service: ServiceName, after: string): Fault {
  return {
    name: `kill -9 ${service} + restart`,
    hook: (context) => ({
      after,
      mode: 'overlap',
      run: () => outage(context, `kill -9 ${service} after "${after}"`, () => context.stack.killService(service), () => context.stack.startService(service)),
    }),
  };
}

const natsRestart: Fault = {
  name: 'restart NATS (JetStream, same store)',
  hook: (context) => ({
    after: PAID,
    mode: 'overlap',
    run: () => outage(context, `nats-server stopped (SIGTERM) after "${PAID}", same store restarted`, () => context.stack.nats.stop(), () => context.stack.nats.resume()),
  }),
};

const postgresRestart: Fault = {
  name: 'restart Postgres (pg_ctl stop -m fast, start)',
  hook: (context) => ({
    after: PAID,
    mode: 'overlap',
    run: () => outage(context, `Postgres stopped (-m fast: every connection cut) after "${PAID}", then started`, () => context.stack.postgres.stopFast(), () => context.stack.postgres.start()),
  }),
};

/**
 * A reorg no deeper than the confirmation depth, right after the payment is mined: the payment's
 * block is replaced and the same signed transactions land in a new block. The listener had not
 * counted it yet, so it must count it once, from its new block.
 */
const reorgBelowDepth: Fault = {
  name: 'anvil reorg below confirmation depth',
  hook: ({ client }) => ({
    after: PAID,
    mode: 'inline',
    run: async (values) => {
      const order = values.get<PurchaseOrder>('purchase order');
      const before = await paymentLog(client.provider, client.config.contracts.checkout, order.orderId);
      if (!before) throw new DemoError(`no PremiumPaid log for order ${order.orderId} on the chain`);
      const head = await client.provider.getBlockNumber();
      const depth = head - before.blockNumber + 1;
      if (depth > client.config.confirmations) throw new DemoError(`the payment already has ${depth - 1} confirmations: too late for a reorg below the depth (${client.config.confirmations})`);
      const { dropped } = await reorg(client.provider, depth, true);
      const after = await pollUntil('the replayed payment to be mined again', async () => {
        const found = await paymentLog(client.provider, client.config.contracts.checkout, order.orderId);
        return found && found.blockHash !== before.blockHash ? { done: true, value: found } : { done: false, seen: 'not mined again yet' };
      }, { timeoutMs: 15_000, intervalMs: 250 });
      return `reorg depth ${depth} ≤ ${client.config.confirmations} confirmations at head ${head}: ${dropped.length} tx replayed; payment ${after.txHash.slice(0, 10)}… moved from block ${before.blockNumber} (${before.blockHash.slice(0, 10)}…) to block ${after.blockNumber} (${after.blockHash.slice(0, 10)}…)`;
    },
  }),
};

/**
 * A reorg deeper than the confirmation depth after the policy went ACTIVE: the payment vanishes
 * from the chain (the premium is back in the trader's wallet). The listener must revert it and
 * the policy leave ACTIVE; the trader then pays again with the same quote and the journey goes on.
 */
const reorgAboveDepth: Fault = {
  name: 'anvil reorg above confirmation depth',
  hook: ({ client }) => ({
    after: ACTIVE,
    mode: 'inline',
    run: async (values) => {
      const order = values.get<PurchaseOrder>('purchase order');
      const trader = values.get<Session>('sign in with Ethereum as trader');
      const quote = values.get<QuoteReply>('quote (POST /quote)');
      const paid = await paymentLog(client.provider, client.config.contracts.checkout, order.orderId);
      if (!paid) throw new DemoError(`no PremiumPaid log for order ${order.orderId} on the chain`);
      const head = await client.provider.getBlockNumber();
      const depth = head - paid.blockNumber + 1;
      if (depth <= client.config.confirmations) throw new DemoError(`the ACTIVE policy's payment has only ${depth - 1} confirmations (expected more than ${client.config.confirmations})`);
      const { dropped } = await reorg(client.provider, depth, false);
      const started = Date.now();
      const probe = statusProbe<PurchaseOrder>('purchase order', 'BOUND_UNPAID', ['CANCELLED', 'PAYMENT_MISMATCH']);
      await pollUntil(`purchase order ${order.id} to leave ACTIVE after its payment was reorged out`, async () => probe(await trader.api.get<PurchaseOrder>(`/purchase_orders/${order.id}`)), {
        timeoutMs: 60_000,
        intervalMs: 500,
      });
      const reverted = Date.now() - started;
      const quiet: StepLog = { note: () => undefined };
      await payPremium(client, trader, quote, quiet);
      await waitActive(client, trader, order, quiet);
      const again = await paymentLog(client.provider, client.config.contracts.checkout, order.orderId);
      return `reorg depth ${depth} > ${client.config.confirmations} confirmations dropped ${dropped.length} tx (payment in block ${paid.blockNumber}); policy ACTIVE → BOUND_UNPAID in ${seconds(reverted)}; paid again (block ${again?.blockNumber}) → ACTIVE`;
    },
  }),
};

/** The simulator fails every OKX call (or slows them) for a while, starting before the claim. */
function simulatorFault(name: string, fault: Record<string, unknown>, holdMs: number): Fault {
  return {
    name,
    hook: ({ client }) => ({
      after: LIQUIDATED,
      mode: 'overlap',
      run: async () => {
        await client.sim.post('/sim/faults', { path: '*', ...fault });
        await sleep(holdMs);
        await client.sim.post('/sim/faults', { clear: true });
        return `POST /sim/faults ${JSON.stringify(fault)} on every /api/v5 path for ${seconds(holdMs)}, from "${LIQUIDATED}" on, then cleared`;
      },
    }),
  };
}

/** Every fault the drills inject, one journey each, in this order. */
export const FAULTS: readonly Fault[] = [
  killService('api-gateway', PAID),
  killService('policy', PAID),
  killService('okx-binding', CLAIMED),
  killService('payment-listener', PAID),
  killService('claims-verifier', CLAIMED),
  killService('payout', APPROVED),
  natsRestart,
  postgresRestart,
  reorgBelowDepth,
  reorgAboveDepth,
  simulatorFault('simulator answers 50011 (rate limit)', { errorCode: '50011' }, 3000),
  simulatorFault('simulator answers 5xx', { errorCode: '503' }, 3000),
  simulatorFault('simulator slow (2.5 s per call)', { latencyMs: 2500 }, 8000),
];

/**
 * A fault may make a claim's verification fail (OKX unreachable, the verifier killed mid-way:
 * FAILED with OKX_UNAVAILABLE or VERIFY_TIMEOUT). The product's answer is that the trader asks
 * again (POST /claims on a FAILED claim retries it, PRODUCT.md §4) — so does the drill, once.
 */
export const CLAIM_RETRY: StepRecovery = {
  step: VERIFIED,
  attempts: 1,
  matches: (error) => error instanceof DemoError && /claim is FAILED/.test(error.message),
  recover: async (values: StepValues, error: unknown) => {
    const trader = values.get<Session>('sign in with Ethereum as trader');
    const order = values.get<PurchaseOrder>('purchase order');
    await trader.api.post('/claims', { purchaseOrderId: order.id }, [200, 201]);
    return `claim ${(error as DemoError).detail ?? 'FAILED'} → asked again (POST /claims)`;
  },
};

/**
 * The claims verifier learns that a policy is ACTIVE from the policy's PolicyActivated event
 * (its own read model), a moment after the policy service shows ACTIVE: a claim filed in that
 * moment is refused 409 PURCHASE_ORDER_NOT_PAID, which a client retries. After a fault the
 * moment can last seconds; the drill waits up to 30 s for it, a second at a time.
 */
export const CLAIM_BEFORE_READ_MODEL: StepRecovery = {
  step: CLAIMED,
  attempts: 30,
  matches: (error) => error instanceof DemoError && /409 PURCHASE_ORDER_NOT_PAID/.test(error.message),
  recover: async () => {
    await sleep(1000);
    return 'POST /claims answered 409 PURCHASE_ORDER_NOT_PAID (the verifier had not yet seen PolicyActivated) → filed again';
  },
};
