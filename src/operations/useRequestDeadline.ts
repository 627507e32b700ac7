// Deadlines: each query's and mutation's upstream work ends within GATEWAY_REQUEST_DEADLINE_MS, and a query's
// in-flight exchange calls are aborted when its HTTP client goes away. Also counts each operation's upstream calls.
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { RequestOptions } from '../exchange/rest.ts';
import { createLoaders } from '../loaders.ts';
import type { GatewayContext } from '../schema/context.ts';

export interface RequestDeadlineOptions {
  /** Budget of one operation, from the start of its execution. */
  readonly deadlineMs: number;
  readonly now?: () => number;
}

export interface RequestDeadline {
  readonly plugin: Plugin<GatewayContext>;
  /**
   * Exchange calls of this context's operation that were not answered from a fresh cache entry (each went to the
   * exchange or joined a fetch in flight); 0 for subscriptions.
   */
  upstreamCallsOf(context: object): number;
}

/**
 * Re-scopes the operation's exchange (and the loaders built on it) to a deadline view. Subscriptions are left
 * alone: they live as long as the client wants. Mutations keep the deadline but are not aborted on disconnect, so
 * a write already sent still has its outcome read and logged.
 */
export function useRequestDeadline(options: RequestDeadlineOptions): RequestDeadline {
  const now = options.now ?? Date.now;
  const calls = new WeakMap<object, { count: number }>();
  return {
    upstreamCallsOf: (context) => calls.get(context)?.count ?? 0,
    plugin: {
      onExecute({ args, extendContext }) {
        const ctx = args.contextValue as GatewayContext & { readonly request?: Request };
        const operation = getOperationAST(args.document, args.operationName)?.operation;
        const deadline = now() + options.deadlineMs;
        const request = operation === 'query' ? ctx.request : undefined;
        // Built at the first call that leaves the cache: reading the request's signal creates its abort controller
        // and close listener, which an operation answered from fresh cache entries never needs.
        let requestOptions: RequestOptions | undefined;
        const counter = { count: 0 };
        calls.set(ctx, counter);
        // A view of the caller's view: it keeps that view's endpoint check, recorder and signer.
        const exchange = ctx.exchange.bounded(() => {
          counter.count++;
          if (requestOptions === undefined) {
            const signal = request?.signal;
            requestOptions = signal === undefined ? { deadline } : { deadline, signal };
          }
          return requestOptions;
        });
        extendContext({ exchange, loaders: createLoaders(exchange) });
      },
    },
  };
}
