// Pre-flight checks of an RFQ request against its market: an RFQ market that is open, base quantity and price on its grid.
import type { Market } from '../../exchange/types/markets.ts';
import { firstViolation, onGrid, violation, type Violation } from './rules.ts';

/** The RFQ fields whose validity depends on the market. */
export interface RfqDraft {
  readonly symbol: string;
  readonly quantity?: string | null;
  readonly price?: string | null;
}

/** Null when the RFQ fits its market; else the first problem (unknown, not an RFQ market, closed, off-grid). */
export function validateRfqMarket(
  draft: RfqDraft,
  market: Pick<Market, 'marketType' | 'orderBookState' | 'filters'> | null,
): Violation | null {
  if (!market) return violation('symbol', `Unknown market symbol ${draft.symbol}`);
  const { price, quantity } = market.filters;
  return firstViolation(
    () =>
      market.marketType === 'RFQ'
        ? null
        : violation('symbol', `${draft.symbol} is not an RFQ market (RFQs are only available on RFQ markets)`),
    () => (market.orderBookState === 'Closed' ? violation('symbol', `Market ${draft.symbol} is closed`) : null),
    () =>
      onGrid('quantity', draft.quantity, {
        step: quantity.stepSize,
        stepName: 'stepSize',
        min: quantity.minQuantity,
        max: quantity.maxQuantity ?? null,
      }),
    () => onGrid('price', draft.price, { step: price.tickSize, stepName: 'tickSize' }),
  );
}
