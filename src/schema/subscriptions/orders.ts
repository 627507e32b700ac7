// `orderUpdates`: every change to the account's orders (accepted, fills, cancels …), lossless, over the account's socket.
import type { BuilderTypes } from '../builder.ts';
import { builder } from '../builder.ts';
import {
  OrderExpiryReasonEnum,
  OrderStatusEnum,
  OrderTypeEnum,
  OrderUpdateOriginEnum,
  SelfTradePreventionEnum,
  SideEnum,
  TimeInForceEnum,
  TriggerByEnum,
  wireEnum,
} from '../enums.ts';
import { ORDER_UPDATE_EVENTS, toOrderUpdate } from './accountPayloads.ts';
import type { OrderUpdate } from './accountPayloads.ts';
import { orderReconciler } from '../../streams/reconcile/orders.ts';
import { marketLink } from './links.ts';
import { asGapNotice, gapField } from './streamGap.ts';
import { hubFor, optionalMarketSymbol, subscriptionAccount, unwrap } from './shared.ts';

export const OrderUpdateEventTypeEnum = wireEnum(
  'OrderUpdateEventType',
  ORDER_UPDATE_EVENTS,
  'What happened to an order.',
  {
    orderAccepted: 'The engine accepted the order (market orders too, before they fill).',
    orderFill: 'The order (partially) filled; `fillQuantity`, `fillPrice`, `fee` describe this fill.',
    orderCancelled: 'The order was cancelled.',
    orderExpired: 'The order expired (IOC/FOK remainder, price band, self-trade prevention …); see `expiryReason`.',
    orderModified: 'A resting reduce-only order was reduced so it cannot flip the position.',
    triggerPlaced: 'A conditional order was registered.',
    triggerFailed: 'A conditional order could not be placed when it triggered.',
    streamGap: 'Not an order event: the notice that events may be missing (see `gap`).',
  },
);

type Fields = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, OrderUpdate>;
type DecimalKey = {
  [K in keyof OrderUpdate]-?: OrderUpdate[K] extends string | null ? K : never;
}[keyof OrderUpdate];

const decimal = (t: Fields, key: DecimalKey, description: string) =>
  t.field({ type: 'Decimal', nullable: true, description, resolve: (order) => order[key] });

