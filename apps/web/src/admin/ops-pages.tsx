import { useState } from 'react';
import { api, query } from '../gateway-client';
import { ErrorNote, Loadable, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import { premiumsVsPayouts, type LedgerRun } from './chart-data';
import { PremiumsVsPayoutsChart } from './charts';
import { TreasuryPanel, type TreasuryReport } from './treasury-panel';

const BACKEND_SERVICES = ['okx-binding', 'policy', 'payment-listener', 'claims-verifier', 'payout'] as const;

/** A list of rows of unknown shape: the keys of the first rows become the columns. */
function RowsTable({ rows }: { rows: Record<string, unknown>[] }) {
  const columns = [...new Set(rows.slice(0, 20).flatMap((r) => Object.keys(r)))];
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{cell(c, r[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cell(column: string, value: unknown) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && /(At|_at|time)$/i.test(column) && !Number.isNaN(Date.parse(value))) return <Time value={value} />;
  if (typeof value === 'object') return <code className="json">{JSON.stringify(value)}</code>;
  return String(value);
}

const rowsOf = (data: unknown): Record<string, unknown>[] => {
  if (Array.isArray(data)) return data as Record<string, unknown>[];
  const obj = data as { items?: unknown[]; rows?: unknown[]; runs?: unknown[]; deadLetters?: unknown[] };
  return (obj?.items ?? obj?.rows ?? obj?.deadLetters ?? obj?.runs ?? []) as Record<string, unknown>[];
};

export function ReconciliationPage() {
  const state = useAsync(() => api.get<{ chainId: number; latest: Record<string, unknown> | null; runs: (Record<string, unknown> & LedgerRun)[]; treasury?: TreasuryReport }>('/admin/reconciliation'), 'recon', 10_000);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const runNow = async () => {
    setRunning(true);
    setRunError(null);
    try {
      await api.post('/admin/reconciliation/run', {});
      state.reload();
    } catch (e) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section aria-labelledby="recon-title" className="card">
      <h2 id="recon-title">Reconciliation</h2>
      <p>
        <button type="button" onClick={() => void runNow()} disabled={running}>
          {running ? 'Reconciling…' : 'Reconcile the day so far'}
        </button>
      </p>
      <ErrorNote error={runError} />
      {state.data ? <TreasuryPanel treasury={state.data.treasury} /> : null}
      <Loadable state={state} empty="No reconciliation run yet." isEmpty={(d) => !d.latest && d.runs.length === 0}>
        {(d) => (
          <>
            <p>
              Chain {d.chainId}. Latest run: <code className="json">{JSON.stringify(d.latest)}</code>
            </p>
            {(() => {
              const chart = premiumsVsPayouts(d.runs);
              return chart ? <PremiumsVsPayoutsChart data={chart} /> : <p className="empty">No finished run to chart premiums against payouts yet.</p>;
            })()}
            <RowsTable rows={d.runs} />
          </>
        )}
      </Loadable>
    </section>
  );
}

export function DeadLettersPage() {
  const [service, setService] = useState<string>('policy');
  const state = useAsync(() => api.get<unknown>(`/admin/dead-letters${query({ service })}`), service);
  return (
    <section aria-labelledby="dl-title" className="card">
      <h2 id="dl-title">Dead letters</h2>
      <label>
        Service{' '}
        <select value={service} onChange={(e) => setService(e.target.value)}>
          {BACKEND_SERVICES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <Loadable state={state} empty={`No dead letters in ${service}.`} isEmpty={(d) => rowsOf(d).length === 0}>
        {(d) => <RowsTable rows={rowsOf(d)} />}
      </Loadable>
    </section>
  );
}

export function AuditPage() {
  const state = useAsync(() => api.get<unknown>('/admin/audit?limit=100'), 'audit', 10_000);
  return (
    <section aria-labelledby="audit-title" className="card">
      <h2 id="audit-title">Audit log</h2>
      {state.error ? <ErrorNote error={state.error} /> : null}
      <Loadable state={state} empty="No admin actions yet." isEmpty={(d) => rowsOf(d).length === 0}>
        {(d) => <RowsTable rows={rowsOf(d)} />}
      </Loadable>
    </section>
  );
}
