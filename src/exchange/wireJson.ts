// Lossless JSON for exchange answers (REST bodies and WS frames), and a note of which endpoint each parsed object
// came from so a value the gateway cannot decode can be reported with its source.

// Strings first so digits inside them are skipped; then whole JSON number tokens.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
// A number token that a JS number might not reproduce: 16+ digits, a fraction or an exponent. Integers shorter than
// that (timestamps, small ids) are always exact, so most bodies skip the rewrite.
const MAYBE_INEXACT = /[[:,]\s*-?\d+(?:\d{15}|\.|[eE])/;

/**
 * JSON.parse that never changes a number's text: a number token whose JS value would print differently (integers
 * beyond 2^53, `1.10`, `0.1234567890123456789`, `1E5`) becomes a string holding exactly the token; every other
 * number stays a number, so `String(value)` is always the text the exchange sent. Digits inside strings are untouched.
 */
export function parseJsonLossless(text: string): unknown {
  if (!MAYBE_INEXACT.test(text)) return JSON.parse(text);
  const quoted = text.replace(TOKENS, (token) => {
    if (token.charCodeAt(0) === 34 /* " */) return token;
    return String(Number(token)) === token ? token : `"${token}"`;
  });
  return JSON.parse(quoted);
}

const origins = new WeakMap<object, string>();
const MAX_TAG_DEPTH = 4;

/** Records `origin` (e.g. `GET /api/v1/orders`) on the parsed answer and the objects nested in it (rows, sub-objects). */
export function tagOrigin(value: unknown, origin: string, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > MAX_TAG_DEPTH) return;
  if (origins.has(value)) return;
  origins.set(value, origin);
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  for (const child of children) tagOrigin(child, origin, depth + 1);
}

/**
 * The origin of an object the gateway builds per request from a tagged answer (an order book, a trade view), carried
 * as a property of its own: a WeakMap entry per request object costs far more (~200 ns per set, and work for every
 * garbage collection) than a field in its literal, and is only ever read for an undecodable value.
 */
export const ORIGIN: unique symbol = Symbol('origin');

/** An object that may carry its origin (see ORIGIN). */
export interface WithOrigin {
  readonly [ORIGIN]?: string | undefined;
}

/** The endpoint or stream a parsed object came from, when it was tagged. */
export function originOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as WithOrigin)[ORIGIN] ?? origins.get(value);
}
