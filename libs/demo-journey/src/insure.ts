import { CHECKOUT_ABI } from '@liqpass/chain';
import { Contract } from 'ethers';
import { check, DemoError } from './demo-error';
import { formatUsdc, shortHex } from './format';
import { pollUntil, statusProbe } from './poll';
import type { Session } from './sign-in';
import { usdcBalance, type Stack } from './stack';
import type { StepLog } from './step-runner';
import type { PositionsReply, PurchaseOrder, QuoteReply, SimAccount, SimPosition } from './wire-types';

/** The trader's half of the journey: an OKX position on the simulator, insured and paid for. */

export async function openSimPosition(stack: Stack, account: SimAccount, log: StepLog): Promise<SimPosition> {
  const body = { uid: account.uid, instId: stack.settings.instId, posSide: 'long', mgnMode: 'isolated', lever: 20, sz: 100, avgPx: 60000 };
  const position = await stack.sim.post<SimPosition>('/sim/positions', body);
  log.note(`${body.instId} ${body.posSide} ${body.sz} @ ${body.avgPx}, ${body.lever}x isolated: posId ${position.posId}, opening ordId ${position.ordId}, liqPx ${position.liqPx}`);
  return position;
}

export async function linkOkxKey(trader: Session, account: SimAccount, log: StepLog): Promise<void> {
  const linked = await trader.api.post<{ id: string; okxUid: string; perm: string }>('/okx/accounts', { apiKey: account.apiKey, secretKey: account.secretKey, passphrase: account.passphrase }, 201);
  log.note(`linked account ${linked.id} (OKX uid ${linked.okxUid}, perm ${linked.perm})`);
}

export async function findPosition(stack: Stack, trader: Session, position: SimPosition, log: StepLog): Promise<void> {
  const reply = await trader.api.get<PositionsReply>('/okx/positions');
  const found = reply.positions.find((p) => p.posId === position.posId);
  check(found, `GET /okx/positions does not list position ${position.posId}`, `positions: ${reply.positions.map((p) => p.posId).join(', ') || 'none'}; account errors: ${JSON.stringify(reply.accountErrors)}`);
  check(found.instId === stack.settings.instId, `position ${position.posId} is on ${found.instId}, expected ${stack.settings.instId}`);
  log.note(`${reply.positions.length} open position(s) across ${reply.accounts.length} linked account(s); ours is there`);
}

export async function requestQuote(stack: Stack, trader: Session, position: SimPosition, log: StepLog): Promise<QuoteReply> {
  const quote = await trader.api.post<QuoteReply>('/quote', { chainId: stack.config.chainId, instId: stack.settings.instId, posId: position.posId, coverageSeconds: 86_400 }, 201);
  check(quote.typedData?.message?.buyer?.toLowerCase() === trader.address.toLowerCase(), `the quote names buyer ${quote.typedData?.message?.buyer}, expected ${trader.address}`);
  log.note(`quote ${quote.quoteId}: premium ${quote.premiumUsdc} USDC, payout ${quote.payoutFixedUsdc} USDC (cap ${quote.payoutCapUsdc}), ${quote.coverageSeconds / 3600} h, expires ${quote.expiresAt}`);
  return quote;
}

export async function createOrder(trader: Session, quote: QuoteReply, log: StepLog): Promise<PurchaseOrder> {
  const order = await trader.api.post<PurchaseOrder>('/purchase_orders', { quoteId: quote.quoteId }, 201);
  check(order.status === 'PENDING_PAYMENT', `new purchase order is ${order.status}, expected PENDING_PAYMENT`);
  check(order.orderId === quote.typedData.message.orderId, `order id ${order.orderId} is not the quote's ${quote.typedData.message.orderId}`);
  log.note(`purchase order ${order.id} (on-chain orderId ${shortHex(order.orderId)}): ${order.status}`);
  return order;
}

export async function bindOrder(stack: Stack, trader: Session, order: PurchaseOrder, position: SimPosition, log: StepLog): Promise<void> {
  const bound = await trader.api.post<PurchaseOrder>(`/purchase_orders/${order.id}/bind-okx`, { ordId: position.ordId, instId: stack.settings.instId }, 200);
  check(bound.status === 'BOUND_UNPAID', `bound purchase order is ${bound.status}, expected BOUND_UNPAID`);
  log.note(`bound to OKX order ${position.ordId}: ${bound.status}`);
}

/** The wallet's own transactions: approve exactly the premium to the checkout, then payPremium(quote as returned, signature). */
export async function payPremium(stack: Stack, trader: Session, quote: QuoteReply, log: StepLog): Promise<void> {
  const wallet = stack.wallets[6]!;
  const premium = BigInt(quote.typedData.message.premium);
  const balance = await usdcBalance(stack, wallet.address);
  check(balance >= premium, `trader ${wallet.address} holds ${formatUsdc(balance)}, less than the premium ${formatUsdc(premium)}`);
  const usdc = stack.usdc.connect(wallet) as Contract;
  const approval = await (await usdc.getFunction('approve')(stack.config.contracts.checkout, premium)).wait();
  check(approval?.status === 1, `approve reverted (tx ${approval?.hash})`);
  log.note(`approve ${formatUsdc(premium)} to checkout ${shortHex(stack.config.contracts.checkout)}: tx ${approval.hash} (block ${approval.blockNumber})`);
  const checkout = new Contract(stack.config.contracts.checkout, CHECKOUT_ABI, wallet);
  let receipt;
  try {
    receipt = await (await checkout.getFunction('payPremium')(quote.typedData.message, quote.signature)).wait();
  } catch (error) {
    throw new DemoError('payPremium reverted', (error as { shortMessage?: string }).shortMessage ?? (error as Error).message);
  }
  check(receipt?.status === 1, `payPremium reverted (tx ${receipt?.hash})`);
  log.note(`payPremium: tx ${receipt.hash} (block ${receipt.blockNumber}, ${trader.address} paid ${formatUsdc(premium)})`);
}

export async function waitActive(stack: Stack, trader: Session, order: PurchaseOrder, log: StepLog): Promise<PurchaseOrder> {
  const probe = statusProbe<PurchaseOrder>('purchase order', 'ACTIVE', ['PAYMENT_MISMATCH', 'CANCELLED', 'REFUNDED', 'EXPIRED'], (o) => `${o.status}${o.paymentProblem ? ` (${o.paymentProblem})` : ''}`);
  const active = await pollUntil(`purchase order ${order.id} to become ACTIVE (after ${stack.config.confirmations} confirmations)`, async () => probe(await trader.api.get<PurchaseOrder>(`/purchase_orders/${order.id}`)), {
    timeoutMs: stack.settings.waitTimeoutMs,
    intervalMs: 500,
  });
  log.note(`ACTIVE: coverage ${active.coverageStartAt} → ${active.coverageEndAt}, paid in ${active.payTxHash}`);
  return active;
}
