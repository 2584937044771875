import { describe, expect, it } from 'vitest';
import { toBeHex, zeroPadValue } from 'ethers';
import { checkExecution, EXECUTION_FAILURE_TOPIC, EXECUTION_SUCCESS_TOPIC, TRANSFER_TOPIC, type ExpectedPayout, type ReceiptLog } from './execution-check';

const SAFE = '0x1111111111111111111111111111111111111111';
const USDC = '0x2222222222222222222222222222222222222222';
const RECIPIENT = '0x3333333333333333333333333333333333333333';
const HASH = `0x${'ab'.repeat(32)}`;
const OTHER_HASH = `0x${'cd'.repeat(32)}`;
const topic = (a: string) => zeroPadValue(a, 32);
const expected: ExpectedPayout = { safe: SAFE, token: USDC, recipient: RECIPIENT, amount: 500n, safeTxHash: HASH, anySafeTx: false };
const transfer = (to: string, amount: bigint, index = 0, from = SAFE): ReceiptLog => ({ address: USDC, topics: [TRANSFER_TOPIC, topic(from), topic(to)], data: toBeHex(amount, 32), index });
const success = (hash = HASH, index = 1): ReceiptLog => ({ address: SAFE, topics: [EXECUTION_SUCCESS_TOPIC, hash], data: toBeHex(0, 32), index });

describe('checkExecution', () => {
  it('accepts ExecutionSuccess for the SafeTx plus the exact transfer', () => {
    expect(checkExecution(1, [transfer(RECIPIENT, 500n), success()], expected)).toEqual({ ok: true, transferLogIndex: 0, executedSafeTxHash: HASH });
  });

  it('refuses a reverted transaction, ExecutionFailure, or no ExecutionSuccess', () => {
    expect(checkExecution(0, [transfer(RECIPIENT, 500n), success()], expected)).toMatchObject({ ok: false });
    expect(checkExecution(1, [{ address: SAFE, topics: [EXECUTION_FAILURE_TOPIC, HASH], data: '0x', index: 0 }], expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/ExecutionFailure/) });
    expect(checkExecution(1, [transfer(RECIPIENT, 500n)], expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/no ExecutionSuccess/) });
  });

  it('refuses a wrong amount, a wrong recipient, a transfer not from the Safe, or another token', () => {
    expect(checkExecution(1, [transfer(RECIPIENT, 499n), success()], expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/499/) });
    expect(checkExecution(1, [transfer(SAFE, 500n), success()], expected)).toMatchObject({ ok: false });
    expect(checkExecution(1, [transfer(RECIPIENT, 500n, 0, RECIPIENT), success()], expected)).toMatchObject({ ok: false });
    expect(checkExecution(1, [{ ...transfer(RECIPIENT, 500n), address: SAFE }, success()], expected)).toMatchObject({ ok: false });
  });

  it('accepts another SafeTx (a batch) only when told to', () => {
    const logs = [transfer(RECIPIENT, 100n, 0), transfer(RECIPIENT, 500n, 1), success(OTHER_HASH, 2)];
    expect(checkExecution(1, logs, expected)).toMatchObject({ ok: false });
    expect(checkExecution(1, logs, { ...expected, anySafeTx: true })).toEqual({ ok: true, transferLogIndex: 1, executedSafeTxHash: OTHER_HASH });
  });

  it('refuses its own SafeTx moving more than one transfer', () => {
    expect(checkExecution(1, [transfer(RECIPIENT, 500n, 0), transfer(SAFE.replace('1', '4'), 1n, 1), success(HASH, 2)], expected)).toMatchObject({ ok: false });
  });
});
