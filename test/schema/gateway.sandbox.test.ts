// End to end: GraphQL over HTTP against the gateway bound to the sandbox exchange; values are checked against the
// sandbox's own REST answers and upstream requests are counted at the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import type { Gateway } from '../../src/server.ts';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

let env: TestGateway;
let sandbox: SandboxHandle;
let gateway: Gateway;

beforeAll(async () => {
  // No live flow: REST answers and GraphQL answers must describe the same instant.
  env = await startGateway({ sandbox: { seed: 7, flow: { enabled: false } }, account: null });
  ({ sandbox, gateway } = env);
});

afterAll(async () => {
  await env?.close();
});

const rest = <T>(path: string): Promise<T> => restGet<T>(sandbox, path);

async function graphql(source: string): Promise<any> {
  const { body } = await gql(gateway, source);
  expect(body.errors).toBeUndefined();
  return body.data;
}

interface WireMarket {
  symbol: string;
  baseSymbol: string;
  marketType: string;
  filters: { price: { tickSize: string }; quantity: { stepSize: string } };
}
interface WireTicker {
  symbol: string;
  lastPrice: string;
  priceChangePercent: string;
  volume: string;
}

describe('gateway on the sandbox exchange', () => {
  it('lists the same markets, tick and step sizes as REST /markets', async () => {
    const wire = await rest<WireMarket[]>('/api/v1/markets');
    const data = await graphql(
      '{ markets { symbol marketType baseSymbol filters { price { tickSize } quantity { stepSize } } } }',
    );
    expect(data.markets.map((m: any) => m.symbol).sort()).toEqual(wire.map((m) => m.symbol).sort());
    for (const market of data.markets) {
      const row = wire.find((m) => m.symbol === market.symbol)!;
      expect(market.filters.price.tickSize).toBe(row.filters.price.tickSize);
      expect(market.filters.quantity.stepSize).toBe(row.filters.quantity.stepSize);
      expect(market.marketType).toBe(row.marketType);
    }
  });

  it('serves tickers with the same decimals as REST /tickers, percent computed exactly', async () => {
    const wire = await rest<WireTicker[]>('/api/v1/tickers');
    const data = await graphql('{ tickers { symbol lastPrice volume priceChangeFraction priceChangePercent } }');
    expect(data.tickers.length).toBe(wire.length);
    for (const row of wire) {
      const ticker = data.tickers.find((t: any) => t.symbol === row.symbol);
      expect(ticker).toMatchObject({
        lastPrice: row.lastPrice,
        volume: row.volume,
        priceChangeFraction: row.priceChangePercent,
      });
    }
  });

  it('serves an order book equal to REST /depth, bids reversed to best-first', async () => {
    const [symbol] = (await rest<WireMarket[]>('/api/v1/markets'))
      .filter((m) => m.marketType === 'SPOT')
      .map((m) => m.symbol);
    const wire = await rest<{ asks: [string, string][]; bids: [string, string][]; lastUpdateId: string }>(
      `/api/v1/depth?symbol=${symbol}&limit=5`,
    );
    const data = await graphql(
      `{ orderBook(symbol: "${symbol}", limit: 5) { bids { price quantity } asks { price quantity } lastUpdateId } }`,
    );
    expect(data.orderBook.lastUpdateId).toBe(wire.lastUpdateId);
    expect(data.orderBook.bids).toEqual(
      [...wire.bids]
        .reverse()
        .slice(0, 5)
        .map(([price, quantity]) => ({ price, quantity })),
    );
    expect(data.orderBook.asks).toEqual(wire.asks.slice(0, 5).map(([price, quantity]) => ({ price, quantity })));
  });

  it('serves perp mark prices equal to REST /markPrices and assets equal to REST /assets', async () => {
    const marks = await rest<{ symbol: string; markPrice: string }[]>('/api/v1/markPrices');
    const assets = await rest<{ symbol: string; displayName: string }[]>('/api/v1/assets');
    const data = await graphql('{ markPrices { symbol markPrice } assets { symbol displayName } }');
    expect(data.markPrices).toEqual(marks.map(({ symbol, markPrice }) => ({ symbol, markPrice })));
    expect(data.assets).toEqual(assets.map(({ symbol, displayName }) => ({ symbol, displayName })));
  });

  it('answers 20 markets with ticker, markPrice and baseAsset in at most 3 upstream requests', async () => {
    // Nothing cached from earlier tests except the catalog, which a running gateway keeps warm (as at startup).
    gateway.exchange.clear();
    await gateway.exchange.warmCatalog();
    sandbox.stats.resetRequests();
    const data = await graphql(
      '{ markets(marketType: [SPOT, PERP]) { symbol ticker { lastPrice } markPrice { markPrice } baseAsset { symbol displayName } } }',
    );
    // Read before this test's own REST calls below, which the sandbox counts too.
    const upstream = sandbox.stats.requests();
    expect(env.upstreamCount()).toBeLessThanOrEqual(3);
    // One /tickers and one /markPrices per market type, whatever the number of markets.
    expect(upstream).toEqual({ getTickers: 1, getMarkPrices: 2 });

    const wire = await rest<WireMarket[]>('/api/v1/markets');
    const tickers = await rest<WireTicker[]>('/api/v1/tickers');
    const assets = await rest<{ symbol: string; displayName: string }[]>('/api/v1/assets');
    // Spot and perp mark prices both come from the exchange (one /markPrices call per type).
    const marks = [
      ...(await rest<{ symbol: string; markPrice: string }[]>('/api/v1/markPrices')),
      ...(await rest<{ symbol: string; markPrice: string }[]>('/api/v1/markPrices?marketType=SPOT')),
    ];
    expect(data.markets.length).toBeGreaterThanOrEqual(20);
    expect(data.markets.map((m: any) => m.symbol).sort()).toEqual(wire.map((m) => m.symbol).sort());
    // The seeded flow prints trades in every SPOT/PERP market, so every one has a ticker and a mark price.
    expect(tickers.map((t) => t.symbol).sort()).toEqual(wire.map((m) => m.symbol).sort());
    expect(marks.map((m) => m.symbol).sort()).toEqual(wire.map((m) => m.symbol).sort());
    for (const market of data.markets) {
      const row = wire.find((m) => m.symbol === market.symbol)!;
      expect(market.ticker, market.symbol).toEqual({
        lastPrice: tickers.find((t) => t.symbol === market.symbol)?.lastPrice,
      });
      expect(market.markPrice, market.symbol).toEqual({
        markPrice: marks.find((m) => m.symbol === market.symbol)?.markPrice,
      });
      const asset = assets.find((a) => a.symbol === row.baseSymbol);
      expect(asset, `asset ${row.baseSymbol}`).toBeDefined();
      expect(market.baseAsset, market.symbol).toEqual({ symbol: row.baseSymbol, displayName: asset?.displayName });
    }
  });

  it('pages trade history with limit/offset and hasNextPage (no X-TOTAL on this endpoint: probes with limit + 1)', async () => {
    const all = await rest<{ id: number }[]>('/api/v1/trades/history?symbol=SOL_USDC&limit=1000');
    const count = all.length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThan(1000);
    const page = async (offset: number) =>
      (
        await graphql(
          `{ tradeHistory(symbol: "SOL_USDC", limit: 2, offset: ${offset}) { items { id } pageInfo { limit offset total hasNextPage } } }`,
        )
      ).tradeHistory;
    const ids = (rows: readonly { id: number }[]) => rows.map((row) => ({ id: String(row.id) }));

    expect(await page(0)).toEqual({
      items: ids(all.slice(0, 2)),
      pageInfo: { limit: 2, offset: 0, total: null, hasNextPage: true },
    });
    expect(await page(count - 2)).toEqual({
      items: ids(all.slice(count - 2)),
      pageInfo: { limit: 2, offset: count - 2, total: null, hasNextPage: false },
    });
    expect(await page(count)).toEqual({
      items: [],
      pageInfo: { limit: 2, offset: count, total: null, hasNextPage: false },
    });
  });

  it('answers 50 concurrent identical ticker queries with one upstream request', async () => {
    const [symbol] = (await rest<WireTicker[]>('/api/v1/tickers')).map((t) => t.symbol);
    gateway.exchange.clear();
    sandbox.stats.resetRequests();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => graphql(`{ ticker(symbol: "${symbol}") { lastPrice } }`)),
    );
    expect(new Set(results.map((r) => r.ticker.lastPrice)).size).toBe(1);
    // One for the tickers, one for the market catalog the symbol is checked against.
    expect(env.upstreamCount()).toBe(2);
  });
});
