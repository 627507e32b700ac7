// A subscription started through the plugins' subscribe hooks as envelop runs them (same order, same payloads), but its
// result hooks kept as three lists on one object instead of one wrapping async iterator per hook kind.
//
// envelop wraps the stream of every subscription in a mapping, a final and an error iterator, each a handful of
// closures (about 3 KiB per idle subscription in all). Here `onSubscribe`, `setSubscribeFn`, `extendContext`,
// `setResultAndStopExecution` and `onSubscribeResult` (with `setResult`) run exactly as in envelop; what they return is
// applied by one HookedStream: `onNext` to each value pulled, `onEnd` once when the stream ends or is returned (not
// when it fails, as in envelop), and `onSubscribeError` to a failure, which is then thrown.
import type { OnSubscribeHook, OnSubscribeHookResult, Plugin } from '@envelop/core';
import { subscribe as graphqlSubscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';

type Stream = AsyncIterator<ExecutionResult>;
type Subscribed = ExecutionResult | AsyncIterable<ExecutionResult>;
type NextHook = (payload: {
  args: ExecutionArgs;
  result: ExecutionResult;
  setResult: (result: ExecutionResult) => void;
}) => void | Promise<void>;
type EndHook = () => void;
type ErrorHook = (payload: { error: unknown; setError: (error: unknown) => void }) => void;

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

const NONE: readonly never[] = Object.freeze([]);

function exact<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : list.slice();
}

/** One subscription's stream with its plugins' result hooks applied as it is pulled. */
export class HookedStream implements AsyncIterator<ExecutionResult> {
  private ended = false;

  constructor(
    private readonly source: Stream,
    private readonly args: ExecutionArgs,
    private readonly onNext: readonly NextHook[],
    private readonly onEnd: readonly EndHook[],
    private readonly onError: readonly ErrorHook[],
  ) {}

  async next(): Promise<IteratorResult<ExecutionResult>> {
    let step: IteratorResult<ExecutionResult>;
    try {
      step = await this.source.next();
    } catch (error) {
      throw this.failed(error);
    }
    if (step.done) {
      this.end();
      return step;
    }
    let result = step.value;
    const setResult = (replaced: ExecutionResult): void => {
      result = replaced;
    };
    for (const hook of this.onNext) await hook({ args: this.args, result, setResult });
    return { done: false, value: result };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    try {
      return (await this.source.return?.()) ?? { done: true, value: undefined };
    } finally {
      this.end();
    }
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (this.source.throw === undefined) throw error;
    return this.source.throw(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const hook of this.onEnd) hook();
  }

  private failed(error: unknown): unknown {
    let replaced = error;
    const setError = (next: unknown): void => {
      replaced = next;
    };
    for (const hook of this.onError) hook({ error: replaced, setError });
    return replaced;
  }
}

/**
 * `subscribe(args)` through `plugins`' subscribe hooks; a stream comes back as a HookedStream when any hook wants to
 * see its values, its end or its failure. The plugins are the enveloped list (yoga's `getEnveloped._plugins`).
 */
export function hookedSubscribe(plugins: readonly Plugin[]): (args: ExecutionArgs) => Promise<Subscribed> {
  const onSubscribeHooks = plugins
    .map((plugin) => plugin.onSubscribe as OnSubscribeHook<unknown> | undefined)
    .filter((hook) => hook !== undefined);
  return async (args) => {
    let subscribeFn = graphqlSubscribe as (args: ExecutionArgs) => unknown;
    let stopped: { result: unknown } | undefined;
    const after: OnSubscribeHookResult<unknown>[] = [];
    const context = (args.contextValue ?? {}) as Record<string, unknown>;
    for (const onSubscribe of onSubscribeHooks) {
      const returned = onSubscribe({
        subscribeFn: subscribeFn as never,
        setSubscribeFn: (replaced) => {
          subscribeFn = replaced as (args: ExecutionArgs) => unknown;
        },
        context,
        extendContext: (extension) => void Object.assign(context, extension),
        args: args as never,
        setResultAndStopExecution: (result) => {
          stopped = { result };
        },
      });
      const hooks = returned instanceof Promise ? await returned : returned;
      if (hooks) after.push(hooks);
      if (stopped !== undefined) break;
    }
    let result = (stopped !== undefined ? stopped.result : await subscribeFn(args)) as Subscribed;
    const onNext: NextHook[] = [];
    const onEnd: EndHook[] = [];
    const onError: ErrorHook[] = [];
    for (const { onSubscribeResult, onSubscribeError } of after) {
      if (onSubscribeError) onError.push(onSubscribeError);
      const hooks = onSubscribeResult?.({
        args: args as never,
        result: result as never,
        setResult: (replaced) => {
          result = replaced as Subscribed;
        },
      });
      if (hooks?.onNext) onNext.push(hooks.onNext as NextHook);
      if (hooks?.onEnd) onEnd.push(hooks.onEnd);
    }
    if (!isAsyncIterable(result) || onNext.length + onEnd.length + onError.length === 0) return result;
    // Exact-length copies: a list grown by push keeps room for 17 entries (152 bytes), for the subscription's life.
    return new HookedStream(result[Symbol.asyncIterator](), args, exact(onNext), exact(onEnd), exact(onError));
  };
}