const OrderUpdateRef = builder.objectRef<OrderUpdate>('OrderUpdate').implement({
  description: 'One change to an order of the account, as the exchange reports it.',
  fields: (t) => ({
    eventType: t.field({ type: OrderUpdateEventTypeEnum, description: 'What happened.', resolve: (o) => o.eventType }),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the engine made the change.',
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    orderId: t.exposeID('orderId', { description: 'Order id (opaque).' }),
    clientId: t.exposeID('clientId', { nullable: true, description: 'The client id given when placing it.' }),
    side: t.field({ type: SideEnum, nullable: true, description: 'BID buys, ASK sells.', resolve: (o) => o.side }),
    orderType: t.field({
      type: OrderTypeEnum,
      nullable: true,
      description: 'LIMIT or MARKET.',
      resolve: (o) => o.orderType,
    }),
    timeInForce: t.field({
      type: TimeInForceEnum,
      nullable: true,
      description: 'How long it stays active.',
      resolve: (o) => o.timeInForce,
    }),
    status: t.field({
      type: OrderStatusEnum,
      nullable: true,
      description: 'Status after this change.',
      resolve: (o) => o.status,
    }),
    quantity: decimal(t, 'quantity', 'Base quantity ordered (0 on trigger orders before they trigger).'),
    quoteQuantity: decimal(t, 'quoteQuantity', 'Quote quantity ordered, when the exchange reports it.'),
    price: decimal(t, 'price', 'Limit price; null for market orders.'),
    triggerPrice: decimal(t, 'triggerPrice', 'Trigger price of a conditional order.'),
    triggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Price the trigger watches.',
      resolve: (o) => o.triggerBy,
    }),
    triggerQuantity: t.exposeString('triggerQuantity', {
      nullable: true,
      description: 'Quantity placed when triggered: a decimal, or a percentage such as `80%`.',
    }),
    takeProfitTriggerPrice: decimal(t, 'takeProfitTriggerPrice', 'Take-profit trigger price.'),
    stopLossTriggerPrice: decimal(t, 'stopLossTriggerPrice', 'Stop-loss trigger price.'),
    takeProfitLimitPrice: decimal(t, 'takeProfitLimitPrice', 'Limit price of the take-profit order.'),
    stopLossLimitPrice: decimal(t, 'stopLossLimitPrice', 'Limit price of the stop-loss order.'),
    takeProfitTriggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Price the take-profit watches.',
      resolve: (o) => o.takeProfitTriggerBy,
    }),
    stopLossTriggerBy: t.field({
      type: TriggerByEnum,
      nullable: true,
      description: 'Price the stop-loss watches.',
      resolve: (o) => o.stopLossTriggerBy,
    }),
    expiryReason: t.field({
      type: OrderExpiryReasonEnum,
      nullable: true,
      description: 'Why it expired (`orderExpired`).',
      resolve: (o) => o.expiryReason,
    }),
    tradeId: t.exposeID('tradeId', { nullable: true, description: 'Trade id of this fill (`orderFill`).' }),
    fillQuantity: decimal(t, 'fillQuantity', 'Base quantity of this fill (`orderFill`).'),
    fillPrice: decimal(t, 'fillPrice', 'Price of this fill (`orderFill`).'),
    isMaker: t.exposeBoolean('isMaker', {
      nullable: true,
      description: 'Whether this fill was as maker (`orderFill`).',
    }),
    fee: decimal(t, 'fee', 'Fee charged for this fill (`orderFill`).'),
    feeSymbol: t.exposeString('feeSymbol', {
      nullable: true,
      description: 'Asset the fee was charged in (`orderFill`).',
    }),
    executedQuantity: decimal(t, 'executedQuantity', 'Cumulative filled base quantity.'),
    executedQuoteQuantity: decimal(t, 'executedQuoteQuantity', 'Cumulative filled quote quantity.'),
    selfTradePrevention: t.field({
      type: SelfTradePreventionEnum,
      nullable: true,
      description: 'Self-trade prevention mode.',
      resolve: (o) => o.selfTradePrevention,
    }),
    reduceOnly: t.exposeBoolean('reduceOnly', {
      nullable: true,
      description: 'Whether it may only reduce a position.',
    }),
    postOnly: t.exposeBoolean('postOnly', { nullable: true, description: 'Whether it may only rest (never take).' }),
    origin: t.field({
      type: OrderUpdateOriginEnum,
      nullable: true,
      description: 'What caused this change.',
      resolve: (o) => o.origin,
    }),
    relatedOrderId: t.exposeID('relatedOrderId', {
      nullable: true,
      description: "The order this one belongs to (e.g. a take-profit's parent).",
    }),
    strategyId: t.exposeID('strategyId', { nullable: true, description: 'Strategy that placed it, if any.' }),
    gap: gapField(t),
  }),
});

builder.subscriptionField('orderUpdates', (t) =>
  t.field({
    authScopes: { read: true },
    type: OrderUpdateRef,
    description:
      "Changes to the account's orders, in order (requires API keys). Guarantee: lossless with reconciliation. " +
      'When the exchange connection drops, the gateway reads open orders, order history and fills over REST and ' +
      'delivers the missed events (accepted, fills, cancelled/expired) in order and exactly once before live events ' +
      'resume; if the exchange cannot tell everything, an event with `eventType: STREAM_GAP` and `gap` set says ' +
      'which interval may be incomplete. A client that falls more than the buffer behind gets a ' +
      'SUBSCRIPTION_OVERFLOW error instead of missing a fill.',
    args: { symbol: t.arg.string({ description: 'Only this market; omitted = all markets.' }) },
    subscribe: async (_, { symbol }, ctx) => {
      const apiKey = subscriptionAccount(ctx);
      const market = await optionalMarketSymbol(ctx, symbol);
      const stream = market === null ? 'account.orderUpdate' : `account.orderUpdate.${market}`;
      return hubFor(ctx).subscribeAccount(apiKey, {
        stream,
        map: toOrderUpdate,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) => asGapNotice(toOrderUpdate({ e: 'streamGap', E: gap.to * 1000, s: market ?? '', i: '' }), gap),
          reconciler: orderReconciler(market),
        },
      });
    },
    resolve: (payload) => unwrap(payload),
  }),
);
