// One operation's deadline for upstream work: the error it fails with, and bounded waiting on shared or queued work.
import { ExchangeError } from './errors.ts';

/**
 * The failure when the deadline passes: kind `network` when every attempt was refused (the exchange is down, not
 * slow), `timeout` otherwise. Names the endpoint and the time this call really waited.
 */
export function deadlineError(
  endpoint: string,
  waitedMs: number,
  attempts: number,
  last?: ExchangeError,
): ExchangeError {
  const refused = last?.kind === 'network';
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  const message = refused
    ? `${endpoint}: exchange unreachable until the request deadline passed (waited ${waitedMs} ms, ${tries}; last: ${last.message})`
    : `${endpoint}: no answer before the request deadline passed (waited ${waitedMs} ms, ${tries})`;
  return new ExchangeError({
    kind: refused ? 'network' : 'timeout',
    endpoint,
    message,
    retryable: last?.retryable ?? true,
    ...(last !== undefined ? { cause: last } : {}),
  });
}

/** A signal that aborts with the caller's signal or when `deadline` (epoch ms) passes; `expired` tells which. */
export function deadlineSignal(
  signal: AbortSignal | undefined,
  deadline: number | undefined,
  now: number,
): { readonly signal: AbortSignal | undefined; expired(): boolean; dispose(): void } {
  if (deadline === undefined) return { signal, expired: () => false, dispose: () => undefined };
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      controller.abort(new Error('request deadline passed'));
    },
    Math.max(0, deadline - now),
  );
  const forward = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
}

/**
 * Waits for work this caller does not own (a coalesced fetch another request started) no longer than its own deadline
 * or signal allow; the work itself goes on for the others waiting on it. A timer and a listener, no AbortController:
 * every request joining a fetch in flight comes through here (TTL-0 data at 1000 queries/s, bench B2).
 */
export function awaitWithin<T>(
  work: Promise<T>,
  options: { readonly signal?: AbortSignal; readonly deadline?: number },
  endpoint: string,
  now: () => number,
): Promise<T> {
  const { signal, deadline } = options;
  if (deadline === undefined && signal === undefined) return work;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const started = now();
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      settle();
      reject(signal?.reason as Error);
    };
    if (deadline !== undefined) {
      timer = setTimeout(
        () => {
          settle();
          reject(deadlineError(endpoint, now() - started, 1));
        },
        Math.max(0, deadline - started),
      );
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error as Error);
      },
    );
  });
}
