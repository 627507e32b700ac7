// until(): bounded polling for asynchronous conditions; tests wait for a state, never for a fixed time.

export interface UntilOptions {
  /** Default 5000. */
  readonly timeoutMs?: number;
  /** Default 5. */
  readonly intervalMs?: number;
}

/**
 * Polls `check` until it returns something other than undefined, null or false, and returns that value; fails after
 * the timeout with an error naming `what`. `timing` is the timeout in ms or the options.
 */
export async function until<T>(
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timing: number | UntilOptions = {},
): Promise<T> {
  const { timeoutMs = 5_000, intervalMs = 5 } = typeof timing === 'number' ? { timeoutMs: timing } : timing;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
