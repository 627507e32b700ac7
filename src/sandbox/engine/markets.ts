// The sandbox's catalog: assets (with per-chain tokens), markets (full `Market` wire objects) and collateral parameters.
import type { CollateralSummary, MarginFunction, MarketAsset, Token } from '../../exchange/types/assets.ts';
import type { Blockchain, MarketType, OrderBookState, RwaMarketType } from '../../exchange/types/enums.ts';
import type { Market } from '../../exchange/types/markets.ts';
import { SandboxError } from '../http/handler.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';

export interface AssetSpec {
  readonly symbol: string;
  readonly displayName: string;
  readonly coingeckoId: string | null;
  /** Precision fees and settlements in this asset are rounded to. */
  readonly decimals: number;
  readonly tokens: readonly Token[];
  /** Collateral weight (haircut) and whether an inverse-sqrt penalty applies; null = not collateral. */
  readonly collateralWeight: string | null;
}

export interface MarketSpec {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly marketType: MarketType;
  readonly rwaMarketType: RwaMarketType | null;
  readonly tickSize: Decimal;
  readonly stepSize: Decimal;
  readonly minQuantity: Decimal;
  readonly maxQuantity: Decimal | null;
  readonly minPrice: Decimal;
  readonly maxPrice: Decimal | null;
  readonly priceDecimals: number;
  readonly quantityDecimals: number;
  /** Limit prices must lie within [last × min, last × max] (INVALID_PRICE otherwise). */
  readonly minMultiplier: Decimal;
  readonly maxMultiplier: Decimal;
  /** Futures only: initial/maintenance margin functions. */
  readonly imfFunction: MarginFunction | null;
  readonly mmfFunction: MarginFunction | null;
  /** Perps: ms between funding settlements. */
  readonly fundingInterval: number | null;
  /** Perps: funding rate clamp in basis points. */
  readonly fundingRateBoundBps: Decimal | null;
  readonly openInterestLimit: Decimal;
  /** The spot market that prices this perp's index; null = a seeded random walk. */
  readonly indexSource: string | null;
  /** Where simulated prices start (index walk, initial flow). */
  readonly initialPrice: Decimal;
  /** Hourly volatility of the random-walk index (fraction), for markets without an index source. */
  readonly hourlyVolatility: number;
  readonly createdAt: string;
  orderBookState: OrderBookState;
}

export const PREDICTION_MARKET_SYMBOL = 'SOLWP123126A200_USDC';
export const RFQ_MARKET_SYMBOL = 'SOL_USDC_RFQ';

function token(blockchain: Blockchain, displayName: string, contractAddress: string | null, extra: Partial<Token> = {}): Token {
  return {
    displayName,
    blockchain,
    contractAddress,
    depositEnabled: true,
    minimumDeposit: '0.01',
    withdrawEnabled: true,
    minimumWithdrawal: '0.02',
    maximumWithdrawal: null,
    withdrawalFee: '0.01',
    nativeDecimals: null,
    ...extra,
  };
}

