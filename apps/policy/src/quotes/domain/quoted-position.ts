/** The OKX position a quote priced: okx-binding later checks the bound order against it. */
export interface QuotedPosition {
  readonly posId: string;
  readonly posSide: 'long' | 'short' | 'net';
  readonly mgnMode: 'cross' | 'isolated';
  readonly lever: string;
}
