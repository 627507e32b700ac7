// Replicas share one public cache through Redis: reads spread over two replicas cost the exchange what they cost one
// gateway, concurrent misses on both cost one call, values survive Redis exactly, and a dead Redis costs no answers.
// Against a real redis-server and the sandbox; upstream calls are counted at the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { until } from '../support/until.ts';

// Long TTLs so a slow machine never sees an entry expire mid-test: the counts below depend on reads, not on time.
const LONG_TTLS = {
  GATEWAY_CACHE_TTL_MS:
    'getTicker=600000,getTickers=600000,getMarkPrices=600000,getDepth=600000,getRecentTrades=600000',
};
const SANDBOX = { seed: 21, flow: { enabled: false } } as const;
const SYMBOLS = ['SOL_USDC', 'BTC_USDC', 'ETH_USDC'];

/** A user's market reads: one ticker, the market list with tickers, and an order book, per symbol. */
function readsOf(symbol: string): string[] {
  return [
    `{ ticker(symbol: "${symbol}") { symbol lastPrice high low volume } }`,
    '{ markets { symbol ticker { lastPrice } } }',
    `{ orderBook(symbol: "${symbol}", limit: 5) { bids { price quantity } asks { price quantity } } }`,
  ];
}

/** Sandbox requests per endpoint since the last reset, without the readiness probe's clock reads. */
function upstreamCalls(env: TestGateway): Record<string, number> {
  const { getTime: _time, ping: _ping, ...rest } = env.sandbox.stats.requests();
  return rest;
}

async function answer(target: { url: string }, query: string): Promise<Record<string, unknown>> {
  const response = await gql(target, query);
  expect(response.body.errors, query).toBeUndefined();
  return response.body.data as Record<string, unknown>;
}

