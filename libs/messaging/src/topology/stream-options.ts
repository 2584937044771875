/** Stream settings a service may tune; production grows `replicas` to 3 (ARCHITECTURE.md). */
export interface StreamOptions {
  /** How long events stay in the stream: long enough for a consumer down for a weekend. */
  readonly maxAgeMs: number;
  /**
   * JetStream drops a re-publish with the same Nats-Msg-Id within this window. It covers a relay
   * that died between publish and mark and restarted; later duplicates are caught by the inbox.
   */
  readonly duplicateWindowMs: number;
  readonly replicas: number;
  readonly storage: 'file' | 'memory';
}

export const DEFAULT_STREAM_OPTIONS: StreamOptions = {
  maxAgeMs: 14 * 24 * 3600_000,
  duplicateWindowMs: 10 * 60_000,
  replicas: 1,
  storage: 'file',
};
