/** Query parameters as the client takes them: undefined values are left out. */
export type OkxQuery = Readonly<Record<string, string | number | undefined>>;

/** A query as it goes out: the request path (signed and sent) and the parameters sent, as strings, in order. */
export interface EncodedQuery {
  readonly requestPath: string;
  readonly sent: Record<string, string>;
}

/**
 * The query string exactly as it goes on the wire and into the signature: parameters in the
 * order given, values percent-encoded except the comma OKX uses for lists (`instId=A,B`).
 * Signing and sending the same string is what makes the signature hold. One pass, as every
 * OKX read builds one.
 */
export function encodeQuery(path: string, query: OkxQuery = {}): EncodedQuery {
  const sent: Record<string, string> = {};
  let qs = '';
  for (const name in query) {
    if (!Object.hasOwn(query, name)) continue;
    const raw = query[name];
    if (raw === undefined) continue;
    const value = String(raw);
    sent[name] = value;
    qs += `${qs === '' ? '' : '&'}${encode(name)}=${encode(value)}`;
  }
  return { requestPath: qs === '' ? path : `${path}?${qs}`, sent };
}

export function buildQueryString(query: OkxQuery = {}): string {
  const { requestPath } = encodeQuery('', query);
  return requestPath === '' ? '' : requestPath.slice(1);
}

/** The parameters that are sent, as strings, in order (for raw capture). */
export function definedEntries(query: OkxQuery = {}): [string, string][] {
  return Object.entries(encodeQuery('', query).sent);
}

/** `/api/v5/trade/order` + `{ instId, ordId }` → `/api/v5/trade/order?instId=…&ordId=…`. */
export function requestPathOf(path: string, query: OkxQuery = {}): string {
  return encodeQuery(path, query).requestPath;
}

function encode(value: string): string {
  const encoded = encodeURIComponent(value);
  return value.includes(',') ? encoded.replace(/%2C/g, ',') : encoded;
}
