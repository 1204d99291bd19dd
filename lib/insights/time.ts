export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** "Trailing 12 months" is the last 365 days: simple, and the same length every year. */
export const YEAR_MS = 365 * DAY_MS;

/** Whole days from `from` to `to` (floored), e.g. 58 for 58.9 days. */
export function wholeDays(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

export function median(sortedAscending: ArrayLike<number>): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const mid = n >> 1;
  const upper = sortedAscending[mid] as number;
  return n % 2 === 1 ? upper : ((sortedAscending[mid - 1] as number) + upper) / 2;
}