describe('one gateway (the reference)', () => {
  let single: TestGateway;
  let reference: Record<string, number>;

  beforeAll(async () => {
    single = await startGateway({ sandbox: SANDBOX, account: null, env: LONG_TTLS });
  });
  afterAll(async () => {
    await single?.close();
  });

  it('costs the exchange one call per distinct read', async () => {
    single.sandbox.stats.resetRequests();
    for (const symbol of SYMBOLS) for (const query of readsOf(symbol)) await answer(single, query);
    for (const symbol of SYMBOLS) for (const query of readsOf(symbol)) await answer(single, query);
    reference = upstreamCalls(single);
    // `ticker` and `markets.ticker` share one /tickers call; one /depth per book.
    expect(reference).toEqual({ getTickers: 1, getDepth: SYMBOLS.length });
  });

  describe('two replicas sharing Redis', () => {
    let redis: RedisServer;
    let env: TestGateway;
    let a: Gateway;
    let b: Gateway;

    beforeAll(async () => {
      redis = await startRedis();
      env = await startGateway({
        sandbox: SANDBOX,
        account: null,
        env: { ...LONG_TTLS, GATEWAY_REDIS_URL: redis.url },
      });
      a = env.gateway;
      env.sandbox.stats.resetRequests();
      b = await env.replica();
    });
    afterAll(async () => {
      await env?.close();
      await redis?.stop();
    });

    it('starts the second replica from the catalog the first one stored', () => {
      expect(env.sandbox.stats.requests()['getMarkets'] ?? 0).toBe(0);
      expect(env.sandbox.stats.requests()['getAssets'] ?? 0).toBe(0);
    });

    it('answers reads alternating between the replicas with the upstream calls of one gateway', async () => {
      env.sandbox.stats.resetRequests();
      let turn = 0;
      const next = (): Gateway => (turn++ % 2 === 0 ? a : b);
      for (const symbol of SYMBOLS) for (const query of readsOf(symbol)) await answer(next(), query);
      for (const symbol of SYMBOLS) for (const query of readsOf(symbol)) await answer(next(), query);
      expect(upstreamCalls(env)).toEqual(reference);
    });

    it('gives both replicas the same exact decimal strings the exchange sent', async () => {
      const wire = await restGet<{ lastPrice: string; high: string; low: string; volume: string }>(
        env.sandbox,
        '/api/v1/ticker?symbol=SOL_USDC',
      );
      const query = '{ ticker(symbol: "SOL_USDC") { lastPrice high low volume } }';
      const fromA = await answer(a, query);
      const fromB = await answer(b, query);
      const expected = { ticker: { lastPrice: wire.lastPrice, high: wire.high, low: wire.low, volume: wire.volume } };
      expect(fromA).toEqual(expected);
      expect(fromB).toEqual(expected);
      expect(typeof (fromB['ticker'] as { lastPrice: unknown }).lastPrice).toBe('string');

      const depth = await restGet<{ bids: [string, string][]; asks: [string, string][] }>(
        env.sandbox,
        '/api/v1/depth?symbol=SOL_USDC&limit=5',
      );
      const book = await answer(b, '{ orderBook(symbol: "SOL_USDC", limit: 5) { asks { price quantity } } }');
      expect(book).toEqual({
        orderBook: { asks: depth.asks.slice(0, 5).map(([price, quantity]) => ({ price, quantity })) },
      });
    });

    it('fetches once for misses that arrive on both replicas at the same moment', async () => {
      env.sandbox.stats.resetRequests();
      // Books not read before (another depth limit): every replica misses locally and in Redis.
      const queries = SYMBOLS.map(
        (symbol) => `{ orderBook(symbol: "${symbol}", limit: 100) { bids { price quantity } asks { price } } }`,
      );
      const answers = await Promise.all(
        [a, b, a, b].flatMap((replica) => queries.map((query) => answer(replica, query))),
      );
      expect(upstreamCalls(env)).toEqual({ getDepth: SYMBOLS.length });
      for (const [index, data] of answers.entries()) expect(data).toEqual(answers[index % SYMBOLS.length]);
    });

    it('answers from the exchange while Redis stalls (CLIENT PAUSE), with the values of the exchange', async () => {
      const wire = await restGet<{ bids: [string, string][] }>(env.sandbox, '/api/v1/depth?symbol=ETH_USDC&limit=20');
      const expected = { orderBook: { bids: [...wire.bids].reverse().map(([price]) => ({ price })) } };
      // Redis holds every client's commands for 1.5 s: longer than a cache read waits on it.
      await redis.client().call('CLIENT', 'PAUSE', '1500', 'ALL');
      const query = '{ orderBook(symbol: "ETH_USDC", limit: 20) { bids { price } } }';
      const [fromA, fromB] = await Promise.all([answer(a, query), answer(b, query)]);
      expect(fromA).toEqual(expected);
      expect(fromB).toEqual(expected);
      expect(a.replica?.healthy).toBe(true);
    });

    it('keeps answering from the exchange while Redis is dead, and shares again once it is back', async () => {
      const wire = await restGet<{ asks: [string, string][] }>(env.sandbox, '/api/v1/depth?symbol=BTC_USDC&limit=50');
      const expected = { orderBook: { asks: wire.asks.slice(0, 50).map(([price]) => ({ price })) } };
      await redis.kill();
      await until(() => a.replica?.healthy === false && b.replica?.healthy === false, 'both replicas see Redis gone');
      env.sandbox.stats.resetRequests();
      const alone = '{ orderBook(symbol: "BTC_USDC", limit: 50) { asks { price } } }';
      expect(await answer(a, alone)).toEqual(expected);
      expect(await answer(b, alone)).toEqual(expected);
      // Each replica on its own: one call each.
      expect(upstreamCalls(env)).toEqual({ getDepth: 2 });

      await redis.restart();
      await until(() => a.replica?.healthy === true && b.replica?.healthy === true, 'both replicas reconnected');
      env.sandbox.stats.resetRequests();
      const shared = '{ orderBook(symbol: "BTC_USDC", limit: 500) { asks { price } } }';
      const fromA = await answer(a, shared);
      expect(await answer(b, shared)).toEqual(fromA);
      expect(upstreamCalls(env)).toEqual({ getDepth: 1 });
    });
  });
});
