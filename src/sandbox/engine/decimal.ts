// Exact money arithmetic for the sandbox: a Decimal is a bigint counting 10^-18 units (fixed scale 18).
// Wire decimals ("0.0001") parse into it losslessly; every operation that can lose digits takes a rounding mode.

/** A decimal value scaled by 10^18 (`parse('1.5') === 1_500_000_000_000_000_000n`). */
export type Decimal = bigint;

export const SCALE = 18;
export const ONE: Decimal = 10n ** 18n;
export const ZERO: Decimal = 0n;

/**
 * `down` toward zero · `up` away from zero · `floor` toward −∞ · `ceil` toward +∞ ·
 * `halfUp` nearest, ties away from zero · `halfEven` nearest, ties to even (banker's).
 */
export type Rounding = 'down' | 'up' | 'floor' | 'ceil' | 'halfUp' | 'halfEven';

export class DecimalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecimalError';
  }
}

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?$/;
const POWERS: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

function pow10(exponent: number): bigint {
  return POWERS[exponent] ?? 10n ** BigInt(exponent);
}

/** Parses a plain decimal string (`"12"`, `"-0.5"`, `"0.000100"`); rejects exponents, NaN, blanks, > 18 decimals. */
export function parse(text: string): Decimal {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) throw new DecimalError(`Invalid decimal: ${JSON.stringify(text)}`);
  const [, minus, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > SCALE) throw new DecimalError(`Decimal has more than ${SCALE} fractional digits: ${text}`);
  const units =
    BigInt(whole) * ONE + (significant === '' ? 0n : BigInt(significant) * pow10(SCALE - significant.length));
  return minus === undefined ? units : -units;
}

/** Like `parse` but returns null instead of throwing. */
export function tryParse(text: string): Decimal | null {
  try {
    return parse(text);
  } catch {
    return null;
  }
}

/** Fractional digits that matter in `text` (trailing zeros ignored): `"1.2300"` → 2. Used for "decimal too long". */
export function fractionDigits(text: string): number {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) throw new DecimalError(`Invalid decimal: ${JSON.stringify(text)}`);
  return (match[3] ?? '').replace(/0+$/, '').length;
}

/** Number of decimals a step/tick has: `"0.010"` → 2, `"1"` → 0. */
export function decimalsOf(step: Decimal): number {
  for (let decimals = 0; decimals <= SCALE; decimals += 1) {
    if (step % pow10(SCALE - decimals) === 0n) return decimals;
  }
  return SCALE;
}

export function fromInt(value: number | bigint): Decimal {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new DecimalError(`Not a safe integer: ${value}`);
  return BigInt(value) * ONE;
}

/**
 * Converts a float to a Decimal rounded to `decimals`. Only for values a seeded PRNG picked (simulated prices),
 * which are then snapped to a tick: never for money that came from a client or the ledger.
 */
export function fromFloat(value: number, decimals: number): Decimal {
  if (!Number.isFinite(value)) throw new DecimalError(`Not a finite number: ${value}`);
  return parse(value.toFixed(Math.min(decimals, 18)));
}

/** A float approximation, for ratios in simulations and logging only (never for money). */
export function toNumber(value: Decimal): number {
  return Number(toString(value));
}

/** Integer division of `numerator / denominator` rounded with `mode`. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: Rounding): bigint {
  if (denominator === 0n) throw new DecimalError('Division by zero');
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + sign;
    case 'floor':
      return sign < 0n ? quotient - 1n : quotient;
    case 'ceil':
      return sign > 0n ? quotient + 1n : quotient;
    case 'halfUp':
    case 'halfEven': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder);
      const absDenominator = denominator < 0n ? -denominator : denominator;
      if (twice > absDenominator) return quotient + sign;
      if (twice < absDenominator) return quotient;
      if (mode === 'halfUp') return quotient + sign;
      return quotient % 2n === 0n ? quotient : quotient + sign;
    }
  }
}

export const abs = (a: Decimal): Decimal => (a < 0n ? -a : a);
export const min = (a: Decimal, b: Decimal): Decimal => (a < b ? a : b);
export const max = (a: Decimal, b: Decimal): Decimal => (a > b ? a : b);
export const sign = (a: Decimal): -1 | 0 | 1 => (a < 0n ? -1 : a > 0n ? 1 : 0);
export const cmp = (a: Decimal, b: Decimal): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0);

/** Sum of many decimals (exact). */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** a × b, rounded to 18 decimals with `mode` (exact whenever the product fits in 18 decimals). */
export function mul(a: Decimal, b: Decimal, mode: Rounding): Decimal {
  return divideRounded(a * b, ONE, mode);
}

/** a ÷ b, rounded to 18 decimals with `mode`. */
export function div(a: Decimal, b: Decimal, mode: Rounding): Decimal {
  return divideRounded(a * ONE, b, mode);
}

/** Rounds to `decimals` fractional digits (0..18). */
export function round(a: Decimal, decimals: number, mode: Rounding): Decimal {
  if (decimals >= SCALE) return a;
  const unit = pow10(SCALE - decimals);
  return divideRounded(a, unit, mode) * unit;
}

/** Is `a` an integer multiple of `step` (step > 0)? */
export function isMultipleOf(a: Decimal, step: Decimal): boolean {
  if (step <= 0n) throw new DecimalError('Step must be positive');
  return a % step === 0n;
}

/** Rounds `a` to a multiple of `step` with `mode` (e.g. snap a simulated price to the tick size). */
export function toStep(a: Decimal, step: Decimal, mode: Rounding): Decimal {
  if (step <= 0n) throw new DecimalError('Step must be positive');
  return divideRounded(a, step, mode) * step;
}

/** Fixed-point text with exactly `decimals` fractional digits: `format(parse('1.5'), 3)` → `"1.500"`. */
export function format(a: Decimal, decimals: number, mode: Rounding = 'halfEven'): string {
  const places = Math.max(0, Math.min(decimals, SCALE));
  const scaled = divideRounded(a, pow10(SCALE - places), mode);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  const text = places === 0 ? whole : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}

/** Shortest exact text (trailing zeros trimmed): `"1.5"`, `"100"`, `"-0.0001"`, `"0"`. REST prints decimals this way. */
export function toString(a: Decimal): string {
  const text = format(a, SCALE);
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** √a for a ≥ 0, rounded down to 18 decimals (margin functions `sqrt`). */
export function sqrt(a: Decimal): Decimal {
  if (a < 0n) throw new DecimalError('Square root of a negative number');
  const n = a * ONE;
  if (n < 2n) return n;
  // Newton's method on integers: converges to floor(√n).
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  if (x === 0n) x = 1n;
  for (;;) {
    const y = (x + n / x) / 2n;
    if (y >= x) {
      while (x * x > n) x -= 1n;
      while ((x + 1n) * (x + 1n) <= n) x += 1n;
      return x;
    }
    x = y;
  }
}
