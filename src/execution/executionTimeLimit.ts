// GATEWAY_MAX_EXECUTION_MS: a query still executing after this long is aborted and answered with a typed error.
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
 * Queries only: aborting a mutation half-way would leave its outcome unknown (an order may be placed), and a
 * subscription is meant to run on. The executor checks the signal between fields, so a query blocked on a slow
 * exchange call or walking a large result stops at the next field.
 */
export function useExecutionTimeLimit(maxMs: number): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      setExecuteFn(async (executionArgs: CancellableArgs): Promise<ExecutionResult> => {
        // One controller, fed by the timer and the caller's signal: AbortSignal.any costs more per query.
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
      });
    },
  };
}
