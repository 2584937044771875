/** OKX records as OKX sends them: every field a string (OKX.md "Envelopes and errors"). */
export type OkxRecord = Readonly<Record<string, string | undefined>>;

/** The raw `data` arrays the detection rule reads (the classify CLI's input file). */
export interface OkxResponses {
  readonly orders: readonly OkxRecord[];
  readonly positionsHistory: readonly OkxRecord[];
  readonly fills: readonly OkxRecord[];
  readonly bills: readonly OkxRecord[];
}

/** The bound position (okx_meta_json): what a liquidation must belong to. Unknown fields match anything. */
export interface InsuredPosition {
  readonly instId?: string | null;
  readonly posSide?: string | null;
  readonly mgnMode?: string | null;
  readonly posId?: string | null;
  /** Position creation time (ms, as OKX sends it): posIds are reused, posId + cTime is the identity. */
  readonly posCTime?: string | null;
}
