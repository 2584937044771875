import { useState } from 'react';
import { api } from '../gateway-client';
import type { Claim, EvidenceBundle, Page } from '../lib/api-types';
import { explainReason } from '../lib/reason-codes';
import { claimIsMoving, explainClaimStatus } from '../lib/statuses';
import { showUsdcDecimal } from '../lib/usdc';
import { checkEvidenceRoot } from '../evidence/evidence-root';
import { ErrorNote, Hex, Loadable, StatusBadge, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import { EvidenceSummary, RootCheckMark } from '../evidence/evidence-view';
import { downloadJson } from '../evidence/download';

/** My claims: live status (polled while any is verifying), reason in words, evidence and its download. */
export function MyClaimsPage() {
  const state = useAsync(() => api.get<Page<Claim>>('/claims'), 'claims', 3000);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="claims-title" className="card">
      <h2 id="claims-title">My claims</h2>
      <Loadable state={state} empty="No claims. If an insured position is liquidated, press Claim under My policies." isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <ul className="claims">
            {data.items.map((c) => (
              <li key={c.id} data-claim-id={c.id} aria-busy={claimIsMoving(c.status)}>
                <StatusBadge status={c.status} /> {explainClaimStatus(c.status)}
                {c.reasonCode ? <p>{explainReason(c.reasonCode)}</p> : null}
                {c.rejectedReason ? <p>Reviewer: {c.rejectedReason}</p> : null}
                <p className="muted">
                  Filed <Time value={c.createdAt} />; payout {showUsdcDecimal(c.payoutAmountUsdc)}
                  {c.liquidationTimeMs ? (
                    <>
                      ; liquidated <Time value={c.liquidationTimeMs} /> ({c.liquidationKind})
                    </>
                  ) : null}
                  {c.multisigTxHash ? (
                    <>
                      ; paid in <Hex value={c.multisigTxHash} /> <Time value={c.paidAt} />
                    </>
                  ) : null}
                </p>
                {c.evidenceRoot ? (
                  <button type="button" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                    {open === c.id ? 'Hide evidence' : 'Evidence'}
                  </button>
                ) : null}
                {open === c.id ? <ClaimEvidence claimId={c.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </section>
  );
}

function ClaimEvidence({ claimId }: { claimId: string }) {
  const state = useAsync(() => api.get<EvidenceBundle>(`/claims/${claimId}/evidence`), claimId);
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <p aria-busy="true">Loading evidence…</p>;
  const bundle = state.data;
  return (
    <div className="evidence">
      <EvidenceSummary summary={bundle.summary} />
      <RootCheckMark check={checkEvidenceRoot(bundle)} sealedRoot={bundle.root} />
      <button type="button" onClick={() => downloadJson(`liqpass-evidence-${claimId}.json`, bundle)}>
        Download sealed bundle (JSON)
      </button>
    </div>
  );
}
