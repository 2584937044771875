/**
 * RFC 8785 (JSON Canonicalization Scheme). Written here rather than imported because the
 * `canonicalize` package is ESM-only and the evidence CLI must run as plain CommonJS; the spec
 * cross-checks this against that package and RFC 8785's own examples.
 *
 * JCS is defined in terms of ECMAScript: numbers as `Number.prototype.toString`, strings as
 * `JSON.stringify` escapes them, object keys sorted by UTF-16 code units (JS's `<`).
 */
export function canonicalJson(value: unknown): string {
  return canonicalJsonBytes(value).toString('utf8');
}

/**
 * The UTF-8 bytes of `canonicalJson(value)`, written straight into a reused buffer: what an
 * evidence leaf hashes. A claim's leaves went through ~75 kB of intermediate strings and key
 * arrays built by concatenation, a fifth of everything the verifier allocated in a claim storm.
 * The bytes are a view of that buffer, valid until the next call: hash or copy them at once.
 */
export function canonicalJsonBytes(value: unknown): Buffer {
  // A toJSON that canonicalises something itself would write into the buffer being written.
  const writer = shared.busy ? new CanonicalWriter() : shared;
  writer.busy = true;
  try {
    writer.at = 0;
    writer.value(value);
    return writer.buffer.subarray(0, writer.at);
  } finally {
    writer.busy = false;
  }
}

/** A string that JSON.stringify leaves as it is, and that is one byte per character in UTF-8. */
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const QUOTE = 0x22;

class CanonicalWriter {
  buffer = Buffer.allocUnsafe(16 * 1024);
  at = 0;
  busy = false;

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        return this.string(value);
      case 'boolean':
        return this.ascii(value ? 'true' : 'false');
      case 'number':
        if (!Number.isFinite(value)) throw new TypeError('RFC 8785 has no form for NaN or Infinity');
        return this.ascii(String(value)); // Number::toString, as JSON.stringify writes it (-0 as 0)
      case 'object':
        if (value === null) return this.ascii('null');
        if (Array.isArray(value)) return this.array(value);
        if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return this.value((value as { toJSON: () => unknown }).toJSON());
        return this.object(value as Record<string, unknown>);
      default:
        throw new TypeError(`RFC 8785 cannot serialise a ${typeof value}`);
    }
  }

  private array(entries: readonly unknown[]): void {
    this.byte(0x5b); // [
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) this.byte(0x2c); // ,
      const entry = entries[i];
      if (entry === undefined) this.ascii('null');
      else this.value(entry);
    }
    this.byte(0x5d); // ]
  }

  private object(record: Record<string, unknown>): void {
    const keys = sortedInPlace(Object.keys(record));
    this.byte(0x7b); // {
    let first = true;
    for (const key of keys) {
      const entry = record[key];
      if (entry === undefined) continue;
      if (!first) this.byte(0x2c);
      first = false;
      this.string(key);
      this.byte(0x3a); // :
      this.value(entry);
    }
    this.byte(0x7d); // }
  }

  private string(text: string): void {
    if (PLAIN_ASCII.test(text)) {
      this.room(text.length + 2);
      this.buffer[this.at++] = QUOTE;
      this.latin1(text);
      this.buffer[this.at++] = QUOTE;
      return;
    }
    // Escapes (and lone surrogates as \uXXXX) exactly as JCS asks; at most 3 UTF-8 bytes a code unit.
    const escaped = JSON.stringify(text);
    this.room(escaped.length * 3);
    this.at += this.buffer.write(escaped, this.at, 'utf8');
  }

  private ascii(text: string): void {
    this.room(text.length);
    this.latin1(text);
  }

  /** One byte per character (room made by the caller); short strings — most keys and values — by hand, past Buffer#write's argument checks. */
  private latin1(text: string): void {
    if (text.length > 64) {
      this.at += this.buffer.write(text, this.at, 'latin1');
      return;
    }
    const { buffer } = this;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  private byte(code: number): void {
    this.room(1);
    this.buffer[this.at++] = code;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
  }
}

const shared = new CanonicalWriter();

/** Insertion sort by UTF-16 code units, in place: an object has tens of keys, and Array#sort copies them into a work array first. */
function sortedInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
