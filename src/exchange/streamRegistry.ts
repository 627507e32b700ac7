// Who listens to which Backpack stream: reference counts, one-parse fan-out, error delivery and the silence watchdog.
import type { StreamError, StreamMessage } from './streamFrame.ts';

/** `frame` is the raw text the message was parsed from (replicas relay it to each other unchanged). */
export type StreamListener = (message: StreamMessage, frame: string) => void;

export interface SubscribeOptions {
  /** Exchange errors attributable to this stream (4003 signature, 4006 invalid stream, 4008 depth window). */
  readonly onError?: (error: StreamError) => void;
  /** Watchdog (the exchange silently ignores unknown symbols): called once when no data arrived for this long. */
  readonly silentAfterMs?: number;
  readonly onSilent?: (stream: string, silentForMs: number) => void;
  /**
   * The stream is subscribed again after an interruption (socket lost, subscription re-signed): messages sent between
   * `from` and `to` may never have arrived. Called once per resubscription, after the SUBSCRIBE frame left.
   */
  readonly onResume?: (interruption: StreamInterruption) => void;
}

/** An interval in which a stream was not subscribed upstream, so the exchange's messages of it may be lost. */
export interface StreamInterruption {
  /** ms epoch of the last frame seen from the exchange before the interruption. */
  readonly from: number;
  /** ms epoch at which the stream was subscribed again. */
  readonly to: number;
  readonly reason: string;
}

export interface StreamUsage {
  readonly stream: string;
  readonly listeners: number;
  readonly lastMessageAt?: number;
}

interface Subscriber {
  readonly onMessage: StreamListener;
  readonly options: SubscribeOptions;
  silentNotified: boolean;
}

interface StreamEntry {
  readonly subscribers: Set<Subscriber>;
  lastMessageAt?: number;
  /** When the current connection subscribed it: the watchdog's start while no data came yet. */
  upstreamSince?: number;
  /** Set while an earlier subscription of it is lost and not yet replaced. */
  interrupted?: { readonly from: number; readonly reason: string };
}

/** Calls a listener; a throwing one must not starve the others or kill the socket. */
export type GuardedCall = (call: () => void, stream: string) => void;

export class StreamRegistry {
  private readonly entries = new Map<string, StreamEntry>();

  constructor(private readonly guarded: GuardedCall) {}

  /**
   * Adds a listener. `added` is true when the stream gained its first listener, and `remove()` returns true when it
   * lost its last one: the caller then reconciles upstream. `remove` is idempotent.
   */
  add(stream: string, onMessage: StreamListener, options: SubscribeOptions): { added: boolean; remove: () => boolean } {
    let entry = this.entries.get(stream);
    const added = entry === undefined;
    if (entry === undefined) {
      entry = { subscribers: new Set() };
      this.entries.set(stream, entry);
    }
    const subscriber: Subscriber = { onMessage, options, silentNotified: false };
    entry.subscribers.add(subscriber);
    let active = true;
    const remove = (): boolean => {
      if (!active) return false;
      active = false;
      const current = this.entries.get(stream);
      if (current === undefined || !current.subscribers.delete(subscriber) || current.subscribers.size > 0)
        return false;
      this.entries.delete(stream);
      return true;
    };
    return { added, remove };
  }

  has(stream: string): boolean {
    return this.entries.has(stream);
  }

  streams(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The stream was (re)subscribed upstream at `now`: restart its watchdog. Returns the interruption it ends, if any. */
  markSubscribed(stream: string, now: number): StreamInterruption | undefined {
    const entry = this.entries.get(stream);
    if (entry === undefined) return undefined;
    entry.upstreamSince = now;
    for (const subscriber of entry.subscribers) subscriber.silentNotified = false;
    const interrupted = entry.interrupted;
    entry.interrupted = undefined;
    return interrupted === undefined ? undefined : { ...interrupted, to: now };
  }

  /**
   * The stream's upstream subscription is gone (socket closed, subscription rejected for a stale signature) since
   * `from`; its next `markSubscribed` reports the interval. An earlier, still open interruption keeps its start.
   */
  markInterrupted(stream: string, from: number, reason: string): void {
    const entry = this.entries.get(stream);
    if (entry === undefined || entry.interrupted !== undefined) return;
    entry.interrupted = { from, reason };
  }

  /** Tells the stream's listeners that it is subscribed again after `interruption`. */
  deliverResume(stream: string, interruption: StreamInterruption): void {
    for (const subscriber of this.entries.get(stream)?.subscribers ?? []) {
      const { onResume } = subscriber.options;
      if (onResume !== undefined) this.guarded(() => onResume(interruption), stream);
    }
  }

  /** Hands the one parsed message to every listener of its stream; false when nobody listens (late frame). */
  dispatch(message: StreamMessage, now: number, frame: string): boolean {
    const entry = this.entries.get(message.stream);
    if (entry === undefined) return false;
    entry.lastMessageAt = now;
    for (const subscriber of entry.subscribers) {
      subscriber.silentNotified = false;
      this.guarded(() => subscriber.onMessage(message, frame), message.stream);
    }
    return true;
  }

  deliverError(stream: string, error: StreamError): void {
    for (const subscriber of this.entries.get(stream)?.subscribers ?? []) {
      const { onError } = subscriber.options;
      if (onError !== undefined) this.guarded(() => onError(error), stream);
    }
  }

  /** Notifies, once per silence, listeners whose stream delivered nothing for their `silentAfterMs`. */
  checkSilence(now: number): void {
    for (const [stream, entry] of this.entries) {
      const since = entry.lastMessageAt ?? entry.upstreamSince;
      if (since === undefined) continue;
      for (const subscriber of entry.subscribers) {
        const { silentAfterMs, onSilent } = subscriber.options;
        if (silentAfterMs === undefined || onSilent === undefined || subscriber.silentNotified) continue;
        if (now - since < silentAfterMs) continue;
        subscriber.silentNotified = true;
        this.guarded(() => onSilent(stream, now - since), stream);
      }
    }
  }

  usage(): StreamUsage[] {
    return [...this.entries].map(([stream, entry]) => ({
      stream,
      listeners: entry.subscribers.size,
      ...(entry.lastMessageAt !== undefined ? { lastMessageAt: entry.lastMessageAt } : {}),
    }));
  }
}
