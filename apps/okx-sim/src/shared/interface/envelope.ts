/** OKX's success envelope: `data` is always an array. */
export interface OkxEnvelope<T> {
  readonly code: '0';
  readonly msg: '';
  readonly data: readonly T[];
}

export function ok<T>(data: readonly T[]): OkxEnvelope<T> {
  return { code: '0', msg: '', data };
}
