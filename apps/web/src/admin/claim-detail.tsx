import { useState, type ChangeEvent } from 'react';
import { api } from '../gateway-client';
import type { AdminClaimDetail, Claim, EvidenceBundle } from '../lib/api-types';
import { explainReason } from '../lib/reason-codes';
import { explainClaimStatus } from '../lib/statuses';
import { showUsdcDecimal } from '../lib/usdc';
import { checkEvidenceRoot } from '../evidence/evidence-root';
import { EvidenceSummary, RootCheckMark } from '../evidence/evidence-view';
import { hasRole, useSession } from '../session/session-context';
import { ErrorNote, Hex, StatusBadge, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';

/**
 * One claim for review: policy, evidence (summary and raw), the evidence root recomputed in this
 * browser, fraud signals, history; approve or reject with a reason.
 */
export function ClaimDetailPage({ id }: { id: string }) {
  const { session } = useSession();
  const state = useAsync(() => api.get<AdminClaimDetail>(`/admin/claims/${id}`), id);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const act = async (kind: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      await api.post<Claim>(`/admin/claims/${id}/${kind}`, kind === 'reject' ? { reason } : {});
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (state.error && !state.data) return <ErrorNote error={state.error} />;
  if (!state.data) return <p aria-busy="true">Loading the claim…</p>;
  const { claim, policy, evidence, rootCheck, fraudSignals, history } = state.data;
  const canReview = hasRole(session, 'reviewer') && claim.status === 'VERIFIED_PENDING_REVIEW';

  return (
    <section aria-labelledby="claim-title" className="card">
      <h2 id="claim-title">
        Claim <Hex value={claim.id} /> <StatusBadge status={claim.status} />
      </h2>
      <p>{explainClaimStatus(claim.status)}</p>
      {claim.reasonCode ? (
        <p>
          <strong>{claim.reasonCode}</strong>: {explainReason(claim.reasonCode)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Payout</dt>
        <dd>
          {showUsdcDecimal(claim.payoutAmountUsdc)} (cap {showUsdcDecimal(claim.payoutCapUsdc)})
        </dd>
        <dt>Liquidation</dt>
        <dd>
          {claim.liquidationKind ?? '—'} <Time value={claim.liquidationTimeMs} />
        </dd>
        <dt>Evidence root (sealed)</dt>
        <dd>
          <Hex value={claim.evidenceRoot} />
        </dd>
        <dt>Approved by</dt>
        <dd>
          <Hex value={claim.approvedBy} />
        </dd>
      </dl>

      <h3>Evidence</h3>
      {evidence ? <EvidencePanel id={id} evidence={evidence} sealedRoot={claim.evidenceRoot} rootCheck={rootCheck} /> : <p className="empty">No sealed evidence yet.</p>}

      <h3>Fraud signals</h3>
      {Array.isArray(fraudSignals) && fraudSignals.length === 0 ? <p className="empty">None.</p> : <pre>{JSON.stringify(fraudSignals ?? null, null, 2)}</pre>}

      <h3>Policy</h3>
      {policy ? <pre>{JSON.stringify(policy, null, 2)}</pre> : <p className="empty">Unknown policy.</p>}

      <h3>History</h3>
      <ol>
        {history.map((h, i) => (
          <li key={i}>
            {h.from ?? '∅'} → {h.to} by <Hex value={h.actor} /> <Time value={h.at ?? h.created_at} />
            {h.reason ? ` — ${h.reason}` : ''}
          </li>
        ))}
      </ol>

      {canReview ? (
        <div className="review">
          <button type="button" onClick={() => void act('approve')} disabled={busy}>
            Approve
          </button>
          <label>
            Reason for rejecting
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <button type="button" onClick={() => void act('reject')} disabled={busy || !reason.trim()}>
            Reject
          </button>
        </div>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

/**
 * The evidence: the summary, and for a reviewer the sealed bundle itself (GET
 * /admin/claims/:id/evidence, raw OKX bodies and leaves) with its root recomputed here and marked
 * ✓/✗ against the root sealed on the claim. Any admin can also check a bundle file (say, the one
 * the trader downloaded). Without either, the verifier service's own check is shown, as its word.
 */
function EvidencePanel({ id, evidence, sealedRoot, rootCheck }: { id: string; evidence: NonNullable<AdminClaimDetail['evidence']>; sealedRoot: string | null; rootCheck: AdminClaimDetail['rootCheck'] }) {
  const { session } = useSession();
  const reviewer = hasRole(session, 'reviewer');
  const sealed = useAsync(() => (reviewer ? api.get<EvidenceBundle>(`/admin/claims/${id}/evidence`) : Promise.resolve(null)), `${id}:${reviewer}`);
  const [fileBundle, setFileBundle] = useState<EvidenceBundle | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const bundle = fileBundle ?? sealed.data;

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileError(null);
    try {
      const parsed = JSON.parse(await file.text()) as EvidenceBundle;
      if (!Array.isArray(parsed?.items)) throw new Error('This file is not an evidence bundle (no items).');
      setFileBundle(parsed);
    } catch (err) {
      setFileError(err);
    }
  };

  return (
    <>
      <EvidenceSummary summary={evidence.summary} />
      {bundle ? (
        <>
          <p className="muted">{fileBundle ? `Checking the file ${fileBundle.claimId === id ? 'for this claim' : `for claim ${fileBundle.claimId}`}.` : 'Checking the sealed bundle as stored by the verifier.'}</p>
          <RootCheckMark check={checkEvidenceRoot(bundle)} sealedRoot={bundle.root} />
          {sealedRoot && bundle.root?.toLowerCase() !== sealedRoot.toLowerCase() ? <p role="alert">✗ This bundle is sealed with a different root than the claim ({sealedRoot}).</p> : null}
        </>
      ) : sealed.loading && reviewer ? (
        <p aria-busy="true">Loading the sealed bundle…</p>
      ) : (
        <p className="muted">
          {reviewer ? null : 'The raw OKX bodies are shown to reviewers only. '}The verifier service reports:{' '}
          {rootCheck ? (rootCheck.ok ? '✓ root and signature check out' : `✗ ${rootCheck.problems.join('; ')}`) : 'no check'}.
        </p>
      )}
      <ErrorNote error={sealed.error ?? fileError} />
      <label>
        Recompute from a sealed bundle file{' '}
        <input type="file" accept="application/json,.json" onChange={(e) => void readFile(e)} />
      </label>
      <details>
        <summary>Raw OKX responses ({(bundle?.items ?? evidence.items).length})</summary>
        <ol>
          {(bundle?.items ?? evidence.items).map((item, i) => (
            <li key={i}>
              <code>{item.name}</code> — HTTP {item.status} — <Time value={item.fetchedAt} />
              {'body' in item ? <pre>{JSON.stringify(item.body, null, 2)}</pre> : null}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
