import { describe, expect, it } from 'vitest';
import { getAddress } from 'ethers';
import { transactionBuilderBatch } from './transaction-builder';

describe('transactionBuilderBatch', () => {
  it('lists one USDC transfer per pending payout, for the treasury Safe on its chain', () => {
    const payout = { id: 'p1', claimId: 'c1', token: '0x2222222222222222222222222222222222222222', recipient: '0x3333333333333333333333333333333333333333', amountUsdc: '500000000', memo: '0xab' };
    const file = transactionBuilderBatch(8453, '0x1111111111111111111111111111111111111111', [payout, { ...payout, id: 'p2', amountUsdc: '1' }], 1);
    expect(file).toMatchObject({ version: '1.0', chainId: '8453', meta: { createdFromSafeAddress: getAddress('0x1111111111111111111111111111111111111111') } });
    expect(file.transactions).toHaveLength(2);
    expect(file.transactions[0]).toMatchObject({ to: getAddress(payout.token), value: '0', contractMethod: { name: 'transfer' }, contractInputsValues: { to: getAddress(payout.recipient), value: '500000000' } });
    expect(file.meta.description).toContain('claim c1');
  });
});
