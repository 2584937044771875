import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { claimsOverTime, premiumsVsPayouts, share, type LedgerRun } from './chart-data';
import { ClaimsOverTimeChart, PremiumsVsPayoutsChart } from './charts';

afterEach(cleanup);

const at = (iso: string) => ({ createdAt: iso });

describe('claims over time', () => {
  it('counts per hour and status, with empty hours as zero columns, when the claims span two days or less', () => {
    const data = claimsOverTime(
      [
        { status: 'PAID', ...at('2026-03-01T10:05:00Z') },
        { status: 'PAID', ...at('2026-03-01T10:59:59Z') },
        { status: 'REJECTED', ...at('2026-03-01T10:30:00Z') },
        { status: 'VERIFYING', ...at('2026-03-01T13:00:00Z') },
      ],
      0,
    )!;
    expect(data.bucketMs).toBe(3_600_000);
    expect(data.buckets.map((b) => new Date(b).toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', '2026-03-01T12:00:00.000Z', '2026-03-01T13:00:00.000Z']);
    expect(data.counts.PAID).toEqual([2, 0, 0, 0]);
    expect(data.counts.REJECTED).toEqual([1, 0, 0, 0]);
    expect(data.counts.VERIFYING).toEqual([0, 0, 0, 1]);
    expect(data.max).toBe(3);
  });

  it('counts per day in the viewer’s zone over longer spans, keeps the latest 48 buckets, and skips undated or unknown rows', () => {
    const plus2h = 2 * 3_600_000;
    const data = claimsOverTime(
      [
        { status: 'PAID', ...at('2026-03-01T23:30:00Z') }, // 01:30 on 2 March at UTC+2
        { status: 'PAID', ...at('2026-03-05T12:00:00Z') },
        { status: 'PAID', createdAt: null },
        { status: 'SOMETHING_NEW', ...at('2026-03-03T12:00:00Z') },
      ],
      plus2h,
    )!;
    expect(data.bucketMs).toBe(86_400_000);
    expect(data.buckets.map((b) => new Date(b + plus2h).toISOString().slice(0, 10))).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(data.counts.PAID).toEqual([1, 0, 0, 1]);
    const long = claimsOverTime([{ status: 'PAID', ...at('2026-01-01T00:00:00Z') }, { status: 'FAILED', ...at('2026-04-01T00:00:00Z') }], 0)!;
    expect(long.buckets).toHaveLength(48);
    expect(long.counts.PAID.every((n) => n === 0)).toBe(true); // older than the window
    expect(long.counts.FAILED.at(-1)).toBe(1);
    expect(claimsOverTime([], 0)).toBeNull();
  });
});

const run = (id: string, finishedAt: string | null, premiums: string, out: string, status = 'OK'): LedgerRun => ({
  id,
  status,
  fromBlock: 1,
  toBlock: 9,
  finishedAt,
  report: { chainPremiumSumUsdc: premiums, treasury: { otherOutflowUsdc: out } },
});

describe('premiums vs payouts', () => {
  it('takes finished runs oldest first, in bigint base units, and totals them', () => {
    const data = premiumsVsPayouts([
      run('b', '2026-03-02T00:00:00Z', '25000000', '500000000'),
      run('a', '2026-03-01T00:00:00Z', '12500000', '0', 'MISMATCH'),
      run('c', null, '1', '1', 'RUNNING'),
      run('d', '2026-03-03T00:00:00Z', '9', '9', 'FAILED'),
      { ...run('e', '2026-03-04T00:00:00Z', '1', '1'), report: { chainPremiumSumUsdc: '1' } },
      run('f', '2026-03-05T00:00:00Z', '1.5', '1'),
    ])!;
    expect(data.rows.map((r) => r.id)).toEqual(['a', 'b']);
    expect(data.totalPremiums).toBe(37_500_000n);
    expect(data.totalOutflow).toBe(500_000_000n);
    expect(data.max).toBe(500_000_000n);
    expect(share(25_000_000n, data.max)).toBe(0.05);
    expect(premiumsVsPayouts([run('c', null, '1', '1', 'RUNNING')])).toBeNull();
  });

  it('draws one bar pair per run with the amounts as USDC', () => {
    const data = premiumsVsPayouts([run('a', '2026-03-01T00:00:00Z', '12500000', '500000000')])!;
    const { container } = render(<PremiumsVsPayoutsChart data={data} />);
    expect(container.querySelectorAll('[data-run="a"] rect')).toHaveLength(2);
    expect(screen.getByText('12.5 USDC premiums, blocks 1–9')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('total 12.5 USDC in, 500 USDC out');
  });

  it('stacks a column per bucket in the claims chart', () => {
    const data = claimsOverTime([{ status: 'PAID', ...at('2026-03-01T10:05:00Z') }, { status: 'REJECTED', ...at('2026-03-01T10:06:00Z') }], 0)!;
    const { container } = render(<ClaimsOverTimeChart data={data} />);
    expect(container.querySelectorAll('[data-bucket] rect')).toHaveLength(2);
    expect(screen.getByText('1 PAID — from 2026-03-01 10:00:00 UTC')).toBeTruthy();
  });
});
