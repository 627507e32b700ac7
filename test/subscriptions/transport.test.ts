import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadSubscriptionConfig } from '../../src/streams/config.ts';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { startGateway } from '../support/gateway.ts';
import type { TestGateway } from '../support/gateway.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 } });
});
afterAll(async () => {
  await env?.close();
});

describe('subscription transport', () => {
  it('serves subscriptions over yoga SSE on the same path as graphql-ws', async () => {
    const controller = new AbortController();
    const response = await fetch(env.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { ticker(symbol: "SOL_USDC") { symbol lastPrice } }' }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    let text = '';
    while (reader && !/event: next\ndata: .*"ticker"/.test(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += Buffer.from(chunk.value).toString('utf8');
    }
    controller.abort();
    const data = /event: next\ndata: (.*)\n/.exec(text)?.[1];
    expect(JSON.parse(data ?? '{}')).toMatchObject({ data: { ticker: { symbol: 'SOL_USDC' } } });
    await until(() => env.streams.status().subscriptions.active === 0, 'the SSE subscription to end with the request');
  });

  it('runs queries and subscriptions over graphql-ws with connection params, through the same context factory', async () => {
    const client = wsClient(env.wsUrl, { authToken: 'not-used-yet' });
    try {
      const status = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: '{ streamStatus { clients { connections } } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(status).toEqual({ data: { streamStatus: { clients: { connections: 1 } } } });
      const tickers = collect(
        client,
        'subscription { ticker(symbol: "BTC_USDC") { symbol market { symbol baseSymbol } } }',
        'ticker',
      );
      await until(() => tickers.values.length > 0, 'a ticker');
      expect(tickers.values[0]).toEqual({ symbol: 'BTC_USDC', market: { symbol: 'BTC_USDC', baseSymbol: 'BTC' } });
    } finally {
      await client.dispose();
    }
  });

  it('runs mutations over graphql-ws like over HTTP POST: validated before any upstream call, then placed', async () => {
    const client = wsClient(env.wsUrl);
    const once = (query: string) =>
      new Promise<unknown>((resolve, reject) => {
        client.subscribe({ query }, { next: resolve, error: reject, complete: () => undefined });
      });
    try {
      const offTick = await once(
        'mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "100.001", quantity: "1" }) { __typename ... on InvalidOrder { field } } }',
      );
      expect(offTick).toEqual({ data: { executeOrder: { __typename: 'InvalidOrder', field: 'price' } } });
      const placed = (await once(
        'mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "100", quantity: "1" }) { __typename ... on ExecuteOrderSuccess { order { status price } } } }',
      )) as { data: { executeOrder: { __typename: string; order: { status: string; price: string } } } };
      expect(placed.data.executeOrder).toEqual({
        __typename: 'ExecuteOrderSuccess',
        order: { status: 'NEW', price: '100' },
      });
    } finally {
      await client.dispose();
    }
  });

  it("answers a malformed operation with an error for that operation only: the client's other subscriptions go on", async () => {
    const client = wsClient(env.wsUrl);
    try {
      const tickers = collect(client, 'subscription { ticker(symbol: "SOL_USDC") { lastPrice } }', 'ticker');
      await until(() => tickers.values.length > 0, 'a ticker');
      const broken = collect(client, 'subscription { ticker(symbol: "SOL_USDC") { lastPrice ', 'ticker');
      const flood = collect(client, `{ markets { ${'symbol '.repeat(2_500)}} }`, 'markets');
      await until(() => broken.errors.length > 0 && flood.errors.length > 0, 'both operations to be refused');
      expect(broken.errors).toMatchObject([[{ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }]]);
      expect(flood.errors).toMatchObject([[{ message: expect.stringMatching(/token limit/i) }]]);
      const received = tickers.values.length;
      await until(() => tickers.values.length > received, 'the ticker to keep coming on the same connection');
      expect(tickers.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('rejects unknown markets (UNKNOWN_SYMBOL) and out-of-range depths (BAD_USER_INPUT) instead of a silent subscription', async () => {
    const client = wsClient(env.wsUrl);
    try {
      const unknown = collect(client, 'subscription { trades(symbol: "NOPE_USDC") { tradeId } }', 'trades');
      const deep = collect(
        client,
        'subscription { orderBook(symbol: "SOL_USDC", depth: 5000) { lastUpdateId } }',
        'orderBook',
      );
      await until(() => unknown.completed && deep.completed, 'both subscriptions to end');
      expect(unknown.errors).toMatchObject([
        {
          extensions: { code: 'UNKNOWN_SYMBOL', suggestions: expect.arrayContaining([expect.any(String)]) as unknown },
        },
      ]);
      expect(deep.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: 'depth' } }]);
      expect(env.sandbox.stats.ws().subscribes['trade.NOPE_USDC']).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});

describe('subscription settings', () => {
  it('reads the buffer bound and order-book conflation from the environment, with named errors', () => {
    expect(loadSubscriptionConfig({})).toEqual({ bufferCapacity: 256, orderBookConflateMs: 100 });
    expect(loadSubscriptionConfig({ GATEWAY_SUBSCRIPTION_BUFFER: '32', GATEWAY_ORDERBOOK_CONFLATE_MS: '0' })).toEqual({
      bufferCapacity: 32,
      orderBookConflateMs: 0,
    });
    expect(() => loadSubscriptionConfig({ GATEWAY_SUBSCRIPTION_BUFFER: '0' })).toThrow(ConfigError);
    expect(() => loadSubscriptionConfig({ GATEWAY_ORDERBOOK_CONFLATE_MS: 'fast' })).toThrow(
      /GATEWAY_ORDERBOOK_CONFLATE_MS/,
    );
  });
});
