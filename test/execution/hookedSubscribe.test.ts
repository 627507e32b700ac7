// hookedSubscribe(): the plugins' subscribe hooks as envelop runs them — in order, able to replace the subscribe
// function, stop with a result, replace each value, see the end once and replace a failure — for graphql-ws
// subscriptions, whose streams it wraps in one object instead of envelop's iterator layers.
import type { Plugin } from '@envelop/core';
import { buildSchema, GraphQLError, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { hookedSubscribe } from '../../src/execution/hookedSubscribe.ts';

const schema = buildSchema('type Query { x: Int } type Subscription { n: Int }');
const args = (): ExecutionArgs => ({ schema, document: parse('subscription { n }'), contextValue: {} });

async function* numbers(...values: number[]): AsyncGenerator<ExecutionResult> {
  for (const n of values) yield { data: { n } };
}

async function* failing(): AsyncGenerator<ExecutionResult> {
  yield { data: { n: 1 } };
  throw new Error('source broke');
}

async function drain(stream: AsyncIterable<ExecutionResult>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const result of stream) seen.push(result.data ?? result.errors?.map((error) => error.message));
  return seen;
}

describe('hookedSubscribe', () => {
  it('runs onSubscribe hooks in order with the subscribe function the earlier ones set, and each onNext in order', async () => {
    const calls: string[] = [];
    const plugins: Plugin[] = [
      {
        onSubscribe: ({ setSubscribeFn, extendContext }) => {
          calls.push('first');
          extendContext({ seenBy: 'first' });
          setSubscribeFn(() => numbers(1, 2));
        },
      },
      {
        onSubscribe: ({ context }) => {
          calls.push(`second saw ${(context as { seenBy?: string }).seenBy}`);
          return {
            onSubscribeResult: () => ({
              onNext: ({ result, setResult }) => setResult({ data: { n: (result.data?.['n'] as number) * 10 } }),
            }),
          };
        },
      },
      {
        onSubscribe: async () => ({
          onSubscribeResult: () => ({
            onNext: ({ result, setResult }) => setResult({ data: { n: (result.data?.['n'] as number) + 1 } }),
          }),
        }),
      },
    ];
    const stream = (await hookedSubscribe(plugins)(args())) as AsyncIterable<ExecutionResult>;
    expect(await drain(stream)).toEqual([{ n: 11 }, { n: 21 }]);
    expect(calls).toEqual(['first', 'second saw first']);
  });

  it('stops at setResultAndStopExecution: later hooks and the subscribe function do not run, result hooks see it', async () => {
    const later: string[] = [];
    const refusal = { errors: [new GraphQLError('refused')] };
    const plugins: Plugin[] = [
      {
        onSubscribe: () => ({
          onSubscribeResult: ({ result, setResult }) => {
            if (result === refusal) setResult({ errors: [new GraphQLError('masked refusal')] });
          },
        }),
      },
      { onSubscribe: ({ setResultAndStopExecution }) => setResultAndStopExecution(refusal) },
      { onSubscribe: () => void later.push('ran') },
    ];
    const result = (await hookedSubscribe(plugins)(args())) as ExecutionResult;
    expect(result.errors?.map((error) => error.message)).toEqual(['masked refusal']);
    expect(later).toEqual([]);
  });

  it('calls onEnd once when the stream ends, and once when the client returns it early', async () => {
    let ended = 0;
    const plugins: Plugin[] = [
      {
        onSubscribe: ({ setSubscribeFn }) => {
          setSubscribeFn(() => numbers(1, 2, 3));
          return { onSubscribeResult: () => ({ onEnd: () => void (ended += 1) }) };
        },
      },
    ];
    const run = hookedSubscribe(plugins);
    expect(await drain((await run(args())) as AsyncIterable<ExecutionResult>)).toHaveLength(3);
    expect(ended).toBe(1);
    const early = (await run(args())) as AsyncIterableIterator<ExecutionResult>;
    await early.next();
    await early.return?.();
    await early.return?.();
    expect(ended).toBe(2);
  });

  it('hands a failure of the stream to onSubscribeError hooks and throws what they set', async () => {
    const plugins: Plugin[] = [
      {
        onSubscribe: ({ setSubscribeFn }) => {
          setSubscribeFn(() => failing());
          return { onSubscribeError: ({ setError }) => setError(new GraphQLError('Unexpected error.')) };
        },
      },
    ];
    const stream = (await hookedSubscribe(plugins)(args())) as AsyncIterable<ExecutionResult>;
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const result of stream) seen.push(result.data);
      })(),
    ).rejects.toThrow('Unexpected error.');
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('returns the stream itself when no hook wants to see its values', async () => {
    const source = numbers(1);
    const stream = await hookedSubscribe([{ onSubscribe: ({ setSubscribeFn }) => setSubscribeFn(() => source) }])(
      args(),
    );
    expect(stream).toBe(source);
  });
});
