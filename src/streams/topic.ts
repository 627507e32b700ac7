// Topic: one upstream stream mapped ONCE per message and fanned out to every client subscription's bounded queue.
import type {
  StreamError,
  StreamInterruption,
  StreamLogger,
  StreamMessage,
  StreamPayload,
} from '../exchange/stream.ts';
import { SubscriptionQueue } from './queue.ts';
import type { QueuePolicy, SubscriptionQueueOptions } from './queue.ts';
import { GapRecovery } from './reconcile/recovery.ts';
import type { ExchangeReader, GapHandling } from './reconcile/types.ts';

/** Which upstream stream a topic carries and how its payloads become client-facing values. */
export interface TopicSpec<T> {
  /** Exchange stream name, e.g. `ticker.SOL_USDC`, `account.orderUpdate`. */
  readonly stream: string;
  /** Wire payload → the shared value every subscriber receives; null skips the message (e.g. malformed). */
  readonly map: (data: StreamPayload, stream: string) => T | null;
  readonly policy: QueuePolicy<T>;
  /**
   * Values a late subscriber receives on joining: the latest per key (snapshot-like streams, and the open positions
   * the exchange sends only to the first SUBSCRIBE). `keep` false forgets the key (a closed position); `asSnapshot`
   * relabels the value for replay (once per message, not per subscriber).
   */
  /** Lossless topics: how an upstream interruption is filled or reported in band (see ./reconcile). */
  readonly gaps?: GapHandling<T>;
  readonly retain?: {
    readonly key: (value: T) => unknown;
    readonly keep?: (value: T) => boolean;
    readonly asSnapshot?: (value: T) => T;
  };
}

/** An exchange error frame attributed to the stream (bad signature, invalid stream): the subscription cannot go on. */
export class UpstreamStreamError extends Error {
  override readonly name = 'UpstreamStreamError';
  constructor(
    readonly stream: string,
    readonly upstream: StreamError,
  ) {
    super(`The exchange rejected stream ${stream}: ${upstream.message} (code ${upstream.code}).`);
  }
}

/** What a topic needs from its BackpackStream. */
export type TopicSource = (
  stream: string,
  listener: (message: StreamMessage) => void,
  options: { onError: (error: StreamError) => void; onResume: (interruption: StreamInterruption) => void },
) => () => void;

export interface TopicCounters {
  delivered: number;
  conflated: number;
  overflows: number;
}

export class Topic<T> {
  private readonly queues = new Set<SubscriptionQueue<T>>();
  private readonly retained = new Map<unknown, T>();
  private unsubscribeUpstream: (() => void) | undefined;
  private recovery: GapRecovery<T> | undefined;
  /** Shared by the topic's queues (one set of callbacks per topic, not per subscriber). */
  private queueOptions: SubscriptionQueueOptions<T> | undefined;
  private queueOnClose: ((queue: SubscriptionQueue<T>) => void) | undefined;

  constructor(
    private readonly spec: TopicSpec<T>,
    private readonly source: TopicSource,
    private readonly counters: TopicCounters,
    /** Called when the last queue left (the owner forgets the topic). */
    private readonly onIdle: () => void,
    private readonly logger?: StreamLogger,
    /** REST access for filling gaps (the public client, or the account's for private streams). */
    private readonly reader?: ExchangeReader,
  ) {}

  get subscribers(): number {
    return this.queues.size;
  }

  /**
   * A new client subscription: a bounded queue primed with the retained values; the first one subscribes upstream.
   * `onClose` runs after the queue ended and left the topic (pass the same function each time: the queues share it).
   */
  open(capacity: number, onClose?: (queue: SubscriptionQueue<T>) => void): SubscriptionQueue<T> {
    const queue = new SubscriptionQueue<T>(this.optionsFor(capacity, onClose));
    for (const value of this.retained.values()) queue.push(value);
    this.queues.add(queue);
    if (this.unsubscribeUpstream === undefined) {
      // Throws for private streams without a key; the caller turns that into a GraphQL error.
      try {
        const { gaps } = this.spec;
        const recovery =
          gaps === undefined
            ? undefined
            : new GapRecovery<T>(
                this.spec.stream,
                gaps,
                this.reader,
                { deliver: (message) => this.onMessage(message), deliverValue: (value) => this.fanOut(value) },
                this.logger,
              );
        this.recovery = recovery;
        this.unsubscribeUpstream = this.source(
          this.spec.stream,
          (message) => (recovery === undefined ? this.onMessage(message) : recovery.offer(message)),
          {
            onError: (error) => this.onUpstreamError(error),
            onResume: (interruption) => recovery?.resume(interruption),
          },
        );
      } catch (error) {
        this.queues.delete(queue);
        void queue.return();
        if (this.queues.size === 0) this.onIdle();
        throw error;
      }
    }
    return queue;
  }

  private optionsFor(capacity: number, onClose?: (queue: SubscriptionQueue<T>) => void): SubscriptionQueueOptions<T> {
    if (this.queueOptions?.capacity === capacity && this.queueOnClose === onClose) return this.queueOptions;
    this.queueOnClose = onClose;
    this.queueOptions = {
      capacity,
      policy: this.spec.policy,
      onClose: (queue) => {
        this.remove(queue);
        onClose?.(queue);
      },
      onOverflow: () => {
        this.counters.overflows += 1;
      },
      onConflate: () => {
        this.counters.conflated += 1;
      },
    };
    return this.queueOptions;
  }

  /** Ends every subscription (gateway shutdown); the consumers see a normal completion. */
  close(): void {
    for (const queue of [...this.queues]) void queue.return();
  }

  private onMessage(message: StreamMessage): void {
    let value: T | null;
    try {
      value = this.spec.map(message.data, message.stream);
    } catch (error) {
      this.logger?.warn({ err: error, stream: message.stream }, 'subscriptions: cannot map an upstream payload');
      return;
    }
    if (value === null) return;
    const { retain } = this.spec;
    if (retain !== undefined) {
      const key = retain.key(value);
      if (retain.keep?.(value) === false) this.retained.delete(key);
      else this.retained.set(key, retain.asSnapshot ? retain.asSnapshot(value) : value);
    }
    this.fanOut(value);
  }

  /** The same (frozen) value goes to every queue: no per-subscriber copies or re-parsing. */
  private fanOut(value: T): void {
    for (const queue of this.queues) {
      queue.push(value);
      this.counters.delivered += 1;
    }
  }

  private onUpstreamError(error: StreamError): void {
    const failure = new UpstreamStreamError(this.spec.stream, error);
    for (const queue of [...this.queues]) queue.fail(failure);
  }

  private remove(queue: SubscriptionQueue<T>): void {
    if (!this.queues.delete(queue) || this.queues.size > 0) return;
    this.unsubscribeUpstream?.();
    this.unsubscribeUpstream = undefined;
    this.recovery?.dispose();
    this.recovery = undefined;
    this.retained.clear();
    this.onIdle();
  }
}
