// SubscriptionQueue: the bounded buffer between the shared fan-out and one client subscription's async iterator.
//
// The transport (graphql-ws over `ws`, or yoga's SSE) pulls the next value only after the previous frame was written
// to the socket, so a client that stops reading stops pulling and values pile up here — and only here. Two policies:
//   lossless  (orders, trades, depth deltas …): up to `capacity` values; one more ends the subscription with an
//             overflow failure and drops the backlog, because a silent gap is worse than a clear error.
//   conflate  (ticker, book snapshots …): one pending value per key, a newer value replaces the pending one (the
//             client only ever wanted the latest); `capacity` bounds the number of distinct pending keys.
// Implements the iterator protocol by hand (no async generator): `return()` must settle a pending `next()` at once,
// or an idle subscription could never be cancelled.

/** Marks the end of a subscription for a reason the client must see; yielded once, then the iterator is done. */
export class QueueFailure {
  constructor(readonly error: Error) {}
}

export class SubscriptionOverflowError extends Error {
  override readonly name = 'SubscriptionOverflowError';
  readonly code = 'SUBSCRIPTION_OVERFLOW';
  constructor(readonly capacity: number) {
    super(
      `The subscription was ended because the client did not keep up: more than ${capacity} messages were waiting ` +
        'to be sent. Messages were lost; resubscribe (and reload any state derived from this stream).',
    );
  }
}

export type QueuePolicy<T> =
  | { readonly kind: 'lossless' }
  /** `key` groups values that supersede each other (default: all values share one key). */
  | { readonly kind: 'conflate'; readonly key?: (value: T) => unknown };

export interface SubscriptionQueueOptions<T> {
  readonly capacity: number;
  readonly policy: QueuePolicy<T>;
  /**
   * Called once when the queue ends for any reason (client left, overflow, upstream failure): release the source.
   * Gets the queue, so one options object can serve every queue of a topic.
   */
  readonly onClose?: (queue: SubscriptionQueue<T>) => void;
  /** Observes counters (gateway-wide status); called on overflow and on every conflated (replaced) value. */
  readonly onOverflow?: () => void;
  readonly onConflate?: () => void;
}

/** Takes pulled values without a promise or a closure per pull (the direct-delivery path, one per subscription). */
export interface QueueTaker<T> {
  take(result: IteratorResult<T | QueueFailure>): void;
}

type Waiter<T> = ((result: IteratorResult<T | QueueFailure>) => void) | QueueTaker<T>;

function hand<T>(waiter: Waiter<T>, result: IteratorResult<T | QueueFailure>): void {
  if (typeof waiter === 'function') waiter(result);
  else waiter.take(result);
}

interface Pending<T> {
  readonly key: unknown;
  value: T;
}

const SINGLE_KEY = Symbol('single');
const singleKey = (): symbol => SINGLE_KEY;

export class SubscriptionQueue<T> implements AsyncIterableIterator<T | QueueFailure> {
  private readonly buffer: Pending<T>[] = [];
  private readonly capacity: number;
  private readonly keyOf: ((value: T) => unknown) | undefined;
  /**
   * The pull waiting for a value; further ones (for-await keeps at most one outstanding) wait in `moreWaiting`, in
   * order. One slot, not an array: an idle subscription holds this queue for its whole life.
   */
  private waiting: Waiter<T> | undefined;
  private moreWaiting: Waiter<T>[] | undefined;
  private failure: QueueFailure | undefined;
  private closed = false;
  /** Highest number of values ever waiting at once: what tests and status assert the bound with. */
  private highWater = 0;

  constructor(private readonly options: SubscriptionQueueOptions<T>) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1)
      throw new RangeError('capacity must be a positive integer');
    this.capacity = options.capacity;
    this.keyOf = options.policy.kind === 'conflate' ? (options.policy.key ?? singleKey) : undefined;
  }

  /** Values waiting for the consumer. */
  get length(): number {
    return this.buffer.length;
  }

  get maxLength(): number {
    return this.highWater;
  }

  /** Ended: by the consumer, an overflow or `fail()`. Pushes are ignored from then on. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Offers one value: handed straight to a waiting consumer, else buffered under the queue's policy. */
  push(value: T): void {
    if (this.closed) return;
    const waiting = this.nextWaiting();
    if (waiting !== undefined) {
      hand(waiting, { value, done: false });
      return;
    }
    if (this.keyOf !== undefined) {
      const key = this.keyOf(value);
      // The backlog is at most `capacity` long and usually 0–1: a scan beats maintaining an index.
      const pending = this.buffer.find((entry) => entry.key === key);
      if (pending !== undefined) {
        pending.value = value;
        this.options.onConflate?.();
        return;
      }
      this.enqueue({ key, value });
      return;
    }
    this.enqueue({ key: undefined, value });
  }

  /** Ends the subscription with `error` (delivered as the last item, ahead of any backlog, which is dropped). */
  fail(error: Error): void {
    if (this.closed) return;
    this.buffer.length = 0;
    this.failure = new QueueFailure(error);
    this.finish();
    const waiting = this.nextWaiting();
    if (waiting !== undefined) hand(waiting, this.takeFailure());
    this.settleWaiting();
  }

  next(): Promise<IteratorResult<T | QueueFailure>> {
    const head = this.buffer.shift();
    if (head !== undefined) return Promise.resolve({ value: head.value, done: false });
    if (this.failure !== undefined) return Promise.resolve(this.takeFailure());
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.wait(resolve));
  }

  /** `next()` without a promise: `taker.take` gets the next step now if there is one, else when it arrives. */
  pull(taker: QueueTaker<T>): void {
    const head = this.buffer.shift();
    if (head !== undefined) taker.take({ value: head.value, done: false });
    else if (this.failure !== undefined) taker.take(this.takeFailure());
    else if (this.closed) taker.take({ value: undefined, done: true });
    else this.wait(taker);
  }

  /** The consumer is done (client completed, socket closed): release the source, settle any pending pull. */
  return(): Promise<IteratorResult<T | QueueFailure>> {
    this.buffer.length = 0;
    this.failure = undefined;
    this.finish();
    this.settleWaiting();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T | QueueFailure>> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private enqueue(entry: Pending<T>): void {
    if (this.buffer.length >= this.capacity) {
      this.options.onOverflow?.();
      this.fail(new SubscriptionOverflowError(this.capacity));
      return;
    }
    this.buffer.push(entry);
    if (this.buffer.length > this.highWater) this.highWater = this.buffer.length;
  }

  private takeFailure(): IteratorResult<T | QueueFailure> {
    const failure = this.failure;
    this.failure = undefined;
    return failure === undefined ? { value: undefined, done: true } : { value: failure, done: false };
  }

  private wait(waiter: Waiter<T>): void {
    if (this.waiting === undefined) this.waiting = waiter;
    else (this.moreWaiting ??= []).push(waiter);
  }

  private nextWaiting(): Waiter<T> | undefined {
    const waiting = this.waiting;
    this.waiting = this.moreWaiting?.shift();
    return waiting;
  }

  private settleWaiting(): void {
    for (let waiting = this.nextWaiting(); waiting !== undefined; waiting = this.nextWaiting())
      hand(waiting, { value: undefined, done: true });
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.options.onClose?.(this);
    } catch {
      // Releasing the source must not break the consumer's iteration; the source logs its own failures.
    }
  }
}
