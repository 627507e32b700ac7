import { describe, expect, it } from 'vitest';
import { QueueFailure, SubscriptionOverflowError, SubscriptionQueue } from '../../src/streams/queue.ts';

const lossless = (capacity: number, onClose?: () => void) =>
  new SubscriptionQueue<number>({ capacity, policy: { kind: 'lossless' }, ...(onClose ? { onClose } : {}) });

async function drain<T>(queue: AsyncIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await queue.next();
    if (result.done) break;
    values.push(result.value);
  }
  return values;
}

describe('SubscriptionQueue (lossless)', () => {
  it('hands a value straight to a waiting consumer without buffering it', async () => {
    const queue = lossless(2);
    const pending = queue.next();
    queue.push(7);
    expect(await pending).toEqual({ value: 7, done: false });
    expect(queue.maxLength).toBe(0);
  });

  it('buffers up to its capacity and delivers in order', async () => {
    const queue = lossless(3);
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(queue.length).toBe(3);
    expect(await drain(queue, 3)).toEqual([1, 2, 3]);
  });

  it('ends with an overflow failure instead of growing past its capacity, and releases its source once', async () => {
    let closes = 0;
    const queue = lossless(3, () => (closes += 1));
    for (let i = 0; i < 10; i += 1) queue.push(i);
    expect(queue.length).toBe(0); // the backlog is dropped: the client has a gap either way
    expect(queue.maxLength).toBe(3);
    expect(closes).toBe(1);
    const last = await queue.next();
    expect(last.done).toBe(false);
    expect(last.value).toBeInstanceOf(QueueFailure);
    const error = (last.value as QueueFailure).error;
    expect(error).toBeInstanceOf(SubscriptionOverflowError);
    expect((error as SubscriptionOverflowError).code).toBe('SUBSCRIPTION_OVERFLOW');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('settles a pending pull when the consumer returns (an idle subscription can be cancelled)', async () => {
    let closes = 0;
    const queue = lossless(3, () => (closes += 1));
    const pending = queue.next();
    await queue.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    queue.push(1);
    expect(queue.length).toBe(0);
    expect(closes).toBe(1);
  });

  it('delivers a failure to a waiting consumer, then completes', async () => {
    const queue = lossless(3);
    const pending = queue.next();
    queue.fail(new Error('upstream rejected'));
    const result = await pending;
    expect((result.value as QueueFailure).error.message).toBe('upstream rejected');
    expect((await queue.next()).done).toBe(true);
  });
});

describe('SubscriptionQueue (conflate)', () => {
  it('keeps only the latest value for a slow consumer', async () => {
    let conflated = 0;
    const queue = new SubscriptionQueue<number>({
      capacity: 4,
      policy: { kind: 'conflate' },
      onConflate: () => (conflated += 1),
    });
    for (let i = 0; i < 1000; i += 1) queue.push(i);
    expect(queue.length).toBe(1);
    expect(conflated).toBe(999);
    expect(await drain(queue, 1)).toEqual([999]);
  });

  it('conflates per key and keeps the order of keys (a closed candle is not replaced by the next one)', async () => {
    type Candle = { start: string; close: string };
    const queue = new SubscriptionQueue<Candle>({ capacity: 4, policy: { kind: 'conflate', key: (c) => c.start } });
    queue.push({ start: '10:00', close: '1' });
    queue.push({ start: '10:00', close: '2' });
    queue.push({ start: '10:01', close: '3' });
    queue.push({ start: '10:01', close: '4' });
    expect(await drain(queue, 2)).toEqual([
      { start: '10:00', close: '2' },
      { start: '10:01', close: '4' },
    ]);
  });

  it('bounds the number of distinct pending keys too', async () => {
    const queue = new SubscriptionQueue<number>({ capacity: 2, policy: { kind: 'conflate', key: (n) => n } });
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(queue.isClosed).toBe(true);
    expect((await queue.next()).value).toBeInstanceOf(QueueFailure);
  });
});
