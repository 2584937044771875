import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '@liqpass/events';
import { explainReason, REASON_EXPLANATIONS } from './reason-codes';
import { CLAIM_STATUSES, claimIsMoving, explainClaimStatus, explainPolicyStatus, POLICY_STATUSES, policyIsClaimable } from './statuses';
import { formatDuration } from './time';

describe('reason codes in words', () => {
  it('has words for every code of @liqpass/events and nothing else', () => {
    expect(Object.keys(REASON_EXPLANATIONS).sort()).toEqual([...REASON_CODES].sort());
    for (const code of REASON_CODES) expect(explainReason(code).length, code).toBeGreaterThan(12);
  });

  it('explains the read-only key rule and shows an unknown code as is', () => {
    expect(explainReason('OKX_KEY_NOT_READ_ONLY')).toMatch(/read-only/);
    expect(explainReason('SOMETHING_NEW')).toBe('Reason code SOMETHING_NEW.');
    expect(explainReason(null)).toBe('');
  });
});

describe('statuses in words', () => {
  it('explains every policy and claim status of PRODUCT.md §4', () => {
    for (const s of POLICY_STATUSES) expect(explainPolicyStatus(s), s).not.toBe(s);
    for (const s of CLAIM_STATUSES) expect(explainClaimStatus(s), s).not.toBe(s);
    expect(explainClaimStatus('PAID')).toBe('Paid.');
  });

  it('offers Claim only on active or expired policies and polls only while verifying', () => {
    expect(POLICY_STATUSES.filter(policyIsClaimable)).toEqual(['ACTIVE', 'EXPIRED']);
    expect(CLAIM_STATUSES.filter(claimIsMoving)).toEqual(['VERIFYING']);
  });
});

describe('durations', () => {
  it('reads as a countdown', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(249)).toBe('4 min 09 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(90_000)).toBe('1 d 1 h');
  });
});
