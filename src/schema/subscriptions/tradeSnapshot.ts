// `trades(snapshot: N)`: the N most recent trades from REST first (oldest first), then the live stream without
// repeating any of them, so a tape is not empty on subscribe.
import { QueueFailure } from '../../streams/queue.ts';
import type { PublicTrade } from '../trade.ts';

type Item = PublicTrade | QueueFailure;

/** A trade id as a number to compare (ids may be wider than 2^53); null when it is not an integer. */
function idOf(trade: PublicTrade): bigint | null {
  const { id } = trade;
  if (id === null) return null;
  const text = String(id);
  return /^\d{1,40}$/.test(text) ? BigInt(text) : null;
}

/**
 * Delivers `recent` (newest first, as REST lists them) oldest first, then every live item except trades whose id is
 * not newer than the newest one already delivered (the live queue was opened before the REST read, so the two
 * overlap rather than leave a hole). `return()` reaches the live queue at once, even while a pull is waiting on it.
 */
export class TradesAfterSnapshot implements AsyncIterableIterator<Item> {
  private readonly pending: PublicTrade[];
  private newest: bigint | null = null;

  constructor(
    private readonly live: AsyncIterableIterator<Item>,
    recent: readonly PublicTrade[],
  ) {
    this.pending = [...recent].reverse();
    for (const trade of this.pending) {
      const id = idOf(trade);
      if (id !== null && (this.newest === null || id > this.newest)) this.newest = id;
    }
  }

  async next(): Promise<IteratorResult<Item>> {
    const first = this.pending.shift();
    if (first !== undefined) return { value: first, done: false };
    for (;;) {
      const result = await this.live.next();
      if (result.done === true || !this.isRepeat(result.value)) return result;
    }
  }

  return(): Promise<IteratorResult<Item>> {
    this.pending.length = 0;
    return this.live.return?.() ?? Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private isRepeat(item: Item): boolean {
    if (item instanceof QueueFailure || item.gap !== undefined || this.newest === null) return false;
    const id = idOf(item);
    return id !== null && id <= this.newest;
  }
}
