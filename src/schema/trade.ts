// Public trades of a market: the most recent ones and older pages.
import type { Trade } from '../exchange/types/marketData.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { SideEnum } from './enums.ts';
import { badUserInput } from './errors.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, type Page, type PageWindow } from './pagination.ts';

export const DEFAULT_RECENT_TRADES = 100;

export async function loadRecentTrades(ctx: GatewayContext, symbol: string, limit: number): Promise<Trade[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw badUserInput('limit must be between 1 and 1000', 'limit');
  return [...((await ctx.exchange.call('getRecentTrades', { symbol, limit })) ?? [])];
}

export function loadTradeHistory(ctx: GatewayContext, symbol: string, window: PageWindow): Promise<Page<Trade>> {
  return exchangePage(ctx, 'getHistoricalTrades', { symbol }, window);
}

export const TradeRef = builder.objectRef<Trade>('Trade').implement({
  description: 'A public trade.',
  fields: (t) => ({
    id: t.id({
      nullable: true,
      description: 'Trade id, sequential per market.',
      resolve: (r) => (r.id == null ? null : String(r.id)),
    }),
    price: t.field({ type: 'Decimal', description: 'Execution price.', resolve: (r) => r.price }),
    quantity: t.field({ type: 'Decimal', description: 'Base quantity.', resolve: (r) => r.quantity }),
    quoteQuantity: t.field({ type: 'Decimal', description: 'Quote quantity.', resolve: (r) => r.quoteQuantity }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When the trade happened.',
      resolve: (r) => r.timestamp,
    }),
    isBuyerMaker: t.exposeBoolean('isBuyerMaker', { description: 'Whether the buyer was the resting (maker) order.' }),
    takerSide: t.field({
      type: SideEnum,
      description: 'Side of the aggressor: BID when the buyer took liquidity (derived from isBuyerMaker).',
      resolve: (r) => (r.isBuyerMaker ? 'Ask' : 'Bid'),
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
