// Time encodings the products emit: naive UTC datetimes (history rows) and RFC 3339 (markets, vault history).

/** `2025-07-27T17:39:00.092`: UTC without zone, millisecond precision. */
export function naiveDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

/** `2025-07-27T17:39:00Z`-style timestamp with zone, for shapes typed "date-time". */
export function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_MS = 365 * DAY_MS;
