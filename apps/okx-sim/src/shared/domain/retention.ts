/** OKX's retention windows (OKX.md, "retention"); "3 months" is taken as 90 days. */
export const DAY_MS = 86_400_000;
export const RETENTION = {
  fills: 3 * DAY_MS,
  ordersHistory: 7 * DAY_MS,
  bills: 7 * DAY_MS,
  archive: 90 * DAY_MS,
  /** A fully closed position's posId is given again to a new position within this time. */
  posIdReuse: 30 * DAY_MS,
} as const;
