// Tickers: price and volume summaries per market (rolling 24 h, or 1d / 1w windows).
import type { Ticker } from '../exchange/types/marketData.ts';
import { builder } from './builder.ts';
import { TickerIntervalEnum, TickerSourceEnum } from './enums.ts';
import { scaleDecimal } from './scalars.ts';
import { decodeDecimal } from './wire/decode.ts';

export const TickerRef = builder.objectRef<Ticker>('Ticker').implement({
  description: 'Price and volume summary of one market over the requested window.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    firstPrice: t.field({
      type: 'Decimal',
      description: 'First trade price in the window.',
      resolve: (r) => r.firstPrice,
    }),
    lastPrice: t.field({ type: 'Decimal', description: 'Last trade price.', resolve: (r) => r.lastPrice }),
    priceChange: t.field({ type: 'Decimal', description: 'lastPrice − firstPrice.', resolve: (r) => r.priceChange }),
    priceChangeFraction: t.field({
      type: 'Decimal',
      description: 'Relative change as the exchange sends it: a fraction (`-0.029032` = −2.9032 %).',
      resolve: (r) => r.priceChangePercent,
    }),
    priceChangePercent: t.field({
      type: 'Decimal',
      description: 'Relative change in percent (`-2.9032`), computed exactly from the fraction.',
      resolve: (r) => {
        const fraction = decodeDecimal(r.priceChangePercent);
        return typeof fraction === 'string' ? scaleDecimal(fraction, 2) : null;
      },
    }),
    high: t.field({ type: 'Decimal', description: 'Highest trade price.', resolve: (r) => r.high }),
    low: t.field({ type: 'Decimal', description: 'Lowest trade price.', resolve: (r) => r.low }),
    volume: t.field({ type: 'Decimal', description: 'Traded base quantity.', resolve: (r) => r.volume }),
    quoteVolume: t.field({ type: 'Decimal', description: 'Traded quote quantity.', resolve: (r) => r.quoteVolume }),
    trades: t.int({ description: 'Number of trades.', resolve: (r) => Number(r.trades) }),
  }),
});

builder.queryFields((t) => ({
  ticker: t.field({
    type: TickerRef,
    nullable: true,
    description: 'Summary of one market; null when the market has no ticker data. Batched and shared with `tickers`.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      interval: t.arg({ type: TickerIntervalEnum, description: 'Window; omitted = rolling 24 h.' }),
      source: t.arg({ type: TickerSourceEnum, description: 'Price source; omitted = the exchange default (venue).' }),
    },
    resolve: async (_, { symbol, interval, source }, ctx) => {
      // With a source the one market is asked directly (the batched /tickers call serves the default source).
      if (!source) return ctx.loaders.ticker.load({ symbol, interval: interval ?? null });
      return (await ctx.exchange.call('getTicker', { symbol, source, ...(interval ? { interval } : {}) })) ?? null;
    },
  }),
  tickers: t.field({
    type: [TickerRef],
    description: 'Summaries of every market.',
    args: {
      interval: t.arg({ type: TickerIntervalEnum, description: 'Window; omitted = rolling 24 h.' }),
      source: t.arg({ type: TickerSourceEnum, description: 'Price source; omitted = the exchange default (venue).' }),
    },
    resolve: async (_, { interval, source }, ctx) => [
      ...((await ctx.exchange.call('getTickers', {
        ...(interval ? { interval } : {}),
        ...(source ? { source } : {}),
      })) ?? []),
    ],
  }),
}));