const ASSETS: readonly AssetSpec[] = [
  {
    symbol: 'USDC',
    displayName: 'USD Coin',
    coingeckoId: 'usd-coin',
    decimals: 6,
    collateralWeight: '1',
    tokens: [
      token('Solana', 'USD Coin', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', { withdrawalFee: '1', minimumWithdrawal: '2', nativeDecimals: 6 }),
      token('Ethereum', 'USD Coin', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', { withdrawalFee: '5', minimumWithdrawal: '10', nativeDecimals: 6 }),
      token('Base', 'USD Coin', '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', { withdrawalFee: '1', minimumWithdrawal: '2', nativeDecimals: 6 }),
    ],
  },
  {
    symbol: 'USDT',
    displayName: 'Tether USD',
    coingeckoId: 'tether',
    decimals: 6,
    collateralWeight: '0.95',
    tokens: [
      token('Solana', 'Tether USD', 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', { withdrawalFee: '1', minimumWithdrawal: '2', nativeDecimals: 6 }),
      token('Ethereum', 'Tether USD', '0xdac17f958d2ee523a2206206994597c13d831ec7', { withdrawalFee: '5', minimumWithdrawal: '10', nativeDecimals: 6 }),
      token('Tron', 'Tether USD', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', { withdrawalFee: '2', minimumWithdrawal: '5', nativeDecimals: 6 }),
    ],
  },
  {
    symbol: 'SOL',
    displayName: 'Solana',
    coingeckoId: 'solana',
    decimals: 9,
    collateralWeight: '0.85',
    tokens: [token('Solana', 'Solana', null, { withdrawalFee: '0.002', minimumWithdrawal: '0.01', nativeDecimals: 9 })],
  },
  {
    symbol: 'BTC',
    displayName: 'Bitcoin',
    coingeckoId: 'bitcoin',
    decimals: 8,
    collateralWeight: '0.9',
    tokens: [
      token('Bitcoin', 'Bitcoin', null, { withdrawalFee: '0.00002', minimumWithdrawal: '0.0001', minimumDeposit: '0.00001', nativeDecimals: 8 }),
      token('Solana', 'Wrapped Bitcoin (Portal)', '3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh', {
        withdrawalFee: '0.00001',
        minimumWithdrawal: '0.0001',
        minimumDeposit: '0.00001',
        nativeDecimals: 8,
      }),
    ],
  },
  {
    symbol: 'ETH',
    displayName: 'Ethereum',
    coingeckoId: 'ethereum',
    decimals: 8,
    collateralWeight: '0.9',
    tokens: [
      token('Ethereum', 'Ethereum', null, { withdrawalFee: '0.0015', minimumWithdrawal: '0.003', minimumDeposit: '0.001', nativeDecimals: 18 }),
      token('Arbitrum', 'Ethereum', null, { withdrawalFee: '0.0002', minimumWithdrawal: '0.001', minimumDeposit: '0.001', nativeDecimals: 18 }),
      token('Base', 'Ethereum', null, { withdrawalFee: '0.0002', minimumWithdrawal: '0.001', minimumDeposit: '0.001', nativeDecimals: 18 }),
    ],
  },
  { symbol: 'AAPL.US', displayName: 'Apple Inc.', coingeckoId: null, decimals: 8, collateralWeight: null, tokens: [] },
  {
    symbol: 'SOLWP123126A200',
    displayName: 'SOL above 200 on Dec 31 2026',
    coingeckoId: null,
    decimals: 6,
    collateralWeight: null,
    tokens: [],
  },
];

interface MarketSeed {
  symbol: string;
  base: string;
  quote?: string;
  marketType: MarketType;
  rwaMarketType?: RwaMarketType;
  tickSize: string;
  stepSize: string;
  minQuantity?: string;
  maxQuantity?: string;
  minPrice?: string;
  maxPrice?: string;
  initialPrice: string;
  indexSource?: string;
  hourlyVolatility?: number;
  openInterestLimit?: string;
  imf?: [string, string];
  mmf?: [string, string];
  createdAt: string;
}

const SEEDS: readonly MarketSeed[] = [
  { symbol: 'SOL_USDC', base: 'SOL', marketType: 'SPOT', tickSize: '0.01', stepSize: '0.01', initialPrice: '150', createdAt: '2024-01-15T10:00:00.000000' },
  { symbol: 'BTC_USDC', base: 'BTC', marketType: 'SPOT', tickSize: '0.1', stepSize: '0.00001', initialPrice: '95000', createdAt: '2024-01-15T10:00:01.000000' },
  { symbol: 'ETH_USDC', base: 'ETH', marketType: 'SPOT', tickSize: '0.01', stepSize: '0.0001', initialPrice: '3500', createdAt: '2024-01-15T10:00:02.000000' },
  { symbol: 'USDT_USDC', base: 'USDT', marketType: 'SPOT', tickSize: '0.0001', stepSize: '0.01', minQuantity: '1', initialPrice: '1.0001', hourlyVolatility: 0.0002, createdAt: '2024-02-01T09:30:00.000000' },
  { symbol: 'SOL_USDC_PERP', base: 'SOL', marketType: 'PERP', tickSize: '0.01', stepSize: '0.01', initialPrice: '150', indexSource: 'SOL_USDC', openInterestLimit: '2000000', imf: ['0.02', '0.0000935'], mmf: ['0.0125', '0.0000561'], createdAt: '2024-09-10T14:00:00.000000' },
  { symbol: 'BTC_USDC_PERP', base: 'BTC', marketType: 'PERP', tickSize: '0.1', stepSize: '0.00001', initialPrice: '95000', indexSource: 'BTC_USDC', openInterestLimit: '500', imf: ['0.02', '0.00006'], mmf: ['0.0125', '0.000036'], createdAt: '2024-09-10T14:00:01.000000' },
  { symbol: 'ETH_USDC_PERP', base: 'ETH', marketType: 'PERP', tickSize: '0.01', stepSize: '0.0001', initialPrice: '3500', indexSource: 'ETH_USDC', openInterestLimit: '20000', imf: ['0.02', '0.00006'], mmf: ['0.0125', '0.000036'], createdAt: '2024-09-10T14:00:02.000000' },
  { symbol: 'AAPL.US_USDC_PERP', base: 'AAPL.US', marketType: 'PERP', rwaMarketType: 'STOCK', tickSize: '0.01', stepSize: '0.001', initialPrice: '230', hourlyVolatility: 0.004, openInterestLimit: '50000', imf: ['0.1', '0.0002'], mmf: ['0.05', '0.0001'], createdAt: '2025-10-01T13:30:00.000000' },
  { symbol: RFQ_MARKET_SYMBOL, base: 'SOL', marketType: 'RFQ', tickSize: '0.01', stepSize: '0.01', initialPrice: '150', createdAt: '2024-11-05T12:00:00.000000' },
  { symbol: PREDICTION_MARKET_SYMBOL, base: 'SOLWP123126A200', marketType: 'PREDICTION', tickSize: '0.001', stepSize: '1', minQuantity: '1', minPrice: '0.001', maxPrice: '0.999', initialPrice: '0.42', hourlyVolatility: 0.01, createdAt: '2025-12-01T00:00:00.000000' },
];

function isFutures(type: MarketType): boolean {
  return type === 'PERP' || type === 'IPERP' || type === 'DATED';
}

function toSpec(seed: MarketSeed): MarketSpec {
  const tickSize = D.parse(seed.tickSize);
  const stepSize = D.parse(seed.stepSize);
  const futures = isFutures(seed.marketType);
  return {
    symbol: seed.symbol,
    base: seed.base,
    quote: seed.quote ?? 'USDC',
    marketType: seed.marketType,
    rwaMarketType: seed.rwaMarketType ?? null,
    tickSize,
    stepSize,
    minQuantity: D.parse(seed.minQuantity ?? seed.stepSize),
    maxQuantity: seed.maxQuantity === undefined ? null : D.parse(seed.maxQuantity),
    minPrice: D.parse(seed.minPrice ?? seed.tickSize),
    maxPrice: seed.maxPrice === undefined ? null : D.parse(seed.maxPrice),
    priceDecimals: D.decimalsOf(tickSize),
    quantityDecimals: D.decimalsOf(stepSize),
    minMultiplier: D.parse('0.25'),
    maxMultiplier: D.parse('4'),
    imfFunction: futures && seed.imf ? { type: 'sqrt', base: seed.imf[0], factor: seed.imf[1] } : null,
    mmfFunction: futures && seed.mmf ? { type: 'sqrt', base: seed.mmf[0], factor: seed.mmf[1] } : null,
    fundingInterval: seed.marketType === 'PERP' ? 3_600_000 : null,
    fundingRateBoundBps: seed.marketType === 'PERP' ? D.parse('150') : null,
    openInterestLimit: D.parse(seed.openInterestLimit ?? '0'),
    indexSource: seed.indexSource ?? null,
    initialPrice: D.parse(seed.initialPrice),
    hourlyVolatility: seed.hourlyVolatility ?? 0.006,
    createdAt: seed.createdAt,
    orderBookState: 'Open',
  };
}

const DEFAULT_MARKET_TYPES: readonly MarketType[] = ['SPOT', 'PERP'];

export function invalidMarketSymbol(): SandboxError {
  return new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Invalid market symbol');
}

export class MarketCatalog {
  private readonly marketMap = new Map<string, MarketSpec>();
  private readonly assetMap = new Map<string, AssetSpec>();

  constructor() {
    for (const asset of ASSETS) this.assetMap.set(asset.symbol, asset);
    for (const seed of SEEDS) this.marketMap.set(seed.symbol, toSpec(seed));
  }

  /** All markets of the given types; with no types, SPOT and PERP only (reference §6 #10). */
  list(types: readonly MarketType[] = DEFAULT_MARKET_TYPES): MarketSpec[] {
    return [...this.marketMap.values()].filter((market) => types.includes(market.marketType));
  }

  all(): MarketSpec[] {
    return [...this.marketMap.values()];
  }

  get(symbol: string): MarketSpec | undefined {
    return this.marketMap.get(symbol);
  }

  /** The market or 400 `Invalid market symbol`. */
  require(symbol: string): MarketSpec {
    const market = this.marketMap.get(symbol);
    if (market === undefined) throw invalidMarketSymbol();
    return market;
  }

  setOrderBookState(symbol: string, state: OrderBookState): void {
    this.require(symbol).orderBookState = state;
  }

  asset(symbol: string): AssetSpec | undefined {
    return this.assetMap.get(symbol);
  }

  assetList(): AssetSpec[] {
    return [...this.assetMap.values()];
  }

  /** Rounding precision for amounts in `asset` (8 when unknown). */
  assetDecimals(symbol: string): number {
    return this.assetMap.get(symbol)?.decimals ?? 8;
  }

  assetsWire(): MarketAsset[] {
    return this.assetList().map((asset) => ({
      symbol: asset.symbol,
      displayName: asset.displayName,
      coingeckoId: asset.coingeckoId,
      tokens: asset.tokens.map((entry) => ({ ...entry })),
    }));
  }

  collateralWire(): CollateralSummary[] {
    return this.assetList()
      .filter((asset) => asset.collateralWeight !== null)
      .map((asset) => ({
        symbol: asset.symbol,
        imfFunction: { type: 'sqrt', base: '0.02', factor: asset.symbol === 'USDC' ? '0' : '0.00006' },
        mmfFunction: { type: 'sqrt', base: '0.0125', factor: asset.symbol === 'USDC' ? '0' : '0.000036' },
        haircutFunction: {
          weight: asset.collateralWeight ?? '0',
          kind:
            asset.symbol === 'USDC' || asset.symbol === 'USDT'
              ? { type: 'identity' }
              : { type: 'inverseSqrt', base: '1', positiveCurvePenalty: '0.00001' },
        },
      }));
  }

  marketWire(market: MarketSpec): Market {
    const futures = isFutures(market.marketType);
    const tick = D.toString(market.tickSize);
    return {
      baseSymbol: market.base,
      createdAt: market.createdAt,
      filters: {
        price: {
          borrowEntryFeeMaxMultiplier: futures ? null : '1.01',
          borrowEntryFeeMinMultiplier: futures ? null : '0.99',
          discoveryBoundBand: market.rwaMarketType === null ? null : { maxMultiplier: '1.1', minMultiplier: '0.9' },
          maxImpactMultiplier: '1.01',
          maxMultiplier: D.toString(market.maxMultiplier),
          maxPrice: market.maxPrice === null ? null : D.toString(market.maxPrice),
          maxPriceUpdateMultiplier: '1.0025',
          meanMarkPriceBand: futures ? { maxMultiplier: '1.03', minMultiplier: '0.97' } : null,
          meanPremiumBand: futures ? { tolerancePct: '0.05' } : null,
          minImpactMultiplier: '0.99',
          minMultiplier: D.toString(market.minMultiplier),
          minPrice: D.toString(market.minPrice),
          minPriceUpdateMultiplier: '0.9975',
          tickSize: tick,
        },
        quantity: {
          maxQuantity: market.maxQuantity === null ? null : D.toString(market.maxQuantity),
          minQuantity: D.toString(market.minQuantity),
          stepSize: D.toString(market.stepSize),
        },
      },
      fundingInterval: market.fundingInterval,
      fundingRateLowerBound: market.fundingRateBoundBps === null ? null : D.toString(-market.fundingRateBoundBps),
      fundingRateUpperBound: market.fundingRateBoundBps === null ? null : D.toString(market.fundingRateBoundBps),
      imfFunction: market.imfFunction,
      marketType: market.marketType,
      mmfFunction: market.mmfFunction,
      openInterestLimit: D.toString(market.openInterestLimit),
      orderBookState: market.orderBookState,
      positionLimitWeight: futures ? '1' : null,
      quoteSymbol: market.quote,
      rwaMarketType: market.rwaMarketType,
      symbol: market.symbol,
      visible: true,
    };
  }
}
