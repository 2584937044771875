/** Query parameters as the client takes them: undefined values are left out. */
export type OkxQuery = Readonly<Record<string, string | number | undefined>>;

/**
 * The query string exactly as it goes on the wire and into the signature: parameters in the
 * order given, values percent-encoded except the comma OKX uses for lists (`instId=A,B`).
 * Signing and sending the same string is what makes the signature hold.
 */
export function buildQueryString(query: OkxQuery = {}): string {
  return definedEntries(query)
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join('&');
}

/** The parameters that are sent, as strings, in order (for raw capture). */
export function definedEntries(query: OkxQuery = {}): [string, string][] {
  return Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => [name, String(value)]);
}

/** `/api/v5/trade/order` + `{ instId, ordId }` → `/api/v5/trade/order?instId=…&ordId=…`. */
export function requestPathOf(path: string, query: OkxQuery = {}): string {
  const qs = buildQueryString(query);
  return qs ? `${path}?${qs}` : path;
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}
