// Compiled queries (graphql-jit) answer exactly as the standard executor does: data, coded errors with their
// locations and paths, masked failures; and only queries without @defer/@stream are compiled.
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { useCompiledQueries } from '../../src/execution/compiledQueries.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

const BOOK =
  'query Book($s: String!, $n: Int!) { orderBook(symbol: $s, limit: $n) { symbol bids { price quantity } } }';

/** Two lines, so the error locations below are not all on line 1. */
const SHAPES = `query Shapes($withAsset: Boolean!, $skipTicker: Boolean!) {
  spot: markets(marketType: [SPOT]) { __typename symbol ...Asset @include(if: $withAsset) ticker @skip(if: $skipTicker) { symbol } }
}
fragment Asset on Market { baseAsset { symbol } quoteAsset { symbol } }`;

/** One request id for both answers: errors carry it. */
const SAME_ID = { headers: { 'x-request-id': 'same-id' } };

const cases: [string, string, Record<string, unknown>?][] = [
  ['an order book', BOOK, { s: 'SOL_USDC', n: 3 }],
  ['aliases, fragments, @include and @skip', SHAPES, { withAsset: true, skipTicker: true }],
  ['the same document with the other directives', SHAPES, { withAsset: false, skipTicker: false }],
  ['an unknown market (BAD_USER_INPUT with its path and location)', BOOK, { s: 'NOPE_USDC', n: 3 }],
  [
    'an error on the third line, after \\r\\n and \\n line ends',
    'query Lines($s: String!) {\r\n  spot: markets { symbol }\n  orderBook(symbol: $s) { symbol }\n}',
    { s: 'NOPE_USDC' },
  ],
  ['a depth out of range', BOOK, { s: 'SOL_USDC', n: 0 }],
  ['a variable of the wrong type', BOOK, { s: 'SOL_USDC', n: 'two' }],
  ['a missing variable', BOOK, { s: 'SOL_USDC' }],
  [
    'an exchange error with its code, next to data',
    '{ markets { symbol } account { order(symbol: "SOL_USDC", id: "999999999") { id } } }',
  ],
];

describe('compiled queries answer exactly as the standard executor', () => {
  let gateway: TestGateway;
  let standard: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ sandbox: { seed: 5, flow: { enabled: false } } });
    standard = await gateway.replica({ GATEWAY_COMPILE_QUERIES_AT: '0' });
  });
  afterAll(() => gateway.close());

  for (const [name, query, variables] of cases) {
    it(`answers ${name} the same`, async () => {
      const before = gateway.gateway.compiledQueries.executions;
      const compiled = await gql(gateway, query, variables, SAME_ID);
      expect(gateway.gateway.compiledQueries.executions).toBe(before + 1);
      const plain = await gql(standard, query, variables, SAME_ID);
      expect(compiled.status).toBe(plain.status);
      expect(compiled.body).toEqual(plain.body);
      expect(JSON.stringify(compiled.body)).toBe(JSON.stringify(plain.body));
      expect(standard.compiledQueries).toEqual({ compiled: 0, executions: 0 });
    });
  }

  it('leaves @defer and mutations to the standard executor', async () => {
    const before = { ...gateway.gateway.compiledQueries };
    const deferred = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: '{ markets { symbol ... @defer { baseAsset { symbol } } } }' }),
    });
    expect(deferred.headers.get('content-type')).toContain('multipart/mixed');
    expect(await deferred.text()).toContain('baseAsset');
    const cancel = await gql(gateway, 'mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename } }');
    expect(cancel.body.errors).toBeUndefined();
    expect(gateway.gateway.compiledQueries).toEqual(before);
  });

  it('never compiles an operation refused before it runs (over the cost limit)', async () => {
    const before = { ...gateway.gateway.compiledQueries };
    const heavy =
      'query Heavy($n: Int!) { orderBook(symbol: "SOL_USDC", limit: $n) { symbol bids { price quantity } } }';
    for (let run = 0; run < 2; run += 1) {
      const refused = await gql(gateway, heavy, { n: 5000 });
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('COST_LIMIT');
    }
    expect(gateway.gateway.compiledQueries).toEqual(before);
    expect((await gql(gateway, heavy, { n: 2 })).body.errors).toBeUndefined();
    expect(gateway.gateway.compiledQueries).toEqual({
      compiled: before.compiled + 1,
      executions: before.executions + 1,
    });
  });

  it('compiles a document at its Nth execution (GATEWAY_COMPILE_QUERIES_AT)', async () => {
    const third = await gateway.replica({ GATEWAY_COMPILE_QUERIES_AT: '3' });
    const counts: number[] = [];
    for (let run = 0; run < 4; run += 1) {
      expect((await gql(third, BOOK, { s: 'SOL_USDC', n: run + 1 })).body.errors).toBeUndefined();
      counts.push(third.compiledQueries.executions);
    }
    expect(counts).toEqual([0, 0, 1, 2]);
    expect(third.compiledQueries.compiled).toBe(1);
  });

  it('answers an unexpected failure masked, logging it once', async () => {
    // Both gateways' exchanges (and their per-request views) fail the same way: a bug thrown from inside.
    const prototype = CachedExchange.prototype as unknown as {
      callWithMeta: (name: string, ...rest: unknown[]) => unknown;
    };
    const callWithMeta = prototype.callWithMeta;
    prototype.callWithMeta = function failing(this: unknown, name: string, ...rest: unknown[]) {
      if (name === 'getDepth') throw new Error('boom');
      return callWithMeta.call(this, name, ...rest);
    };
    try {
      const compiled = await gql(gateway, BOOK, { s: 'SOL_USDC', n: 2 }, SAME_ID);
      const plain = await gql(standard, BOOK, { s: 'SOL_USDC', n: 2 }, SAME_ID);
      expect(compiled.body).toEqual(plain.body);
      expect(compiled.body.errors?.map((error) => error.message)).toEqual(['Unexpected error.']);
    } finally {
      prototype.callWithMeta = callWithMeta;
    }
  });
});

describe('compiled query plans', () => {
  it('keeps at most maxCompiled documents, compiling an evicted one again when it returns', async () => {
    const stats = { compiled: 0, executions: 0 };
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { a: Int! b: Int! }',
        resolvers: { Query: { a: () => 1, b: () => 2 } },
      }),
      logging: false,
      plugins: [useCompiledQueries({ compileAt: 1, maxCompiled: 1 }, stats)],
    });
    const run = async (query: string): Promise<unknown> => {
      const response = await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return response.json();
    };
    expect(await run('{ a }')).toEqual({ data: { a: 1 } });
    expect(await run('{ a }')).toEqual({ data: { a: 1 } });
    expect(stats).toEqual({ compiled: 1, executions: 2 });
    expect(await run('{ b }')).toEqual({ data: { b: 2 } });
    expect(await run('{ a }')).toEqual({ data: { a: 1 } });
    expect(stats).toEqual({ compiled: 3, executions: 4 });
  });
});
