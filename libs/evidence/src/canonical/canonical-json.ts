/**
 * RFC 8785 (JSON Canonicalization Scheme). Written here rather than imported because the
 * `canonicalize` package is ESM-only and the evidence CLI must run as plain CommonJS; the spec
 * cross-checks this against that package and RFC 8785's own examples.
 *
 * JCS is defined in terms of ECMAScript: numbers as `Number.prototype.toString`, strings as
 * `JSON.stringify` escapes them, object keys sorted by UTF-16 code units (JS's default sort).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('RFC 8785 has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry === undefined ? null : entry)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof (record as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((record as { toJSON: () => unknown }).toJSON());
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`RFC 8785 cannot serialise a ${typeof value}`);
}
