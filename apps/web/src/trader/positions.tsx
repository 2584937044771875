import { useState } from 'react';
import { api } from '../gateway-client';
import type { AccountError, LinkedAccount, Position } from '../lib/api-types';
import { ErrorNote, Loadable } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import { LinkOkx } from './link-okx';
import { QuoteFlow } from './quote-flow';

interface PositionsAnswer {
  accounts: LinkedAccount[];
  positions: Position[];
  accountErrors: AccountError[];
}

/** How far the mark price is from liquidation, in percent of the mark (display only, not money). */
export function distanceToLiquidation(markPx: string, liqPx: string): string {
  const mark = Number(markPx);
  const liq = Number(liqPx);
  if (!Number.isFinite(mark) || !Number.isFinite(liq) || mark <= 0 || liq <= 0) return '—';
  return `${((Math.abs(mark - liq) / mark) * 100).toFixed(1)} %`;
}

/** Step 2–3 of the journey: link a key, pick an open position, then quote and buy. */
export function PositionsPage() {
  const [key, setKey] = useState(0);
  const state = useAsync(() => api.get<PositionsAnswer>('/okx/positions'), String(key));
  const [picked, setPicked] = useState<Position | null>(null);

  // A stale or revoked key makes the whole list fail (OKX_KEY_INVALID): the trader must still be able to link a working key.
  const failedWithoutData = state.error !== null && state.data === null;
  return (
    <>
      {failedWithoutData ? <LinkOkx onLinked={() => setKey((k) => k + 1)} /> : null}
      <Loadable state={state} empty={null}>
        {(data) =>
          data.accounts.length === 0 ? (
            <LinkOkx onLinked={() => setKey((k) => k + 1)} />
          ) : (
            <section aria-labelledby="positions-title" className="card">
              <h2 id="positions-title">Your open positions</h2>
              <p className="muted">
                Linked OKX account{data.accounts.length > 1 ? 's' : ''}: {data.accounts.map((a) => `${a.okxUid} (${a.perm})`).join(', ')}{' '}
                <button type="button" onClick={() => setKey((k) => k + 1)}>
                  Refresh
                </button>
              </p>
              {data.accountErrors.map((e, i) => (
                <ErrorNote key={i} error={new Error(`${e.error ?? 'OKX'}: ${e.message ?? 'an account could not be read'}`)} />
              ))}
              {data.positions.length === 0 ? (
                <p className="empty">No open SWAP, FUTURES or MARGIN positions on OKX right now.</p>
              ) : (
                <div className="table-wrap">
                  <table>
                    <caption className="sr-only">Open positions</caption>
                    <thead>
                      <tr>
                        <th scope="col">Instrument</th>
                        <th scope="col">Side</th>
                        <th scope="col">Leverage</th>
                        <th scope="col">Size</th>
                        <th scope="col">Margin</th>
                        <th scope="col">Entry / mark</th>
                        <th scope="col">Liq. price</th>
                        <th scope="col">Distance</th>
                        <th scope="col">
                          <span className="sr-only">Action</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.positions.map((p) => (
                        <tr key={`${p.accountId}-${p.posId}`} aria-selected={picked?.posId === p.posId}>
                          <td>{p.instId}</td>
                          <td>{p.posSide}</td>
                          <td>{p.lever}×</td>
                          <td>{p.pos}</td>
                          <td>
                            {p.margin || '—'} ({p.mgnMode})
                          </td>
                          <td>
                            {p.avgPx} / {p.markPx}
                          </td>
                          <td>{p.liqPx || '—'}</td>
                          <td>{distanceToLiquidation(p.markPx, p.liqPx)}</td>
                          <td>
                            <button type="button" onClick={() => setPicked(p)} aria-label={`Insure ${p.instId} ${p.posSide} position ${p.posId}`}>
                              Insure
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <details>
                <summary>Link another OKX account</summary>
                <LinkOkx onLinked={() => setKey((k) => k + 1)} />
              </details>
            </section>
          )
        }
      </Loadable>
      {picked ? <QuoteFlow key={picked.posId} position={picked} /> : null}
    </>
  );
}
