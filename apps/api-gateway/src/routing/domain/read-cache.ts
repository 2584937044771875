/**
 * Answers of cacheable reads (GET /claims, GET /claims/:id), kept per caller and input until the
 * owning service changes anything. Each service (a scope) has a generation; every event the
 * service publishes — each state change is written with its outbox event — and every mutation
 * forwarded to it through this gateway moves the generation on, and an answer is served only
 * while its generation is current. An answer is stored only if no change was seen between
 * sending the request and receiving the reply, so a reply that raced an event is never kept.
 * The TTL bounds staleness should an event be lost; it is not what keeps answers fresh.
 */
export class ReadCache {
  /** Generations are stamps of one clock: a scope's last change, or the last clear if later. */
  private clock = 0;
  private cleared = 0;
  private readonly changed = new Map<string, number>();
  /** Insertion order is recency: a hit moves its entry to the end, the first entry is evicted. */
  private readonly entries = new Map<string, { generation: number; expiresAt: number; value: unknown; bytes: number }>();
  private bytes = 0;
  private live = false;

  /**
   * `maxBytes` bounds the answers held, weighed by their JSON length (the heap holds a few times
   * that): the gateway runs with a capped old generation (SERVICE_NODE_FLAGS).
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0 && this.live;
  }

  /** Serve from the cache only while changes can be heard (see ReadCacheInvalidation). */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  /** What a request reads before it is sent: store its reply only if the generation still is this. */
  generation(scope: string): number {
    return Math.max(this.changed.get(scope) ?? 0, this.cleared);
  }

  get(scope: string, key: string): unknown {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.remove(key);
    if (entry.generation !== this.generation(scope) || entry.expiresAt <= this.now()) return undefined;
    this.insert(key, entry);
    return entry.value;
  }

  /** `bytes`: the answer's size as sent (its JSON length). An answer larger than the whole cache is not kept. */
  set(scope: string, key: string, generationAtRequest: number, value: unknown, bytes: number): void {
    if (!this.enabled || generationAtRequest !== this.generation(scope) || bytes > this.maxBytes) return;
    this.remove(key);
    this.insert(key, { generation: generationAtRequest, expiresAt: this.now() + this.ttlMs, value, bytes });
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** The service changed something: none of its answers held now may be served. */
  invalidate(scope: string): void {
    this.changed.set(scope, ++this.clock);
  }

  /** Every scope at once (a lost connection, a slow consumer: changes may have gone unheard). */
  clear(): void {
    this.cleared = ++this.clock;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private insert(key: string, entry: { generation: number; expiresAt: number; value: unknown; bytes: number }): void {
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** A cached answer belongs to one caller and one validated input. */
export function readCacheKey(routeId: string, callerKey: string, input: { params?: unknown; query?: unknown }): string {
  return `${routeId}\n${callerKey}\n${JSON.stringify(input.params ?? {})}\n${JSON.stringify(input.query ?? {})}`;
}
