// Pure pre-flight checks of an order against its market's filters, so bad orders never reach the exchange.
import type { MarketType, OrderBookState } from '../../exchange/types/enums/markets.ts';
import type {
  OrderTypeEnum,
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  TimeInForce,
  TriggerBy,
} from '../../exchange/types/enums/trading.ts';
import type { MarketFilters } from '../../exchange/types/markets.ts';
import { compareDecimal, parseScaled } from './decimal.ts';
import {
  firstViolation,
  onGrid,
  parseU32,
  positiveAmount,
  requires,
  together,
  violation,
  type Violation,
} from './rules.ts';

/** An order as the client describes it (GraphQL input values, enums already in wire spelling). */
export interface OrderDraft {
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderTypeEnum;
  readonly price?: string | null;
  readonly quantity?: string | null;
  readonly quoteQuantity?: string | null;
  readonly timeInForce?: TimeInForce | null;
  readonly postOnly?: boolean | null;
  readonly reduceOnly?: boolean | null;
  readonly selfTradePrevention?: SelfTradePrevention | null;
  readonly clientId?: string | number | null;
  readonly triggerPrice?: string | null;
  readonly triggerQuantity?: string | null;
  readonly triggerBy?: TriggerBy | null;
  readonly takeProfitTriggerPrice?: string | null;
  readonly takeProfitLimitPrice?: string | null;
  readonly takeProfitTriggerBy?: TriggerBy | null;
  readonly stopLossTriggerPrice?: string | null;
  readonly stopLossLimitPrice?: string | null;
  readonly stopLossTriggerBy?: TriggerBy | null;
  readonly autoLend?: boolean | null;
  readonly autoLendRedeem?: boolean | null;
  readonly autoBorrow?: boolean | null;
  readonly autoBorrowRepay?: boolean | null;
  readonly slippageTolerance?: string | null;
  readonly slippageToleranceType?: SlippageToleranceType | null;
}

/** The parts of a catalog market the checks need. */
export interface MarketRules {
  readonly symbol: string;
  readonly marketType: MarketType;
  readonly orderBookState: OrderBookState;
  readonly filters: Pick<MarketFilters, 'price' | 'quantity'>;
}

export const FUTURES: ReadonlySet<MarketType> = new Set(['PERP', 'IPERP', 'DATED']);
const PERCENT = /^(\d+(?:\.\d+)?)%$/;

function bookState(draft: OrderDraft, market: MarketRules): Violation | null {
  switch (market.orderBookState) {
    case 'Closed':
      return violation('symbol', `Market ${market.symbol} is closed`);
    case 'CancelOnly':
      return violation('symbol', `Market ${market.symbol} only accepts cancels right now`);
    case 'LimitOnly':
    case 'PostOnly':
      return draft.orderType === 'Market'
        ? violation('orderType', `Market ${market.symbol} accepts only limit orders right now`)
        : null;
    default:
      return null;
  }
}

/** Limit: price (+ quantity unless a trigger sizes it), no quoteQuantity. Market: no price, one of quantity/quoteQuantity. */
function shape(draft: OrderDraft): Violation | null {
  const isTrigger = draft.triggerPrice != null;
  if (draft.orderType === 'Limit') {
    if (draft.price == null) return violation('price', 'price is required for Limit orders');
    if (draft.quantity == null && !isTrigger) return violation('quantity', 'quantity is required for Limit orders');
    if (draft.quoteQuantity != null) return violation('quoteQuantity', 'quoteQuantity is only for Market orders');
    return null;
  }
  if (draft.price != null)
    return violation('price', 'Market orders take no price (use slippageTolerance to bound them)');
  if (draft.postOnly) return violation('postOnly', 'postOnly is only for Limit orders');
  if (draft.quantity != null && draft.quoteQuantity != null) {
    return violation('quoteQuantity', 'Give either quantity or quoteQuantity for a Market order, not both');
  }
  if (draft.quantity == null && draft.quoteQuantity == null && !isTrigger) {
    return violation('quantity', 'A Market order needs quantity or quoteQuantity');
  }
  return null;
}

function triggerQuantity(draft: OrderDraft, market: MarketRules, grid: QuantityGrid): Violation | null {
  const text = draft.triggerQuantity;
  if (text == null) return null;
  const percent = PERCENT.exec(text);
  if (!percent) {
    return parseScaled(text) === null
      ? violation(
          'triggerQuantity',
          'triggerQuantity must be a decimal ("0.5") or a percentage of the position ("80%")',
        )
      : onGrid('triggerQuantity', text, grid);
  }
  if (!FUTURES.has(market.marketType)) {
    return violation('triggerQuantity', 'A percentage triggerQuantity needs a futures market');
  }
  const value = percent[1] ?? '0';
  return compareDecimal(value, '0') > 0 && compareDecimal(value, '100') <= 0
    ? null
    : violation('triggerQuantity', 'A percentage triggerQuantity must be above 0% and at most 100%');
}

