import { useState } from 'react';
import { api, query } from '../gateway-client';
import type { Claim, Page } from '../lib/api-types';
import { CLAIM_STATUSES, explainClaimStatus } from '../lib/statuses';
import { showUsdcDecimal } from '../lib/usdc';
import { Link } from '../router';
import { Hex, Loadable, StatusBadge, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import { claimsOverTime } from './chart-data';
import { ClaimsOverTimeChart } from './charts';

const CHART_CLAIMS = 200;

/** The latest claims (the list's largest page) drawn over time; says so when there are more. */
function ClaimsOverTimeCard() {
  const state = useAsync(() => api.get<Page<Claim>>(`/admin/claims${query({ limit: CHART_CLAIMS })}`), 'chart', 10_000);
  const offsetMs = -new Date().getTimezoneOffset() * 60_000;
  return (
    <Loadable state={state} empty="No claims to chart yet." isEmpty={(d) => d.items.length === 0}>
      {(d) => {
        const data = claimsOverTime(d.items, offsetMs);
        if (!data) return <p className="empty">No dated claims to chart.</p>;
        return (
          <>
            <ClaimsOverTimeChart data={data} />
            {(d.total ?? 0) > d.items.length ? <p className="muted">The latest {d.items.length} of {d.total} claims.</p> : null}
          </>
        );
      }}
    </Loadable>
  );
}

/** Counts per claim status (one `limit=1` list per status: the answer carries `total`). */
async function countsByStatus(): Promise<Record<string, number>> {
  const pairs = await Promise.all(CLAIM_STATUSES.map(async (s) => [s, (await api.get<Page<Claim>>(`/admin/claims${query({ status: s, limit: 1 })}`)).total ?? 0] as const));
  return Object.fromEntries(pairs);
}

/** The reviewer's queue: a filter per status with its count (also drawn as bars), newest first. */
export function ClaimQueuePage() {
  const [status, setStatus] = useState<string>('VERIFIED_PENDING_REVIEW');
  const counts = useAsync(countsByStatus, 'counts', 5000);
  const list = useAsync(() => api.get<Page<Claim>>(`/admin/claims${query({ status: status || undefined, limit: 50 })}`), status, 5000);
  const max = Math.max(1, ...Object.values(counts.data ?? {}));

  return (
    <section aria-labelledby="queue-title" className="card">
      <h2 id="queue-title">Claims</h2>
      <div role="group" aria-label="Filter by status" className="filters">
        <button type="button" aria-pressed={status === ''} onClick={() => setStatus('')}>
          All
        </button>
        {CLAIM_STATUSES.map((s) => (
          <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)} title={explainClaimStatus(s)}>
            {s} <span className="count">{counts.data?.[s] ?? '…'}</span>
          </button>
        ))}
      </div>
      {counts.data ? (
        <figure className="bars" aria-label="Claims per status">
          {CLAIM_STATUSES.map((s) => (
            <div key={s} className="bar-row">
              <span className="bar-label">{s}</span>
              <span className="bar" style={{ width: `${(100 * (counts.data![s] ?? 0)) / max}%` }} />
              <span>{counts.data![s] ?? 0}</span>
            </div>
          ))}
        </figure>
      ) : null}
      <ClaimsOverTimeCard />
      <Loadable state={list} empty={`No claims${status ? ` in ${status}` : ''}.`} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Status</th>
                  <th scope="col">Payout</th>
                  <th scope="col">Liquidation</th>
                  <th scope="col">Filed</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/admin/claims/${c.id}`}>
                        <Hex value={c.id} />
                      </Link>
                    </td>
                    <td>
                      <StatusBadge status={c.status} title={explainClaimStatus(c.status)} />
                    </td>
                    <td>{showUsdcDecimal(c.payoutAmountUsdc)}</td>
                    <td>{c.liquidationTimeMs ? <Time value={c.liquidationTimeMs} /> : '—'}</td>
                    <td>
                      <Time value={c.createdAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </section>
  );
}
