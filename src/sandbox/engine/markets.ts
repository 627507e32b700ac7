// The sandbox's catalog: assets (with per-chain tokens), markets (full `Market` wire objects) and collateral parameters.
// The data itself lives in catalogAssets.ts (asset rows) and marketSeeds.ts (market seed rows).
import type { CollateralSummary, MarginFunction, MarketAsset } from '../../exchange/types/assets.ts';
import type { MarketType, OrderBookState, RwaMarketType } from '../../exchange/types/enums/markets.ts';
import type { Market } from '../../exchange/types/markets.ts';
import { SandboxError } from './errors.ts';
import { ASSETS, type AssetSpec } from './catalogAssets.ts';
import { SEEDS, type MarketSeed } from './marketSeeds.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';

export type { AssetSpec } from './catalogAssets.ts';

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

  /** All markets of the given types; with no types, SPOT and PERP only (the exchange hides the others unless asked). */
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
