// Exact decimal-string sums for reconstructed cumulative quantities (scaled bigints, never floats).

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(value: string): { units: bigint; scale: number } {
  const match = DECIMAL.exec(value.trim());
  if (match === null) throw new TypeError(`not a decimal: ${JSON.stringify(value)}`);
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] ?? '0'}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function print(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** `a + sign·b` exactly, printed without trailing zeros. */
function combine(a: string, b: string, sign: 1n | -1n): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const units = x.units * 10n ** BigInt(scale - x.scale) + sign * y.units * 10n ** BigInt(scale - y.scale);
  return print(units, scale);
}

export const addDecimal = (a: string, b: string): string => combine(a, b, 1n);
export const subtractDecimal = (a: string, b: string): string => combine(a, b, -1n);

/** Numeric comparison of two decimal strings: negative, zero or positive. */
export function compareDecimal(a: string, b: string): number {
  const difference = parse(subtractDecimal(a, b)).units;
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
