// Settling a write whose answer was lost: look it up until found, until a miss is final, or until time runs out.
import { randomInt } from 'node:crypto';
import { ExchangeError } from './errors.ts';
import { defaultSleep } from './http.ts';

/** What a look-up after a lost answer established. */
export type Settled<T> =
  | { readonly state: 'found'; readonly value: T }
  | { readonly state: 'absent' }
  | { readonly state: 'unknown'; readonly reason: string };

export interface ReconcileOptions {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How long after the request's signed window ended a look-up may still run. The exchange rejects a request once
   * its window has passed, so a miss after that is final; before it, the request may still be in flight.
   */
  readonly graceMs?: number;
}

/** Slack for the exchange's clock and its processing time when deciding that the signed window is over. */
const WINDOW_SLACK_MS = 500;
const DEFAULT_GRACE_MS = 2_000;
/** Pause between look-ups that failed (the exchange or the network is struggling). */
const RETRY_PAUSE_MS = 250;

/**
 * Looks up a write whose outcome is unknown. `lookup` resolves to the write's result when it took effect and to
 * undefined when the exchange does not know it; it may throw (then it is tried again while time allows).
 * Found → `found`; not found by a look-up that started after the signed window (+ slack) → `absent`; otherwise
 * `unknown` once the grace period after the window is used up.
 */
export async function reconcile<T>(
  lost: ExchangeError,
  lookup: () => Promise<T | undefined>,
  options: ReconcileOptions = {},
): Promise<Settled<T>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => defaultSleep(ms));
  const finalAfter = (lost.expiresAt ?? now()) + WINDOW_SLACK_MS;
  const deadline = finalAfter + (options.graceMs ?? DEFAULT_GRACE_MS);
  let reason: string;
  for (;;) {
    const startedAt = now();
    try {
      const value = await lookup();
      if (value !== undefined) return { state: 'found', value };
      if (startedAt >= finalAfter) return { state: 'absent' };
      reason = 'not found yet, and the request could still be in flight';
      const wait = finalAfter - now();
      if (now() + wait > deadline) break;
      await sleep(Math.max(0, wait));
    } catch (error) {
      reason = `the look-up failed: ${error instanceof ExchangeError ? error.message : 'unexpected error'}`;
      if (now() + RETRY_PAUSE_MS > deadline) break;
      await sleep(RETRY_PAUSE_MS);
    }
  }
  return { state: 'unknown', reason };
}

/** A random client id for a write the caller did not name: a u32, never 0 (some clients treat 0 as "none"). */
export function randomClientId(): number {
  return randomInt(1, 0x1_0000_0000);
}
