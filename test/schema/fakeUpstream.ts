// A fake REST client for schema tests: answers endpoint-table calls from fixtures and counts them per endpoint.
import type { EndpointDef } from '../../src/exchange/endpoint.ts';
import type { EndpointName } from '../../src/exchange/endpoints.ts';
import { assertCallable, type ResponseWithMeta, type PageInfo } from '../../src/exchange/rest.ts';
import type { Upstream } from '../../src/exchange/cache.ts';
import { ExchangeError } from '../../src/exchange/errors.ts';

export type FakeHandler = (params: Record<string, unknown>) => unknown | Promise<unknown>;

/** A fixture answer with pagination headers. */
export class Paged {
  constructor(
    readonly data: unknown,
    readonly page: PageInfo,
  ) {}
}

export class FakeUpstream implements Upstream {
  readonly calls: { name: string; params: Record<string, unknown> }[] = [];

  constructor(private readonly handlers: Partial<Record<EndpointName, FakeHandler>>) {}

  count(name?: EndpointName): number {
    return name ? this.calls.filter((call) => call.name === name).length : this.calls.length;
  }

  reset(): void {
    this.calls.length = 0;
  }

  async requestWithMeta<Req, Res>(def: EndpointDef<Req, Res>, params?: Req): Promise<ResponseWithMeta<Res>> {
    // The REST client's own refusal, so session-only endpoints fail here as they would against the exchange.
    assertCallable(def as EndpointDef<unknown, unknown>, true);
    const record = { ...(params ?? {}) } as Record<string, unknown>;
    this.calls.push({ name: def.name, params: record });
    const handler = this.handlers[def.name as EndpointName];
    if (!handler) throw new Error(`fake upstream: no handler for ${def.name}`);
    // Yield once so that concurrent callers really overlap, as with a network round-trip.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const answer = await handler(record);
    const headers = new Headers();
    if (answer instanceof Paged) return { data: answer.data as Res, status: 200, headers, page: answer.page };
    return { data: answer as Res, status: 200, headers };
  }
}

/** An open borrow-lend market with a 0.000001 step (the fields the gateway's checks read, the rest neutral). */
function borrowLendMarket(symbol: string) {
  return {
    symbol,
    state: 'Open',
    assetMarkPrice: '1',
    borrowInterestRate: '0.05',
    lendInterestRate: '0.04',
    borrowedQuantity: '0',
    lentQuantity: '0',
    utilization: '0',
    optimalUtilization: '0.8',
    maxUtilization: '0.95',
    openBorrowLendLimit: '1000000',
    throttleUtilizationThreshold: '0.9',
    throttleUtilizationBound: '0.95',
    throttleUpdateFraction: '0.1',
    fee: '0',
    stepSize: '0.000001',
    timestamp: '2026-01-01T00:00:00',
  };
}

export const fixtures = {
  markets: [
    market('SOL_USDC', 'SOL', 'USDC', 'SPOT'),
    market('BTC_USDC', 'BTC', 'USDC', 'SPOT'),
    market('SOL_USDC_PERP', 'SOL', 'USDC', 'PERP'),
    market('BTC_USDC_PERP', 'BTC', 'USDC', 'PERP'),
    market('ELECTION_USDC_PRED', 'ELECTION', 'USDC', 'PREDICTION'),
  ],
  tickers: [
    ticker('SOL_USDC', '100.5', '-0.029032'),
    ticker('BTC_USDC', '86700', '0.5'),
    ticker('SOL_USDC_PERP', '100.7', '0.001'),
    ticker('BTC_USDC_PERP', '86710.1', '-0.1'),
  ],
  markPrices: [
    {
      symbol: 'SOL_USDC_PERP',
      markPrice: '100.69',
      indexPrice: '100.68',
      fundingRate: '0.0000125',
      nextFundingTimestamp: 1788368400000,
    },
    {
      symbol: 'BTC_USDC_PERP',
      markPrice: '86710',
      indexPrice: '86709.5',
      fundingRate: '-0.00001',
      nextFundingTimestamp: 1788368400000,
    },
  ],
  spotMarkPrices: [
    { symbol: 'SOL_USDC', markPrice: '100.6' },
    { symbol: 'BTC_USDC', markPrice: '86705' },
  ],
  predictionMarkPrices: [{ symbol: 'ELECTION_USDC_PRED', markPrice: '0.42' }],
  assets: [
    { symbol: 'SOL', displayName: 'Solana', coingeckoId: 'solana', tokens: [] },
    { symbol: 'BTC', displayName: 'Bitcoin', coingeckoId: 'bitcoin', tokens: [] },
    {
      symbol: 'USDC',
      displayName: 'USD Coin',
      coingeckoId: 'usd-coin',
      tokens: [
        {
          displayName: 'USD Coin',
          blockchain: 'Solana',
          depositEnabled: true,
          minimumDeposit: '1',
          withdrawEnabled: true,
          minimumWithdrawal: '2',
          maximumWithdrawal: null,
          withdrawalFee: '1',
          nativeDecimals: 6,
        },
      ],
    },
  ],
};

function market(symbol: string, base: string, quote: string, marketType: string) {
  return {
    symbol,
    baseSymbol: base,
    quoteSymbol: quote,
    marketType,
    filters: { price: { minPrice: '0.01', tickSize: '0.01' }, quantity: { minQuantity: '0.01', stepSize: '0.01' } },
    orderBookState: 'Open',
    createdAt: '2025-01-21T06:34:54.691858',
    visible: true,
  };
}

function ticker(symbol: string, lastPrice: string, priceChangePercent: string) {
  return {
    symbol,
    firstPrice: '100',
    lastPrice,
    priceChange: '0.5',
    priceChangePercent,
    high: '101',
    low: '99',
    volume: '1000',
    quoteVolume: '100000',
    trades: '3872',
  };
}

/** Handlers covering the public catalog and price endpoints used by most tests. */
export function marketHandlers(): Partial<Record<EndpointName, FakeHandler>> {
  return {
    getMarkets: () => fixtures.markets,
    getMarket: () => {
      throw new ExchangeError({
        kind: 'http',
        endpoint: 'GET /api/v1/market',
        status: 400,
        code: 'INVALID_CLIENT_REQUEST',
        message: 'Invalid market symbol',
      });
    },
    getTickers: () => fixtures.tickers,
    getMarkPrices: ({ marketType }) =>
      marketType === 'PREDICTION'
        ? fixtures.predictionMarkPrices
        : marketType === 'SPOT'
          ? fixtures.spotMarkPrices
          : fixtures.markPrices,
    getAssets: () => fixtures.assets,
    getBorrowLendMarkets: () => fixtures.assets.map(({ symbol }) => borrowLendMarket(symbol)),
    getOpenInterest: () => [{ symbol: 'SOL_USDC_PERP', openInterest: '1234.5', timestamp: 1788368400000 }],
  };
}
