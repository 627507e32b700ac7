// The gateway's custom scalars: `Decimal` (exact decimal strings) and `Timestamp` (ISO-8601 UTC), plus the time helpers.
//
// How to use (domain files):
//   t.field({ type: 'Decimal', resolve: (row) => row.price })            // pass the wire string through
//   t.field({ type: 'Timestamp', resolve: (row) => time.fromMillis(row.timestamp) })
//   t.arg({ type: 'Decimal', required: true })                           // arrives as the exact string
//   t.arg({ type: 'Timestamp' })                                         // arrives as epoch ms (number)
// The exchange uses five time encodings (listed below; naive strings have no zone and are UTC); convert with the
// matching `time.from*` helper:
//   ms → fromMillis · µs → fromMicros (keeps the µs digits) · s → fromSeconds
//   naive `2025-07-27T17:39:00.092` (UTC) → fromNaive · kline `2026-09-01 17:34:00` → fromKline
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder.ts';

// ---------------------------------------------------------------------------------------------------------------
// Decimal

const DECIMAL = /^-?\d+(\.\d+)?$/;
/** Longest accepted input; funding rates carry ~28 significant digits, so this leaves plenty of room. */
const MAX_DECIMAL_LENGTH = 80;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Validates a client-supplied decimal: strings only, plain notation, no sign other than a leading '-'. */
export function parseDecimal(value: unknown): string {
  if (typeof value !== 'string') {
    throw badInput('Decimal must be a JSON string such as "0.10" (numbers would lose precision)');
  }
  if (value.length === 0 || value.length > MAX_DECIMAL_LENGTH || !DECIMAL.test(value)) {
    throw badInput(`Decimal must look like "123", "-0.5" or "0.0001"; got ${JSON.stringify(value.slice(0, 40))}`);
  }
  return value;
}

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

/** Multiplies an exact decimal string by 10^exponent (`scaleDecimal("-0.029032", 2)` → `"-2.9032"`). */
export function scaleDecimal(value: string, exponent: number): string {
  const scaled = DECIMAL.test(value) ? expandExponent(`${value}e${exponent}`) : null;
  if (scaled === null) throw new Error(`cannot scale ${JSON.stringify(value.slice(0, 40))}`);
  return /^-0(\.0+)?$/.test(scaled) || scaled === '-0' ? scaled.slice(1) : scaled;
}

/** Output: wire strings pass through unchanged; safe integers and bigints are exact, anything else is a bug. */
export function serializeDecimal(value: unknown): string {
  if (typeof value === 'string') {
    if (DECIMAL.test(value)) return value;
    const expanded = expandExponent(value);
    if (expanded !== null) return expanded;
    throw new GraphQLError(`Decimal cannot represent ${JSON.stringify(value.slice(0, 40))}`);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw new GraphQLError(`Decimal cannot represent a non-string value (${typeof value})`);
}

function decimalLiteral(ast: ValueNode): string {
  if (ast.kind === Kind.STRING) return parseDecimal(ast.value);
  throw badInput('Decimal must be written as a string literal such as "0.10" (numbers would lose precision)');
}

builder.scalarType('Decimal', {
  description:
    'An exact decimal number as a string in plain notation (`"0.10"`, `"-3"`, `"86700.5"`). Prices, quantities, ' +
    'fees and rates use it end to end; it never passes through floating point. Input must be a string.',
  serialize: serializeDecimal,
  parseValue: parseDecimal,
  parseLiteral: decimalLiteral,
});

// ---------------------------------------------------------------------------------------------------------------
// Timestamp

/** What `Timestamp` fields return: an ISO-8601 UTC string ending in `Z` (from `time.*`) or a Date. */
export type TimestampOutput = string | Date;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ISO_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const NAIVE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?$/;

function invalidTime(what: string, value: unknown): Error {
  return new Error(`Invalid ${what} timestamp: ${JSON.stringify(String(value).slice(0, 40))}`);
}

function integerText(value: number | string | bigint, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,20}$/.test(value)) return BigInt(value);
  throw invalidTime(what, value);
}

function isoFromMillis(ms: bigint, extraDigits = ''): string {
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) throw invalidTime('ms', ms);
  return date.toISOString().replace('Z', `${extraDigits}Z`);
}

