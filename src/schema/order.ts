// Orders: the `Order` type (open orders and order-history rows), `account.openOrders`, `order` and `orderHistory`.
import type { OrderHistory } from '../exchange/types/history.ts';
import type { Order } from '../exchange/types/orders.ts';
import { AccountRef } from './account.ts';
import { builder } from './builder.ts';
import {
  MarketTypeEnum,
  OrderExpiryReasonEnum,
  OrderStatusEnum,
  OrderTypeEnum,
  SelfTradePreventionEnum,
  SideEnum,
  SlippageToleranceTypeEnum,
  SystemOrderTypeEnum,
  TimeInForceEnum,
  TriggerByEnum,
} from './enums.ts';
import { badUserInput } from './errors.ts';
import { FillRef, orderFillsLoader } from './fill.ts';
import { MarketRef } from './market.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact, orNull, orderHistoryFilters } from './private.ts';
import { exactlyOne, parseU32 } from './validation/rules.ts';
import { decodeTimestamp } from './wire/decode.ts';

/** Open orders (`/orders`, ms `createdAt`) and history rows (`/history/orders`, naive `createdAt`) share one type. */
export type OrderRow = Order | OrderHistory;

/** Reads a field only one of the two wire shapes has. */
const pick = <K extends string>(row: OrderRow, key: K): unknown => (row as unknown as Record<string, unknown>)[key];
const optionalDecimal = (description: string) => ({ type: 'Decimal' as const, nullable: true as const, description });

function createdAtMs(row: OrderRow): number | null {
  const iso = decodeTimestamp(row.createdAt);
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

export const OrderRef = builder.objectRef<OrderRow>('Order').implement({
  description: 'An order of the account: open, or a row of its order history.',
  fields: (t) => ({
    id: t.id({ description: 'Order id (opaque).', resolve: (o) => o.id }),
    clientId: t.id({
      nullable: true,
      description: 'The client id given when placing it.',
      resolve: (o) => (o.clientId == null ? null : String(o.clientId)),
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market; null if it is no longer listed.',
      resolve: (o, _, ctx) => ctx.loaders.market.load(o.symbol),
    }),
    side: t.field({ type: SideEnum, description: 'BID buys, ASK sells.', resolve: (o) => o.side }),
    orderType: t.field({ type: OrderTypeEnum, description: 'LIMIT or MARKET.', resolve: (o) => o.orderType }),
    status: t.field({ type: OrderStatusEnum, description: 'Lifecycle state.', resolve: (o) => o.status }),
    price: t.field({
      ...optionalDecimal('Limit price; null for market orders.'),
      resolve: (o) => (pick(o, 'price') as string | null | undefined) ?? null,
    }),
    quantity: t.field({
      ...optionalDecimal('Base quantity; null for market orders sized in quote.'),
      resolve: (o) => o.quantity ?? null,
    }),
    quoteQuantity: t.field({
      ...optionalDecimal('Quote quantity of market orders sized in quote.'),
      resolve: (o) => (pick(o, 'quoteQuantity') as string | null | undefined) ?? null,
    }),
    executedQuantity: t.field({
      type: 'Decimal',
      description: 'Base quantity filled so far.',
      resolve: (o) => o.executedQuantity ?? '0',
    }),
    executedQuoteQuantity: t.field({
      type: 'Decimal',
      description: 'Quote quantity filled so far.',
      resolve: (o) => o.executedQuoteQuantity ?? '0',
    }),
    timeInForce: t.field({
      type: TimeInForceEnum,
      description: 'How long the order stays active.',
      resolve: (o) => o.timeInForce,
    }),
    selfTradePrevention: t.field({
      type: SelfTradePreventionEnum,
      description: 'What happens on a self-trade.',
      resolve: (o) => o.selfTradePrevention,
    }),
    postOnly: t.boolean({
      description: 'Whether the order may only rest (never take).',
      resolve: (o) => pick(o, 'postOnly') === true,
    }),
    reduceOnly: t.boolean({
      nullable: true,
      description: 'Whether it may only reduce a position; null when not reported.',
      resolve: (o) => (pick(o, 'reduceOnly') as boolean | null | undefined) ?? null,
    }),
    triggerPrice: t.field({
      ...optionalDecimal('Trigger price of a conditional order.'),
      resolve: (o) => o.triggerPrice ?? null,
    }),
    triggerQuantity: t.string({
      nullable: true,
      description: 'Trigger quantity: a decimal or a percentage of the position (`"80%"`).',
      resolve: (o) => o.triggerQuantity ?? null,
    }),
    triggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Reference price of the trigger.',
      resolve: (o) => o.triggerBy ?? null,
    }),
    triggeredAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When the trigger fired.',
      resolve: (o) => {
        const at = pick(o, 'triggeredAt');
        return typeof at === 'number' || typeof at === 'string' ? at : null;
      },
    }),
    takeProfitTriggerPrice: t.field({
      ...optionalDecimal('Attached take-profit trigger price.'),
      resolve: (o) => o.takeProfitTriggerPrice ?? null,
    }),
    takeProfitLimitPrice: t.field({
      ...optionalDecimal('Attached take-profit limit price (null = market).'),
      resolve: (o) => o.takeProfitLimitPrice ?? null,
    }),
    takeProfitTriggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Reference price of the take-profit.',
      resolve: (o) => o.takeProfitTriggerBy ?? null,
    }),
    stopLossTriggerPrice: t.field({
      ...optionalDecimal('Attached stop-loss trigger price.'),
      resolve: (o) => o.stopLossTriggerPrice ?? null,
    }),
    stopLossLimitPrice: t.field({
      ...optionalDecimal('Attached stop-loss limit price (null = market).'),
      resolve: (o) => o.stopLossLimitPrice ?? null,
    }),
    stopLossTriggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Reference price of the stop-loss.',
      resolve: (o) => o.stopLossTriggerBy ?? null,
    }),
    slippageTolerance: t.field({
      ...optionalDecimal('Maximum slippage of a market order.'),
      resolve: (o) => o.slippageTolerance ?? null,
    }),
    slippageToleranceType: t.field({
      type: SlippageToleranceTypeEnum,
      nullable: true,
      description: 'Unit of `slippageTolerance`.',
      resolve: (o) => o.slippageToleranceType ?? null,
    }),
    relatedOrderId: t.id({
      nullable: true,
      description: 'Parent order, or the order a take-profit/stop-loss belongs to.',
      resolve: (o) => (pick(o, 'relatedOrderId') as string | null | undefined) ?? null,
    }),
    strategyId: t.id({
      nullable: true,
      description: 'Strategy that placed this order.',
      resolve: (o) => o.strategyId ?? null,
    }),
    expiryReason: t.field({
      type: OrderExpiryReasonEnum,
      nullable: true,
      description: 'Why the exchange expired it (history rows only).',
      resolve: (o) => (o as OrderHistory).expiryReason ?? null,
    }),
    systemOrderType: t.field({
      type: SystemOrderTypeEnum,
      nullable: true,
      description: 'Why the system placed it; null for the account own orders.',
      resolve: (o) => (o as OrderHistory).systemOrderType ?? null,
    }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When the order was placed.',
      resolve: (o) => o.createdAt,
    }),
    fills: t.field({
      type: [FillRef],
      description: 'Executions of this order, oldest first (batched per market across the orders of one request).',
      resolve: async (o, _, ctx) => [
        ...(await orderFillsLoader(ctx).load({ orderId: o.id, symbol: o.symbol, createdAtMs: createdAtMs(o) })),
      ],
    }),
  }),
});

