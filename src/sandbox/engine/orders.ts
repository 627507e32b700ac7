// The engine's order record and its three wire renderings: REST `Order`, `OrderHistory` row, WS `orderUpdate`.
import type {
  OrderExpiryReason,
  OrderStatus,
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  TimeInForce,
  TriggerBy,
} from '../../exchange/types/enums/trading.ts';
import type { OrderHistory } from '../../exchange/types/history.ts';
import type { Order } from '../../exchange/types/orders.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { MarketSpec } from './markets.ts';
import { naiveMillis } from './time.ts';

/** `Allow` is not documented but the Rust client knows it; the sandbox tolerates it. */
export type StpMode = SelfTradePrevention | 'Allow';

export interface AttachedTrigger {
  readonly triggerPrice: Decimal;
  readonly limitPrice: Decimal | null;
  readonly triggerBy: TriggerBy;
}

export interface OrderRecord {
  readonly id: string;
  readonly accountId: number;
  readonly clientId: number | null;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: 'Limit' | 'Market';
  readonly timeInForce: TimeInForce;
  readonly selfTradePrevention: StpMode;
  readonly postOnly: boolean;
  /** null when the client did not set it (the wire prints `null`). */
  readonly reduceOnly: boolean | null;
  readonly price: Decimal | null;
  /** Base quantity; null for a market order sized by quote. Trigger orders get it when they fire. */
  quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  executedQuantity: Decimal;
  executedQuoteQuantity: Decimal;
  status: OrderStatus;
  expiryReason: OrderExpiryReason | null;
  readonly createdAt: number;
  /** Conditional orders. */
  readonly triggerPrice: Decimal | null;
  /** Wire text: absolute (`"0.5"`) or percent of position (`"80%"`). */
  triggerQuantity: string | null;
  readonly triggerBy: TriggerBy | null;
  /** Fires when the reference price goes ≥ trigger (true) or ≤ trigger (false); fixed at placement. */
  triggerAbove: boolean | null;
  triggeredAt: number | null;
  readonly takeProfit: AttachedTrigger | null;
  readonly stopLoss: AttachedTrigger | null;
  /** Parent order of a TP/SL child. */
  readonly relatedOrderId: string | null;
  readonly slippageTolerance: Decimal | null;
  readonly slippageToleranceType: SlippageToleranceType | null;
  /** The strategy that placed the order (TWAP child orders); null for orders placed directly. */
  readonly strategyId: string | null;
  /** Funds still held for this order: the asset and how much of it is in `locked`. */
  lockedAsset: string | null;
  lockedRemaining: Decimal;
}

export function remaining(order: OrderRecord): Decimal {
  return order.quantity === null ? 0n : order.quantity - order.executedQuantity;
}

export function isOpen(order: OrderRecord): boolean {
  return order.status === 'New' || order.status === 'PartiallyFilled' || order.status === 'TriggerPending';
}

const text = (value: Decimal | null): string | null => (value === null ? null : D.toString(value));

/** The six take-profit / stop-loss fields, the same on `/order(s)` and `/history/orders` rows. */
function attachedTriggersWire(order: OrderRecord) {
  return {
    stopLossLimitPrice: text(order.stopLoss?.limitPrice ?? null),
    stopLossTriggerBy: order.stopLoss?.triggerBy ?? null,
    stopLossTriggerPrice: text(order.stopLoss?.triggerPrice ?? null),
    takeProfitLimitPrice: text(order.takeProfit?.limitPrice ?? null),
    takeProfitTriggerBy: order.takeProfit?.triggerBy ?? null,
    takeProfitTriggerPrice: text(order.takeProfit?.triggerPrice ?? null),
  };
}

/** REST `Order` (GET/POST/DELETE `/order`, `/orders`): `createdAt` in ms, explicit nulls. */
export function orderWire(order: OrderRecord): Order {
  const common = {
    ...attachedTriggersWire(order),
    clientId: order.clientId,
    createdAt: order.createdAt,
    executedQuantity: D.toString(order.executedQuantity),
    executedQuoteQuantity: D.toString(order.executedQuoteQuantity),
    id: order.id,
    reduceOnly: order.reduceOnly,
    relatedOrderId: order.relatedOrderId,
    selfTradePrevention: order.selfTradePrevention as SelfTradePrevention,
    side: order.side,
    status: order.status,
    strategyId: order.strategyId,
    symbol: order.symbol,
    timeInForce: order.timeInForce,
    triggerBy: order.triggerBy,
    triggerPrice: text(order.triggerPrice),
    triggerQuantity: order.triggerQuantity,
    triggeredAt: order.triggeredAt,
  };
  if (order.orderType === 'Limit') {
    return {
      ...common,
      orderType: 'Limit',
      postOnly: order.postOnly,
      price: D.toString(order.price ?? 0n),
      quantity: D.toString(order.quantity ?? 0n),
    };
  }
  return {
    ...common,
    orderType: 'Market',
    quantity: text(order.quantity),
    quoteQuantity: text(order.quoteQuantity),
    slippageTolerance: text(order.slippageTolerance),
    slippageToleranceType: order.slippageToleranceType,
  };
}

