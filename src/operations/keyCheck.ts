// Startup check of the configured keys: one signed read per account. A rejected key gives one clear warning and a
// failing `apiKeys` readiness check; an unreachable exchange proves nothing, so the gateway still starts either way.
import type { Logger } from 'pino';
import { ExchangeError } from '../exchange/errors.ts';

export interface KeyCheckTarget {
  /** The account's name (never its key). */
  readonly name: string;
  /** A signed read (GET /api/v1/account) with this account's key, over by `deadline`. */
  readonly signedRead: (deadline: number) => Promise<unknown>;
}

/** The problem with an account's key, or null when it works or the exchange could not tell. */
async function problemOf(target: KeyCheckTarget, deadlineMs: number): Promise<string | null> {
  try {
    await target.signedRead(Date.now() + deadlineMs);
    return null;
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.status === undefined) return null;
    if (error.status === 401 || error.status === 403) {
      return `account "${target.name}": the exchange rejected its API key (${error.code ?? `HTTP ${error.status}`}: ${error.message})`;
    }
    return null;
  }
}

/** Checks every account; returns the combined problem (null when none) after logging one warning line per bad key. */
export async function checkKeys(
  targets: readonly KeyCheckTarget[],
  logger: Logger,
  deadlineMs: number,
): Promise<string | null> {
  const problems = (await Promise.all(targets.map((target) => problemOf(target, deadlineMs)))).filter(
    (problem): problem is string => problem !== null,
  );
  for (const problem of problems)
    logger.warn(`API key check failed: ${problem}; signed fields will fail until it is fixed`);
  return problems.length === 0 ? null : problems.join('; ');
}
