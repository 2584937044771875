import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id follows one request from the HTTP edge through NATS headers into every
 * service. It lives in AsyncLocalStorage so that log lines and published events pick it up
 * without it being threaded through every call.
 */
export const CORRELATION_HEADER = 'x-correlation-id';
/** NATS header carrying the correlation id between services. */
export const NATS_CORRELATION_HEADER = 'Correlation-Id';

interface CorrelationContext {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function withCorrelationId<T>(correlationId: string | undefined, work: () => T): T {
  return storage.run({ correlationId: correlationId ?? newCorrelationId() }, work);
}

/** Enter a correlation context for the rest of the current async flow (used by HTTP hooks). */
export function enterCorrelation(correlationId: string | undefined): string {
  const id = correlationId && isAcceptableId(correlationId) ? correlationId : newCorrelationId();
  storage.enterWith({ correlationId: id });
  return id;
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Incoming ids are echoed into logs and headers: accept only short, printable tokens. */
function isAcceptableId(value: string): boolean {
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value);
}
