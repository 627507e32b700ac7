// Wire shapes of orders: the order object, batch results, and the execute/cancel payloads.
import type { Decimal, EpochMillis, MarketSymbol } from './common.ts';
import type { ApiErrorCode } from './enums/errorCodes.ts';
import type { MarketType } from './enums/markets.ts';
import type {
  CancelOrderTypeEnum,
  OrderStatus,
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  TimeInForce,
  TriggerBy,
} from './enums/trading.ts';

/** Fields common to market and limit orders (OpenAPI `OrderType`). */
interface OrderBase {
  id: string;
  clientId?: number | null;
  symbol: MarketSymbol;
  side: Side;
  createdAt: EpochMillis;
  status: OrderStatus;
  timeInForce: TimeInForce;
  selfTradePrevention: SelfTradePrevention;
  executedQuantity: Decimal;
  executedQuoteQuantity: Decimal;
  reduceOnly?: boolean | null;
  triggerBy?: TriggerBy | null;
  triggerPrice?: string | null;
  /** Absolute (`"0.5"`) or a percentage of the position (`"80%"`). */
  triggerQuantity?: string | null;
  triggeredAt?: EpochMillis | null;
  /** Parent order, or the order a TP/SL trigger belongs to. */
  relatedOrderId?: string | null;
  strategyId?: string | null;
  stopLossTriggerPrice?: string | null;
  stopLossLimitPrice?: Decimal | null;
  stopLossTriggerBy?: TriggerBy | null;
  takeProfitTriggerPrice?: string | null;
  takeProfitLimitPrice?: Decimal | null;
  takeProfitTriggerBy?: TriggerBy | null;
}

export interface MarketOrder extends OrderBase {
  orderType: 'Market';
  /** null when sized by quote. */
  quantity?: Decimal | null;
  quoteQuantity?: Decimal | null;
  slippageTolerance?: Decimal | null;
  slippageToleranceType?: SlippageToleranceType | null;
}

export interface LimitOrder extends OrderBase {
  orderType: 'Limit';
  quantity: Decimal;
  price: Decimal;
  postOnly: boolean;
  /** Not in the OpenAPI limit schema; tolerated. */
  slippageTolerance?: Decimal | null;
  slippageToleranceType?: SlippageToleranceType | null;
}

/** An open or just-changed order (OpenAPI `OrderType`), discriminated on `orderType`. */
export type Order = MarketOrder | LimitOrder;

export type BatchCommandOrderResult =
  ({ operation: 'Ok' } & Order) | { operation: 'Err'; code: ApiErrorCode; message: string };

export interface OrderExecutePayload {
  symbol: MarketSymbol;
  side: Side;
  orderType: 'Market' | 'Limit';
  price?: Decimal;
  quantity?: Decimal;
  quoteQuantity?: Decimal;
  timeInForce?: TimeInForce;
  postOnly?: boolean;
  reduceOnly?: boolean;
  selfTradePrevention?: SelfTradePrevention;
  clientId?: number;
  brokerId?: number;
  triggerPrice?: string;
  triggerQuantity?: string;
  triggerBy?: TriggerBy;
  takeProfitTriggerPrice?: string;
  takeProfitLimitPrice?: Decimal;
  takeProfitTriggerBy?: TriggerBy;
  stopLossTriggerPrice?: string;
  stopLossLimitPrice?: Decimal;
  stopLossTriggerBy?: TriggerBy;
  autoLend?: boolean;
  autoLendRedeem?: boolean;
  autoBorrow?: boolean;
  autoBorrowRepay?: boolean;
  slippageTolerance?: Decimal;
  slippageToleranceType?: SlippageToleranceType;
}

/** Exactly one of `orderId` / `clientId`. */
export interface OrderCancelPayload {
  symbol: MarketSymbol;
  orderId?: string;
  clientId?: number;
}

export interface OrderCancelAllPayload {
  symbol: MarketSymbol;
  /** Omitted = both resting and conditional orders. */
  orderType?: CancelOrderTypeEnum;
}

/** Exactly one of `orderId` / `clientId`. */
export interface GetOrderParams {
  symbol: MarketSymbol;
  orderId?: string;
  clientId?: number;
}

export interface GetOpenOrdersParams {
  symbol?: MarketSymbol;
  marketType?: MarketType;
}
