// The order book as the `orderBook` subscription sends it, and the sandbox's REST book in the same shape, so a test
// can compare what a subscriber holds with what the exchange says (prices compared by value, not spelling).
import { normalizeDecimal } from '../../src/exchange/orderBook.ts';
import type { Depth } from '../../src/exchange/types/marketData.ts';

export interface BookLevel {
  readonly price: string;
  readonly quantity: string;
}

/** One `orderBook { bids { price quantity } asks { price quantity } lastUpdateId }` payload. */
export interface SubscribedBook {
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
  readonly lastUpdateId: string;
}

/** The subscription query for `symbol`'s book, `depth` levels a side. */
export const orderBookSubscription = (symbol: string, depth: number): string =>
  `subscription { orderBook(symbol: "${symbol}", depth: ${depth}) { bids { price quantity } asks { price quantity } lastUpdateId } }`;

const level = (price: string, quantity: string): BookLevel => ({
  price: normalizeDecimal(price),
  quantity: normalizeDecimal(quantity),
});

/** The same book with every decimal in its canonical spelling. */
export const normalizedBook = (book: SubscribedBook): SubscribedBook => ({
  bids: book.bids.map((l) => level(l.price, l.quantity)),
  asks: book.asks.map((l) => level(l.price, l.quantity)),
  lastUpdateId: book.lastUpdateId,
});

/** The sandbox's REST book for `symbol`, best first and `depth` levels a side, in the subscription's shape. */
export async function restBook(restUrl: string, symbol: string, depth: number): Promise<SubscribedBook> {
  const response = await fetch(`${restUrl}/api/v1/depth?symbol=${symbol}&limit=1000`);
  const book = (await response.json()) as Depth;
  return {
    // The REST depth lists bids lowest first; the subscription sends them best (highest) first.
    bids: [...book.bids]
      .reverse()
      .slice(0, depth)
      .map(([price, quantity]) => level(price, quantity)),
    asks: book.asks.slice(0, depth).map(([price, quantity]) => level(price, quantity)),
    lastUpdateId: String(book.lastUpdateId),
  };
}
