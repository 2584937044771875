import { useState } from 'react';
import { api } from '../gateway-client';
import type { Claim, Page, PurchaseOrder } from '../lib/api-types';
import { explainPolicyStatus, policyIsClaimable } from '../lib/statuses';
import { showUsdcDecimal } from '../lib/usdc';
import { Countdown, ErrorNote, Hex, Loadable, StatusBadge, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';

/** My policies: status, coverage countdown, amounts, transactions, and Claim where it can apply. */
export function MyPoliciesPage() {
  const state = useAsync(() => api.get<Page<PurchaseOrder>>('/purchase_orders'), 'policies', 4000);
  const [claimed, setClaimed] = useState<Record<string, Claim>>({});
  const [error, setError] = useState<unknown>(null);

  const claim = async (po: PurchaseOrder) => {
    setError(null);
    try {
      const c = await api.post<Claim>('/claims', { purchaseOrderId: po.id });
      setClaimed((prev) => ({ ...prev, [po.id]: c }));
      state.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="policies-title" className="card">
      <h2 id="policies-title">My policies</h2>
      <ErrorNote error={error} />
      <Loadable state={state} empty="No policies yet: pick a position to insure." isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Instrument</th>
                  <th scope="col">Status</th>
                  <th scope="col">Premium</th>
                  <th scope="col">Payout / cap</th>
                  <th scope="col">Coverage ends</th>
                  <th scope="col">Payment tx</th>
                  <th scope="col">Claim</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((po) => (
                  <tr key={po.id} data-policy-id={po.id}>
                    <td>
                      {po.instId ?? po.okxMeta?.instId ?? '—'}
                      <br />
                      <span className="muted">
                        created <Time value={po.createdAt} />
                      </span>
                    </td>
                    <td>
                      <StatusBadge status={po.status} title={explainPolicyStatus(po.status)} />
                      <div className="muted">{explainPolicyStatus(po.status)}</div>
                    </td>
                    <td>{showUsdcDecimal(po.premiumUsdc)}</td>
                    <td>
                      {showUsdcDecimal(po.payoutFixedUsdc)} / {showUsdcDecimal(po.payoutCapUsdc)}
                    </td>
                    <td>
                      {po.coverageEndAt ? (
                        <>
                          <Time value={po.coverageEndAt} /> (<Countdown to={po.coverageEndAt} expired="ended" />)
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <Hex value={po.payTxHash} />
                    </td>
                    <td>
                      {claimed[po.id] ? (
                        <span role="status">Claim filed: {claimed[po.id]!.status}</span>
                      ) : policyIsClaimable(po.status) ? (
                        <button type="button" onClick={() => void claim(po)}>
                          Claim
                        </button>
                      ) : (
                        '—'
                      )}
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