function fromNaiveParts(value: string, what: string): string {
  const match = NAIVE.exec(value);
  if (!match) throw invalidTime(what, value);
  const [, day = '', clock = '', fraction = ''] = match;
  const iso = `${day}T${clock}${fraction}Z`;
  if (Number.isNaN(Date.parse(`${day}T${clock}Z`))) throw invalidTime(what, value);
  return iso;
}

/** Converters from each of the exchange's time encodings to the `Timestamp` output form. */
export const time = {
  /** Epoch milliseconds (trades, `/time`, open orders' `createdAt`, `nextFundingTimestamp`). */
  fromMillis: (ms: number | string | bigint): string => isoFromMillis(integerText(ms, 'ms')),
  /** Epoch microseconds (depth `timestamp`, WS `E`/`T`); the sub-millisecond digits are kept. */
  fromMicros: (us: number | string | bigint): string => {
    const micros = integerText(us, 'µs');
    const rest = ((micros % 1000n) + 1000n) % 1000n;
    return isoFromMillis((micros - rest) / 1000n, rest.toString().padStart(3, '0'));
  },
  /** Epoch seconds (kline query parameters). */
  fromSeconds: (s: number | string | bigint): string => isoFromMillis(integerText(s, 's') * 1000n),
  /** Naive UTC `2025-07-27T17:39:00.092` (history rows, markets' `createdAt`, funding `intervalEndTimestamp`). */
  fromNaive: (value: string): string => fromNaiveParts(value, 'naive'),
  /** REST kline `start`/`end`: `2026-09-01 17:34:00` (UTC, space separator). */
  fromKline: (value: string): string => fromNaiveParts(value, 'kline'),
  /** RFC 3339 strings with a zone (vault history, borrow-lend rows) normalised to UTC `Z`. */
  fromIso: (value: string): string => {
    if (ISO_UTC.test(value)) return value;
    if (NAIVE.test(value)) return fromNaiveParts(value, 'naive');
    const ms = Date.parse(value);
    if (!ISO_INPUT.test(value) || Number.isNaN(ms)) throw invalidTime('ISO', value);
    return new Date(ms).toISOString();
  },
  /** A `Timestamp` argument (epoch ms) as epoch seconds, for the klines endpoint. */
  toSeconds: (ms: number): number => Math.floor(ms / 1000),
};

/** Input: ISO-8601 with a zone, or epoch milliseconds; resolvers receive epoch ms (a safe integer). */
export function parseTimestamp(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw badInput('Timestamp as a number must be non-negative epoch milliseconds (an integer)');
  }
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (ISO_INPUT.test(value) && !Number.isNaN(ms)) return ms;
    throw badInput(
      `Timestamp must be ISO-8601 with a zone (e.g. "2025-07-27T17:39:00Z") or epoch ms; got ${JSON.stringify(value.slice(0, 40))}`,
    );
  }
  throw badInput('Timestamp must be an ISO-8601 string or epoch milliseconds');
}

export function serializeTimestamp(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new GraphQLError('Timestamp cannot represent an invalid Date');
    return value.toISOString();
  }
  if (typeof value === 'string' && ISO_UTC.test(value)) return value;
  // Resolvers must convert wire encodings explicitly (time.*); guessing the unit of a bare number is how bugs hide.
  throw new GraphQLError(`Timestamp cannot represent ${JSON.stringify(String(value).slice(0, 40))}`);
}

function timestampLiteral(ast: ValueNode): number {
  if (ast.kind === Kind.STRING) return parseTimestamp(ast.value);
  if (ast.kind === Kind.INT) return parseTimestamp(Number(ast.value));
  throw badInput('Timestamp must be an ISO-8601 string or epoch milliseconds');
}

builder.scalarType('Timestamp', {
  description:
    'A point in time. Output: ISO-8601 in UTC ending in `Z` (sub-millisecond digits kept where the exchange has ' +
    'them, e.g. order-book engine time). Input: ISO-8601 with a zone, or epoch milliseconds as an integer.',
  serialize: serializeTimestamp,
  parseValue: parseTimestamp,
  parseLiteral: timestampLiteral,
});
