import { getAddress, id, zeroPadValue } from 'ethers';

/**
 * Decides from a mined transaction's logs whether it paid a payout (CHAIN.md: success is the
 * Safe's `ExecutionSuccess` for the payout's SafeTx plus the USDC `Transfer` of exactly the
 * amount to exactly the recipient — never a receipt with status 1 alone). Pure.
 */
export const EXECUTION_SUCCESS_TOPIC = id('ExecutionSuccess(bytes32,uint256)');
export const EXECUTION_FAILURE_TOPIC = id('ExecutionFailure(bytes32,uint256)');
export const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');

export interface ReceiptLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
  readonly index: number;
}

export interface ExpectedPayout {
  readonly safe: string;
  readonly token: string;
  readonly recipient: string;
  readonly amount: bigint;
  readonly safeTxHash: string;
  /**
   * Also accept an `ExecutionSuccess` for another SafeTx of this Safe (a Transaction Builder
   * batch executed in the Safe UI), as long as the exact transfer is in the same transaction.
   */
  readonly anySafeTx: boolean;
}

export type ExecutionVerdict =
  | { readonly ok: true; readonly transferLogIndex: number; readonly executedSafeTxHash: string }
  | { readonly ok: false; readonly reason: string };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const topicOf = (address: string) => zeroPadValue(getAddress(address), 32).toLowerCase();

export function checkExecution(status: number, logs: readonly ReceiptLog[], expected: ExpectedPayout): ExecutionVerdict {
  if (status !== 1) return { ok: false, reason: 'the transaction reverted' };
  const safeLogs = logs.filter((log) => same(log.address, expected.safe));
  const failure = safeLogs.find((log) => log.topics[0] === EXECUTION_FAILURE_TOPIC);
  if (failure) return { ok: false, reason: `the Safe reported ExecutionFailure for ${failure.topics[1]}` };
  const successes = safeLogs.filter((log) => log.topics[0] === EXECUTION_SUCCESS_TOPIC);
  const own = successes.find((log) => same(log.topics[1] ?? '', expected.safeTxHash));
  const success = own ?? (expected.anySafeTx ? successes[0] : undefined);
  if (!success) return { ok: false, reason: `no ExecutionSuccess of the treasury Safe for ${expected.anySafeTx ? 'any SafeTx' : expected.safeTxHash}` };

  const transfers = logs.filter(
    (log) => same(log.address, expected.token) && log.topics[0] === TRANSFER_TOPIC && log.topics.length === 3 && same(log.topics[1]!, topicOf(expected.safe)),
  );
  const toRecipient = transfers.filter((log) => same(log.topics[2]!, topicOf(expected.recipient)));
  if (toRecipient.length === 0) return { ok: false, reason: 'no USDC Transfer from the Safe to the recipient' };
  const exact = toRecipient.find((log) => BigInt(log.data) === expected.amount);
  if (!exact) {
    const amounts = toRecipient.map((log) => BigInt(log.data).toString()).join(', ');
    return { ok: false, reason: `USDC Transfer to the recipient of ${amounts} base units, expected ${expected.amount}` };
  }
  // Our own SafeTx moves exactly one transfer; anything else in it means the SafeTx is not ours.
  if (own && transfers.length !== 1) return { ok: false, reason: `the SafeTx moved ${transfers.length} USDC transfers, expected 1` };
  return { ok: true, transferLogIndex: exact.index, executedSafeTxHash: success.topics[1]!.toLowerCase() };
}
