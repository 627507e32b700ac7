// Pre-flight checks of a scheduled strategy against its market: the child orders must be valid orders there.
import type { Market } from '../../exchange/types/markets.ts';
import { FUTURES, postOnlyTimeInForce, slippage, type OrderDraft } from './order.ts';
import { firstViolation, onGrid, violation, type Violation } from './rules.ts';

/** The strategy fields whose validity the gateway can judge from the market alone. */
export type StrategyDraft = Pick<
  OrderDraft,
  'symbol' | 'price' | 'postOnly' | 'reduceOnly' | 'timeInForce' | 'slippageTolerance' | 'slippageToleranceType'
> & { readonly quantity: string };

/** Null when the strategy's child orders could be placed on the market; else the first problem. */
export function validateStrategy(
  draft: StrategyDraft,
  market: Pick<Market, 'marketType' | 'orderBookState' | 'filters'> | null,
): Violation | null {
  if (!market) return violation('symbol', `Unknown market symbol ${draft.symbol}`);
  const { price, quantity } = market.filters;
  return firstViolation(
    // RFQ and prediction markets have no continuous book for child orders to trade on.
    () =>
      market.marketType === 'RFQ' || market.marketType === 'PREDICTION'
        ? violation('symbol', `Strategies are not available on ${market.marketType} markets`)
        : null,
    () =>
      market.orderBookState === 'Open' ? null : violation('symbol', `Market ${draft.symbol} is not open for trading`),
    () =>
      onGrid('quantity', draft.quantity, {
        step: quantity.stepSize,
        stepName: 'stepSize',
        min: quantity.minQuantity,
        max: quantity.maxQuantity ?? null,
      }),
    () =>
      onGrid('price', draft.price, {
        step: price.tickSize,
        stepName: 'tickSize',
        min: price.minPrice,
        max: price.maxPrice ?? null,
      }),
    // Without a price the child orders are market orders, which cannot rest on the book.
    () => (draft.postOnly && draft.price == null ? violation('price', 'A postOnly strategy needs a price') : null),
    () => postOnlyTimeInForce(draft),
    () =>
      draft.reduceOnly && !FUTURES.has(market.marketType)
        ? violation('reduceOnly', 'reduceOnly is only for futures markets')
        : null,
    () => slippage(draft),
  );
}
