import type { ReactNode } from 'react';
import { CLAIM_STATUSES } from '../lib/statuses';
import { formatUsdc } from '../lib/usdc';
import { localTime, utcTime } from '../lib/time';
import { share, type ClaimsOverTime, type PremiumsVsPayouts } from './chart-data';

/** Small hand-drawn SVG charts: no chart library (the console's weight stays small), a table beside each for screen readers. */
const STATUS_COLOURS: Record<string, string> = {
  VERIFYING: '#f2b134',
  VERIFIED_PENDING_REVIEW: '#e07b00',
  REJECTED: '#a4161a',
  FAILED: '#6c757d',
  APPROVED_PENDING_MULTISIG: '#1d4f80',
  PAID: '#1e6b30',
};
const W = 640;
const H = 180;
const PAD = 24;

function Legend({ items }: { items: [string, string][] }) {
  return (
    <ul className="legend" aria-hidden="true">
      {items.map(([label, colour]) => (
        <li key={label}>
          <span className="swatch" style={{ background: colour }} /> {label}
        </li>
      ))}
    </ul>
  );
}

function Frame({ title, children, table }: { title: string; children: ReactNode; table: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H + PAD}`} role="img" aria-label={title}>
        <line x1={0} y1={H} x2={W} y2={H} stroke="#5b6570" />
        {children}
      </svg>
      <div className="sr-only">{table}</div>
    </figure>
  );
}

const bucketLabel = (ms: number, bucketMs: number) =>
  bucketMs < 86_400_000 ? new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : new Date(ms).toLocaleDateString();

/** Claims filed per hour or day, stacked by status. */
export function ClaimsOverTimeChart({ data }: { data: ClaimsOverTime }) {
  const slot = W / data.buckets.length;
  const barW = Math.min(48, Math.max(2, slot * 0.7));
  return (
    <>
      <Frame
        title={`Claims filed per ${data.bucketMs < 86_400_000 ? 'hour' : 'day'}, by status now`}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                {CLAIM_STATUSES.map((s) => (
                  <th key={s} scope="col">
                    {s}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.buckets.map((b, i) => (
                <tr key={b}>
                  <td>{localTime(b)}</td>
                  {CLAIM_STATUSES.map((s) => (
                    <td key={s}>{data.counts[s][i]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {data.buckets.map((b, i) => {
          let y = H;
          const x = i * slot + (slot - barW) / 2;
          return (
            <g key={b} data-bucket={b}>
              {CLAIM_STATUSES.map((s) => {
                const n = data.counts[s][i]!;
                if (n === 0) return null;
                const h = (n / data.max) * (H - 8);
                y -= h;
                return (
                  <rect key={s} x={x} y={y} width={barW} height={h} fill={STATUS_COLOURS[s]}>
                    <title>{`${n} ${s} — from ${utcTime(b)}`}</title>
                  </rect>
                );
              })}
              {i === 0 || i === data.buckets.length - 1 ? (
                <text x={Math.min(Math.max(x + barW / 2, 30), W - 30)} y={H + 16} textAnchor="middle" fontSize="11">
                  {bucketLabel(b, data.bucketMs)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={4} y={12} fontSize="11">
          {data.max}
        </text>
      </Frame>
      <Legend items={CLAIM_STATUSES.map((s) => [s, STATUS_COLOURS[s]!])} />
    </>
  );
}

const PREMIUM = '#1e6b30';
const OUTFLOW = '#a4161a';

/** Per reconciliation run: premiums in against USDC out of the treasury. */
export function PremiumsVsPayoutsChart({ data }: { data: PremiumsVsPayouts }) {
  const slot = W / data.rows.length;
  const barW = Math.min(32, Math.max(2, slot * 0.35));
  return (
    <>
      <Frame
        title={`Premiums in vs payouts and other USDC out of the treasury, per reconciliation run (total ${formatUsdc(data.totalPremiums)} in, ${formatUsdc(data.totalOutflow)} out)`}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">Run finished</th>
                <th scope="col">Blocks</th>
                <th scope="col">Premiums</th>
                <th scope="col">Out of the treasury</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{localTime(r.at)}</td>
                  <td>
                    {r.fromBlock}–{r.toBlock}
                  </td>
                  <td>{formatUsdc(r.premiums)}</td>
                  <td>{formatUsdc(r.outflow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {data.rows.map((r, i) => {
          const x = i * slot + slot / 2 - barW;
          const hp = share(r.premiums, data.max) * (H - 8);
          const ho = share(r.outflow, data.max) * (H - 8);
          return (
            <g key={r.id} data-run={r.id}>
              <rect x={x} y={H - hp} width={barW} height={hp} fill={PREMIUM}>
                <title>{`${formatUsdc(r.premiums)} premiums, blocks ${r.fromBlock}–${r.toBlock}`}</title>
              </rect>
              <rect x={x + barW} y={H - ho} width={barW} height={ho} fill={OUTFLOW}>
                <title>{`${formatUsdc(r.outflow)} out, blocks ${r.fromBlock}–${r.toBlock}`}</title>
              </rect>
            </g>
          );
        })}
        <text x={4} y={12} fontSize="11">
          {formatUsdc(data.max)}
        </text>
      </Frame>
      <Legend
        items={[
          ['premiums in', PREMIUM],
          ['payouts and other USDC out', OUTFLOW],
        ]}
      />
    </>
  );
}
