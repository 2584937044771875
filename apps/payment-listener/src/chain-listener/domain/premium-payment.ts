import type { EventPayload } from '@liqpass/events';
import type { ChainLog } from './chain-log';
import { checksum, decodePremiumPaidLog } from './premium-paid-decoder';

/** One confirmed `PremiumPaid` log: everything the event and the books need. Money in base units. */
export interface PremiumPayment {
  readonly chainId: number;
  readonly txHash: string;
  readonly logIndex: number;
  readonly blockNumber: number;
  readonly blockHash: string;
  /** Unix seconds of the block. */
  readonly blockTime: number;
  readonly checkoutAddress: string;
  readonly orderId: string;
  readonly buyer: string;
  readonly token: string;
  readonly premium: bigint;
  readonly payout: bigint;
  readonly payoutCap: bigint;
  readonly coverageSeconds: bigint;
  readonly quoteHash: string;
  readonly treasury: string;
}

export function paymentFromLog(chainId: number, log: ChainLog, blockTime: number): PremiumPayment {
  const e = decodePremiumPaidLog(log);
  return {
    chainId,
    txHash: log.txHash.toLowerCase(),
    logIndex: log.logIndex,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash.toLowerCase(),
    blockTime,
    checkoutAddress: checksum(log.address),
    orderId: e.orderId.toLowerCase(),
    buyer: e.buyer,
    token: e.token,
    premium: e.premium,
    payout: e.payout,
    payoutCap: e.payoutCap,
    coverageSeconds: e.coverageSeconds,
    quoteHash: e.quoteHash.toLowerCase(),
    treasury: e.treasury,
  };
}

/**
 * The PremiumPaid event for a payment, seen when the chain's head was `head`. Addresses travel in
 * lower case (the schema takes either form): libs/events checks an EIP-55 checksum with a plain
 * BigInt Keccak at ~0.2 ms an address, twice per event, which was most of a backfill's CPU.
 */
export function premiumPaidPayload(p: PremiumPayment, head: number): EventPayload<'PremiumPaid'> {
  if (p.coverageSeconds > BigInt(Number.MAX_SAFE_INTEGER)) {
    // The backend signs every quote, so this is a bug upstream; stop loudly rather than round.
    throw new Error(`coverageSeconds ${p.coverageSeconds} of order ${p.orderId} does not fit the event`);
  }
  return {
    chainId: p.chainId,
    txHash: p.txHash,
    logIndex: p.logIndex,
    blockNumber: p.blockNumber,
    blockHash: p.blockHash,
    blockTime: new Date(p.blockTime * 1000).toISOString(),
    checkoutAddress: p.checkoutAddress.toLowerCase(),
    orderId: p.orderId,
    buyer: p.buyer.toLowerCase(),
    token: p.token.toLowerCase(),
    premiumAmountUsdc: p.premium.toString(),
    payoutAmountUsdc: p.payout.toString(),
    coverageSeconds: Number(p.coverageSeconds),
    quoteHash: p.quoteHash,
    treasury: p.treasury.toLowerCase(),
    confirmations: Math.max(0, head - p.blockNumber),
  };
}

/**
 * Nats-Msg-Id of a payment's PremiumPaid: `chainId:txHash:logIndex` (CHAIN.md step 7). A log
 * reorged out and mined again at the same place is a new event, so it carries its revision —
 * the same id would be dropped by JetStream's duplicate window.
 */
export function paymentMsgId(chainId: number, txHash: string, logIndex: number, revision: number): string {
  const key = `${chainId}:${txHash.toLowerCase()}:${logIndex}`;
  return revision === 0 ? key : `${key}:r${revision}`;
}

export function reversalMsgId(paymentMsg: string): string {
  return `${paymentMsg}:reverted`;
}

/** What a reorg reverts: the stored payment's key, block and the event that announced it. */
export interface RevertedPayment {
  readonly chainId: number;
  readonly txHash: string;
  readonly logIndex: number;
  readonly blockNumber: number;
  readonly blockHash: string;
  readonly orderId: string;
  readonly premiumPaidEventId: string;
}

export function reversalPayload(p: RevertedPayment, revertedAt: Date): EventPayload<'PremiumPaymentReverted'> {
  return {
    chainId: p.chainId,
    txHash: p.txHash,
    logIndex: p.logIndex,
    blockNumber: p.blockNumber,
    blockHash: p.blockHash,
    orderId: p.orderId,
    premiumPaidEventId: p.premiumPaidEventId,
    revertedAt: revertedAt.toISOString(),
  };
}
