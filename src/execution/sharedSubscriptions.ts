// Subscription events executed once per distinct operation, not once per subscriber.
//
// The stream hub hands every subscriber of a topic the same (frozen) event object. For that object, subscribers with
// the same document, variables, operation name and caller get the same ExecutionResult: the first one executes the
// selection, the rest reuse its result. Per-subscriber queues, conflation and completion are untouched (each still
// pulls from its own source stream). Results live in a WeakMap keyed by the event, so they go when the event does.
// Over graphql-ws, a result's JSON is shared too (see ./directDelivery.ts).
import type { Plugin } from '@envelop/core';
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { SubscriptionQueue } from '../streams/queue.ts';
import { DirectDelivery, payloadSinkOf, type SharedExecution } from './directDelivery.ts';

type Result = ExecutionResult | Promise<ExecutionResult>;

export interface SharedSubscriptionOptions {
  /** GATEWAY_MAX_RESPONSE_BYTES: larger results are not sent directly, so the size-limit plugin replaces them. */
  readonly maxResponseBytes?: number;
}

/**
 * The operation as seen by one caller: operation name, variables and the context's `caller` (principal and account,
 * set by the context factory), so subscribers acting as different callers never share a result. The document is the
 * other half of the key (see `executeShared`).
 */
function operationKey(args: ExecutionArgs): string {
  const variables = args.variableValues ? JSON.stringify(args.variableValues) : '';
  const caller = (args.contextValue as { caller?: unknown } | null)?.caller;
  return `${args.operationName ?? ''}|${variables}|${typeof caller === 'string' ? caller : ''}`;
}

/**
 * Lets go of the loaders a subscription's context created (see `Loaders.release`): the context lives as long as the
 * subscription, its loaders only as long as one execution.
 */
function releaseLoaders(args: ExecutionArgs): void {
  (args.contextValue as { loaders?: { release?: () => void } } | null)?.loaders?.release?.();
}

/** Executes one event for `args` and releases the loaders that execution used once it is done. */
function executeEvent(args: ExecutionArgs, event: unknown): Result {
  const result = execute({ ...args, rootValue: event });
  if (!(result instanceof Promise)) {
    releaseLoaders(args);
    return result;
  }
  return result.finally(() => releaseLoaders(args));
}

/** The source stream, each event mapped through `map`; `return` (client completes) closes the source. */
class MappedEvents implements AsyncGenerator<ExecutionResult, void, void> {
  private readonly iterator: AsyncIterator<unknown>;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly map: (event: unknown) => Result,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  async next(): Promise<IteratorResult<ExecutionResult, void>> {
    const step = await this.iterator.next();
    if (step.done) return { done: true, value: undefined };
    return { done: false, value: await this.map(step.value) };
  }

  async return(): Promise<IteratorResult<ExecutionResult, void>> {
    await this.iterator.return?.();
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult, void>> {
    if (this.iterator.throw !== undefined) {
      const step = await this.iterator.throw(error);
      if (!step.done) return { done: false, value: await this.map(step.value) };
    }
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.iterator.return?.();
  }
}

export function useSharedSubscriptionExecution(options: SharedSubscriptionOptions = {}): Plugin {
  // Event → document → operation key → shared result. Documents come from yoga's parse cache, so equal text is one
  // object.
  const results = new WeakMap<object, WeakMap<DocumentNode, Map<string, SharedExecution>>>();

  const executeShared = (args: ExecutionArgs, key: string, event: unknown): SharedExecution => {
    // Primitive events cannot key a WeakMap (none of ours are); execute them per subscriber.
    if (event === null || typeof event !== 'object') return { result: executeEvent(args, event), payload: undefined };
    let byDocument = results.get(event);
    if (byDocument === undefined) {
      byDocument = new WeakMap();
      results.set(event, byDocument);
    }
    let byOperation = byDocument.get(args.document);
    if (byOperation === undefined) {
      byOperation = new Map();
      byDocument.set(args.document, byOperation);
    }
    let shared = byOperation.get(key);
    if (shared === undefined) {
      shared = { result: executeEvent(args, event), payload: undefined };
      byOperation.set(key, shared);
    }
    return shared;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      // graphql-js's own subscribe, with the per-event execute made shared.
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        releaseLoaders(args);
        if (!(Symbol.asyncIterator in (source as object))) return source as ExecutionResult;
        const key = operationKey(args);
        const sink = payloadSinkOf(args.rootValue);
        if (sink !== undefined && source instanceof SubscriptionQueue)
          return new DirectDelivery(source, sink, executeShared, args, key, options.maxResponseBytes);
        return new MappedEvents(source as AsyncIterable<unknown>, (event) => executeShared(args, key, event).result);
      });
    },
  };
}
