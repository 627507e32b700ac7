// Mark and index prices, funding (current and history) and open interest of derivative markets.
import { MAX_FUNDING_RATES_LIMIT } from '../exchange/limits.ts';
import type { FundingIntervalRate, MarkPrice, OpenInterest } from '../exchange/types/marketData.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { MarketTypeEnum } from './enums.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, type Page, type PageWindow } from './pagination.ts';

export const MarkPriceRef = builder.objectRef<MarkPrice>('MarkPrice').implement({
  description:
    'Mark price of a market (used for margin and liquidation), with index price and funding estimate for perpetuals.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    markPrice: t.field({
      type: 'Decimal',
      description: 'Mark price (used for margin and liquidation).',
      resolve: (r) => r.markPrice,
    }),
    indexPrice: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Index price from external venues.',
      resolve: (r) => r.indexPrice ?? null,
    }),
    fundingRate: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Estimated funding rate for the current interval, as a fraction.',
      resolve: (r) => r.fundingRate ?? null,
    }),
    nextFundingTime: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When the next funding payment happens.',
      resolve: (r) => (r.nextFundingTimestamp == null ? null : r.nextFundingTimestamp),
    }),
  }),
});

export const OpenInterestRef = builder.objectRef<OpenInterest>('OpenInterest').implement({
  description: 'Open interest of a futures market.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    openInterest: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Open contracts, in base units.',
      resolve: (r) => r.openInterest ?? null,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it was measured.',
      resolve: (r) => r.timestamp,
    }),
  }),
});

export const FundingRateRef = builder.objectRef<FundingIntervalRate>('FundingRate').implement({
  description: 'The funding rate applied at the end of one funding interval.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    intervalEnd: t.field({
      type: 'Timestamp',
      description: 'End of the funding interval.',
      resolve: (r) => r.intervalEndTimestamp,
    }),
    fundingRate: t.field({
      type: 'Decimal',
      description: 'Funding rate as a fraction (positive: longs pay shorts).',
      resolve: (r) => r.fundingRate,
    }),
  }),
});

export const FundingRatePageRef = pageOf(
  'FundingRatePage',
  FundingRateRef,
  'A page of funding rate history, newest first.',
);

export function loadFundingRates(
  ctx: GatewayContext,
  symbol: string,
  window: PageWindow,
): Promise<Page<FundingIntervalRate>> {
  return exchangePage(ctx, 'getFundingIntervalRates', { symbol }, window, MAX_FUNDING_RATES_LIMIT);
}

builder.queryFields((t) => ({
  markPrices: t.field({
    type: [MarkPriceRef],
    description: 'Mark prices of every market of one type (default: perpetuals).',
    args: { marketType: t.arg({ type: MarketTypeEnum, description: 'Market type; default PERP.' }) },
    resolve: async (_, { marketType }, ctx) => [
      ...((await ctx.exchange.call('getMarkPrices', marketType && marketType !== 'PERP' ? { marketType } : {})) ?? []),
    ],
  }),
  markPrice: t.field({
    type: MarkPriceRef,
    nullable: true,
    description: 'Mark price of one market of any type; null for unknown symbols and RFQ markets.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC_PERP`.' }) },
    resolve: (_, { symbol }, ctx) => ctx.loaders.markPrice.load(symbol),
  }),
  openInterest: t.field({
    type: [OpenInterestRef],
    description: 'Open interest of one futures market, or of all of them when `symbol` is omitted.',
    args: { symbol: t.arg.string({ description: 'Market symbol; omitted = all markets.' }) },
    resolve: async (_, { symbol }, ctx) => {
      if (symbol) {
        const row = await ctx.loaders.openInterest.load(symbol);
        return row ? [row] : [];
      }
      return [...((await ctx.exchange.call('getOpenInterest', {})) ?? [])];
    },
  }),
  fundingRates: t.field({
    type: FundingRatePageRef,
    description: 'Funding rate history of one perpetual market.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      ...pageArgs(t.arg, { maxLimit: MAX_FUNDING_RATES_LIMIT }),
    },
    resolve: (_, { symbol, ...args }, ctx) => loadFundingRates(ctx, symbol, pageWindow(args, MAX_FUNDING_RATES_LIMIT)),
  }),
}));
