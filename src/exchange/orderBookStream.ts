// Shared live order books: one LocalOrderBook per (stream, symbol) fed by `depth.<symbol>`, conflated top-N emissions.
import { isDepthDelta, LocalOrderBook } from './orderBook.ts';
import type { BookCounters, BookPhase, BookTop, DepthSnapshot, ResyncReason } from './orderBook.ts';
import { reconnectDelay } from './retry.ts';
import type { BackpackStream, StreamLogger, StreamMessage, StreamStatus } from './stream.ts';

/** What the feed needs from BackpackStream (a fake in unit tests). */
export type DepthStreamSource = Pick<BackpackStream, 'subscribe' | 'onStatus' | 'status'>;

export type FetchDepthSnapshot = (symbol: string) => Promise<DepthSnapshot>;

export interface OrderBookStreamOptions {
  /** At most one emission per this many ms; the latest state wins (default 100; 0 = every change). */
  readonly conflateMs?: number;
  /** Backoff between snapshot fetches that failed or came back stale (defaults 250 / 5000). */
  readonly resyncBaseMs?: number;
  readonly resyncCapMs?: number;
  readonly maxBuffer?: number;
  /**
   * A snapshot no delta has continued after this many ms is shown as the book (default 1000): the exchange sends
   * depth deltas only on change, so a quiet market's book would otherwise wait for its next order.
   */
  readonly quietSnapshotMs?: number;
  readonly logger?: StreamLogger;
  readonly now?: () => number;
}

export interface OrderBookSubscribeOptions {
  /** Levels per side (default 20). */
  readonly depth?: number;
}

export interface OrderBookFeedStatus {
  readonly symbol: string;
  readonly phase: BookPhase;
  readonly subscribers: number;
  readonly lastUpdateId?: string;
  readonly counters: BookCounters;
  readonly lastResyncReason?: ResyncReason;
}

export interface OrderBookFeed {
  readonly symbol: string;
  /**
   * Receives consistent top-N snapshots (only while the book is live), at most one per `conflateMs`; a new subscriber
   * of an already live book gets the current snapshot immediately.
   */
  subscribe(listener: (top: BookTop) => void, options?: OrderBookSubscribeOptions): () => void;
  status(): OrderBookFeedStatus;
}

interface Subscriber {
  readonly listener: (top: BookTop) => void;
  readonly depth: number;
}

