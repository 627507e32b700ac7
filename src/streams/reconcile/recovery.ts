// GapRecovery: a lossless topic's side of an upstream interruption — hold live messages, fill the gap over REST,
// report what cannot be filled, then release the held messages, never delivering one message twice.
import { LRUCache } from 'lru-cache';
import type { StreamInterruption, StreamLogger, StreamMessage } from '../../exchange/stream.ts';
import type { ExchangeReader, GapHandling, Reconciler, Recovered } from './types.ts';

/**
 * The exchange does not acknowledge SUBSCRIBE: wait this long after resubscribing before reading REST, so every
 * message after the REST snapshot arrives live (an overlap is de-duplicated; a hole would not be noticed).
 */
const SETTLE_MS = 250;
/** Live messages wait at most this long for a recovery (REST slow or rate limited); then the gap is reported. */
const RECOVERY_TIMEOUT_MS = 15_000;
/** Keys of delivered messages remembered for de-duplication: far more than one gap's worth of events. */
const DELIVERED_KEYS = 20_000;

export interface RecoveryTarget<T> {
  /** Maps and hands a message to every subscriber. */
  deliver(message: StreamMessage): void;
  /** Hands an already-built value (the gap event) to every subscriber. */
  deliverValue(value: T): void;
}

export class GapRecovery<T> {
  private readonly reconciler: Reconciler | undefined;
  private readonly delivered = new LRUCache<string, true>({ max: DELIVERED_KEYS });
  /** Live messages that arrived while a recovery ran; undefined when none runs. */
  private held: StreamMessage[] | undefined;
  private running = false;
  /** Interruptions that ended while a recovery ran, merged: filled by one more recovery right after it. */
  private queued: StreamInterruption | undefined;
  private disposed = false;

  constructor(
    private readonly stream: string,
    private readonly handling: GapHandling<T>,
    reader: ExchangeReader | undefined,
    private readonly target: RecoveryTarget<T>,
    private readonly logger?: StreamLogger,
  ) {
    this.reconciler = reader !== undefined ? handling.reconciler?.(reader) : undefined;
  }

  /** A live message: delivered now, or held until the running recovery has delivered what was missed. */
  offer(message: StreamMessage): void {
    if (this.held !== undefined) this.held.push(message);
    else this.pass(message);
  }

  /** The stream is subscribed again after `interruption`: fill the gap before live messages go on. */
  resume(interruption: StreamInterruption): void {
    this.held ??= [];
    if (this.running) {
      // REST history is rate limited (30 calls a minute by default): flapping connections share one recovery.
      const queued = this.queued;
      this.queued =
        queued === undefined
          ? interruption
          : { from: Math.min(queued.from, interruption.from), to: interruption.to, reason: interruption.reason };
      return;
    }
    this.running = true;
    void this.run(interruption);
  }

  /** The topic is gone: a recovery still running delivers nothing. */
  dispose(): void {
    this.disposed = true;
    this.held = undefined;
    this.queued = undefined;
  }

  private async run(first: StreamInterruption): Promise<void> {
    let next: StreamInterruption | undefined = first;
    while (next !== undefined && !this.disposed) {
      await this.recover(next);
      next = this.queued;
      this.queued = undefined;
    }
    this.running = false;
    if (this.disposed) return;
    const held = this.held ?? [];
    this.held = undefined;
    for (const message of held) this.pass(message);
  }

  private async recover(interruption: StreamInterruption): Promise<void> {
    const { payloads, complete } = await this.fill(interruption);
    if (this.disposed) return;
    if (!complete) this.target.deliverValue(this.handling.event({ stream: this.stream, ...interruption }));
    for (const data of payloads) this.pass({ stream: this.stream, data });
  }

  private async fill(interruption: StreamInterruption): Promise<Recovered> {
    const reconciler = this.reconciler;
    if (reconciler === undefined) return { payloads: [], complete: false };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<Recovered>((resolve) => {
      timer = setTimeout(() => resolve({ payloads: [], complete: false }), RECOVERY_TIMEOUT_MS);
    });
    try {
      return await Promise.race([reconciler.recover(interruption), giveUp]);
    } catch (error) {
      this.logger?.warn({ err: error, stream: this.stream }, 'subscriptions: cannot reconcile a stream gap');
      return { payloads: [], complete: false };
    } finally {
      clearTimeout(timer);
    }
  }

  private pass(message: StreamMessage): void {
    const reconciler = this.reconciler;
    if (reconciler !== undefined) {
      const key = reconciler.key(message.data);
      if (key !== null) {
        if (this.delivered.has(key)) return;
        this.delivered.set(key, true);
      }
      reconciler.observe(message.data);
    }
    this.target.deliver(message);
  }
}
