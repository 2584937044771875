import { Hex } from '../ui/bits';
import type { RootCheck } from './evidence-root';

/** The verifier's normalized summary (kind, time, size, price, pnl…) as a definition list. */
export function EvidenceSummary({ summary }: { summary: Record<string, unknown> | null | undefined }) {
  if (!summary) return <p className="empty">No summary.</p>;
  return (
    <dl className="summary" aria-label="Evidence summary">
      {Object.entries(summary).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** ✓ when the root recomputed in this browser equals the sealed one, ✗ with the problems otherwise. */
export function RootCheckMark({ check, sealedRoot }: { check: RootCheck; sealedRoot: string | null | undefined }) {
  return (
    <div className={check.ok ? 'root-ok' : 'root-bad'} data-testid="root-check" data-ok={check.ok}>
      <p>
        <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span> Evidence root recomputed in this browser{' '}
        {check.ok ? 'matches the sealed root' : 'does NOT match'}: <Hex value={check.recomputedRoot} />
        {check.ok ? null : (
          <>
            {' '}
            (sealed <Hex value={sealedRoot} />)
          </>
        )}
      </p>
      {check.problems.length ? (
        <ul>
          {check.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
