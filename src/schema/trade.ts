// Public trades: one `Trade` type for `recentTrades`, `tradeHistory` and the `trades` subscription.
import type { Trade as WireTrade } from '../exchange/types/marketData.ts';
import { ORIGIN, originOf, type WithOrigin } from '../exchange/wireJson.ts';
import type { StreamGap } from '../streams/reconcile/types.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { SideEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, type Page, type PageWindow } from './pagination.ts';
import { marketLink } from './subscriptions/links.ts';
import { gapField } from './subscriptions/streamGap.ts';

/** A trade as every field of the schema serves it, whether read from REST or from the `trade` stream. */
export interface PublicTrade {
  /** Only on a subscription's gap notice. */
  readonly gap?: StreamGap;
  readonly symbol: string;
  /** Sequential per market; as the exchange sent it (the ID decoder keeps ids wider than 2^53 exact). */
  readonly id: number | string | null;
  readonly price: string | null;
  readonly quantity: string | null;
  readonly quoteQuantity: string | null;
  /** When the engine matched it, as the exchange sent it (REST: epoch ms; stream: ISO). */
  readonly timestamp: number | string | null;
  readonly isBuyerMaker: boolean | null;
  /** When the exchange emitted it on the stream; null for trades read from REST. */
  readonly eventTime: string | null;
  /** Stream only (REST trades do not carry them). */
  readonly buyerOrderId: string | null;
  readonly sellerOrderId: string | null;
}

export const DEFAULT_RECENT_TRADES = 100;

/** A REST trade as a PublicTrade (still tagged with the endpoint it came from, for decode warnings). */
export function fromRestTrade(symbol: string, trade: WireTrade): PublicTrade {
  const view: PublicTrade & WithOrigin = {
    symbol,
    id: trade.id ?? null,
    price: trade.price,
    quantity: trade.quantity,
    quoteQuantity: trade.quoteQuantity,
    timestamp: trade.timestamp,
    isBuyerMaker: trade.isBuyerMaker,
    eventTime: null,
    buyerOrderId: null,
    sellerOrderId: null,
    [ORIGIN]: originOf(trade),
  };
  return view;
}

/** The most recent trades of a market, newest first. */
export async function loadRecentTrades(ctx: GatewayContext, symbol: string, limit: number): Promise<PublicTrade[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw badUserInput('limit must be between 1 and 1000', 'limit');
  const trades = (await ctx.exchange.call('getRecentTrades', { symbol, limit })) ?? [];
  return trades.map((trade) => fromRestTrade(symbol, trade));
}

export async function loadTradeHistory(
  ctx: GatewayContext,
  symbol: string,
  window: PageWindow,
): Promise<Page<PublicTrade>> {
  const page = await exchangePage(ctx, 'getHistoricalTrades', { symbol }, window);
  return { ...page, items: page.items.map((trade) => fromRestTrade(symbol, trade)) };
}

const takerSideOf = (trade: PublicTrade) =>
  trade.isBuyerMaker === null ? null : trade.isBuyerMaker ? ('Ask' as const) : ('Bid' as const);

// Declared before it is implemented: the `market` link makes the type's inference circular through Market.
export const TradeRef = builder.objectRef<PublicTrade>('Trade');

TradeRef.implement({
  description: 'A public trade, the same in queries (`recentTrades`, `tradeHistory`) and the `trades` subscription.',
  fields: (t) => ({
    id: t.field({
      type: 'ID',
      description: 'Trade id, sequential per market; null on a gap notice.',
      resolve: (trade) => trade.id,
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    price: t.field({ type: 'Decimal', description: 'Execution price.', resolve: (trade) => trade.price }),
    quantity: t.field({ type: 'Decimal', description: 'Base quantity.', resolve: (trade) => trade.quantity }),
    quoteQuantity: t.field({
      type: 'Decimal',
      description: 'Quote quantity (price × quantity).',
      resolve: (trade) => trade.quoteQuantity,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When the engine matched the trade.',
      resolve: (trade) => trade.timestamp,
    }),
    isBuyerMaker: t.field({
      type: 'Boolean',
      description: 'Whether the buyer was the resting (maker) order.',
      resolve: (trade) => trade.isBuyerMaker,
    }),
    takerSide: t.field({
      type: SideEnum,
      description: 'Side of the aggressor: BID when the buyer took liquidity, ASK when the seller did.',
      resolve: takerSideOf,
    }),
    eventTime: t.field({
      type: 'Timestamp',
      description: 'When the exchange emitted the trade on its stream; null for trades read from REST.',
      resolve: (trade) => trade.eventTime,
    }),
    buyerOrderId: t.field({
      type: 'ID',
      description: 'Order id of the buying side (stream only; null for trades read from REST).',
      resolve: (trade) => trade.buyerOrderId,
    }),
    sellerOrderId: t.field({
      type: 'ID',
      description: 'Order id of the selling side (stream only; null for trades read from REST).',
      resolve: (trade) => trade.sellerOrderId,
    }),
    gap: gapField(t),
    tradeId: t.field({
      type: 'ID',
      description: 'Trade id.',
      deprecationReason: 'Use `id`, the same field as in `recentTrades`.',
      resolve: (trade) => trade.id,
    }),
    buyerIsMaker: t.field({
      type: 'Boolean',
      description: 'Whether the buyer was the resting (maker) order.',
      deprecationReason: 'Use `isBuyerMaker`, the same field as in `recentTrades`.',
      resolve: (trade) => trade.isBuyerMaker,
    }),
    engineTime: t.field({
      type: 'Timestamp',
      description: 'When the engine matched the trade.',
      deprecationReason: 'Use `timestamp`, the same field as in `recentTrades`.',
      resolve: (trade) => trade.timestamp,
    }),
  }),
});

export const TradePageRef = pageOf('TradePage', TradeRef, 'A page of older public trades.');

builder.queryFields((t) => ({
  recentTrades: t.field({
    type: [TradeRef],
    description: 'The most recent public trades of one market, newest first.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      limit: t.arg.int({ defaultValue: DEFAULT_RECENT_TRADES, description: 'Number of trades, 1 to 1000.' }),
    },
    resolve: (_, { symbol, limit }, ctx) => loadRecentTrades(ctx, symbol, limit ?? DEFAULT_RECENT_TRADES),
  }),
  tradeHistory: t.field({
    type: TradePageRef,
    description: 'Older public trades of one market by limit and offset.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol.' }), ...pageArgs(t.arg) },
    resolve: (_, { symbol, ...args }, ctx) => loadTradeHistory(ctx, symbol, pageWindow(args)),
  }),
}));
