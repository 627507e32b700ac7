import { describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { ExchangeError } from '../../src/exchange/errors.ts';
import { createLoaders } from '../../src/loaders.ts';
import { FakeUpstream, fixtures, marketHandlers } from './fakeUpstream.ts';

function setup(overrides = {}) {
  const upstream = new FakeUpstream({ ...marketHandlers(), ...overrides });
  return { upstream, loaders: createLoaders(new CachedExchange(upstream)) };
}

describe('per-request loaders', () => {
  it('loads N tickers with one /tickers call', async () => {
    const { upstream, loaders } = setup();
    const symbols = fixtures.tickers.map((t) => t.symbol);
    const rows = await Promise.all(symbols.map((symbol) => loaders.ticker.load({ symbol })));
    expect(rows.map((row) => row?.symbol)).toEqual(symbols);
    expect(upstream.count('getTickers')).toBe(1);
    expect(upstream.count('getTicker')).toBe(0);
  });

  it('resolves a market /tickers omits (no ticker data) to null without a per-symbol call', async () => {
    const { upstream, loaders } = setup();
    const [known, missing] = await Promise.all([
      loaders.ticker.load({ symbol: 'SOL_USDC' }),
      loaders.ticker.load({ symbol: 'NEW_USDC' }),
    ]);
    expect(known?.lastPrice).toBe('100.5');
    expect(missing).toBeNull();
    expect(upstream.count()).toBe(1);
  });

  it('keeps ticker windows apart: one /tickers call per interval', async () => {
    const { upstream, loaders } = setup();
    await Promise.all([
      loaders.ticker.load({ symbol: 'SOL_USDC' }),
      loaders.ticker.load({ symbol: 'SOL_USDC', interval: '1w' }),
      loaders.ticker.load({ symbol: 'BTC_USDC', interval: '1w' }),
    ]);
    expect(upstream.calls.filter((c) => c.name === 'getTickers').map((c) => c.params)).toEqual([
      {},
      { interval: '1w' },
    ]);
  });

  it('loads mark prices with one /markPrices call per market type present', async () => {
    const { upstream, loaders } = setup();
    const rows = await loaders.markPrice.loadMany([
      'SOL_USDC',
      'SOL_USDC_PERP',
      'BTC_USDC_PERP',
      'ELECTION_USDC_PRED',
      'NOPE',
    ]);
    expect(rows.map((row) => (row && !(row instanceof Error) ? row.markPrice : null))).toEqual([
      '100.6',
      '100.69',
      '86710',
      '0.42',
      null,
    ]);
    expect(upstream.calls.filter((c) => c.name === 'getMarkPrices').map((c) => c.params)).toEqual([
      { marketType: 'SPOT' },
      {},
      { marketType: 'PREDICTION' },
    ]);
  });

  it('asks only for the types it needs: perps alone cost one call without parameters', async () => {
    const { upstream, loaders } = setup();
    expect((await loaders.markPrice.load('BTC_USDC_PERP'))?.markPrice).toBe('86710');
    expect(upstream.calls.filter((c) => c.name === 'getMarkPrices').map((c) => c.params)).toEqual([{}]);
  });

  it('finds markets of every type in one /markets call and falls back to /market for new listings', async () => {
    const listed = { ...fixtures.markets[0], symbol: 'NEW_USDC_RFQ', marketType: 'RFQ' };
    const { upstream, loaders } = setup({
      getMarket: ({ symbol }: Record<string, unknown>) => {
        if (symbol === 'NEW_USDC_RFQ') return listed;
        throw new ExchangeError({
          kind: 'http',
          status: 400,
          endpoint: 'GET /api/v1/market',
          code: 'INVALID_CLIENT_REQUEST',
          message: 'Invalid market symbol',
        });
      },
    });
    const rows = await loaders.market.loadMany(['SOL_USDC', 'ELECTION_USDC_PRED', 'NEW_USDC_RFQ', 'NOPE_USDC']);
    expect(rows.map((row) => (row && !(row instanceof Error) ? row.symbol : row))).toEqual([
      'SOL_USDC',
      'ELECTION_USDC_PRED',
      'NEW_USDC_RFQ',
      null,
    ]);
    expect(upstream.count('getMarkets')).toBe(1);
    expect(upstream.calls.find((c) => c.name === 'getMarkets')?.params).toEqual({
      marketType: ['SPOT', 'PERP', 'IPERP', 'DATED', 'PREDICTION', 'RFQ'],
    });
    expect(upstream.count('getMarket')).toBe(2);
  });

  it('loads assets and open interest with one list call each', async () => {
    const { upstream, loaders } = setup();
    const [sol, usdc, nope] = await loaders.asset.loadMany(['SOL', 'USDC', 'NOPE']);
    expect([sol, usdc, nope].map((a) => (a && !(a instanceof Error) ? a.displayName : a))).toEqual([
      'Solana',
      'USD Coin',
      null,
    ]);
    const oi = await loaders.openInterest.loadMany(['SOL_USDC_PERP', 'BTC_USDC_PERP']);
    expect(oi.map((row) => (row && !(row instanceof Error) ? row.openInterest : row))).toEqual(['1234.5', null]);
    expect(upstream.count('getAssets')).toBe(1);
    expect(upstream.count('getOpenInterest')).toBe(1);
  });
});
