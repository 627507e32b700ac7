// StreamHub: the gateway's upstream side of live subscriptions — one exchange socket for public streams per process,
// one per account for private ones (both lazy), shared topics and order-book feeds, and the numbers `streamStatus` shows.
import { BackpackStream } from '../exchange/stream.ts';
import type { BackpackStreamOptions, ExchangeStream, StreamLogger } from '../exchange/stream.ts';
import type { BookTop } from '../exchange/orderBook.ts';
import { orderBookStream } from '../exchange/orderBookStream.ts';
import type { FetchDepthSnapshot, OrderBookFeed } from '../exchange/orderBookStream.ts';
import type { SigningKey } from '../exchange/sign.ts';
import { accountSide, ClusterStream } from '../redis/clusterStream.ts';
import type { ReplicaLink } from '../redis/connection.ts';
import { connectionStatus } from './hubStatus.ts';
import type { ClientSocketStatus, HubStatus, Upstream } from './hubStatus.ts';
import { SubscriptionQueue } from './queue.ts';
import type { ExchangeReader } from './reconcile/types.ts';
import { Topic } from './topic.ts';
import type { TopicCounters, TopicSpec } from './topic.ts';

export type {
  ClientSocketStatus,
  ConnectionStatus,
  HubStatus,
  SubscriptionStats,
  UpstreamStreamStatus,
} from './hubStatus.ts';

export interface StreamHubOptions {
  /** The exchange's WebSocket URL. */
  readonly wsUrl: string;
  /** Keys the hub may sign private SUBSCRIBE frames with, one upstream socket each (today: the configured account). */
  readonly keys: readonly SigningKey[];
  /** Order-book snapshots; must bypass any cache (a stale snapshot only forces another resync). */
  readonly fetchDepth: FetchDepthSnapshot;
  /** Messages one client subscription may have waiting. */
  readonly bufferCapacity: number;
  readonly orderBookConflateMs: number;
  readonly windowMs?: number;
  readonly clockOffsetMs?: () => number;
  readonly logger?: StreamLogger;
  /**
   * REST reads that fill gaps in lossless streams after a reconnect: `undefined` for public streams, else the
   * account's key. Absent: every gap is reported to subscribers as a gap event.
   */
  readonly readerFor?: (key: SigningKey | undefined) => ExchangeReader;
  /** Extra BackpackStream options (reconnect timings in tests). */
  readonly streamOptions?: Partial<BackpackStreamOptions>;
  /** Replica mode: one upstream subscription per stream across all replicas (leases and relays in Redis). */
  readonly replica?: ReplicaLink;
}

/**
 * Dashboards must see data again within ~2 s of a dropped exchange socket, and tickers only tick every second: the
 * first retries come fast (50–100 ms, doubling), and two seconds of a healthy connection forgive earlier failures,
 * so a server restart a few seconds after the last one is not met with a long backoff. A socket that fails right
 * away still backs off to BackpackStream's 30 s cap.
 */
const GATEWAY_STREAM_DEFAULTS: Partial<BackpackStreamOptions> = { reconnectBaseMs: 100, stableAfterMs: 2_000 };

/** A private subscription for an account whose keys the gateway does not hold. */
export class AccountKeyMissingError extends Error {
  override readonly name = 'AccountKeyMissingError';
}

export class StreamHub {
  private publicUpstream: Upstream | undefined;
  private readonly accountUpstreams = new Map<string, Upstream>();
  private readonly feeds = new Map<string, OrderBookFeed>();
  private readonly queues = new Set<SubscriptionQueue<unknown>>();
  /** Order-book tops mapped once per emission and depth, shared by every subscriber of that depth. */
  private readonly mappedTops = new WeakMap<BookTop, unknown>();
  private readonly counters: TopicCounters = { delivered: 0, conflated: 0, overflows: 0 };
  private peakQueueLength = 0;
  private clientProbe: (() => ClientSocketStatus) | undefined;
  private closed = false;
  /** One function for every queue (topics share their queues' callbacks). */
  private readonly untrackQueue = this.untrack.bind(this);

  constructor(private readonly options: StreamHubOptions) {}

  /** Whether the hub can open private streams for `apiKey`. */
  hasAccount(apiKey: string): boolean {
    return this.options.keys.some((key) => key.apiKey === apiKey);
  }

  /** A client subscription to a public stream (shared upstream, mapped once per message). */
  subscribePublic<T>(spec: TopicSpec<T>): SubscriptionQueue<T> {
    return this.open(this.publicSide(), spec);
  }

  /** A client subscription to a private stream of the account signing with `apiKey`. */
  subscribeAccount<T>(apiKey: string, spec: TopicSpec<T>): SubscriptionQueue<T> {
    return this.open(this.accountSide(apiKey), spec);
  }

  /** Consistent top-`depth` snapshots of the shared local book, conflated: only the latest waits for a slow client. */
  subscribeOrderBook<T>(symbol: string, depth: number, map: (symbol: string, top: BookTop) => T): SubscriptionQueue<T> {
    this.assertOpen();
    const feed = this.feed(symbol);
    let unsubscribe: (() => void) | undefined;
    const queue = this.track(
      new SubscriptionQueue<T>({
        capacity: this.options.bufferCapacity,
        policy: { kind: 'conflate' },
        onClose: () => {
          this.untrack(queue);
          unsubscribe?.();
        },
        onConflate: () => {
          this.counters.conflated += 1;
        },
      }),
    );
    unsubscribe = feed.subscribe(
      (top) => {
        let mapped = this.mappedTops.get(top) as T | undefined;
        if (mapped === undefined) {
          mapped = map(symbol, top);
          this.mappedTops.set(top, mapped);
        }
        queue.push(mapped);
        this.counters.delivered += 1;
      },
      { depth },
    );
    if (queue.isClosed) unsubscribe();
    return queue;
  }