class Feed implements OrderBookFeed {
  private book: LocalOrderBook;
  private readonly subscribers = new Set<Subscriber>();
  private readonly conflateMs: number;
  private readonly now: () => number;
  /** Bumped on attach/detach so a snapshot fetched for an earlier session is ignored. */
  private session = 0;
  private unsubscribeDepth: (() => void) | undefined;
  private unsubscribeStatus: (() => void) | undefined;
  private wasOpen = false;
  private seenReconnects = 0;
  private fetching = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  private lastEmitAt = Number.NEGATIVE_INFINITY;
  private emitTimer: NodeJS.Timeout | undefined;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: DepthStreamSource,
    readonly symbol: string,
    private readonly fetchSnapshot: FetchDepthSnapshot,
    private readonly options: OrderBookStreamOptions,
  ) {
    this.conflateMs = options.conflateMs ?? 100;
    this.now = options.now ?? Date.now;
    this.book = this.newBook();
  }

  private newBook(): LocalOrderBook {
    const { maxBuffer } = this.options;
    return new LocalOrderBook(this.symbol, maxBuffer !== undefined ? { maxBuffer } : {});
  }

  subscribe(listener: (top: BookTop) => void, options: OrderBookSubscribeOptions = {}): () => void {
    const subscriber: Subscriber = { listener, depth: Math.max(1, Math.floor(options.depth ?? 20)) };
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1) this.attach();
    else if (this.book.isLive) this.deliver(subscriber, Object.freeze(this.book.top(subscriber.depth)));
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      if (this.subscribers.delete(subscriber) && this.subscribers.size === 0) this.detach();
    };
  }

  status(): OrderBookFeedStatus {
    const reason = this.book.lastResyncReason;
    return {
      symbol: this.symbol,
      phase: this.book.phase,
      subscribers: this.subscribers.size,
      ...(this.book.isLive ? { lastUpdateId: this.book.top(0).lastUpdateId } : {}),
      counters: this.book.counters(),
      ...(reason !== undefined ? { lastResyncReason: reason } : {}),
    };
  }

  private attach(): void {
    this.session += 1;
    this.book = this.newBook();
    this.failures = 0;
    this.fetching = false;
    const initial = this.stream.status();
    this.wasOpen = initial.state === 'open';
    this.seenReconnects = initial.reconnects;
    this.unsubscribeStatus = this.stream.onStatus((status) => this.onStreamStatus(status));
    this.unsubscribeDepth = this.stream.subscribe(`depth.${this.symbol}`, (message) => this.onDelta(message), {
      onError: (error) =>
        this.options.logger?.warn({ symbol: this.symbol, error }, 'order book: depth stream rejected'),
      // Another replica took the stream over (or the socket came back): deltas were lost, so resync.
      onResume: () => {
        this.invalidate();
        this.maybeFetch();
      },
    });
    // Subscribe first, then fetch the snapshot; deltas arriving meanwhile are buffered by the book.
    this.maybeFetch();
  }

  private detach(): void {
    this.session += 1;
    this.unsubscribeDepth?.();
    this.unsubscribeStatus?.();
    this.unsubscribeDepth = undefined;
    this.unsubscribeStatus = undefined;
    clearTimeout(this.retryTimer);
    clearTimeout(this.emitTimer);
    clearTimeout(this.quietTimer);
    this.retryTimer = undefined;
    this.emitTimer = undefined;
    this.quietTimer = undefined;
    this.dirty = false;
    this.fetching = false;
    this.book = this.newBook(); // frees the levels; the next attach starts from a fresh snapshot anyway
  }

  private onStreamStatus(status: StreamStatus): void {
    if (status.state !== 'open') {
      // Deltas sent while disconnected are lost: the book is a gap from here on.
      if (this.wasOpen) this.invalidate();
      this.wasOpen = false;
      return;
    }
    const reconnected = status.reconnects !== this.seenReconnects;
    this.seenReconnects = status.reconnects;
    // Only if the disconnected state itself went unseen; otherwise the book was invalidated then.
    if (reconnected && this.wasOpen) this.invalidate();
    this.wasOpen = true;
    this.maybeFetch();
  }

  private invalidate(): void {
    this.book.invalidate('reconnect');
    this.dirty = false;
  }

  private onDelta(message: StreamMessage): void {
    if (!isDepthDelta(message.data)) {
      this.options.logger?.warn({ stream: message.stream }, 'order book: ignored a non-depth payload');
      return;
    }
    const result = this.book.applyDelta(message.data);
    if (result === 'applied') {
      this.failures = 0;
      this.markDirty();
    } else if (result === 'resync') {
      this.options.logger?.info({ symbol: this.symbol, reason: this.book.lastResyncReason }, 'order book: resync');
      this.maybeFetch();
    }
  }

  /** Fetches when the book needs a snapshot and the socket is open; after failures, only once the backoff elapsed. */
  private maybeFetch(backoffElapsed = false): void {
    if (this.unsubscribeDepth === undefined || this.fetching || this.retryTimer !== undefined) return;
    if (!this.book.needsSnapshot || this.stream.status().state !== 'open') return;
    if (this.failures === 0 || backoffElapsed) {
      this.fetch();
      return;
    }
    const delay = reconnectDelay(this.failures - 1, this.options.resyncBaseMs ?? 250, this.options.resyncCapMs ?? 5000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.maybeFetch(true);
    }, delay);
  }

  private fetch(): void {
    const session = this.session;
    this.fetching = true;
    Promise.resolve()
      .then(() => this.fetchSnapshot(this.symbol))
      .then(
        (snapshot) => {
          if (session !== this.session) return;
          this.fetching = false;
          const result = this.book.applySnapshot(snapshot);
          if (result === 'resync') {
            this.failures += 1;
            this.options.logger?.info(
              { symbol: this.symbol, reason: this.book.lastResyncReason },
              'order book: snapshot unusable',
            );
          } else if (result === 'live') {
            this.failures = 0;
            this.markDirty();
          } else {
            this.acceptIfQuiet(session);
          }
          this.maybeFetch();
        },
        (error: unknown) => {
          if (session !== this.session) return;
          this.fetching = false;
          this.failures += 1;
          this.options.logger?.warn({ err: error, symbol: this.symbol }, 'order book: snapshot fetch failed');
          this.maybeFetch();
        },
      );
  }

  /** A snapshot still bridging once the quiet delay has passed is the book of a market that has not changed. */
  private acceptIfQuiet(session: number): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (session !== this.session || !this.book.acceptQuietSnapshot()) return;
      this.failures = 0;
      this.markDirty();
    }, this.options.quietSnapshotMs ?? 1000);
  }

  /** Leading-edge conflation: emit now if the window has passed, else once at its end with the then-latest state. */
  private markDirty(): void {
    if (!this.book.isLive) return;
    this.dirty = true;
    if (this.emitTimer !== undefined) return;
    const wait = this.lastEmitAt + this.conflateMs - this.now();
    if (wait <= 0) this.emit();
    else this.emitTimer = setTimeout(() => this.emit(), wait);
  }

  private emit(): void {
    this.emitTimer = undefined;
    if (!this.dirty || !this.book.isLive) return;
    this.dirty = false;
    this.lastEmitAt = this.now();
    const byDepth = new Map<number, BookTop>();
    for (const subscriber of this.subscribers) {
      let top = byDepth.get(subscriber.depth);
      if (top === undefined) {
        top = Object.freeze(this.book.top(subscriber.depth));
        byDepth.set(subscriber.depth, top);
      }
      this.deliver(subscriber, top);
    }
  }

  private deliver(subscriber: Subscriber, top: BookTop): void {
    try {
      subscriber.listener(top);
    } catch (error) {
      this.options.logger?.warn({ err: error, symbol: this.symbol }, 'order book: listener threw');
    }
  }
}

const feeds = new WeakMap<DepthStreamSource, Map<string, Feed>>();

/**
 * The shared live book of `symbol` on `stream`. Every call with the same stream and symbol returns the same feed
 * (the first call's fetchSnapshot and options win). Its first subscriber subscribes `depth.<symbol>` and fetches the
 * snapshot; the last one unsubscribes and frees the book.
 */
export function orderBookStream(
  stream: DepthStreamSource,
  symbol: string,
  fetchSnapshot: FetchDepthSnapshot,
  options: OrderBookStreamOptions = {},
): OrderBookFeed {
  let bySymbol = feeds.get(stream);
  if (bySymbol === undefined) {
    bySymbol = new Map();
    feeds.set(stream, bySymbol);
  }
  let feed = bySymbol.get(symbol);
  if (feed === undefined) {
    feed = new Feed(stream, symbol, fetchSnapshot, options);
    bySymbol.set(symbol, feed);
  }
  return feed;
}
