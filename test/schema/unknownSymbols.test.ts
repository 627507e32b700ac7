import { parse, subscribe } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import { backpackSymbol, closestSymbols } from '../../src/schema/symbols/resolve.ts';
import { harness, wire } from './accountHarness.ts';
import { FakeUpstream, fixtures, marketHandlers } from './fakeUpstream.ts';

const depth = { asks: [['101', '1']], bids: [['100', '2']], lastUpdateId: '7', timestamp: 1788285151254895 };

function expectUnknown(result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors).toHaveLength(1);
  const extensions = result.errors?.[0]?.extensions ?? {};
  expect(extensions['code']).toBe('UNKNOWN_SYMBOL');
  expect(Array.isArray(extensions['suggestions'])).toBe(true);
  expect((extensions['suggestions'] as string[]).length).toBeGreaterThan(0);
}

/** Calls other than the catalog (which the check itself reads). */
function callsBeyondCatalog(upstream: FakeUpstream): string[] {
  return upstream.calls.map((call) => call.name).filter((name) => name !== 'getMarkets');
}

describe('unknown symbols, one behaviour', () => {
  it('market, orderBook and executeOrder answer UNKNOWN_SYMBOL with suggestions and call nothing else', async () => {
    const h = harness({ getDepth: () => depth, executeOrder: () => wire.openOrder('1') });
    for (const source of [
      '{ market(symbol: "FOO_BAR") { symbol } }',
      '{ orderBook(symbol: "FOO_BAR") { lastUpdateId } }',
      '{ ticker(symbol: "FOO_BAR") { lastPrice } }',
    ]) {
      expectUnknown(await h.run(source));
    }
    const order = await h.run(
      `mutation { executeOrder(input: { symbol: "FOO_BAR", side: BID, orderType: LIMIT, price: "1", quantity: "1" }) { __typename } }`,
    );
    expectUnknown(order);
    expect(callsBeyondCatalog(h.upstream)).toEqual([]);
  });

  it('suggests the closest known symbols', async () => {
    const h = harness();
    const result = await h.run('{ market(symbol: "SOL_USD") { symbol } }');
    expect((result.errors?.[0]?.extensions?.['suggestions'] as string[])[0]).toBe('SOL_USDC');
    expect(closestSymbols('BTC_USDC_PREP', ['BTC_USDC_PERP', 'SOL_USDC'])).toEqual(['BTC_USDC_PERP', 'SOL_USDC']);
  });

  it('answers a subscription to an unknown market with UNKNOWN_SYMBOL before subscribing upstream', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const context = createContext({ exchange: new CachedExchange(upstream), account: null });
    const result = await subscribe({
      schema,
      document: parse('subscription { ticker(symbol: "FOO_BAR") { lastPrice } }'),
      contextValue: context,
    });
    expect(Symbol.asyncIterator in result).toBe(false);
    expectUnknown(result as { errors?: readonly { extensions?: Record<string, unknown> }[] });
    expect(callsBeyondCatalog(upstream)).toEqual([]);
  });

  it('refreshes the catalog once before declaring a symbol unknown, so new listings work', async () => {
    let listed = fixtures.markets;
    const h = harness({ getMarkets: () => listed, getDepth: () => depth });
    expect((await h.run('{ market(symbol: "SOL_USDC") { symbol } }')).errors).toBeUndefined();
    const first = fixtures.markets[0] as (typeof fixtures.markets)[number];
    listed = [...fixtures.markets, { ...first, symbol: 'NEW_USDC', baseSymbol: 'NEW' }];
    const result = await h.run('{ orderBook(symbol: "NEW_USDC") { lastUpdateId } }');
    expect(result.errors).toBeUndefined();
    expect(h.paramsOf('getDepth')).toEqual([{ symbol: 'NEW_USDC', limit: '20' }]);
    // A second unknown symbol within the refresh interval does not refetch the catalog.
    const before = h.upstream.count('getMarkets');
    expectUnknown(await h.run('{ orderBook(symbol: "NOPE_USDC") { lastUpdateId } }'));
    expect(h.upstream.count('getMarkets')).toBe(before);
  });

  it("accepts ccxt's unified symbols wherever a Backpack symbol works, and answers with Backpack's", async () => {
    const h = harness({
      getDepth: () => depth,
      executeOrder: (params) => wire.openOrder('9', { symbol: params['symbol'] }),
    });
    const market = await h.run(
      '{ market(symbol: "SOL/USDC:USDC") { symbol } spot: market(symbol: "SOL/USDC") { symbol } }',
    );
    expect(market.data).toEqual({ market: { symbol: 'SOL_USDC_PERP' }, spot: { symbol: 'SOL_USDC' } });
    await h.run('{ orderBook(symbol: "SOL/USDC") { lastUpdateId } }');
    expect(h.paramsOf('getDepth')).toEqual([{ symbol: 'SOL_USDC', limit: '20' }]);
    const order = await h.run(
      `mutation { executeOrder(input: { symbol: "SOL/USDC", side: BID, orderType: LIMIT, price: "100.25", quantity: "1.5" }) {
        ... on ExecuteOrderSuccess { order { market { symbol } } } } }`,
    );
    expect(order.errors).toBeUndefined();
    expect(h.paramsOf('executeOrder')[0]).toMatchObject({ symbol: 'SOL_USDC' });
    expect(backpackSymbol('BTC/USDC')).toBe('BTC_USDC');
    expect(backpackSymbol('AAPL.US_USDC_PERP')).toBe('AAPL.US_USDC_PERP');
  });
});