/** `/wapi/v1/history/orders` row: naive `createdAt`, `expiryReason`, no `reduceOnly`/`relatedOrderId`. */
export function orderHistoryWire(order: OrderRecord): OrderHistory {
  return {
    ...attachedTriggersWire(order),
    clientId: order.clientId,
    createdAt: naiveMillis(order.createdAt),
    executedQuantity: D.toString(order.executedQuantity),
    executedQuoteQuantity: D.toString(order.executedQuoteQuantity),
    expiryReason: order.expiryReason,
    id: order.id,
    orderType: order.orderType,
    postOnly: order.orderType === 'Limit' ? order.postOnly : null,
    price: text(order.price),
    quantity: text(order.quantity),
    quoteQuantity: text(order.quoteQuantity),
    selfTradePrevention: order.selfTradePrevention as SelfTradePrevention,
    side: order.side,
    slippageTolerance: text(order.slippageTolerance),
    slippageToleranceType: order.slippageToleranceType,
    status: order.status,
    strategyId: order.strategyId,
    symbol: order.symbol,
    systemOrderType: null,
    timeInForce: order.timeInForce,
    triggerBy: order.triggerBy,
    triggerPrice: text(order.triggerPrice),
    triggerQuantity: order.triggerQuantity,
  };
}

export type OrderEvent =
  | 'orderAccepted'
  | 'orderFill'
  | 'orderCancelled'
  | 'orderExpired'
  | 'orderModified'
  | 'triggerPlaced'
  | 'triggerFailed';

export interface FillDetail {
  readonly tradeId: number;
  readonly quantity: Decimal;
  readonly price: Decimal;
  readonly maker: boolean;
  readonly fee: Decimal;
  readonly feeSymbol: string;
}

/** `AccountTradingSuspended` → `ACCOUNT_TRADING_SUSPENDED` (WS `R` uses SCREAMING_SNAKE). */
export function screamingSnake(reason: string): string {
  return reason.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** WS `H`: the docs' example prints the strategy id as a JSON number; sandbox ids are small enough to do the same. */
function strategyIdWire(id: string): number | string {
  const number = Number(id);
  return /^\d+$/.test(id) && Number.isSafeInteger(number) ? number : id;
}

/**
 * The `account.orderUpdate` payload. Prices are padded to the tick and quantities to the step, as on the wire
 * (`"86700.0"`); `t` is null unless this is a fill.
 */
export function orderUpdateWire(
  order: OrderRecord,
  market: MarketSpec,
  event: OrderEvent,
  times: { readonly event: number; readonly engine: number },
  fill: FillDetail | null = null,
): Record<string, unknown> {
  const price = (value: Decimal): string => D.format(value, market.priceDecimals);
  const quantity = (value: Decimal): string => D.format(value, market.quantityDecimals);
  const data: Record<string, unknown> = {
    e: event,
    E: times.event,
    s: order.symbol,
    i: order.id,
    S: order.side,
    o: order.orderType === 'Limit' ? 'LIMIT' : 'MARKET',
    f: order.timeInForce,
    X: order.status,
    z: quantity(order.executedQuantity),
    Z: D.toString(order.executedQuoteQuantity),
    V: order.selfTradePrevention,
    r: order.reduceOnly ?? false,
    y: order.postOnly,
    O: 'USER',
    t: fill === null ? null : fill.tradeId,
    T: times.engine,
  };
  if (order.clientId !== null) data.c = order.clientId;
  const pendingTrigger = order.status === 'TriggerPending' || order.status === 'TriggerFailed';
  // Trigger orders print "0" quantities until they fire [W]; quote-sized market orders have no `q`.
  if (pendingTrigger) data.q = '0';
  else if (order.quantity !== null) data.q = quantity(order.quantity);
  if (order.quoteQuantity !== null) data.Q = D.toString(order.quoteQuantity);
  else if (pendingTrigger) data.Q = '0';
  else if (order.price !== null && order.quantity !== null)
    data.Q = D.toString(D.mul(order.price, order.quantity, 'halfEven'));
  if (order.price !== null) data.p = price(order.price);
  if (order.triggerPrice !== null) {
    data.P = price(order.triggerPrice);
    data.B = order.triggerBy;
    data.Y = order.triggerQuantity;
  }
  if (order.takeProfit !== null) {
    data.a = price(order.takeProfit.triggerPrice);
    data.d = order.takeProfit.triggerBy;
    if (order.takeProfit.limitPrice !== null) data.j = price(order.takeProfit.limitPrice);
  }
  if (order.stopLoss !== null) {
    data.b = price(order.stopLoss.triggerPrice);
    data.g = order.stopLoss.triggerBy;
    if (order.stopLoss.limitPrice !== null) data.k = price(order.stopLoss.limitPrice);
  }
  if (event === 'orderExpired' && order.expiryReason !== null) data.R = screamingSnake(order.expiryReason);
  if (order.relatedOrderId !== null) data.I = order.relatedOrderId;
  if (order.strategyId !== null) data.H = strategyIdWire(order.strategyId);
  if (fill !== null) {
    data.l = quantity(fill.quantity);
    data.L = price(fill.price);
    data.m = fill.maker;
    data.n = D.toString(fill.fee);
    data.N = fill.feeSymbol;
  }
  return data;
}
