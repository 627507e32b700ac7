// Client-side per-account request budget: sliding one-minute windows per rate class, FIFO waiting, bounded wait.
import type { RateClass } from './endpoint.ts';
import { ExchangeError } from './errors.ts';

/** What BackpackRest needs of a budget: this process's RateLimiter, or one shared by replicas (src/redis/). */
export interface RequestLimiter {
  /** Resolves when the request may be sent; rejects with kind `rateLimited` after the longest allowed wait. */
  acquire(rateClass: RateClass, endpoint: string, signal?: AbortSignal): Promise<void>;
  /**
   * Takes a slot only if one is free right now and nobody is waiting (then no wait, timer or promise is needed);
   * false means: call `acquire`. Limiters that cannot answer at once leave it out.
   */
  tryAcquire?(rateClass: RateClass): boolean;
  /** Requests of one rate class waiting for budget (the queue-depth metric). */
  pendingIn(rateClass: RateClass): number;
  /** The exchange answered 429 with Retry-After: hold every further call of this account for that long. */
  pauseFor?(ms: number): void;
}

/** Cancels a scheduled timer. */
export type CancelTimer = () => void;

export interface RateLimiterOptions {
  /** Requests per window for every call (historical calls count here too). */
  readonly perMinute: number;
  /** Requests per window for `historical` endpoints. */
  readonly historicalPerMinute: number;
  /** Longest a request may wait for budget before failing with kind `rateLimited`. */
  readonly maxWaitMs: number;
  /** Length of the sliding window; one minute unless a test shortens it. */
  readonly windowMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => CancelTimer;
}

interface Waiter {
  readonly rateClass: RateClass;
  readonly endpoint: string;
  /** Arrival order across both queues, so the older request wins when both could take a slot. */
  readonly seq: number;
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly detach: () => void;
}

function defaultSetTimer(callback: () => void, ms: number): CancelTimer {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
}

export class RateLimiter implements RequestLimiter {
  private readonly perMinute: number;
  private readonly historicalPerMinute: number;
  private readonly maxWaitMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => CancelTimer;
  /** Grant times inside the current window, oldest first. */
  private readonly granted: Record<RateClass, number[]> = { standard: [], historical: [] };
  // One queue per class: a historical request waiting for its small budget must not hold up standard ones.
  private readonly queues: Record<RateClass, Waiter[]> = { standard: [], historical: [] };
  private seq = 0;
  private cancelTimer: CancelTimer | undefined;

  constructor(options: RateLimiterOptions) {
    this.perMinute = options.perMinute;
    this.historicalPerMinute = options.historicalPerMinute;
    this.maxWaitMs = options.maxWaitMs;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? defaultSetTimer;
  }

  /** Requests currently waiting for budget. */
  get pending(): number {
    return this.queues.standard.length + this.queues.historical.length;
  }

  /** Requests of one rate class waiting for budget (the queue-depth metric). */
  pendingIn(rateClass: RateClass): number {
    return this.queues[rateClass].length;
  }

  /** Resolves when the request may be sent; rejects with kind `rateLimited` after `maxWaitMs`. */
  acquire(rateClass: RateClass, endpoint: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.remove(waiter);
        reject(signal?.reason);
        this.pump();
      };
      const waiter: Waiter = {
        rateClass,
        endpoint,
        seq: this.seq++,
        deadline: this.now() + this.maxWaitMs,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queues[rateClass].push(waiter);
      this.pump();
    });
  }

  tryAcquire(rateClass: RateClass): boolean {
    // Waiters go first, in arrival order.
    if (this.queues.standard.length > 0 || this.queues.historical.length > 0) return false;
    const now = this.now();
    this.prune(now);
    if (this.availableAt(rateClass, now) > now) return false;
    for (const budget of this.budgetsOf(rateClass)) this.granted[budget].push(now);
    return true;
  }

  /**
   * Counts a request granted elsewhere (the shared budget) against this window too, so that a replica falling back to
   * its local share starts from what it has already spent.
   */
  record(rateClass: RateClass, at: number = this.now()): void {
    for (const budget of this.budgetsOf(rateClass)) this.granted[budget].push(at);
  }

  private limitOf(rateClass: RateClass): number {
    return rateClass === 'historical' ? this.historicalPerMinute : this.perMinute;
  }

  private budgetsOf(rateClass: RateClass): readonly RateClass[] {
    return rateClass === 'historical' ? ['standard', 'historical'] : ['standard'];
  }

  /** Earliest time a request of this class could be granted (now if it can go right away). */
  private availableAt(rateClass: RateClass, now: number): number {
    let at = now;
    for (const budget of this.budgetsOf(rateClass)) {
      const times = this.granted[budget];
      const limit = this.limitOf(budget);
      if (times.length >= limit) {
        const freeing = times[times.length - limit] ?? now;
        at = Math.max(at, freeing + this.windowMs);
      }
    }
    return at;
  }

  private prune(now: number): void {
    for (const budget of ['standard', 'historical'] as const) {
      const times = this.granted[budget];
      while (times.length > 0 && (times[0] ?? now) <= now - this.windowMs) times.shift();
    }
  }

  private remove(waiter: Waiter): void {
    const queue = this.queues[waiter.rateClass];
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    waiter.detach();
  }

  private fail(waiter: Waiter, now: number): void {
    this.remove(waiter);
    const limit = this.limitOf(waiter.rateClass);
    const retryAfterMs = Math.max(0, this.availableAt(waiter.rateClass, now) - now);
    waiter.reject(
      new ExchangeError({
        kind: 'rateLimited',
        endpoint: waiter.endpoint,
        retryable: true,
        retryAfterMs,
        message:
          `client-side rate limit: the ${waiter.rateClass} budget of ${limit} requests per ` +
          `${this.windowMs / 1000} s is used up and no slot frees within ${this.maxWaitMs} ms`,
      }),
    );
  }

  private pump(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const now = this.now();
    this.prune(now);
    // Grant heads in arrival order while budget allows.
    for (;;) {
      const heads = [this.queues.standard[0], this.queues.historical[0]]
        .filter((w): w is Waiter => w !== undefined && this.availableAt(w.rateClass, now) <= now)
        .sort((a, b) => a.seq - b.seq);
      const next = heads[0];
      if (next === undefined) break;
      for (const budget of this.budgetsOf(next.rateClass)) this.granted[budget].push(now);
      this.remove(next);
      next.resolve();
    }
    // Fail whoever has waited too long, and heads that cannot get a slot before their deadline anyway.
    for (const rateClass of ['standard', 'historical'] as const) {
      for (const waiter of [...this.queues[rateClass]]) {
        if (now >= waiter.deadline) this.fail(waiter, now);
      }
      for (let head = this.queues[rateClass][0]; head !== undefined; head = this.queues[rateClass][0]) {
        if (this.availableAt(rateClass, now) <= head.deadline) break;
        this.fail(head, now);
      }
    }
    let wakeAt = Infinity;
    for (const rateClass of ['standard', 'historical'] as const) {
      const head = this.queues[rateClass][0];
      if (head === undefined) continue;
      wakeAt = Math.min(wakeAt, this.availableAt(rateClass, now));
      for (const waiter of this.queues[rateClass]) wakeAt = Math.min(wakeAt, waiter.deadline);
    }
    if (wakeAt !== Infinity) this.cancelTimer = this.setTimer(() => this.pump(), Math.max(0, wakeAt - now));
  }
}
