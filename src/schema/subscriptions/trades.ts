// Event-like market streams: `trades` and `liquidations` (lossless: a client too slow to keep up gets an overflow
// error, never a silent gap) and `klines` (the pending update of a candle is replaced by a newer one of the same candle).
// `trades` serves the same `Trade` type as the `recentTrades` query.
import { builder } from '../builder.ts';
import { KlineIntervalEnum, SideEnum } from '../enums.ts';
import { tradeReconciler } from '../../streams/reconcile/trades.ts';
import { badUserInput } from '../errors.ts';
import { loadRecentTrades, TradeRef } from '../trade.ts';
import { marketLink } from './links.ts';
import { asGapNotice, gapField } from './streamGap.ts';
import { toKline, toLiquidation, toTrade } from './marketPayloads.ts';
import type { KlineUpdate, LiquidationEvent } from './marketPayloads.ts';
import { hubFor, marketSymbol, optionalMarketSymbol, unwrap } from './shared.ts';
import { TradesAfterSnapshot } from './tradeSnapshot.ts';

/** The most recent trades the exchange lists in one call. */
const MAX_SNAPSHOT = 1000;

const LiquidationEventRef = builder.objectRef<LiquidationEvent>('LiquidationEvent').implement({
  description: 'A liquidation on a market.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol; empty on an all-markets gap notice.' }),
    market: marketLink(t),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the engine executed it.',
    }),
    side: t.field({
      type: SideEnum,
      nullable: true,
      description: 'Side of the liquidation order.',
      resolve: (event) => event.side,
    }),
    price: t.expose('price', { type: 'Decimal', nullable: true, description: 'Price.' }),
    quantity: t.expose('quantity', { type: 'Decimal', nullable: true, description: 'Liquidated base quantity.' }),
    gap: gapField(t),
  }),
});

const KlineUpdateRef = builder.objectRef<KlineUpdate>('KlineUpdate').implement({
  description: 'The current state of one candle; `closed` is true on its final update.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    interval: t.field({ type: KlineIntervalEnum, description: 'Candle length.', resolve: (kline) => kline.interval }),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    start: t.expose('start', { type: 'Timestamp', nullable: true, description: 'Start of the candle.' }),
    end: t.expose('end', { type: 'Timestamp', nullable: true, description: 'Close time of the candle.' }),
    open: t.expose('open', {
      type: 'Decimal',
      nullable: true,
      description: 'First price; null for a candle without trades.',
    }),
    high: t.expose('high', { type: 'Decimal', nullable: true, description: 'Highest price; null without trades.' }),
    low: t.expose('low', { type: 'Decimal', nullable: true, description: 'Lowest price; null without trades.' }),
    close: t.expose('close', { type: 'Decimal', nullable: true, description: 'Last price; null without trades.' }),
    volume: t.expose('volume', { type: 'Decimal', nullable: true, description: 'Traded base quantity.' }),
    trades: t.exposeInt('trades', { nullable: true, description: 'Number of trades.' }),
    closed: t.exposeBoolean('closed', { description: 'Whether the candle is final.' }),
  }),
});

builder.subscriptionFields((t) => ({
  trades: t.field({
    type: TradeRef,
    description:
      'Every trade of one market, in order of trade id, as the same `Trade` type as `recentTrades`. With ' +
      '`snapshot: N`, the N most recent trades come first (from REST, oldest first), then live trades without ' +
      'repeating any of them. Guarantee: lossless with reconciliation. When the exchange connection drops, the ' +
      'trades made meanwhile are read from REST recent trades and delivered by trade id, in order and exactly once, ' +
      'before live trades resume; if they cannot all be recovered, an event with `gap` set (and no trade id) says ' +
      'which interval may be incomplete. A client that falls more than the buffer behind gets a ' +
      'SUBSCRIPTION_OVERFLOW error instead of a silent gap.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      snapshot: t.arg.int({
        description: `First deliver the most recent trades, 0 to ${MAX_SNAPSHOT}; default 0 (live trades only).`,
      }),
    },
    subscribe: async (_, { symbol, snapshot }, ctx) => {
      const count = snapshot ?? 0;
      if (!Number.isInteger(count) || count < 0 || count > MAX_SNAPSHOT) {
        throw badUserInput(`snapshot must be between 0 and ${MAX_SNAPSHOT} trades`, 'snapshot');
      }
      const market = await marketSymbol(ctx, symbol);
      // Live first, REST second: the two overlap (repeats are dropped by id) instead of leaving a hole between them.
      const live = hubFor(ctx).subscribePublic({
        stream: `trade.${market}`,
        map: toTrade,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) => asGapNotice(toTrade({ e: 'trade', E: gap.to * 1000, s: market }), gap),
          reconciler: tradeReconciler(market),
        },
      });
      if (count === 0) return live;
      try {
        return new TradesAfterSnapshot(live, await loadRecentTrades(ctx, market, count));
      } catch (error) {
        await live.return();
        throw error;
      }
    },
    resolve: (payload) => unwrap(payload),
  }),
  liquidations: t.field({
    type: LiquidationEventRef,
    description:
      'Liquidations of one market, or of every market when `symbol` is omitted. Guarantee: lossless with gap ' +
      'notices. Liquidations made while the exchange connection was down are not recovered: each interruption is ' +
      'delivered as an event with `gap` set. A client that falls more than the buffer behind gets a ' +
      'SUBSCRIPTION_OVERFLOW error.',
    args: { symbol: t.arg.string({ description: 'Market symbol; omitted = all markets.' }) },
    subscribe: async (_, { symbol }, ctx) => {
      const market = await optionalMarketSymbol(ctx, symbol);
      const stream = market === null ? 'liquidation' : `liquidation.${market}`;
      return hubFor(ctx).subscribePublic({
        stream,
        map: toLiquidation,
        policy: { kind: 'lossless' },
        gaps: { event: (gap) => asGapNotice(toLiquidation({ E: gap.to * 1000, s: market ?? '' }), gap) },
      });
    },
    resolve: (payload) => unwrap(payload),
  }),
  klines: t.field({
    type: KlineUpdateRef,
    description:
      'Live candles of one market. Guarantee: latest state per candle. A slow client receives the latest state of ' +
      'each candle (a closed candle is never skipped); a candle that closed while the exchange connection was down ' +
      'is not replayed (query `klines`).',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      interval: t.arg({ type: KlineIntervalEnum, required: true, description: 'Candle length.' }),
    },
    subscribe: async (_, { symbol, interval }, ctx) =>
      hubFor(ctx).subscribePublic({
        stream: `kline.${interval}.${await marketSymbol(ctx, symbol)}`,
        map: toKline,
        // One pending update per candle: a newer state of the same candle replaces it, the next candle queues behind.
        policy: { kind: 'conflate', key: (kline: KlineUpdate) => kline.start },
        retain: { key: () => 0 },
      }),
    resolve: (payload) => unwrap(payload),
  }),
}));
