import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../gateway-client';
import { explainReason } from '../lib/reason-codes';
import { formatDuration, localTime, utcTime } from '../lib/time';
import type { AsyncState } from './use-async';

/** A time in the user's zone; the UTC instant on hover and for screen readers via title. */
export function Time({ value }: { value: string | number | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span>—</span>;
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()} title={utcTime(date)}>
      {localTime(date)}
    </time>
  );
}

/** Seconds left until `to`, ticking each second. */
export function Countdown({ to, expired = 'expired' }: { to: string | null | undefined; expired?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!to) return <span>—</span>;
  const left = (Date.parse(to) - now) / 1000;
  return <span title={utcTime(to)}>{left > 0 ? formatDuration(left) : expired}</span>;
}

/** An error as the user should read it: the reason code in words, the gateway's message, the trace id for support. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    const words = explainReason(error.code);
    return (
      <p role="alert" className="error">
        <strong>{error.code}</strong>: {words && words !== `Reason code ${error.code}.` ? `${words} ` : ''}
        <span className="muted">{error.message}</span>
        {error.traceId ? <span className="muted"> (trace {error.traceId})</span> : null}
      </p>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="error">
      {shortWalletError(message)}
    </p>
  );
}

/** ethers errors carry whole RPC payloads; the first sentence is what a person needs. */
function shortWalletError(message: string): string {
  const cut = message.indexOf(' (');
  return cut > 20 ? message.slice(0, cut) : message;
}

/** Loading, error, empty and data — every list in the app goes through this. */
export function Loadable<T>({ state, empty, isEmpty, children }: { state: AsyncState<T>; empty: ReactNode; isEmpty?: (data: T) => boolean; children: (data: T) => ReactNode }) {
  if (state.error && !state.data)
    return (
      <>
        <ErrorNote error={state.error} />
        <button type="button" onClick={state.reload}>
          Try again
        </button>
      </>
    );
  if (state.data === null) return <p aria-busy="true">Loading…</p>;
  if (isEmpty?.(state.data)) return <p className="empty">{empty}</p>;
  return (
    <>
      {state.error ? <ErrorNote error={state.error} /> : null}
      {children(state.data)}
    </>
  );
}

/** A shortened hash or address, the full value on hover and copyable. */
export function Hex({ value }: { value: string | null | undefined }) {
  if (!value) return <span>—</span>;
  return (
    <code title={value} className="hex">
      {value.length > 14 ? `${value.slice(0, 8)}…${value.slice(-6)}` : value}
    </code>
  );
}

/** A transaction hash: a link when a block explorer is known (not on the local chain). */
export function TxLink({ hash, explorer }: { hash: string | null | undefined; explorer?: string }) {
  if (!hash) return <span>—</span>;
  if (!explorer) return <Hex value={hash} />;
  return (
    <a href={`${explorer}/tx/${hash}`} target="_blank" rel="noreferrer">
      <Hex value={hash} />
    </a>
  );
}

export function StatusBadge({ status, title }: { status: string; title?: string }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} title={title} data-status={status}>
      {status}
    </span>
  );
}
