/**
 * The web app's one HTTP client: every call goes to the gateway under /api (Vite's proxy in
 * development, the same path layout in production). Failures become `ApiError` carrying the
 * gateway's error body `{ error, message, traceId }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly traceId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let bearer: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The session token sent with every call (set by the session, cleared on sign-out). */
export function setBearerToken(token: string | null): void {
  bearer = token;
}

/** Called when the gateway answers 401 to a signed-in call, so the session can end cleanly. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The gateway is not answering.');
  }
  const text = await response.text();
  const parsed = text ? safeJson(text) : null;
  if (!response.ok) {
    const err = (parsed ?? {}) as { error?: string; message?: string; traceId?: string };
    if (response.status === 401 && bearer && onUnauthorized) onUnauthorized();
    throw new ApiError(response.status, err.error ?? `HTTP_${response.status}`, err.message ?? response.statusText, err.traceId);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
};

/** Kept for the status panel: the status code matters there (503 still carries a report). */
export async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as T };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: 'BAD_RESPONSE', message: text.slice(0, 200) };
  }
}

/** A query string from defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '') as [string, string | number][];
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
