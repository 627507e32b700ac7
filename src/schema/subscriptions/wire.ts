// Readers for single-letter stream payloads: tolerant of absent keys, strict about kinds.
// Mapping runs once per upstream message, so a value that is not what the reference says becomes null (or the
// message is skipped) instead of failing a field for every subscriber.
import type { StreamPayload } from '../../exchange/stream.ts';
import { decodeDecimal, decodeId, decodeTimestamp, UNDECODABLE, type Decoded } from '../wire/decode.ts';

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

/** Decimals as strings or numbers, kept as the exchange printed them (never via floats). */
export function decimal(data: StreamPayload, key: string): string | null {
  return decodedOrText(data[key], decodeDecimal);
}

/** Ids are opaque strings; numbers (trade ids, position ids) are converted, big ids already arrive as strings. */
export function id(data: StreamPayload, key: string): string | null {
  return decodedOrText(data[key], decodeId);
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

/**
 * Any timestamp key (`E`/`T` µs, markPrice `n` and RFQ `w`/`W` ms, kline `t`/`T` naive) → ISO-8601 via the one
 * decoder. An undecodable value is kept as text so the field's decoder reports it (warning) and answers null.
 */
export function timestamp(data: StreamPayload, key: string): string | null {
  return decodedOrText(data[key], decodeTimestamp);
}

function decodedOrText(value: unknown, decode: (value: unknown) => Decoded<string>): string | null {
  const decoded = decode(value);
  return decoded === UNDECODABLE ? String(value) : decoded;
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
