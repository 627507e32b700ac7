// Private stream payloads (order, position, RFQ updates) mapped to their GraphQL shapes, once per upstream message.
import * as wire from '../../exchange/types/enums/trading.ts';
import type {
  OrderExpiryReason,
  OrderStatus,
  OrderTypeEnum as OrderType,
  OrderUpdateOrigin,
  SelfTradePrevention,
  Side,
  SystemOrderType,
  TimeInForce,
  TriggerBy,
} from '../../exchange/types/enums/trading.ts';
import type { StreamPayload } from '../../exchange/stream.ts';
import type { StreamGap } from '../../streams/reconcile/types.ts';
import { wireValue } from '../enums.ts';
import { decimal, flag, fromScreamingSnake, id, requiredText, text, timestamp } from './wire.ts';

export const ORDER_UPDATE_EVENTS = [
  'orderAccepted',
  'orderFill',
  'orderCancelled',
  'orderExpired',
  'orderModified',
  'triggerPlaced',
  'triggerFailed',
  // The gateway's own: the notice of an interval that may have lost events (see StreamGap).
  'streamGap',
] as const;

/** `positionSnapshot` is the gateway's name for the open positions sent on subscribe (they carry no `e`). */
export type OrderUpdateEvent = (typeof ORDER_UPDATE_EVENTS)[number];

export const POSITION_UPDATE_EVENTS = [
  'positionOpened',
  'positionAdjusted',
  'positionClosed',
  'positionSnapshot',
  'streamGap',
] as const;
export type PositionUpdateEvent = (typeof POSITION_UPDATE_EVENTS)[number];

export const RFQ_UPDATE_EVENTS = [
  'rfqActive',
  'rfqAccepted',
  'rfqRefreshed',
  'rfqCancelled',
  'rfqCandidate',
  'rfqFilled',
  'quoteAccepted',
  'quoteCancelled',
  'rfqAcceptedBinding',
  'streamGap',
] as const;
export type RfqUpdateEvent = (typeof RFQ_UPDATE_EVENTS)[number];

export interface OrderUpdate {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly eventType: OrderUpdateEvent;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly symbol: string;
  readonly orderId: string;
  readonly clientId: string | null;
  readonly side: Side | null;
  readonly orderType: OrderType | null;
  readonly timeInForce: TimeInForce | null;
  readonly status: OrderStatus | null;
  readonly quantity: string | null;
  readonly quoteQuantity: string | null;
  readonly price: string | null;
  readonly triggerPrice: string | null;
  readonly triggerBy: TriggerBy | null;
  readonly triggerQuantity: string | null;
  readonly takeProfitTriggerPrice: string | null;
  readonly stopLossTriggerPrice: string | null;
  readonly takeProfitLimitPrice: string | null;
  readonly stopLossLimitPrice: string | null;
  readonly takeProfitTriggerBy: TriggerBy | null;
  readonly stopLossTriggerBy: TriggerBy | null;
  readonly expiryReason: OrderExpiryReason | null;
  readonly tradeId: string | null;
  readonly fillQuantity: string | null;
  readonly fillPrice: string | null;
  readonly isMaker: boolean | null;
  readonly fee: string | null;
  readonly feeSymbol: string | null;
  readonly executedQuantity: string | null;
  readonly executedQuoteQuantity: string | null;
  readonly selfTradePrevention: SelfTradePrevention | null;
  readonly reduceOnly: boolean | null;
  readonly postOnly: boolean | null;
  readonly origin: OrderUpdateOrigin | null;
  readonly relatedOrderId: string | null;
  readonly strategyId: string | null;
}

export interface PositionUpdate {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly eventType: PositionUpdateEvent;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly symbol: string;
  readonly positionId: string | null;
  readonly breakEvenPrice: string | null;
  readonly entryPrice: string | null;
  readonly initialMarginFraction: string | null;
  readonly maintenanceMarginFraction: string | null;
  readonly markPrice: string | null;
  readonly netQuantity: string | null;
  readonly netExposureQuantity: string | null;
  readonly netExposureNotional: string | null;
  readonly realizedPnl: string | null;
  readonly unrealizedPnl: string | null;
}

export interface RfqUpdate {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly eventType: RfqUpdateEvent;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly symbol: string;
  readonly rfqId: string | null;
  readonly quoteId: string | null;
  readonly clientId: string | null;
  readonly side: Side | null;
  readonly quantity: string | null;
  readonly quoteQuantity: string | null;
  readonly price: string | null;
  readonly submissionDeadline: string | null;
  readonly expiryTime: string | null;
  readonly status: OrderStatus | null;
  readonly systemOrderType: SystemOrderType | null;
}

export interface BalanceUpdate {
  /** Only on a gap notice. */
  readonly gap?: StreamGap;
  readonly eventTime: string | null;
  readonly engineTime: string | null;
  readonly asset: string;
  readonly available: string | null;
  readonly locked: string | null;
  readonly staked: string | null;
}

