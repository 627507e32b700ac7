// One market's limit order book: price levels in price-time priority, per-market update ids and change batches.
import type { Side } from '../../exchange/types/enums/trading.ts';
import type { Decimal } from './decimal.ts';
import type { OrderRecord } from './orders.ts';
import { remaining } from './orders.ts';

export interface BookLevel {
  readonly price: Decimal;
  /** Insertion order = time priority. */
  readonly orders: Map<string, OrderRecord>;
  size: Decimal;
}

export interface TopOfBook {
  readonly bid: { readonly price: Decimal; readonly size: Decimal } | null;
  readonly ask: { readonly price: Decimal; readonly size: Decimal } | null;
}

/** One committed book mutation: the update id and the absolute sizes of every level it touched (0 = deleted). */
export interface BookChange {
  readonly updateId: number;
  readonly bids: readonly (readonly [Decimal, Decimal])[];
  readonly asks: readonly (readonly [Decimal, Decimal])[];
  /** The new top of book when its price or size changed, else null. */
  readonly top: TopOfBook | null;
}

export class OrderBook {
  /** Last committed update id; REST `lastUpdateId`. */
  updateId: number;
  /** Best first: bids descending, asks ascending. */
  private readonly bids: BookLevel[] = [];
  private readonly asks: BookLevel[] = [];
  private readonly touched = new Map<string, { readonly side: Side; readonly price: Decimal }>();
  private topBefore: string | null = null;

  constructor(initialUpdateId = 0) {
    this.updateId = initialUpdateId;
  }

  levels(side: Side): readonly BookLevel[] {
    return side === 'Bid' ? this.bids : this.asks;
  }

  best(side: Side): BookLevel | undefined {
    return this.levels(side)[0];
  }

  top(): TopOfBook {
    const bid = this.bids[0];
    const ask = this.asks[0];
    return {
      bid: bid === undefined ? null : { price: bid.price, size: bid.size },
      ask: ask === undefined ? null : { price: ask.price, size: ask.size },
    };
  }

  /** Rests an order's remaining quantity at its limit price, behind existing orders at that price. */
  add(order: OrderRecord): void {
    if (order.price === null) throw new Error(`Order ${order.id} has no price to rest at`);
    this.touch(order.side, order.price);
    const levels = order.side === 'Bid' ? this.bids : this.asks;
    const index = this.search(order.side, order.price);
    let level = levels[index];
    if (level === undefined || level.price !== order.price) {
      level = { price: order.price, orders: new Map(), size: 0n };
      levels.splice(index, 0, level);
    }
    level.orders.set(order.id, order);
    level.size += remaining(order);
  }

  /** Takes an order off the book (cancel, expiry, or after its last fill); `size` is what it still had resting. */
  remove(order: OrderRecord, size: Decimal): void {
    const level = this.levelOf(order);
    if (level === undefined || !level.orders.delete(order.id)) return;
    this.touch(order.side, level.price);
    level.size -= size;
    if (level.orders.size === 0) this.dropLevel(order.side, level);
  }

  /** A resting order traded `quantity`: shrink its level (the caller updates the order and removes it when done). */
  reduce(order: OrderRecord, quantity: Decimal): void {
    const level = this.levelOf(order);
    if (level === undefined) return;
    this.touch(order.side, level.price);
    level.size -= quantity;
  }

  /** `limit` best levels per side, both ascending by price (REST `/depth`: best bid last). */
  snapshot(limit: number): { readonly bids: BookLevel[]; readonly asks: BookLevel[] } {
    return { asks: this.asks.slice(0, limit), bids: this.bids.slice(0, limit).reverse() };
  }

  /** Commits the pending mutation: one new update id covering every touched level, or null if nothing changed. */
  flush(): BookChange | null {
    if (this.touched.size === 0) return null;
    this.updateId += 1;
    const bids: [Decimal, Decimal][] = [];
    const asks: [Decimal, Decimal][] = [];
    for (const { side, price } of this.touched.values()) {
      const levels = side === 'Bid' ? this.bids : this.asks;
      const level = levels[this.search(side, price)];
      const size = level !== undefined && level.price === price ? level.size : 0n;
      (side === 'Bid' ? bids : asks).push([price, size]);
    }
    const top = this.top();
    const changed = topKey(top) !== this.topBefore;
    this.touched.clear();
    this.topBefore = null;
    return { updateId: this.updateId, bids, asks, top: changed ? top : null };
  }

  private touch(side: Side, price: Decimal): void {
    if (this.topBefore === null) this.topBefore = topKey(this.top());
    this.touched.set(`${side}:${price}`, { side, price });
  }

  private levelOf(order: OrderRecord): BookLevel | undefined {
    if (order.price === null) return undefined;
    const level = this.levels(order.side)[this.search(order.side, order.price)];
    return level !== undefined && level.price === order.price ? level : undefined;
  }

  private dropLevel(side: Side, level: BookLevel): void {
    const levels = side === 'Bid' ? this.bids : this.asks;
    const index = this.search(side, level.price);
    if (levels[index] === level) levels.splice(index, 1);
  }

  /** Index of `price` in the side's best-first array, or where it would be inserted. */
  private search(side: Side, price: Decimal): number {
    const levels = side === 'Bid' ? this.bids : this.asks;
    let low = 0;
    let high = levels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const levelPrice = (levels[mid] as BookLevel).price;
      const before = side === 'Bid' ? levelPrice > price : levelPrice < price;
      if (before) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function topKey(top: TopOfBook): string {
  return `${top.bid?.price ?? '-'}:${top.bid?.size ?? '-'}|${top.ask?.price ?? '-'}:${top.ask?.size ?? '-'}`;
}
