// Readers for single-letter stream payloads: tolerant of absent keys, strict about kinds.
// Mapping runs once per upstream message, so a value that is not what the reference says becomes null (or the
// message is skipped) instead of failing a field for every subscriber.
import type { StreamPayload } from '../../exchange/stream.ts';
import { time } from '../scalars.ts';

/** A string value, or null when absent / not a string. */
export function text(data: StreamPayload, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

/** A required string: the message is unusable without it (symbol, order id …). */
export function requiredText(data: StreamPayload, key: string): string {
  const value = text(data, key);
  if (value === null) throw new TypeError(`payload key ${key} is missing or not a string`);
  return value;
}

/** Decimal strings pass through as the exchange printed them (never via floats). */
export function decimal(data: StreamPayload, key: string): string | null {
  const value = data[key];
  if (typeof value === 'string') return value;
  // Some documented samples show bare JSON numbers; only exact integers survive without a float round trip.
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

/** Ids are opaque strings; numbers (trade ids, position ids) are converted, big RFQ ids already arrive as strings. */
export function id(data: StreamPayload, key: string): string | null {
  const value = data[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

export function integer(data: StreamPayload, key: string): number | null {
  const value = data[key];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  return typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : null;
}

export function flag(data: StreamPayload, key: string): boolean | null {
  const value = data[key];
  return typeof value === 'boolean' ? value : null;
}

/** `E` / `T`: integer microseconds (JSON numbers, sometimes strings) → ISO-8601 with the µs digits. */
export function micros(data: StreamPayload, key: string): string | null {
  const value = data[key];
  return typeof value === 'number' || typeof value === 'string' ? time.fromMicros(value) : null;
}

/** markPrice `n`, RFQ `w` / `W`: integer milliseconds. */
export function millis(data: StreamPayload, key: string): string | null {
  const value = data[key];
  return typeof value === 'number' || typeof value === 'string' ? time.fromMillis(value) : null;
}

/** kline `t` / `T`: naive UTC ISO strings. */
export function naive(data: StreamPayload, key: string): string | null {
  const value = text(data, key);
  return value === null ? null : time.fromNaive(value);
}

/** `[price, size][]` levels; anything else is an empty side. */
export function levels(data: StreamPayload, key: string): readonly (readonly [string, string])[] {
  const value = data[key];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (level): level is [string, string] =>
      Array.isArray(level) && typeof level[0] === 'string' && typeof level[1] === 'string',
  );
}

/** `PRICE_BAND` (WS) → the REST spelling `PriceBand` when it is one of `values`; otherwise the raw text. */
export function fromScreamingSnake<T extends string>(values: readonly T[], raw: string | null): string | null {
  if (raw === null) return null;
  const folded = raw.replace(/_/g, '').toLowerCase();
  return values.find((value) => value.toLowerCase() === folded) ?? raw;
}
