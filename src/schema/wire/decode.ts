// The one decoder for wire values the exchange sends in more than one form: timestamps, decimals and ids.
//
// Every `Timestamp`, `Decimal` and `ID` field goes through it (./decodePlugin.ts), as do stream payloads
// (../subscriptions/wire.ts). A resolver returns the wire value as it arrived; the decoder picks the form.

/**
 * Rewrites `1.5e-7` as `0.00000015` by moving the decimal point in the digit string (no floats involved).
 * The exchange sends plain strings; this only guards output against an upstream that switches notation.
 */
export function expandExponent(value: string): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(value);
  if (!match) return null;
  const [, sign = '', intPart = '', fracPart = '', expText = '0'] = match;
  const exponent = Number(expText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  const digits = intPart + fracPart;
  const point = intPart.length + exponent;
  let whole: string;
  let frac: string;
  if (point <= 0) {
    whole = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    whole = digits.slice(0, point);
    frac = digits.slice(point);
  }
  whole = whole.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}

/** A value none of the known forms matches (the field becomes null and one warning is logged). */
export const UNDECODABLE: unique symbol = Symbol('undecodable');
export type Decoded<T> = T | null | typeof UNDECODABLE;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d{1,21}$/;
// Date, time (seconds optional), fraction up to nanoseconds, zone optional (naive values are UTC).
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

// Epoch integers by magnitude: below 10^14 milliseconds (until year 5138), then microseconds, then nanoseconds.
const MICROS_FROM = 10n ** 14n;
const NANOS_FROM = 10n ** 17n;
const NANOS_UNTIL = 10n ** 20n;

function isoFromEpoch(epoch: bigint): Decoded<string> {
  const magnitude = epoch < 0n ? -epoch : epoch;
  if (magnitude >= NANOS_UNTIL) return UNDECODABLE;
  // Sub-millisecond digits are kept: 3 for microseconds, 6 for nanoseconds.
  const [perMilli, digits] =
    magnitude >= NANOS_FROM ? [1_000_000n, 6] : magnitude >= MICROS_FROM ? [1000n, 3] : [1n, 0];
  const rest = ((epoch % perMilli) + perMilli) % perMilli;
  const date = new Date(Number((epoch - rest) / perMilli));
  if (Number.isNaN(date.getTime())) return UNDECODABLE;
  const extra = digits === 0 ? '' : rest.toString().padStart(digits, '0');
  return date.toISOString().replace('Z', `${extra}Z`);
}

function isoFromText(value: string): Decoded<string> {
  const match = DATE_TIME.exec(value);
  if (!match) return UNDECODABLE;
  const [, day = '', minutes = '', seconds = ':00', fraction, zone] = match;
  const millis = (fraction ?? '').padEnd(3, '0').slice(0, 3);
  const ms = Date.parse(`${day}T${minutes}${seconds}.${millis}${zone ?? 'Z'}`);
  if (Number.isNaN(ms)) return UNDECODABLE;
  // UTC already (zone `Z` or none): keep the exchange's own digits; an offset is converted to UTC.
  if (zone === undefined || zone === 'Z') return `${day}T${minutes}${seconds}${fraction ? `.${fraction}` : ''}Z`;
  const extra = (fraction ?? '').slice(3);
  return new Date(ms).toISOString().replace('Z', `${extra}Z`);
}

/**
 * Any timestamp form the exchange uses → ISO-8601 UTC: epoch ms / µs / ns as a number, bigint or digit string;
 * ISO-8601 with or without a zone; naive `YYYY-MM-DD HH:MM:SS[.ffffff]` (UTC). Absent or empty → null.
 */
export function decodeTimestamp(value: unknown): Decoded<string> {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNDECODABLE : value.toISOString();
  if (typeof value === 'bigint') return isoFromEpoch(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) ? isoFromEpoch(BigInt(value)) : UNDECODABLE;
  if (typeof value !== 'string') return UNDECODABLE;
  const text = value.trim();
  return INTEGER.test(text) ? isoFromEpoch(BigInt(text)) : isoFromText(text);
}

/** A decimal as a string or a number → its exact plain-notation text (numbers keep the text they were sent as). */
export function decodeDecimal(value: unknown): Decoded<string> {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'bigint') return value.toString();
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return UNDECODABLE;
  if (DECIMAL.test(text)) return text;
  return expandExponent(text) ?? UNDECODABLE;
}

/** An id as a string or a number → a string; a number beyond 2^53 has already lost digits, so it is refused. */
export function decodeId(value: unknown): Decoded<string> {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return UNDECODABLE;
}
