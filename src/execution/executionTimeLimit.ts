// GATEWAY_MAX_EXECUTION_MS: a query still executing after this long is answered with a typed error.
import type { Plugin } from '@envelop/core';
import { getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** The query ran longer than the gateway allows; nothing of it is sent. */
export class ExecutionTimeoutError extends GraphQLError {
  constructor(maxMs: number) {
    super(`The query did not finish within the gateway's limit of ${maxMs} ms: ask for less, or retry later.`, {
      extensions: { code: 'EXECUTION_TIMEOUT', maxMs },
    });
    this.name = 'ExecutionTimeoutError';
  }
}

type PromiseOrValue<T> = T | Promise<T>;

/** One query of a slice still running: answered by its result or by the slice's timer, whichever comes first. */
interface Waiter {
  settled: boolean;
  readonly answer: (result: ExecutionResult) => void;
}

/**
 * Queries starting within one slice of time share one timer, fired a slice after the last of them may start plus
 * `maxMs`: each query gets at least `maxMs` and at most a slice more. A timer per query was ~2–3 % of an uncached
 * query's CPU (bench B1U). A slice whose queries all finished drops its timer.
 */
class Slice {
  running = 0;
  open = true;
  waiters: Waiter[] = [];
  readonly timer: NodeJS.Timeout;

  constructor(sliceMs: number, maxMs: number, close: (slice: Slice) => void) {
    this.timer = setTimeout(() => {
      const late = this.waiters;
      this.waiters = [];
      for (const waiter of late) {
        if (waiter.settled) continue;
        waiter.settled = true;
        waiter.answer({ errors: [new ExecutionTimeoutError(maxMs)] });
      }
    }, sliceMs + maxMs);
    this.timer.unref();
    setTimeout(() => close(this), sliceMs).unref();
  }
}

class SharedTimeLimit {
  private current: Slice | undefined;
  private readonly sliceMs: number;
  private readonly close = (slice: Slice): void => {
    slice.open = false;
    if (this.current === slice) this.current = undefined;
    if (slice.running === 0) this.drop(slice);
  };

  constructor(private readonly maxMs: number) {
    // At most 10 ms (and a tenth of the limit): a query may run up to that much longer than `maxMs`.
    this.sliceMs = Math.max(1, Math.min(10, Math.floor(maxMs / 10)));
  }

  /** `result` as it settles, or a timeout error once the query's slice runs out, whichever comes first. */
  race(result: Promise<ExecutionResult>): Promise<ExecutionResult> {
    const slice = (this.current ??= new Slice(this.sliceMs, this.maxMs, this.close));
    slice.running += 1;
    return new Promise<ExecutionResult>((resolve, reject) => {
      const waiter: Waiter = { settled: false, answer: resolve };
      slice.waiters.push(waiter);
      result.then(
        (value) => {
          this.leave(slice);
          if (waiter.settled) return;
          waiter.settled = true;
          resolve(value);
        },
        (error: unknown) => {
          this.leave(slice);
          if (waiter.settled) return;
          waiter.settled = true;
          reject(error as Error);
        },
      );
    });
  }

  private leave(slice: Slice): void {
    slice.running -= 1;
    if (slice.running === 0 && !slice.open) this.drop(slice);
  }

  private drop(slice: Slice): void {
    clearTimeout(slice.timer);
    slice.waiters = [];
  }
}

/**
 * Queries only: aborting a mutation half-way would leave its outcome unknown (an order may be placed), and a
 * subscription is meant to run on. The caller is answered at the limit; the executor is not stopped (a compiled
 * query cannot be), which costs nothing the gateway must protect: what a query may walk is bounded by the cost limit
 * before it runs and by the response size cap, and its upstream calls end with GATEWAY_REQUEST_DEADLINE_MS.
 */
export function useExecutionTimeLimit(maxMs: number): Plugin {
  const shared = new SharedTimeLimit(maxMs);
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      // Not an async function: a result the executor gives at once (every field answered from the cache) is
      // returned as it is, without a promise and a microtask more per query.
      setExecuteFn((executionArgs: ExecutionArgs): PromiseOrValue<ExecutionResult> => {
        let result: PromiseOrValue<ExecutionResult>;
        try {
          result = executeFn(executionArgs) as PromiseOrValue<ExecutionResult>;
        } catch (error) {
          // Rejected, as an async executor would: callers never see a synchronous throw.
          return Promise.reject(error as Error);
        }
        return isPromise(result) ? shared.race(result) : result;
      });
    },
  };
}

function isPromise<T>(value: PromiseOrValue<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
