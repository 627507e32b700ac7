// Price-time matching of one taker against a book, with self-trade prevention; plus a read-only fill estimate.
import type { Side } from '../../exchange/types/enums/trading.ts';
import type { OrderBook } from './book.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { OrderRecord, StpMode } from './orders.ts';
import { remaining } from './orders.ts';

export interface MatchHooks {
  /** Settle one fill of `quantity` at the maker's `price`; must advance both orders' executed quantities. */
  fill(maker: OrderRecord, quantity: Decimal, price: Decimal): void;
  /** Self-trade prevention removes a resting order of the taker's own account. */
  expireMaker(maker: OrderRecord): void;
}

/** `complete`: nothing left to fill · `exhausted`: no more crossing liquidity · `selfTrade`: STP stopped the taker. */
export type MatchOutcome = 'complete' | 'exhausted' | 'selfTrade';

export function opposite(side: Side): Side {
  return side === 'Bid' ? 'Ask' : 'Bid';
}

/** Would a taker on `side` with limit `limit` (null = market) trade against a level at `levelPrice`? */
export function crosses(side: Side, limit: Decimal | null, levelPrice: Decimal): boolean {
  if (limit === null) return true;
  return side === 'Bid' ? levelPrice <= limit : levelPrice >= limit;
}

export interface TakerIntent {
  readonly accountId: number;
  readonly side: Side;
  readonly price: Decimal | null;
  /** Base quantity still to fill, or null when sized by quote. */
  readonly quantity: Decimal | null;
  /** Quote still to spend/receive when sized by quote. */
  readonly quoteQuantity: Decimal | null;
  readonly selfTradePrevention: StpMode;
}

/** Base quantity a taker may take from a maker with `makerRemaining` at `price`, given what it has left. */
function takeable(
  intent: TakerIntent,
  filledQuantity: Decimal,
  filledQuote: Decimal,
  makerRemaining: Decimal,
  price: Decimal,
  step: Decimal,
): Decimal {
  if (intent.quantity !== null) return D.min(intent.quantity - filledQuantity, makerRemaining);
  const quoteLeft = (intent.quoteQuantity ?? 0n) - filledQuote;
  if (quoteLeft <= 0n) return 0n;
  return D.min(makerRemaining, D.toStep(D.div(quoteLeft, price, 'down'), step, 'floor'));
}

/**
 * What the book would fill for this intent right now, honouring STP the way `matchTaker` does
 * (RejectMaker skips own orders; RejectTaker/RejectBoth stop at them). Used for FOK and to size fund locks.
 */
export function estimateFill(
  book: OrderBook,
  intent: TakerIntent,
  step: Decimal,
): { quantity: Decimal; quote: Decimal } {
  let quantity = 0n;
  let quote = 0n;
  for (const level of book.levels(opposite(intent.side))) {
    if (!crosses(intent.side, intent.price, level.price)) break;
    for (const maker of level.orders.values()) {
      if (maker.accountId === intent.accountId && intent.selfTradePrevention !== 'Allow') {
        if (intent.selfTradePrevention === 'RejectMaker') continue;
        return { quantity, quote };
      }
      const take = takeable(intent, quantity, quote, remaining(maker), level.price, step);
      if (take <= 0n) return { quantity, quote };
      quantity += take;
      quote += D.mul(take, level.price, 'halfEven');
    }
  }
  return { quantity, quote };
}

/** Matches `taker` against the book until it is filled, runs out of crossing liquidity, or STP stops it. */
export function matchTaker(book: OrderBook, taker: OrderRecord, step: Decimal, hooks: MatchHooks): MatchOutcome {
  const intent: TakerIntent = {
    accountId: taker.accountId,
    side: taker.side,
    price: taker.orderType === 'Limit' ? taker.price : null,
    quantity: taker.quantity,
    quoteQuantity: taker.quoteQuantity,
    selfTradePrevention: taker.selfTradePrevention,
  };
  for (;;) {
    if (taker.quantity !== null && remaining(taker) <= 0n) return 'complete';
    const level = book.best(opposite(taker.side));
    if (level === undefined || !crosses(taker.side, intent.price, level.price)) return 'exhausted';
    const maker = level.orders.values().next().value as OrderRecord;
    if (maker.accountId === taker.accountId && taker.selfTradePrevention !== 'Allow') {
      if (taker.selfTradePrevention === 'RejectTaker') return 'selfTrade';
      hooks.expireMaker(maker);
      if (taker.selfTradePrevention === 'RejectBoth') return 'selfTrade';
      continue;
    }
    const take = takeable(
      intent,
      taker.executedQuantity,
      taker.executedQuoteQuantity,
      remaining(maker),
      level.price,
      step,
    );
    if (take <= 0n) return 'complete';
    hooks.fill(maker, take, level.price);
  }
}