export const OrderPageRef = pageOf('OrderPage', OrderRef, 'A page of the account order history.');

builder.objectFields(AccountRef, (t) => ({
  openOrders: t.field({
    type: [OrderRef],
    description: 'Orders resting on the book or waiting for their trigger.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
    },
    resolve: async (_, args, ctx) => [...((await ctx.exchange.call('getOpenOrders', compact(args))) ?? [])],
  }),
  order: t.field({
    type: OrderRef,
    nullable: true,
    description: 'One open order by id or client id; null when it is not open (filled, cancelled or unknown).',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      id: t.arg.id({ description: 'Order id; give this or clientId.' }),
      clientId: t.arg.id({ description: 'Client id (0 to 4294967295); give this or id.' }),
    },
    resolve: async (_, { symbol, id, clientId }, ctx) => {
      const problem = exactlyOne(['id', id], ['clientId', clientId]);
      if (problem) throw badUserInput(problem.message, problem.field);
      const client = parseU32('clientId', clientId == null ? null : String(clientId));
      if (client !== null && typeof client === 'object') throw badUserInput(client.message, client.field);
      const params = id != null ? { symbol, orderId: String(id) } : { symbol, clientId: client as number };
      // `/order` serves open orders only: "not found" means filled, cancelled or unknown, which is a null here.
      return orNull(() => ctx.exchange.call('getOrder', params));
    },
  }),
  orderHistory: t.field({
    type: OrderPageRef,
    description: 'Past (and possibly still open) orders of the account.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      orderId: t.arg.id({ description: 'Only this order.' }),
      strategyId: t.arg.id({ description: 'Only orders of this strategy.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) => {
      const filters = orderHistoryFilters(args);
      return exchangePage(ctx, 'getOrderHistory', { ...filters, ...sortParams(args) }, pageWindow(args));
    },
  }),
}));
