import { OkxError } from './okx-error';

/** A parsed query string; Fastify turns repeated keys into arrays. */
export type RawQuery = Readonly<Record<string, unknown>>;

/** OKX treats an empty parameter as absent, so `?instId=` means "no filter". */
export function optionalString(query: RawQuery, name: string): string | undefined {
  const value = Array.isArray(query[name]) ? (query[name] as unknown[])[0] : query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A missing required parameter is OKX's 50014 (HTTP 400). */
export function requiredString(query: RawQuery, name: string): string {
  const value = optionalString(query, name);
  if (value === undefined) throw new OkxError('50014', name);
  return value;
}

export function optionalEnum<T extends string>(query: RawQuery, name: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(query, name);
  if (value !== undefined && !allowed.includes(value as T)) throw new OkxError('51000', name);
  return value as T | undefined;
}

/** `limit` defaults to, and may not exceed, the endpoint's maximum (100 for most lists). */
export function limitParam(query: RawQuery, max = 100): number {
  const value = optionalString(query, 'limit');
  if (value === undefined) return max;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new OkxError('51000', 'limit');
  return Number(value);
}

/** Cursors (ids or ms timestamps) are unsigned integers; anything else is a parameter error. */
export function cursorParam(query: RawQuery, name: string): bigint | undefined {
  const value = optionalString(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,30}$/.test(value)) throw new OkxError('51000', name);
  return BigInt(value);
}

/** `begin`/`end` in Unix milliseconds. */
export function msParam(query: RawQuery, name: string): number | undefined {
  const value = optionalString(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) throw new OkxError('51000', name);
  return Number(value);
}

/** Comma-separated list parameter with OKX's cap on the number of entries. */
export function listParam(query: RawQuery, name: string, maxEntries: number): string[] | undefined {
  const value = optionalString(query, name);
  if (value === undefined) return undefined;
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0 || entries.length > maxEntries) throw new OkxError('51000', name);
  return entries;
}
