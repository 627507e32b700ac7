// Wire data for the benchmark's stub exchange: 10 spot + 10 perpetual markets in Backpack's REST shapes.
const BASES = ['SOL', 'BTC', 'ETH', 'BNB', 'XRP', 'ADA', 'DOGE', 'AVAX', 'LINK', 'DOT'] as const;

function spotMarket(base: string): Record<string, unknown> {
  return {
    baseSymbol: base,
    createdAt: '2024-01-15T10:00:00.000000',
    filters: {
      price: {
        borrowEntryFeeMaxMultiplier: '1.01',
        borrowEntryFeeMinMultiplier: '0.99',
        discoveryBoundBand: null,
        maxImpactMultiplier: '1.01',
        maxMultiplier: '4',
        maxPrice: null,
        maxPriceUpdateMultiplier: '1.0025',
        meanMarkPriceBand: null,
        meanPremiumBand: null,
        minImpactMultiplier: '0.99',
        minMultiplier: '0.25',
        minPrice: '0.01',
        minPriceUpdateMultiplier: '0.9975',
        tickSize: '0.01',
      },
      quantity: { maxQuantity: null, minQuantity: '0.01', stepSize: '0.01' },
    },
    fundingInterval: null,
    fundingRateLowerBound: null,
    fundingRateUpperBound: null,
    imfFunction: null,
    marketType: 'SPOT',
    mmfFunction: null,
    openInterestLimit: '0',
    orderBookState: 'Open',
    positionLimitWeight: null,
    quoteSymbol: 'USDC',
    rwaMarketType: null,
    symbol: `${base}_USDC`,
    visible: true,
  };
}

function perpMarket(base: string): Record<string, unknown> {
  return {
    ...spotMarket(base),
    createdAt: '2024-09-10T14:00:00.000000',
    fundingInterval: 3_600_000,
    fundingRateLowerBound: '-150',
    fundingRateUpperBound: '150',
    imfFunction: { type: 'sqrt', base: '0.02', factor: '0.0000935' },
    mmfFunction: { type: 'sqrt', base: '0.0125', factor: '0.0000561' },
    marketType: 'PERP',
    openInterestLimit: '2000000',
    positionLimitWeight: '1',
    symbol: `${base}_USDC_PERP`,
  };
}

function asset(symbol: string): Record<string, unknown> {
  return {
    symbol,
    displayName: symbol,
    coingeckoId: symbol.toLowerCase(),
    tokens: [
      {
        displayName: symbol,
        blockchain: 'Solana',
        contractAddress: null,
        depositEnabled: true,
        minimumDeposit: '0.01',
        withdrawEnabled: true,
        minimumWithdrawal: '0.01',
        maximumWithdrawal: null,
        withdrawalFee: '0.002',
        nativeDecimals: 9,
      },
    ],
  };
}

function ticker(symbol: string, i: number): Record<string, unknown> {
  const price = (100 + i * 7.25).toFixed(2);
  return {
    symbol,
    firstPrice: price,
    lastPrice: price,
    priceChange: '0',
    priceChangePercent: '0.000934',
    high: price,
    low: price,
    volume: '24.2',
    quoteVolume: '3631.0164',
    trades: '3',
  };
}

export const MARKETS = [...BASES.map(spotMarket), ...BASES.map(perpMarket)];
export const SYMBOLS = MARKETS.map((market) => String(market.symbol));
export const ASSETS = [asset('USDC'), ...BASES.map(asset)];
export const TICKERS = SYMBOLS.map(ticker);
export const PERP_MARK_PRICES = BASES.map((base, i) => ({
  symbol: `${base}_USDC_PERP`,
  markPrice: (100 + i).toFixed(2),
  indexPrice: (100 + i).toFixed(2),
  fundingRate: '0.0000125',
  nextFundingTimestamp: 1_795_640_400_000,
}));
export const SPOT_MARK_PRICES = BASES.map((base, i) => ({
  symbol: `${base}_USDC`,
  markPrice: (100 + i).toFixed(2),
  indexPrice: null,
  fundingRate: null,
  nextFundingTimestamp: null,
}));

/** An order book snapshot in `/api/v1/depth`'s shape (both sides ascending), `levels` per side around `mid`. */
export function depthSnapshot(symbolIndex: number, levels: number): Record<string, unknown> {
  const mid = 100 + symbolIndex * 7.25;
  const side = (sign: 1 | -1): [string, string][] =>
    Array.from({ length: levels }, (_, i) => [(mid + sign * (i + 1) * 0.01).toFixed(2), (1 + i * 0.25).toFixed(2)]);
  return {
    asks: side(1),
    // Ascending: best bid last.
    bids: side(-1).reverse(),
    lastUpdateId: String(1_000_000 + symbolIndex),
    timestamp: 1_765_000_000_000_000,
  };
}

/** One `ticker.<symbol>` stream payload; `n` (trades) carries a sequence number the benchmark clients track. */
export function tickerEvent(symbol: string, seq: number): string {
  return `{"e":"ticker","E":${Date.now() * 1000},"s":"${symbol}","o":"149.93","c":"150.07","h":"150.07","l":"149.93","v":"24.2","V":"3631.0164","n":${seq}}`;
}
