// Turns an order payload into a validated order intent, with the exchange's error codes and messages.
import {
  SelfTradePrevention as STP_VALUES,
  Side as SIDES,
  TimeInForce as TIF_VALUES,
  TriggerBy as TRIGGER_BY,
} from '../../exchange/types/enums/trading.ts';
import type { OrderExecutePayload } from '../../exchange/types/orders.ts';
import type { Side, SlippageToleranceType, TimeInForce, TriggerBy } from '../../exchange/types/enums/trading.ts';
import { SandboxError } from './errors.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { MarketSpec } from './markets.ts';
import type { AttachedTrigger, StpMode } from './orders.ts';

/**
 * The execute payload as the engine accepts it (`selfTradePrevention` also tolerates `Allow`). `strategyId` is set
 * only in-process, by a strategy placing its child orders; REST clients cannot send it.
 */
export type OrderRequest = Omit<OrderExecutePayload, 'selfTradePrevention'> & {
  selfTradePrevention?: StpMode;
  strategyId?: string;
};

export interface ValidatedOrder {
  readonly market: MarketSpec;
  readonly side: Side;
  readonly orderType: 'Limit' | 'Market';
  readonly price: Decimal | null;
  readonly quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean | null;
  readonly selfTradePrevention: StpMode;
  readonly clientId: number | null;
  readonly trigger: { readonly price: Decimal; readonly quantity: string; readonly by: TriggerBy } | null;
  readonly takeProfit: AttachedTrigger | null;
  readonly stopLoss: AttachedTrigger | null;
  readonly slippageTolerance: Decimal | null;
  readonly slippageToleranceType: SlippageToleranceType | null;
  /** The strategy that placed this order (TWAP child orders), else null. */
  readonly strategyId: string | null;
}

const invalid = (code: string, message: string): SandboxError => new SandboxError(400, code, message);
const clientError = (message: string): SandboxError => invalid('INVALID_CLIENT_REQUEST', message);

/** Body parse failures are plain-text 400s on the exchange, not JSON error bodies. */
function parseFailure(what: string): SandboxError {
  return new SandboxError(
    400,
    null,
    `Bad Request parse request payload error: failed to parse "${what}" (occurred while parsing "OrderExecutePayload")`,
  );
}

function decimalField(value: string | undefined, what: string): Decimal | null {
  if (value === undefined) return null;
  const parsed = typeof value === 'string' ? D.tryParse(value) : null;
  if (parsed === null) throw parseFailure(what);
  return parsed;
}

function oneOf<T extends string>(value: string | undefined, values: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) throw parseFailure(what);
  return value as T;
}

/** Tick-size, bounds and decimal-length checks shared by limit, trigger and TP/SL prices. */
export function checkPrice(market: MarketSpec, text: string, price: Decimal): void {
  if (price <= 0n) throw invalid('INVALID_PRICE', 'Price must be positive');
  if (D.fractionDigits(text) > market.priceDecimals) throw clientError('Price decimal too long');
  if (!D.isMultipleOf(price, market.tickSize))
    throw invalid('INVALID_PRICE', 'Price must be a multiple of the tick size');
  if (price < market.minPrice) throw invalid('INVALID_PRICE', 'Price is below the minimum price');
  if (market.maxPrice !== null && price > market.maxPrice)
    throw invalid('INVALID_PRICE', 'Price is above the maximum price');
}

export function checkQuantity(market: MarketSpec, text: string, quantity: Decimal): void {
  if (quantity <= 0n) throw invalid('INVALID_QUANTITY', 'Quantity must be positive');
  if (D.fractionDigits(text) > market.quantityDecimals) throw clientError('Quantity decimal too long');
  if (!D.isMultipleOf(quantity, market.stepSize))
    throw invalid('INVALID_QUANTITY', 'Quantity must be a multiple of the step size');
  if (quantity < market.minQuantity) throw invalid('INVALID_QUANTITY', 'Quantity is below the minimum allowed value');
  if (market.maxQuantity !== null && quantity > market.maxQuantity) {
    throw invalid('INVALID_QUANTITY', 'Quantity is above the maximum allowed value');
  }
}

/** Limit prices must stay within [min, max] multipliers of the last active price (when there is one). */
export function checkPriceBand(market: MarketSpec, price: Decimal, lastActive: Decimal | null): void {
  if (lastActive === null) return;
  const low = D.mul(lastActive, market.minMultiplier, 'ceil');
  const high = D.mul(lastActive, market.maxMultiplier, 'floor');
  if (price < low || price > high) throw invalid('INVALID_PRICE', 'Price is too far from the last active price');
}

function attached(
  market: MarketSpec,
  trigger: string | undefined,
  limit: string | undefined,
  by: string | undefined,
  what: string,
): AttachedTrigger | null {
  const triggerPrice = decimalField(trigger, `${what}TriggerPrice`);
  const limitPrice = decimalField(limit, `${what}LimitPrice`);
  const triggerBy = oneOf(by, TRIGGER_BY, `${what}TriggerBy`);
  if (triggerPrice === null) {
    if (limitPrice !== null) throw clientError(`\`${what}LimitPrice\` requires \`${what}TriggerPrice\``);
    return null;
  }
  checkPrice(market, trigger as string, triggerPrice);
  if (limitPrice !== null) checkPrice(market, limit as string, limitPrice);
  return { triggerPrice, limitPrice, triggerBy: triggerBy ?? 'LastPrice' };
}

