// Fills (the account's trades): the `Fill` type, `account.fills`, and the per-request loader behind `Order.fills`.
import DataLoader from 'dataloader';
import type { OrderFill } from '../exchange/types/history.ts';
import { AccountRef } from './account.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { FillTypeEnum, MarketTypeEnum, SideEnum, SystemOrderTypeEnum } from './enums.ts';
import { MarketRef } from './market.ts';
import {
  exchangePage,
  pageArgs,
  pageOf,
  pageWindow,
  sortArg,
  sortParams,
  timeRangeArgs,
  timeRangeParams,
} from './pagination.ts';
import { compact, orderHistoryFilters } from './private.ts';

export const FillRef = builder.objectRef<OrderFill>('Fill').implement({
  description:
    'One execution of one of the account orders (or a system fill: liquidation, ADL, collateral conversion).',
  fields: (t) => ({
    tradeId: t.id({
      nullable: true,
      description: 'Trade id (per market); null or 0 on old backstop fills.',
      resolve: (f) => (f.tradeId == null ? null : String(f.tradeId)),
    }),
    orderId: t.id({ description: 'Id of the order that filled.', resolve: (f) => f.orderId }),
    clientId: t.id({
      nullable: true,
      description: 'Client id of the order, when it had one.',
      resolve: (f) => f.clientId ?? null,
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market; null if it is no longer listed.',
      resolve: (f, _, ctx) => ctx.loaders.market.load(f.symbol),
    }),
    side: t.field({ type: SideEnum, description: 'Side of the account in this fill.', resolve: (f) => f.side }),
    price: t.field({ type: 'Decimal', description: 'Execution price.', resolve: (f) => f.price }),
    quantity: t.field({ type: 'Decimal', description: 'Executed base quantity.', resolve: (f) => f.quantity }),
    fee: t.field({ type: 'Decimal', description: 'Fee charged, in `feeSymbol`.', resolve: (f) => f.fee }),
    feeSymbol: t.exposeString('feeSymbol', {
      description: 'Asset the fee was charged in (the asset received on spot buys).',
    }),
    isMaker: t.exposeBoolean('isMaker', { description: 'Whether the account order was resting (maker).' }),
    systemOrderType: t.field({
      type: SystemOrderTypeEnum,
      nullable: true,
      description: 'Why the system made this fill; null for the account own orders.',
      resolve: (f) => f.systemOrderType ?? null,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When the fill happened.',
      resolve: (f) => f.timestamp,
    }),
  }),
});

export const FillPageRef = pageOf('FillPage', FillRef, 'A page of the account fills.');

/** What `Order.fills` needs of an order to find its fills. */
export interface OrderFillsKey {
  readonly orderId: string;
  readonly symbol: string;
  /** Creation time in epoch ms; lets several orders of one market share one history call. */
  readonly createdAtMs: number | null;
}

const HISTORY_MAX = 1000;
const loaders = new WeakMap<GatewayContext, DataLoader<OrderFillsKey, readonly OrderFill[], string>>();

async function fillsOfOrder(ctx: GatewayContext, key: OrderFillsKey): Promise<readonly OrderFill[]> {
  const rows = await ctx.exchange.call('getFills', {
    orderId: key.orderId,
    symbol: key.symbol,
    limit: HISTORY_MAX,
    sortDirection: 'Asc',
  });
  return rows ?? [];
}

/**
 * History endpoints share a tight rate budget (30/min), so fills of several orders of one market come from one call:
 * every fill of an order happens after the order was created, so the market's fills since the oldest order cover
 * them all — unless that call is full, when each order is asked for separately.
 */
async function batchFills(ctx: GatewayContext, keys: readonly OrderFillsKey[]): Promise<(readonly OrderFill[])[]> {
  const bySymbol = new Map<string, OrderFillsKey[]>();
  for (const key of keys) bySymbol.set(key.symbol, [...(bySymbol.get(key.symbol) ?? []), key]);
  const found = new Map<string, readonly OrderFill[]>();
  await Promise.all(
    [...bySymbol.entries()].map(async ([symbol, group]) => {
      const times = group.map((key) => key.createdAtMs);
      if (group.length > 1 && times.every((ms): ms is number => ms !== null)) {
        const from = Math.min(...times);
        const rows =
          (await ctx.exchange.call('getFills', { symbol, from, limit: HISTORY_MAX, sortDirection: 'Asc' })) ?? [];
        if (rows.length < HISTORY_MAX) {
          for (const key of group)
            found.set(
              key.orderId,
              rows.filter((row) => row.orderId === key.orderId),
            );
          return;
        }
      }
      await Promise.all(group.map(async (key) => found.set(key.orderId, await fillsOfOrder(ctx, key))));
    }),
  );
  return keys.map((key) => found.get(key.orderId) ?? []);
}

/** The request's loader of fills per order (created on first use, dropped with the context). */
export function orderFillsLoader(ctx: GatewayContext): DataLoader<OrderFillsKey, readonly OrderFill[], string> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((keys) => batchFills(ctx, keys), { cacheKeyFn: (key) => `${key.symbol}|${key.orderId}` });
    loaders.set(ctx, loader);
  }
  return loader;
}

builder.objectFields(AccountRef, (t) => ({
  fills: t.field({
    type: FillPageRef,
    description: 'The account fills, filterable by market, order, time and origin.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      orderId: t.arg.id({ description: 'Only fills of this order.' }),
      strategyId: t.arg.id({ description: 'Only fills of orders of this strategy.' }),
      fillType: t.arg({
        type: FillTypeEnum,
        description: 'Origin filter; omitted = all fills, including liquidations and conversions.',
      }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
      ...timeRangeArgs(t.arg),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) => {
      const filters = { ...orderHistoryFilters(args), ...compact({ fillType: args.fillType }) };
      return exchangePage(
        ctx,
        'getFills',
        { ...filters, ...timeRangeParams(args), ...sortParams(args) },
        pageWindow(args),
      );
    },
  }),
}));