/**
 * Enum-valued text in its canonical wire spelling (the WS order stream says `LIMIT` where REST says `Limit`).
 * A value the gateway does not know passes through; the open GraphQL enum serves it as UNKNOWN.
 */
const enumText = <T extends string>(values: readonly T[], d: StreamPayload, key: string): T | null => {
  const raw = text(d, key);
  return raw === null ? null : (wireValue(values, raw) as T);
};
const eventText = <T extends string>(d: StreamPayload, fallback?: T): T => {
  const raw = text(d, 'e');
  if (raw !== null) return raw as T;
  if (fallback === undefined) throw new TypeError('payload key e is missing');
  return fallback;
};

export function toOrderUpdate(d: StreamPayload): OrderUpdate {
  return Object.freeze({
    eventType: eventText<OrderUpdateEvent>(d),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    symbol: requiredText(d, 's'),
    orderId: requiredText(d, 'i'),
    clientId: id(d, 'c'),
    side: enumText(wire.Side, d, 'S'),
    orderType: enumText(wire.OrderTypeEnum, d, 'o'),
    timeInForce: enumText(wire.TimeInForce, d, 'f'),
    status: enumText(wire.OrderStatus, d, 'X'),
    quantity: decimal(d, 'q'),
    quoteQuantity: decimal(d, 'Q'),
    price: decimal(d, 'p'),
    triggerPrice: decimal(d, 'P'),
    triggerBy: enumText(wire.TriggerBy, d, 'B'),
    triggerQuantity: text(d, 'Y'),
    takeProfitTriggerPrice: decimal(d, 'a'),
    stopLossTriggerPrice: decimal(d, 'b'),
    takeProfitLimitPrice: decimal(d, 'j'),
    stopLossLimitPrice: decimal(d, 'k'),
    takeProfitTriggerBy: enumText(wire.TriggerBy, d, 'd'),
    stopLossTriggerBy: enumText(wire.TriggerBy, d, 'g'),
    expiryReason: fromScreamingSnake(wire.OrderExpiryReason, text(d, 'R')) as OrderExpiryReason | null,
    tradeId: id(d, 't'),
    fillQuantity: decimal(d, 'l'),
    fillPrice: decimal(d, 'L'),
    isMaker: flag(d, 'm'),
    fee: decimal(d, 'n'),
    feeSymbol: text(d, 'N'),
    executedQuantity: decimal(d, 'z'),
    executedQuoteQuantity: decimal(d, 'Z'),
    selfTradePrevention: enumText(wire.SelfTradePrevention, d, 'V'),
    reduceOnly: flag(d, 'r'),
    postOnly: flag(d, 'y'),
    origin: enumText(wire.OrderUpdateOrigin, d, 'O'),
    relatedOrderId: id(d, 'I'),
    strategyId: id(d, 'H'),
  });
}

export function toPositionUpdate(d: StreamPayload): PositionUpdate {
  return Object.freeze({
    eventType: eventText<PositionUpdateEvent>(d, 'positionSnapshot'),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    symbol: requiredText(d, 's'),
    positionId: id(d, 'i'),
    breakEvenPrice: decimal(d, 'b'),
    entryPrice: decimal(d, 'B'),
    initialMarginFraction: decimal(d, 'f'),
    maintenanceMarginFraction: decimal(d, 'm'),
    markPrice: decimal(d, 'M'),
    netQuantity: decimal(d, 'q'),
    netExposureQuantity: decimal(d, 'Q'),
    netExposureNotional: decimal(d, 'n'),
    realizedPnl: decimal(d, 'p'),
    unrealizedPnl: decimal(d, 'P'),
  });
}

export function toRfqUpdate(d: StreamPayload): RfqUpdate {
  return Object.freeze({
    eventType: eventText<RfqUpdateEvent>(d),
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    symbol: requiredText(d, 's'),
    rfqId: id(d, 'R'),
    quoteId: id(d, 'u'),
    clientId: id(d, 'C'),
    side: enumText(wire.Side, d, 'S'),
    quantity: decimal(d, 'q'),
    quoteQuantity: decimal(d, 'Q'),
    price: decimal(d, 'p'),
    submissionDeadline: timestamp(d, 'w'),
    expiryTime: timestamp(d, 'W'),
    status: enumText(wire.OrderStatus, d, 'X'),
    systemOrderType: enumText(wire.SystemOrderType, d, 'o'),
  });
}

export function toBalanceUpdate(d: StreamPayload): BalanceUpdate {
  return Object.freeze({
    eventTime: timestamp(d, 'E'),
    engineTime: timestamp(d, 'T'),
    asset: requiredText(d, 'a'),
    available: decimal(d, 'A'),
    locked: decimal(d, 'L'),
    staked: decimal(d, 'S'),
  });
}