/** Validates everything that does not depend on balances or the book (those are checked when executing). */
export function validateOrder(request: OrderRequest, market: MarketSpec): ValidatedOrder {
  const side = oneOf(request.side, SIDES, 'Side');
  if (side === undefined) throw parseFailure('Side');
  const orderType = oneOf(request.orderType, ['Limit', 'Market'] as const, 'OrderType');
  if (orderType === undefined) throw parseFailure('OrderType');
  const timeInForce = oneOf(request.timeInForce, TIF_VALUES, 'TimeInForce') ?? 'GTC';
  const selfTradePrevention =
    oneOf(request.selfTradePrevention, [...STP_VALUES, 'Allow'] as const, 'SelfTradePrevention') ?? 'RejectTaker';
  const futures = market.marketType === 'PERP' || market.marketType === 'IPERP' || market.marketType === 'DATED';

  switch (market.orderBookState) {
    case 'Closed':
      throw invalid('INVALID_MARKET', 'Market is closed');
    case 'CancelOnly':
      throw invalid('INVALID_MARKET', 'Market is in cancel only mode');
    case 'LimitOnly':
    case 'PostOnly':
      if (orderType === 'Market')
        throw invalid('INVALID_ORDER', 'Market orders are not allowed in the current market state');
      break;
    case 'Open':
      break;
  }

  const clientId = request.clientId ?? null;
  if (clientId !== null && (!Number.isInteger(clientId) || clientId < 0 || clientId > 0xffffffff))
    throw parseFailure('u32');

  const triggerPrice = decimalField(request.triggerPrice, 'triggerPrice');
  const triggerQuantityText = request.triggerQuantity;
  if ((triggerPrice === null) !== (triggerQuantityText === undefined)) {
    throw clientError('Must specify both `triggerPrice` and `triggerQuantity` or neither');
  }
  let trigger: ValidatedOrder['trigger'] = null;
  if (triggerPrice !== null && triggerQuantityText !== undefined) {
    checkPrice(market, request.triggerPrice as string, triggerPrice);
    if (triggerQuantityText.endsWith('%')) {
      const percent = D.tryParse(triggerQuantityText.slice(0, -1));
      if (percent === null || percent <= 0n || percent > D.fromInt(100))
        throw invalid('INVALID_QUANTITY', 'Invalid trigger quantity');
      if (!futures)
        throw invalid('INVALID_QUANTITY', 'Percentage trigger quantities are only supported for futures markets');
    } else {
      const absolute = decimalField(triggerQuantityText, 'triggerQuantity') as Decimal;
      checkQuantity(market, triggerQuantityText, absolute);
    }
    trigger = {
      price: triggerPrice,
      quantity: triggerQuantityText,
      by: oneOf(request.triggerBy, TRIGGER_BY, 'TriggerBy') ?? 'LastPrice',
    };
  }

  const price = decimalField(request.price, 'price');
  const quantity = decimalField(request.quantity, 'quantity');
  const quoteQuantity = decimalField(request.quoteQuantity, 'quoteQuantity');
  if (orderType === 'Limit') {
    if (price === null) throw clientError('Price is required for limit orders');
    if (quantity === null && trigger === null) throw clientError('Quantity is required for limit orders');
    if (quoteQuantity !== null) throw clientError('Quote quantity is only supported for market orders');
    checkPrice(market, request.price as string, price);
  } else {
    if (request.postOnly === true) throw clientError('Post only is only supported for limit orders');
    if (trigger === null && (quantity === null) === (quoteQuantity === null)) {
      throw clientError('Must specify either `quantity` or `quoteQuantity` for market orders');
    }
    if (quoteQuantity !== null && quoteQuantity <= 0n)
      throw invalid('INVALID_QUANTITY', 'Quote quantity must be positive');
  }
  if (quantity !== null) checkQuantity(market, request.quantity as string, quantity);
  if (request.reduceOnly === true && !futures) throw clientError('Reduce only is only supported for futures markets');
  if (request.postOnly === true && timeInForce !== 'GTC') throw clientError('Post only orders must be GTC');

  return {
    market,
    side,
    orderType,
    price: orderType === 'Limit' ? price : null,
    quantity,
    quoteQuantity: orderType === 'Market' ? quoteQuantity : null,
    timeInForce,
    postOnly: request.postOnly === true,
    reduceOnly: request.reduceOnly ?? null,
    selfTradePrevention,
    clientId,
    trigger,
    takeProfit: attached(
      market,
      request.takeProfitTriggerPrice,
      request.takeProfitLimitPrice,
      request.takeProfitTriggerBy,
      'takeProfit',
    ),
    stopLoss: attached(
      market,
      request.stopLossTriggerPrice,
      request.stopLossLimitPrice,
      request.stopLossTriggerBy,
      'stopLoss',
    ),
    slippageTolerance: decimalField(request.slippageTolerance, 'slippageTolerance'),
    slippageToleranceType:
      oneOf(request.slippageToleranceType, ['TickSize', 'Percent'] as const, 'SlippageToleranceType') ?? null,
    strategyId: request.strategyId ?? null,
  };
}
