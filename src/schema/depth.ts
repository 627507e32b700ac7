// Order book snapshots: both sides best-first (the REST bids arrive ascending and are reversed here).
import { DepthLimit, type DepthLimit as DepthLimitValue } from '../exchange/types/enums.ts';
import type { Depth, DepthLevel } from '../exchange/types/marketData.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { badUserInput } from './errors.ts';

export interface OrderBook {
  readonly symbol: string;
  readonly depth: Depth;
  readonly limit: number;
}

export const DEFAULT_DEPTH = 20;
const MAX_DEPTH = 1000;

/**
 * The exchange accepts only 5/10/20/50/100/500/1000 levels (anything else is a plain-text 400). Any 1..1000 is
 * accepted here: the next allowed size is fetched and trimmed, so clients need not know the list.
 */
export function depthLimitFor(limit: number): DepthLimitValue {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DEPTH) {
    throw badUserInput(`limit must be between 1 and ${MAX_DEPTH} levels per side`, 'limit');
  }
  const allowed = DepthLimit.find((value) => Number(value) >= limit);
  return allowed ?? '1000';
}

export async function loadOrderBook(ctx: GatewayContext, symbol: string, limit: number): Promise<OrderBook> {
  const depth = await ctx.exchange.call('getDepth', { symbol, limit: depthLimitFor(limit) });
  return { symbol, depth, limit };
}

const OrderBookLevelRef = builder.objectRef<DepthLevel>('OrderBookLevel').implement({
  description: 'Resting quantity at one price.',
  fields: (t) => ({
    price: t.field({ type: 'Decimal', description: 'Price of the level.', resolve: (level) => level[0] }),
    quantity: t.field({
      type: 'Decimal',
      description: 'Total resting base quantity at this price.',
      resolve: (level) => level[1],
    }),
  }),
});

export const OrderBookRef = builder.objectRef<OrderBook>('OrderBook').implement({
  description: "A snapshot of one market's order book.",
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    bids: t.field({
      type: [OrderBookLevelRef],
      description: 'Buy levels, best (highest) price first.',
      // The cached snapshot is shared and frozen: copy before reordering.
      resolve: (book) => [...book.depth.bids].reverse().slice(0, book.limit),
    }),
    asks: t.field({
      type: [OrderBookLevelRef],
      description: 'Sell levels, best (lowest) price first.',
      resolve: (book) => book.depth.asks.slice(0, book.limit),
    }),
    lastUpdateId: t.string({
      description: 'Update id of the snapshot; live depth deltas continue from `lastUpdateId + 1`.',
      resolve: (book) => String(book.depth.lastUpdateId),
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'Engine time of the snapshot (microsecond precision).',
      resolve: (book) => book.depth.timestamp,
    }),
  }),
});

builder.queryField('orderBook', (t) =>
  t.field({
    type: OrderBookRef,
    description: 'Order book snapshot of one market.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      limit: t.arg.int({ defaultValue: DEFAULT_DEPTH, description: 'Levels per side, 1 to 1000.' }),
    },
    resolve: (_, { symbol, limit }, ctx) => loadOrderBook(ctx, symbol, limit ?? DEFAULT_DEPTH),
  }),
);
