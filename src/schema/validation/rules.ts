// Small reusable input checks (positive decimals, tick/step multiples, u32 ids, one-of pairs) returning violations.
import { compareDecimal, isMultipleOf, isPositiveDecimal, parseScaled } from './decimal.ts';

/** What is wrong with one input field; the schema turns it into an InvalidOrder / InvalidInput result. */
export interface Violation {
  readonly field: string;
  readonly message: string;
}

export const violation = (field: string, message: string): Violation => ({ field, message });

/** The first violation of a list of lazily evaluated checks (later checks may assume earlier ones passed). */
export function firstViolation(...checks: readonly (() => Violation | null)[]): Violation | null {
  for (const check of checks) {
    const found = check();
    if (found) return found;
  }
  return null;
}

const isSet = (value: unknown): boolean => value !== null && value !== undefined;

/** A plain decimal strictly above zero (`"0"` and negatives are rejected). */
export function positiveDecimal(field: string, value: string | null | undefined): Violation | null {
  if (!isSet(value)) return null;
  const text = value as string;
  if (parseScaled(text) === null) return violation(field, `${field} must be a plain decimal such as "0.5"`);
  return isPositiveDecimal(text) ? null : violation(field, `${field} must be greater than zero`);
}

/** The exchange reads decimals with at most 18 fractional digits; finer values (1e-21 scale) fail to parse upstream. */
const MAX_FRACTION_DIGITS = 18;

/** Positive, and no finer than the exchange can read. */
export function positiveAmount(field: string, value: string | null | undefined): Violation | null {
  const problem = positiveDecimal(field, value);
  if (problem !== null || value == null) return problem;
  const fraction = value.split('.')[1]?.replace(/0+$/, '') ?? '';
  return fraction.length > MAX_FRACTION_DIGITS
    ? violation(field, `${field} has more than ${MAX_FRACTION_DIGITS} decimal places`)
    : null;
}

/** Positive, a multiple of `step`, and within [min, max] (max null = unbounded). */
export function onGrid(
  field: string,
  value: string | null | undefined,
  grid: {
    readonly step: string;
    readonly stepName: string;
    readonly min?: string | null;
    readonly max?: string | null;
  },
): Violation | null {
  if (!isSet(value)) return null;
  const text = value as string;
  const notPositive = positiveDecimal(field, text);
  if (notPositive) return notPositive;
  if (!isMultipleOf(text, grid.step)) {
    return violation(field, `${field} ${text} is not a multiple of the market's ${grid.stepName} ${grid.step}`);
  }
  if (grid.min && compareDecimal(text, grid.min) < 0)
    return violation(field, `${field} ${text} is below the minimum ${grid.min}`);
  if (grid.max && compareDecimal(text, grid.max) > 0)
    return violation(field, `${field} ${text} is above the maximum ${grid.max}`);
  return null;
}

const U32_MAX = 4_294_967_295n;

/** Parses a client id given as an ID (string or integer) into the exchange's u32; a violation when out of range. */
export function parseU32(field: string, value: string | number | null | undefined): number | Violation | null {
  if (!isSet(value)) return null;
  const text = String(value);
  if (!/^\d{1,10}$/.test(text) || BigInt(text) > U32_MAX) {
    return violation(field, `${field} must be a whole number from 0 to ${U32_MAX}`);
  }
  return Number(text);
}

/** Exactly one of two alternatives must be given (`id` xor `clientId`); the violation names the first. */
export function exactlyOne(first: readonly [string, unknown], second: readonly [string, unknown]): Violation | null {
  const [a, aValue] = first;
  const [b, bValue] = second;
  if (isSet(aValue) && isSet(bValue)) return violation(b, `Give either ${a} or ${b}, not both`);
  if (!isSet(aValue) && !isSet(bValue)) return violation(a, `Give one of ${a} or ${b}`);
  return null;
}

/** Both or neither of two paired fields (`triggerPrice` ⇔ `triggerQuantity`); the violation names the missing one. */
export function together(first: readonly [string, unknown], second: readonly [string, unknown]): Violation | null {
  const [a, aValue] = first;
  const [b, bValue] = second;
  if (isSet(aValue) && !isSet(bValue)) return violation(b, `${b} is required together with ${a}`);
  if (!isSet(aValue) && isSet(bValue)) return violation(a, `${a} is required together with ${b}`);
  return null;
}

/** `dependent` may only be given with `dependency` (a TP/SL limit price needs its trigger price). */
export function requires(
  dependent: readonly [string, unknown],
  dependency: readonly [string, unknown],
): Violation | null {
  const [a, aValue] = dependent;
  const [b, bValue] = dependency;
  return isSet(aValue) && !isSet(bValue) ? violation(b, `${b} is required when ${a} is given`) : null;
}

/** A string up to `max` characters (withdrawal client ids). */
export function maxLength(field: string, value: string | null | undefined, max: number): Violation | null {
  return isSet(value) && (value as string).length > max
    ? violation(field, `${field} must be at most ${max} characters`)
    : null;
}