type QuantityGrid = Parameters<typeof onGrid>[2];

/** A post-only order rests on the book, so it cannot also be immediate-or-cancel or fill-or-kill. */
export function postOnlyTimeInForce(draft: Pick<OrderDraft, 'postOnly' | 'timeInForce'>): Violation | null {
  return draft.postOnly && draft.timeInForce != null && draft.timeInForce !== 'GTC'
    ? violation('postOnly', `postOnly orders rest on the book: they must be GTC, not ${draft.timeInForce}`)
    : null;
}

/** TickSize tolerance counts whole ticks; Percent is above 0 and at most 100 (and needs a market order). */
export function slippage(draft: Pick<OrderDraft, 'slippageTolerance' | 'slippageToleranceType'>): Violation | null {
  const value = draft.slippageTolerance;
  if (value == null) return null;
  const problem = positiveAmount('slippageTolerance', value);
  if (problem !== null) return problem;
  if (draft.slippageToleranceType === 'TickSize' && !/^\d+(\.0*)?$/.test(value)) {
    return violation('slippageTolerance', 'A TickSize slippageTolerance is a whole number of ticks');
  }
  if (draft.slippageToleranceType === 'Percent' && compareDecimal(value, '100') > 0) {
    return violation('slippageTolerance', 'A Percent slippageTolerance is at most 100');
  }
  return null;
}

/** Null when the order passes every check the gateway can make without the exchange; else the first problem. */
export function validateOrder(draft: OrderDraft, market: MarketRules | null): Violation | null {
  if (!market) return violation('symbol', `Unknown market symbol ${draft.symbol}`);
  const { price, quantity } = market.filters;
  const priceGrid = { step: price.tickSize, stepName: 'tickSize', min: price.minPrice, max: price.maxPrice ?? null };
  const quantityGrid = {
    step: quantity.stepSize,
    stepName: 'stepSize',
    min: quantity.minQuantity,
    max: quantity.maxQuantity ?? null,
  };
  const clientId = parseU32('clientId', draft.clientId);
  return firstViolation(
    () => bookState(draft, market),
    () => shape(draft),
    () => postOnlyTimeInForce(draft),
    () => together(['triggerPrice', draft.triggerPrice], ['triggerQuantity', draft.triggerQuantity]),
    () =>
      requires(
        ['takeProfitLimitPrice', draft.takeProfitLimitPrice],
        ['takeProfitTriggerPrice', draft.takeProfitTriggerPrice],
      ),
    () =>
      requires(['stopLossLimitPrice', draft.stopLossLimitPrice], ['stopLossTriggerPrice', draft.stopLossTriggerPrice]),
    // A reference price for a trigger that does not exist would be silently meaningless, so it is refused.
    () => requires(['triggerBy', draft.triggerBy], ['triggerPrice', draft.triggerPrice]),
    () =>
      requires(
        ['takeProfitTriggerBy', draft.takeProfitTriggerBy],
        ['takeProfitTriggerPrice', draft.takeProfitTriggerPrice],
      ),
    () =>
      requires(['stopLossTriggerBy', draft.stopLossTriggerBy], ['stopLossTriggerPrice', draft.stopLossTriggerPrice]),
    () =>
      draft.reduceOnly && !FUTURES.has(market.marketType)
        ? violation('reduceOnly', 'reduceOnly is only for futures markets')
        : null,
    () => onGrid('price', draft.price, priceGrid),
    () => onGrid('quantity', draft.quantity, quantityGrid),
    () => positiveAmount('quoteQuantity', draft.quoteQuantity),
    () => onGrid('triggerPrice', draft.triggerPrice, priceGrid),
    () => triggerQuantity(draft, market, quantityGrid),
    () => onGrid('takeProfitTriggerPrice', draft.takeProfitTriggerPrice, priceGrid),
    () => onGrid('takeProfitLimitPrice', draft.takeProfitLimitPrice, priceGrid),
    () => onGrid('stopLossTriggerPrice', draft.stopLossTriggerPrice, priceGrid),
    () => onGrid('stopLossLimitPrice', draft.stopLossLimitPrice, priceGrid),
    () => slippage(draft),
    () => (clientId !== null && typeof clientId === 'object' ? clientId : null),
  );
}
