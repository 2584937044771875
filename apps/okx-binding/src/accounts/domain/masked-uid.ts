/** An OKX uid as LiqPass shows it back: enough to recognise, not enough to copy (`4470…9584`). */
export function maskUid(uid: string): string {
  if (uid.length <= 8) return `${uid.slice(0, 2)}…${uid.slice(-2)}`;
  return `${uid.slice(0, 4)}…${uid.slice(-4)}`;
}
