// Exact decimal arithmetic on plain decimal strings via scaled BigInts (no floats): compare, multiples, sums, products.

/** A decimal as `units × 10^-scale` (`"12.50"` → { units: 1250n, scale: 2 }). */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal string (`"-0.10"`, `"3"`); null for anything else (exponents, blanks, words). */
export function parseScaled(text: string): ScaledDecimal | null {
  const match = PLAIN.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function strict(text: string): ScaledDecimal {
  const parsed = parseScaled(text);
  if (!parsed) throw new Error(`not a plain decimal: ${JSON.stringify(text.slice(0, 40))}`);
  return parsed;
}

/** Both values as integers of the same scale. */
function align(a: ScaledDecimal, b: ScaledDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** -1, 0 or 1 as `a` is below, equal to or above `b` (`"1.10"` equals `"1.1"`). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(strict(a), strict(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isPositiveDecimal(text: string): boolean {
  return strict(text).units > 0n;
}

/** Whether `value` is a whole multiple of `step` (`"1.25"` of `"0.05"`); a zero step accepts everything. */
export function isMultipleOf(value: string, step: string): boolean {
  const [x, y] = align(strict(value), strict(step));
  if (y === 0n) return true;
  return x % y === 0n;
}

function render(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

/** Exact sum of decimal strings, with trailing fractional zeros trimmed (`"1.50" + "2"` → `"3.5"`). */
export function addDecimals(...values: readonly string[]): string {
  let units = 0n;
  let scale = 0;
  for (const value of values) {
    const [x, y, common] = align({ units, scale }, strict(value));
    units = x + y;
    scale = common;
  }
  return render(units, scale);
}

/** Exact product of two decimal strings, trailing fractional zeros trimmed (`"1.5" × "2.10"` → `"3.15"`). */
export function multiplyDecimals(a: string, b: string): string {
  const x = strict(a);
  const y = strict(b);
  return render(x.units * y.units, x.scale + y.scale);
}
