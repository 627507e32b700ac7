// Order inputs: the GraphQL input types, their pre-flight validation and the one translation to wire payloads.
import type { OrderCancelPayload, OrderExecutePayload } from '../exchange/types/orders.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import {
  OrderTypeEnum,
  SelfTradePreventionEnum,
  SideEnum,
  SlippageToleranceTypeEnum,
  TimeInForceEnum,
  TriggerByEnum,
} from './enums.ts';
import { InvalidOrder } from './errors.ts';
import { compact, reject, u32Arg } from './private.ts';
import { validateOrder, type OrderDraft } from './validation/order.ts';
import { exactlyOne } from './validation/rules.ts';

export const ExecuteOrderInput = builder.inputType('ExecuteOrderInput', {
  description: 'A new order. Checked against the market filters before anything is sent to the exchange.',
  fields: (t) => ({
    symbol: t.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
    side: t.field({ type: SideEnum, required: true, description: 'BID buys, ASK sells.' }),
    orderType: t.field({
      type: OrderTypeEnum,
      required: true,
      description: 'LIMIT needs price and quantity; MARKET needs quantity or quoteQuantity.',
    }),
    price: t.field({ type: 'Decimal', description: 'Limit price, a multiple of the market tickSize (Limit only).' }),
    quantity: t.field({
      type: 'Decimal',
      description: 'Base quantity, a multiple of the market stepSize, at least minQuantity.',
    }),
    quoteQuantity: t.field({
      type: 'Decimal',
      description: 'Market orders only: quote to spend (BID) or receive (ASK).',
    }),
    timeInForce: t.field({ type: TimeInForceEnum, description: 'Default GTC.' }),
    postOnly: t.boolean({ description: 'Limit only: reject instead of taking liquidity.' }),
    reduceOnly: t.boolean({ description: 'Futures only: may only reduce the position.' }),
    selfTradePrevention: t.field({ type: SelfTradePreventionEnum, description: 'Default REJECT_TAKER.' }),
    clientId: t.id({ description: 'Your id for the order, 0 to 4294967295; echoed back and usable to cancel.' }),
    triggerPrice: t.field({ type: 'Decimal', description: 'Makes it a conditional order; requires triggerQuantity.' }),
    triggerQuantity: t.string({
      description:
        'Quantity when triggered: a decimal (`"0.5"`) or, on futures, a percentage of the position (`"80%"`).',
    }),
    triggerBy: t.field({ type: TriggerByEnum, description: 'Reference price of the trigger.' }),
    takeProfitTriggerPrice: t.field({
      type: 'Decimal',
      description: 'Attach a take-profit that triggers at this price.',
    }),
    takeProfitLimitPrice: t.field({
      type: 'Decimal',
      description: 'Limit price of the take-profit (omitted = market).',
    }),
    takeProfitTriggerBy: t.field({ type: TriggerByEnum, description: 'Reference price of the take-profit.' }),
    stopLossTriggerPrice: t.field({ type: 'Decimal', description: 'Attach a stop-loss that triggers at this price.' }),
    stopLossLimitPrice: t.field({ type: 'Decimal', description: 'Limit price of the stop-loss (omitted = market).' }),
    stopLossTriggerBy: t.field({ type: TriggerByEnum, description: 'Reference price of the stop-loss.' }),
    autoLend: t.boolean({ description: 'Spot margin: lend the proceeds.' }),
    autoLendRedeem: t.boolean({ description: 'Spot margin: redeem lent funds to pay.' }),
    autoBorrow: t.boolean({ description: 'Spot margin: borrow to pay.' }),
    autoBorrowRepay: t.boolean({ description: 'Spot margin: repay borrows with the proceeds.' }),
    slippageTolerance: t.field({
      type: 'Decimal',
      description: 'Market orders: maximum slippage, in slippageToleranceType units.',
    }),
    slippageToleranceType: t.field({ type: SlippageToleranceTypeEnum, description: 'Unit of slippageTolerance.' }),
  }),
});

export const CancelOrderInput = builder.inputType('CancelOrderInput', {
  description: 'Identifies one open order: its id or its client id.',
  fields: (t) => ({
    symbol: t.string({ required: true, description: 'Market symbol of the order.' }),
    id: t.id({ description: 'Order id; give this or clientId.' }),
    clientId: t.id({ description: 'Client id given when placing it; give this or id.' }),
  }),
});

export type ExecuteOrderFields = typeof ExecuteOrderInput.$inferInput;
type CancelOrderFields = typeof CancelOrderInput.$inferInput;

/** The wire payload of an order input (GraphQL enums already carry wire values; unset keys are left out). */
export function toOrderPayload(input: ExecuteOrderFields): OrderExecutePayload {
  const clientId = u32Arg('clientId', input.clientId == null ? null : String(input.clientId), 'order');
  return {
    ...compact({
      price: input.price,
      quantity: input.quantity,
      quoteQuantity: input.quoteQuantity,
      timeInForce: input.timeInForce,
      postOnly: input.postOnly,
      reduceOnly: input.reduceOnly,
      selfTradePrevention: input.selfTradePrevention,
      clientId,
      triggerPrice: input.triggerPrice,
      triggerQuantity: input.triggerQuantity,
      triggerBy: input.triggerBy,
      takeProfitTriggerPrice: input.takeProfitTriggerPrice,
      takeProfitLimitPrice: input.takeProfitLimitPrice,
      takeProfitTriggerBy: input.takeProfitTriggerBy,
      stopLossTriggerPrice: input.stopLossTriggerPrice,
      stopLossLimitPrice: input.stopLossLimitPrice,
      stopLossTriggerBy: input.stopLossTriggerBy,
      autoLend: input.autoLend,
      autoLendRedeem: input.autoLendRedeem,
      autoBorrow: input.autoBorrow,
      autoBorrowRepay: input.autoBorrowRepay,
      slippageTolerance: input.slippageTolerance,
      slippageToleranceType: input.slippageToleranceType,
    }),
    symbol: input.symbol,
    side: input.side,
    orderType: input.orderType,
  };
}

/** Validates an order against its market (from the catalog) and returns its payload; throws InvalidOrder otherwise. */
export async function checkedOrderPayload(
  ctx: GatewayContext,
  input: ExecuteOrderFields,
): Promise<OrderExecutePayload> {
  const market = await ctx.loaders.market.load(input.symbol);
  const draft: OrderDraft = { ...input, clientId: input.clientId == null ? null : String(input.clientId) };
  reject(validateOrder(draft, market), 'order');
  return toOrderPayload(input);
}

/** The same checks for one item of a batch, returning the failure instead of throwing it. */
export async function checkedBatchItem(
  ctx: GatewayContext,
  input: ExecuteOrderFields,
): Promise<OrderExecutePayload | InvalidOrder> {
  try {
    return await checkedOrderPayload(ctx, input);
  } catch (error) {
    if (error instanceof InvalidOrder) return error;
    throw error;
  }
}

/** The wire payload of a cancel: exactly one of id and clientId. */
export function toCancelPayload(input: CancelOrderFields): OrderCancelPayload {
  reject(exactlyOne(['id', input.id], ['clientId', input.clientId]), 'order');
  const clientId = u32Arg('clientId', input.clientId == null ? null : String(input.clientId), 'order');
  return input.id != null
    ? { symbol: input.symbol, orderId: String(input.id) }
    : { symbol: input.symbol, clientId: clientId as number };
}
