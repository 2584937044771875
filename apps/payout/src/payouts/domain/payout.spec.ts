import { describe, expect, it } from 'vitest';
import { PayoutError, refuseApprover } from './payout';

const APPROVER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

describe('the two-person rule', () => {
  it('refuses the approving wallet whatever the letter case of its address, naming the act', () => {
    const refusal = (() => {
      try {
        refuseApprover(APPROVER, APPROVER.toLowerCase(), 'execute');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PayoutError);
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', status: 403, message: 'two-person rule: the wallet that approved the claim may not execute its payout' });
  });

  it('lets any other wallet act', () => {
    expect(() => refuseApprover(APPROVER, '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', 'release')).not.toThrow();
  });
});
