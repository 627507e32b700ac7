// Decimal helpers shared by the products: client-amount validation, margin functions and rate maths.
import type { MarginFunction } from '../../exchange/types/assets.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { SandboxError } from '../engine/errors.ts';

export function invalidQuantity(message = 'Invalid quantity'): SandboxError {
  return new SandboxError(400, 'INVALID_QUANTITY', message);
}

export function invalidRequest(message: string): SandboxError {
  return new SandboxError(400, 'INVALID_CLIENT_REQUEST', message);
}

/**
 * A strictly positive client amount. The transport already checked it is decimal text; exponent forms and more
 * than `maxDecimals` fractional digits are refused like the exchange's "decimal too long".
 */
export function parsePositive(text: string, maxDecimals = 18, what = 'Quantity'): Decimal {
  const value = D.tryParse(text);
  if (value === null) throw invalidQuantity(`Invalid ${what.toLowerCase()}`);
  if (value <= 0n) throw invalidQuantity(`${what} must be positive`);
  if (D.fractionDigits(text) > maxDecimals) throw invalidQuantity(`${what} decimal too long`);
  return value;
}

/** Integer square root of a non-negative bigint (Newton). */
function isqrt(value: bigint): bigint {
  if (value < 0n) throw new RangeError('square root of a negative number');
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

/** √a for a Decimal (rounded down to 18 decimals). */
export function sqrt(a: Decimal): Decimal {
  return isqrt(a * D.ONE);
}

/** Margin fraction for a position of `notional` USDC: max(base, factor × √notional) (the `sqrt` MarginFunction). */
export function marginFraction(fn: MarginFunction, notional: Decimal): Decimal {
  const base = D.parse(fn.base);
  const scaled = D.mul(D.parse(fn.factor), sqrt(D.abs(notional)), 'up');
  return D.max(base, scaled);
}
