import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../src/exchange/errors.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { wsClient } from '../support/subscriptions.ts';
import { FakeUpstream, fixtures, marketHandlers } from './fakeUpstream.ts';

const perps = Array.from({ length: 10 }, (_, i) => `C${i}_USDC_PERP`);
const spots = Array.from({ length: 10 }, (_, i) => `C${i}_USDC`);
const markets = [
  ...spots.map((symbol, i) => ({ ...fixtures.markets[0], symbol, baseSymbol: `C${i}`, marketType: 'SPOT' })),
  ...perps.map((symbol, i) => ({ ...fixtures.markets[2], symbol, baseSymbol: `C${i}`, marketType: 'PERP' })),
];
const tickers = markets.map((m, i) => ({ ...fixtures.tickers[0], symbol: m.symbol, lastPrice: `${i}.5` }));

let upstream: FakeUpstream;
let env: TestGateway;
let gateway: Gateway;

beforeAll(async () => {
  upstream = new FakeUpstream({
    ...marketHandlers(),
    getMarkets: () => markets,
    getTickers: () => tickers,
    getMarkPrices: ({ marketType }) =>
      marketType === 'SPOT'
        ? spots.map((symbol, i) => ({ symbol, markPrice: `${i}.75` }))
        : perps.map((symbol, i) => ({ symbol, markPrice: `${i}.25` })),
    getAssets: () =>
      markets.slice(0, 10).map((m) => ({ symbol: m.baseSymbol, displayName: `Coin ${m.baseSymbol}`, tokens: [] })),
    getDepth: () => ({
      asks: [
        ['101', '1'],
        ['102', '2'],
        ['103', '3'],
      ],
      bids: [
        ['97', '3'],
        ['98', '2'],
        ['99', '1'],
      ],
      lastUpdateId: '4324522523',
      timestamp: 1788285151254895,
    }),
    getStatus: () => {
      throw new ExchangeError({
        kind: 'http',
        endpoint: 'GET /api/v1/status',
        status: 503,
        code: 'MAINTENANCE',
        message: 'Under maintenance',
      });
    },
    getWallets: () => {
      throw new Error('secret internal detail');
    },
  });
  env = await startGateway({ upstream });
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.close();
});

const query = async (source: string) => (await gql<any>(env, source)).body;

describe('gateway over HTTP (fake exchange)', () => {
  it('answers 20 markets with ticker, markPrice and baseAsset from a warm catalog in 3 upstream calls', async () => {
    upstream.reset();
    const result = await query(
      `{ markets { symbol ticker { lastPrice } markPrice { markPrice } baseAsset { symbol displayName } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.markets).toHaveLength(20);
    expect(result.data.markets[0]).toEqual({
      symbol: 'C0_USDC',
      ticker: { lastPrice: '0.5' },
      markPrice: { markPrice: '0.75' },
      baseAsset: { symbol: 'C0', displayName: 'Coin C0' },
    });
    expect(result.data.markets[10]).toEqual({
      symbol: 'C0_USDC_PERP',
      ticker: { lastPrice: '10.5' },
      markPrice: { markPrice: '0.25' },
      baseAsset: { symbol: 'C0', displayName: 'Coin C0' },
    });
    expect(upstream.count()).toBeLessThanOrEqual(3);
    expect(upstream.calls.map((c) => `${c.name} ${JSON.stringify(c.params)}`).sort()).toEqual([
      'getMarkPrices {"marketType":"SPOT"}',
      'getMarkPrices {}',
      'getTickers {}',
    ]);
  });

  it('answers 50 concurrent identical ticker queries with one upstream call', async () => {
    gateway.exchange.clear();
    upstream.reset();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => query('{ ticker(symbol: "C3_USDC") { symbol lastPrice } }')),
    );
    expect(results.every((r) => r.data?.ticker?.lastPrice === '3.5')).toBe(true);
    // One call for the tickers and one for the market catalog the symbol is checked against.
    expect(upstream.count('getTickers')).toBe(1);
    expect(upstream.count()).toBe(2);
  });

  it('serves the order book best-first on both sides, trimmed to the limit', async () => {
    const { data } = await query(
      '{ orderBook(symbol: "C0_USDC", limit: 2) { bids { price } asks { price } lastUpdateId timestamp } }',
    );
    expect(data.orderBook).toEqual({
      bids: [{ price: '99' }, { price: '98' }],
      asks: [{ price: '101' }, { price: '102' }],
      lastUpdateId: '4324522523',
      timestamp: '2026-09-01T17:52:31.254895Z',
    });
    expect(upstream.calls.filter((c) => c.name === 'getDepth').at(-1)?.params).toEqual({
      symbol: 'C0_USDC',
      limit: '5',
    });
  });

  it('rejects an out-of-range depth as BAD_USER_INPUT without calling the exchange', async () => {
    upstream.reset();
    const result = await query('{ orderBook(symbol: "C0_USDC", limit: 5000) { lastUpdateId } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(upstream.count('getDepth')).toBe(0);
  });

  it('reports exchange failures with a stable code and masks unexpected ones', async () => {
    const status = await query('{ status { status } }');
    expect(status.errors?.[0]).toMatchObject({
      message: 'Under maintenance',
      extensions: { code: 'EXCHANGE_UNAVAILABLE', exchangeCode: 'MAINTENANCE', endpoint: 'GET /api/v1/status' },
    });
    const wallets = await query('{ wallets { address } }');
    expect(wallets.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(wallets)).not.toMatch(/secret internal detail|stack/);
  });

  it('executes operations over graphql-ws on the same path', async () => {
    const client = wsClient(env.wsUrl);
    try {
      const result = await new Promise<any>((resolve, reject) => {
        let last: unknown;
        client.subscribe(
          { query: '{ ticker(symbol: "C2_USDC") { lastPrice } }' },
          {
            next: (value) => (last = value),
            error: reject,
            complete: () => resolve(last),
          },
        );
      });
      expect(result).toEqual({ data: { ticker: { lastPrice: '2.5' } } });
    } finally {
      await client.dispose();
    }
  });

  it('serves GraphiQL with a default query to browsers', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('MarketsAndBook');
  });
});
