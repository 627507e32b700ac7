import { envelop, useEngine, useSchema } from '@envelop/core';
import {
  execute,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  subscribe,
  validate,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { useSharedSubscriptionExecution } from '../../src/execution/sharedSubscriptions.ts';

/** One shared event object per tick, as the stream hub hands every subscriber of a topic. */
function makeSchema(events: readonly object[], counter: { resolved: number }): GraphQLSchema {
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt },
      label: {
        type: GraphQLString,
        args: { prefix: { type: GraphQLString } },
        resolve: (tick: { n: number }, args: { prefix?: string }) => {
          counter.resolved += 1;
          return `${args.prefix ?? ''}${tick.n}`;
        },
      },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt, resolve: () => 1 } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: {
          type: Tick,
          subscribe: async function* () {
            for (const event of events) yield event;
          },
          resolve: (event: unknown) => event,
        },
      },
    }),
  });
}

async function collect(run: () => unknown): Promise<ExecutionResult[]> {
  const stream = (await run()) as AsyncIterable<ExecutionResult>;
  const results: ExecutionResult[] = [];
  for await (const result of stream) results.push(result);
  return results;
}

describe('shared subscription execution', () => {
  it('executes each event once for subscribers of the same operation, and apart for different variables', async () => {
    const events = [Object.freeze({ n: 1 }), Object.freeze({ n: 2 })];
    const counter = { resolved: 0 };
    const getEnveloped = envelop({
      plugins: [
        useEngine({ parse, validate, execute, subscribe }),
        useSchema(makeSchema(events, counter)),
        useSharedSubscriptionExecution(),
      ],
    });
    const document = parse('subscription($p: String) { ticks { n label(prefix: $p) } }');
    const run = (prefix: string) => () => {
      const { schema, subscribe: run } = getEnveloped();
      return run({ schema, document, variableValues: { p: prefix }, contextValue: {} });
    };
    const [a, b, c] = await Promise.all([collect(run('#')), collect(run('#')), collect(run('@'))]);
    expect(a.map((r) => r.data)).toEqual([{ ticks: { n: 1, label: '#1' } }, { ticks: { n: 2, label: '#2' } }]);
    expect(b).toEqual(a);
    expect(c.map((r) => r.data)).toEqual([{ ticks: { n: 1, label: '@1' } }, { ticks: { n: 2, label: '@2' } }]);
    // Two operations (prefix # and @) × two events; the second '#' subscriber reused the first one's results.
    expect(counter.resolved).toBe(4);
  });

  it('closes the source stream when the subscriber completes', async () => {
    let closed = false;
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
      subscription: new GraphQLObjectType({
        name: 'Subscription',
        fields: {
          n: {
            type: GraphQLInt,
            subscribe: async function* () {
              try {
                for (let i = 0; ; i += 1) yield { n: i };
              } finally {
                closed = true;
              }
            },
            resolve: (event: { n: number }) => event.n,
          },
        },
      }),
    });
    const getEnveloped = envelop({
      plugins: [
        useEngine({ parse, validate, execute, subscribe }),
        useSchema(schema),
        useSharedSubscriptionExecution(),
      ],
    });
    const { subscribe: run } = getEnveloped();
    const stream = (await run({
      schema,
      document: parse('subscription { n }'),
      contextValue: {},
    })) as AsyncGenerator<ExecutionResult>;
    expect((await stream.next()).value).toEqual({ data: { n: 0 } });
    await stream.return(undefined);
    expect(closed).toBe(true);
  });
});
