import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TreasuryPanel, type TreasuryReport } from './treasury-panel';

const healthy: TreasuryReport = {
  available: true,
  safeAddress: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  balanceUsdc: '1000000000000',
  pendingPayoutsUsdc: '500000000',
  floorUsdc: '10000000000',
  hotBalanceCeilingUsdc: '1000000000000000',
  alerts: [],
  checkedAt: '2026-12-06T20:00:00.000Z',
};

afterEach(cleanup);

describe('the treasury panel of the reconciliation page', () => {
  it('shows the balance, pending payouts, floor and ceiling as USDC, and says when nothing is wrong', () => {
    render(<TreasuryPanel treasury={healthy} />);
    expect(screen.getByRole('status').textContent).toBe('Treasury within its floor and ceiling.');
    expect(screen.queryByRole('alert')).toBeNull();
    const text = screen.getByLabelText('Treasury').textContent ?? '';
    expect(text).toContain('1,000,000');
    expect(text).toContain('500');
    expect(text).toContain('10,000');
  });

  it('puts each alert first, in words, with the figures that raised it', () => {
    render(<TreasuryPanel treasury={{ ...healthy, balanceUsdc: '5000000', alerts: [{ kind: 'TREASURY_BELOW_FLOOR', detail: 'balance 5 USDC < floor 10,000 USDC' }] }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('below its floor');
    expect(alert.textContent).toContain('balance 5 USDC < floor 10,000 USDC');
  });

  it('says why when the payout service could not report the treasury, instead of showing no alerts', () => {
    render(<TreasuryPanel treasury={{ available: false, reason: 'the payout service is not answering' }} />);
    expect(screen.getByRole('status').textContent).toBe('Treasury status unavailable: the payout service is not answering.');
    expect(screen.queryByLabelText('Treasury')).toBeNull();
  });
});
