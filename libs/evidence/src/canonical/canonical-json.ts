/**
 * RFC 8785 (JSON Canonicalization Scheme). Written here rather than imported because the
 * `canonicalize` package is ESM-only and the evidence CLI must run as plain CommonJS; the spec
 * cross-checks this against that package and RFC 8785's own examples.
 *
 * JCS is defined in terms of ECMAScript: numbers as `Number.prototype.toString`, strings as
 * `JSON.stringify` escapes them, object keys sorted by UTF-16 code units (JS's default sort).
 */
export function canonicalJson(value: unknown): string {
  // Concatenation in loops rather than map/filter/join: this runs over every raw OKX answer of
  // every claim, and the intermediate arrays were most of its cost.
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('RFC 8785 has no form for NaN or Infinity');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const entry: unknown = value[i];
          out += (i === 0 ? '' : ',') + (entry === undefined ? 'null' : canonicalJson(entry));
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      if (typeof (record as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((record as { toJSON: () => unknown }).toJSON());
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const entry = record[key];
        if (entry === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(entry)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`RFC 8785 cannot serialise a ${typeof value}`);
  }
}
