// Retry timing: exponential backoff with full jitter for idempotent requests, with equal jitter for reconnects and
// resyncs, and Retry-After parsing.

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
  /** Uniform in [0, 1); injectable so tests are deterministic. */
  readonly random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseMs: 200, capMs: 5_000 };

/** Delay before retry number `retry` (0 for the first retry): uniform in [0, min(cap, base · 2^retry)). */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** retry);
  return Math.floor(options.random() * ceiling);
}

/** Exponential backoff with "equal jitter": never below half the step, so a flapping server is not hammered. */
export function reconnectDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * Milliseconds to wait according to a Retry-After header (delta seconds or an HTTP date),
 * or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
