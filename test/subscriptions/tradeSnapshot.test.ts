// TradesAfterSnapshot: the REST trades first (oldest first), then live trades minus the ones the snapshot already
// held, gap notices untouched, and an unsubscribe that reaches the live queue while a pull is waiting on it.
import { describe, expect, it } from 'vitest';
import { SubscriptionQueue } from '../../src/streams/queue.ts';
import type { QueueFailure } from '../../src/streams/queue.ts';
import { TradesAfterSnapshot } from '../../src/schema/subscriptions/tradeSnapshot.ts';
import type { PublicTrade } from '../../src/schema/trade.ts';

const trade = (id: number | string): PublicTrade => ({
  symbol: 'SOL_USDC',
  id,
  price: '100',
  quantity: '1',
  quoteQuantity: '100',
  timestamp: 1_788_285_151_254,
  isBuyerMaker: false,
  eventTime: null,
  buyerOrderId: null,
  sellerOrderId: null,
});

const liveQueue = () => {
  let closed = 0;
  const queue = new SubscriptionQueue<PublicTrade>({
    capacity: 100,
    policy: { kind: 'lossless' },
    onClose: () => {
      closed += 1;
    },
  });
  return { queue, closed: () => closed };
};

async function take(source: AsyncIterator<PublicTrade | QueueFailure>, count: number): Promise<unknown[]> {
  const ids: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    const { value } = await source.next();
    ids.push((value as PublicTrade).gap ? 'gap' : (value as PublicTrade).id);
  }
  return ids;
}

describe('trades(snapshot:)', () => {
  it('delivers the snapshot oldest first, then only live trades newer than it, gap notices included', async () => {
    const { queue } = liveQueue();
    // Live trades that arrived while REST was read overlap the snapshot (ids 11, 12) and continue it (13, 14).
    for (const id of ['11', '12', '13']) queue.push(trade(id));
    queue.push({ ...trade('12'), id: null, gap: { stream: 'trade.SOL_USDC', from: 1, to: 2, reason: 'reconnect' } });
    queue.push(trade('14'));
    const tape = new TradesAfterSnapshot(queue, [trade(12), trade(11), trade(10)]);
    expect(await take(tape, 6)).toEqual([10, 11, 12, '13', 'gap', '14']);
  });

  it('compares ids wider than 2^53 exactly', async () => {
    const { queue } = liveQueue();
    queue.push(trade('9007199254740993'));
    queue.push(trade('9007199254740994'));
    const tape = new TradesAfterSnapshot(queue, [trade('9007199254740993')]);
    expect(await take(tape, 2)).toEqual(['9007199254740993', '9007199254740994']);
  });

  it('releases the live queue on unsubscribe, even while a pull waits for the next trade', async () => {
    const { queue, closed } = liveQueue();
    const tape = new TradesAfterSnapshot(queue, []);
    const pending = tape.next();
    await tape.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed()).toBe(1);
  });
});
