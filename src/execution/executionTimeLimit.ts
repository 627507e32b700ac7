// GATEWAY_MAX_EXECUTION_MS: a query still executing after this long is aborted and answered with a typed error.
import { setMaxListeners } from 'node:events';
import type { Plugin } from '@envelop/core';
import { getOperationAST, GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';

/** graphql-tools' executor (yoga's) stops at the next field once `signal` aborts. */
type CancellableArgs = ExecutionArgs & { signal?: AbortSignal };

/** The query ran longer than the gateway allows; nothing of it is sent. */
export class ExecutionTimeoutError extends GraphQLError {
  constructor(maxMs: number) {
    super(`The query did not finish within the gateway's limit of ${maxMs} ms: ask for less, or retry later.`, {
      extensions: { code: 'EXECUTION_TIMEOUT', maxMs },
    });
    this.name = 'ExecutionTimeoutError';
  }
}

/**
 * Queries starting within one slice of time share one abort controller and one timer, fired a slice after the last of
 * them may start plus `maxMs`: each query gets at least `maxMs` and at most a slice more. A controller and a timer per
 * query were ~2–3 % of an uncached query's CPU (bench B1U). A slice whose queries all finished drops its timer, so
 * the executor's abort listeners on its signal go with it.
 */
class Slice {
  readonly controller = new AbortController();
  running = 0;
  open = true;
  timedOut = false;
  readonly timer: NodeJS.Timeout;

  constructor(sliceMs: number, maxMs: number, close: (slice: Slice) => void) {
    // One abort listener per query of the slice is the design, not a leak: without this node warns past 10.
    setMaxListeners(0, this.controller.signal);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
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
    if (slice.running === 0) clearTimeout(slice.timer);
  };

  constructor(private readonly maxMs: number) {
    // At most 10 ms (and a tenth of the limit): a query may run up to that much longer than `maxMs`. Short, because
    // the executor leaves its abort listener on the signal and node's addEventListener walks the listeners already
    // there: a 100 ms slice of ~1000 queries/s made that walk 1.8 % of the CPU (bench B1U profile).
    this.sliceMs = Math.max(1, Math.min(10, Math.floor(maxMs / 10)));
  }

  enter(): Slice {
    const slice = (this.current ??= new Slice(this.sliceMs, this.maxMs, this.close));
    slice.running += 1;
    return slice;
  }

  leave(slice: Slice): void {
    slice.running -= 1;
    if (slice.running === 0 && !slice.open) clearTimeout(slice.timer);
  }
}

/**
 * Queries only: aborting a mutation half-way would leave its outcome unknown (an order may be placed), and a
 * subscription is meant to run on. The executor checks the signal between fields, so a query blocked on a slow
 * exchange call or walking a large result stops at the next field.
 */
export function useExecutionTimeLimit(maxMs: number): Plugin {
  const shared = new SharedTimeLimit(maxMs);
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      // Not an async function: a result the executor gives at once (every field answered from the cache) is
      // returned as it is, without a promise and a microtask more per query.
      setExecuteFn((executionArgs: CancellableArgs): PromiseOrValue<ExecutionResult> => {
        if (executionArgs.signal !== undefined) return withCallerSignal(executeFn, executionArgs, maxMs);
        const slice = shared.enter();
        const failed = (error: unknown): ExecutionResult => {
          shared.leave(slice);
          if (slice.timedOut) return { errors: [new ExecutionTimeoutError(maxMs)] };
          throw error;
        };
        let result: PromiseOrValue<ExecutionResult>;
        try {
          const cancellable: CancellableArgs = { ...executionArgs, signal: slice.controller.signal };
          result = executeFn(cancellable) as PromiseOrValue<ExecutionResult>;
        } catch (error) {
          // Rejected, as the async function this replaced did: callers never see a synchronous throw.
          return Promise.reject(error as Error).catch(failed);
        }
        if (!isPromise(result)) {
          shared.leave(slice);
          return result;
        }
        return result.then((value) => {
          shared.leave(slice);
          return value;
        }, failed);
      });
    },
  };
}

type PromiseOrValue<T> = T | Promise<T>;

function isPromise<T>(value: PromiseOrValue<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** A caller that brings its own signal (none of ours today): one controller fed by the timer and that signal. */
async function withCallerSignal(
  executeFn: (args: CancellableArgs) => unknown,
  executionArgs: CancellableArgs,
  maxMs: number,
): Promise<ExecutionResult> {
  // AbortSignal.any costs more per query.
  const cancel = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    cancel.abort();
  }, maxMs);
  const outer = executionArgs.signal;
  const forward = (): void => cancel.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  try {
    const cancellable: CancellableArgs = { ...executionArgs, signal: cancel.signal };
    return (await executeFn(cancellable)) as ExecutionResult;
  } catch (error) {
    if (timedOut) return { errors: [new ExecutionTimeoutError(maxMs)] };
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}
