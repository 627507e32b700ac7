// Order books: one `OrderBook` type for the `orderBook` query (a REST snapshot) and the `orderBook` subscription (the
// gateway's local book), both sides best-first, with the same `depth` argument.
import type { ArgBuilder } from '@pothos/core';
import { DepthLimit, type DepthLimit as DepthLimitValue } from '../exchange/types/enums/markets.ts';
import type { BookLevel } from '../exchange/orderBook.ts';
import { ORIGIN, originOf, type WithOrigin } from '../exchange/wireJson.ts';
import type { BuilderTypes } from './builder.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { badUserInput } from './errors.ts';
import { marketLink } from './subscriptions/links.ts';

/** A consistent view of the top of one market's book. */
export interface OrderBook {
  readonly symbol: string;
  /** Best (highest) first. */
  readonly bids: readonly BookLevel[];
  /** Best (lowest) first. */
  readonly asks: readonly BookLevel[];
  readonly lastUpdateId: string;
  /** Engine time as the exchange sent it (epoch µs), when known; the Timestamp decoder reads every form. */
  readonly timestamp: number | string | null;
}

const DEFAULT_DEPTH = 20;
/** The exchange's largest snapshot, which also seeds the gateway's local books. */
const MAX_DEPTH = 1000;

const DEPTH_DESCRIPTION = `Levels per side, 1 to ${MAX_DEPTH}.`;

/** The `depth` argument, the same in the query and the subscription (its default also prices the operation). */
export function depthArg(arg: ArgBuilder<BuilderTypes>) {
  return arg.int({ defaultValue: DEFAULT_DEPTH, description: DEPTH_DESCRIPTION });
}

/** The query's arguments: `depth`, and `limit`, its old name there, kept for one release. */
export function queryDepthArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    depth: depthArg(arg),
    limit: arg.int({
      description: DEPTH_DESCRIPTION,
      deprecationReason: 'Use `depth`, the same argument as in the `orderBook` subscription (`limit` wins if given).',
    }),
  };
}

/**
 * Levels per side: the deprecated `limit` when a client still sends it (`depth` then only carries its default),
 * else `depth`; BAD_USER_INPUT outside 1..1000 before any upstream call.
 */
export function levelsPerSide(args: { readonly depth?: number | null; readonly limit?: number | null }): number {
  const { depth, limit } = args;
  const field = limit != null ? 'limit' : 'depth';
  const levels = limit ?? depth ?? DEFAULT_DEPTH;
  if (!Number.isInteger(levels) || levels < 1 || levels > MAX_DEPTH) {
    throw badUserInput(`${field} must be between 1 and ${MAX_DEPTH} levels per side`, field);
  }
  return levels;
}

/**
 * The exchange accepts only 5/10/20/50/100/500/1000 levels (anything else is a plain-text 400): the next allowed
 * size is fetched and trimmed, so clients need not know the list.
 */
function depthLimitFor(levels: number): DepthLimitValue {
  return DepthLimit.find((value) => Number(value) >= levels) ?? '1000';
}

export async function loadOrderBook(ctx: GatewayContext, symbol: string, levels: number): Promise<OrderBook> {
  const depth = await ctx.exchange.call('getDepth', { symbol, limit: depthLimitFor(levels) });
  const book: OrderBook & WithOrigin = {
    symbol,
    // REST bids arrive ascending (best last); the cached snapshot is shared and frozen, so copy before reordering.
    bids: depth.bids.slice(-levels).reverse(),
    asks: depth.asks.slice(0, levels),
    lastUpdateId: String(depth.lastUpdateId),
    timestamp: depth.timestamp,
    // The levels are the snapshot's own, tagged when it was parsed: only the book is new.
    [ORIGIN]: originOf(depth),
  };
  return book;
}

export const PriceLevelRef = builder.objectRef<BookLevel>('PriceLevel').implement({
  description:
    'A price and a base quantity. In `orderBook`: the resting quantity. In `depthUpdates`: the new absolute ' +
    'quantity at that price, where 0 removes the level.',
  fields: (t) => ({
    price: t.field({ type: 'Decimal', description: 'Price of the level.', resolve: (level) => level[0] }),
    quantity: t.field({ type: 'Decimal', description: 'Base quantity at this price.', resolve: (level) => level[1] }),
  }),
});

// Declared before it is implemented: the `market` link makes the type's inference circular through Market.
export const OrderBookRef = builder.objectRef<OrderBook>('OrderBook');

OrderBookRef.implement({
  description:
    "A consistent view of the top of one market's book (never crossed, never half-applied): a REST snapshot in " +
    "queries, the gateway's local book (snapshot + deltas) in the subscription.",
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    bids: t.field({
      type: [PriceLevelRef],
      description: 'Buy levels, best (highest) price first.',
      resolve: (book) => book.bids,
    }),
    asks: t.field({
      type: [PriceLevelRef],
      description: 'Sell levels, best (lowest) price first.',
      resolve: (book) => book.asks,
    }),
    lastUpdateId: t.exposeString('lastUpdateId', {
      description: 'Id of the last book update included; live depth deltas continue from `lastUpdateId + 1`.',
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'Engine time of the last book update included (microsecond precision).',
      resolve: (book) => book.timestamp,
    }),
  }),
});

builder.queryField('orderBook', (t) =>
  t.field({
    type: OrderBookRef,
    description: 'Order book snapshot of one market.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      ...queryDepthArgs(t.arg),
    },
    resolve: (_, { symbol, ...args }, ctx) => loadOrderBook(ctx, symbol, levelsPerSide(args)),
  }),
);