  /** Lets `status()` report client sockets (the graphql-ws transport registers itself). */
  setClientProbe(probe: () => ClientSocketStatus): void {
    this.clientProbe = probe;
  }

  status(): HubStatus {
    const upstreams = [...(this.publicUpstream ? [this.publicUpstream] : []), ...this.accountUpstreams.values()];
    let maxQueueLength = 0;
    for (const queue of this.queues) {
      maxQueueLength = Math.max(maxQueueLength, queue.length);
      this.peakQueueLength = Math.max(this.peakQueueLength, queue.maxLength);
    }
    const clients = this.clientProbe?.();
    return {
      connections: upstreams.map((upstream) => connectionStatus(upstream, this.feeds)),
      orderBooks: [...this.feeds.values()].map((feed) => feed.status()).filter((status) => status.subscribers > 0),
      subscriptions: {
        active: this.queues.size,
        capacity: this.options.bufferCapacity,
        maxQueueLength,
        peakQueueLength: this.peakQueueLength,
        ...this.counters,
      },
      ...(clients !== undefined ? { clients } : {}),
    };
  }

  /** Ends every client subscription (as completed) and closes the exchange sockets for good. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const queue of [...this.queues]) void queue.return();
    const upstreams = [...(this.publicUpstream ? [this.publicUpstream] : []), ...this.accountUpstreams.values()];
    for (const upstream of upstreams) upstream.stream.close();
    this.publicUpstream = undefined;
    this.accountUpstreams.clear();
    this.feeds.clear();
  }

  private open<T>(upstream: Upstream, spec: TopicSpec<T>): SubscriptionQueue<T> {
    let topic = upstream.topics.get(spec.stream) as Topic<T> | undefined;
    if (topic === undefined) {
      const created: Topic<T> = new Topic<T>(
        spec,
        (stream, listener, options) => upstream.stream.subscribe(stream, listener, options),
        this.counters,
        () => {
          if (upstream.topics.get(spec.stream) === created) upstream.topics.delete(spec.stream);
        },
        this.options.logger,
        upstream.reader,
      );
      upstream.topics.set(spec.stream, created as Topic<unknown>);
      topic = created;
    }
    return this.track(topic.open(this.options.bufferCapacity, this.untrackQueue));
  }

  /** Counts the queue as active until it ends; keeps the peak backlog it reached for `status()`. */
  private track<T>(queue: SubscriptionQueue<T>): SubscriptionQueue<T> {
    this.queues.add(queue as SubscriptionQueue<unknown>);
    return queue;
  }

  private untrack<T>(queue: SubscriptionQueue<T>): void {
    this.peakQueueLength = Math.max(this.peakQueueLength, queue.maxLength);
    this.queues.delete(queue as SubscriptionQueue<unknown>);
  }

  private publicSide(): Upstream {
    this.assertOpen();
    this.publicUpstream ??= {
      kind: 'public',
      stream: this.createStream(undefined),
      topics: new Map(),
      ...this.readerOf(undefined),
    };
    return this.publicUpstream;
  }

  private accountSide(apiKey: string): Upstream {
    this.assertOpen();
    let upstream = this.accountUpstreams.get(apiKey);
    if (upstream === undefined) {
      const key = this.options.keys.find((candidate) => candidate.apiKey === apiKey);
      if (key === undefined) throw new AccountKeyMissingError('The gateway holds no signing key for this account.');
      upstream = { kind: 'account', stream: this.createStream(key), topics: new Map(), ...this.readerOf(key) };
      this.accountUpstreams.set(apiKey, upstream);
    }
    return upstream;
  }

  private feed(symbol: string): OrderBookFeed {
    let feed = this.feeds.get(symbol);
    if (feed === undefined) {
      feed = orderBookStream(this.publicSide().stream, symbol, this.options.fetchDepth, {
        conflateMs: this.options.orderBookConflateMs,
        ...(this.options.logger !== undefined ? { logger: this.options.logger } : {}),
      });
      this.feeds.set(symbol, feed);
    }
    return feed;
  }

  private readerOf(key: SigningKey | undefined): { reader?: ExchangeReader } {
    const reader = this.options.readerFor?.(key);
    return reader === undefined ? {} : { reader };
  }

  private createStream(key: SigningKey | undefined): ExchangeStream {
    const { replica, logger } = this.options;
    if (replica === undefined) return this.connect(key);
    return new ClusterStream({
      link: replica,
      side: key === undefined ? 'public' : accountSide(key.apiKey),
      signs: key !== undefined,
      connect: () => this.connect(key),
      ...(logger !== undefined ? { logger } : {}),
    });
  }

  private connect(key: SigningKey | undefined): BackpackStream {
    const { wsUrl, windowMs, clockOffsetMs, logger, streamOptions } = this.options;
    return new BackpackStream({
      ...GATEWAY_STREAM_DEFAULTS,
      ...streamOptions,
      url: wsUrl,
      ...(key !== undefined ? { key } : {}),
      ...(windowMs !== undefined ? { windowMs } : {}),
      ...(clockOffsetMs !== undefined ? { clockOffsetMs } : {}),
      ...(logger !== undefined ? { logger } : {}),
    });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The gateway is shutting down; live subscriptions are closed.');
  }
}
