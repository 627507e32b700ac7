// The gateway's custom scalars: `Decimal` (exact decimal strings) and `Timestamp` (ISO-8601 UTC).
//
// How to use (domain files):
//   t.field({ type: 'Decimal', resolve: (row) => row.price })         // the wire value, string or number
//   t.field({ type: 'Timestamp', resolve: (row) => row.createdAt })   // the wire value, in any of its forms
//   t.arg({ type: 'Decimal', required: true })                        // arrives as the exact string
//   t.arg({ type: 'Timestamp' })                                      // arrives as epoch ms (number)
// Output fields return wire values as they arrived; the one decoder (./wire/decode.ts, applied to every
// `Timestamp`/`Decimal`/`ID` field by ./wire/decodePlugin.ts) turns each form into the output form.
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder.ts';
import { expandExponent } from './wire/decode.ts';

export { expandExponent };

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

/** What `Timestamp` field resolvers return: the wire value in any of its forms (or a Date). */
export type TimestampOutput = string | number | bigint | Date;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ISO_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Converters for `Timestamp` arguments. */
export const time = {
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
  // Wire forms were decoded by the field's decoder (./wire/decode.ts); anything left here is a bug.
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
