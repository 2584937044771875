/**
 * RFC 8785 (JSON Canonicalization Scheme) for the evidence items, written here because
 * libs/evidence is node-only. ECMAScript's JSON.stringify already gives RFC 8785's string
 * escaping and number form; JCS adds: object keys sorted by UTF-16 code units, no whitespace,
 * and refusing values JSON cannot carry (non-finite numbers, undefined, functions).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Error('RFC 8785 cannot encode a non-finite number');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      return `{${Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort(compareUtf16)
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
        .join(',')}}`;
    default:
      throw new Error(`RFC 8785 cannot encode a ${typeof value}`);
  }
}

/** Code-unit order (what Array#sort does by default, spelled out so nobody "fixes" it with localeCompare). */
function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
