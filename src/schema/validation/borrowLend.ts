// Pre-flight check of a borrow or lend against the asset's borrow-lend market: it exists, is open, quantity on its step.
import type { BorrowLendMarket } from '../../exchange/types/borrowLend.ts';
import { isMultipleOf } from './decimal.ts';
import { firstViolation, violation, type Violation } from './rules.ts';

/** Null when `quantity` (already a positive plain decimal) of `asset` can be borrowed or lent; else the problem. */
export function validateBorrowLend(
  asset: string,
  quantity: string,
  markets: readonly Pick<BorrowLendMarket, 'symbol' | 'state' | 'stepSize'>[],
): Violation | null {
  const market = markets.find((m) => m.symbol === asset);
  if (!market) return violation('asset', `${asset} has no borrow-lend market`);
  return firstViolation(
    () => (market.state === 'Closed' ? violation('asset', `The ${asset} borrow-lend market is closed`) : null),
    () =>
      isMultipleOf(quantity, market.stepSize)
        ? null
        : violation(
            'quantity',
            `quantity ${quantity} is not a multiple of the ${asset} borrow-lend stepSize ${market.stepSize}`,
          ),
  );
}
