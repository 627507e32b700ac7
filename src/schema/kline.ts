// Candlesticks (klines) of one market.
import type { ArgBuilder } from '@pothos/core';
import type { KlineInterval, KlinePriceType, TickerSource } from '../exchange/types/enums/markets.ts';
import type { Kline } from '../exchange/types/marketData.ts';
import { builder, type BuilderTypes } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { KlineIntervalEnum, KlinePriceTypeEnum, TickerSourceEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { time } from './scalars.ts';

export interface KlineArgs {
  readonly interval: KlineInterval;
  readonly from: number;
  readonly to?: number | null;
  readonly priceType?: KlinePriceType | null;
  readonly source?: TickerSource | null;
}

/** Klines between two epoch-ms instants; the exchange wants epoch seconds. */
export async function loadKlines(ctx: GatewayContext, symbol: string, args: KlineArgs): Promise<Kline[]> {
  if (args.to != null && args.to < args.from) throw badUserInput('to must not be before from', 'to');
  const rows = await ctx.exchange.call('getKlines', {
    symbol,
    interval: args.interval,
    startTime: time.toSeconds(args.from),
    ...(args.to != null ? { endTime: time.toSeconds(args.to) } : {}),
    ...(args.priceType ? { priceType: args.priceType } : {}),
    ...(args.source ? { source: args.source } : {}),
  });
  return [...(rows ?? [])];
}

export const KlineRef = builder.objectRef<Kline>('Kline').implement({
  description: 'One candle. Prices are null for an interval without trades.',
  fields: (t) => ({
    start: t.field({
      type: 'Timestamp',
      description: 'Start of the interval.',
      resolve: (k) => k.start,
    }),
    end: t.field({ type: 'Timestamp', description: 'End of the interval.', resolve: (k) => k.end }),
    open: t.field({ type: 'Decimal', nullable: true, description: 'First price.', resolve: (k) => k.open ?? null }),
    high: t.field({ type: 'Decimal', nullable: true, description: 'Highest price.', resolve: (k) => k.high ?? null }),
    low: t.field({ type: 'Decimal', nullable: true, description: 'Lowest price.', resolve: (k) => k.low ?? null }),
    close: t.field({ type: 'Decimal', nullable: true, description: 'Last price.', resolve: (k) => k.close ?? null }),
    volume: t.field({ type: 'Decimal', description: 'Traded base quantity.', resolve: (k) => k.volume }),
    quoteVolume: t.field({ type: 'Decimal', description: 'Traded quote quantity.', resolve: (k) => k.quoteVolume }),
    trades: t.int({ description: 'Number of trades.', resolve: (k) => Number(k.trades) }),
  }),
});

/** The arguments of `klines`, shared by the root field and `Market.klines`. */
export const klineArgs = (arg: ArgBuilder<BuilderTypes>) => ({
  interval: arg({ type: KlineIntervalEnum, required: true, description: 'Candle length.' }),
  from: arg({ type: 'Timestamp', required: true, description: 'Start of the range (second precision).' }),
  to: arg({ type: 'Timestamp', description: 'End of the range; default now.' }),
  priceType: arg({ type: KlinePriceTypeEnum, description: 'Price series; default LAST.' }),
  source: arg({ type: TickerSourceEnum, description: 'Price source; omitted = the exchange default (venue).' }),
});

builder.queryField('klines', (t) =>
  t.field({
    type: [KlineRef],
    description: 'Candles of one market between `from` and `to`.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol.' }), ...klineArgs(t.arg) },
    resolve: (_, { symbol, ...args }, ctx) => loadKlines(ctx, symbol, args),
  }),
);
