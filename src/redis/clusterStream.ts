// ClusterStream: one side (public, or one account) of the exchange's streams, shared by every replica through Redis.
// Per stream, the replica holding its lease subscribes upstream and relays each raw frame on a pub/sub channel; the
// others feed their listeners from the channel. While Redis is away every replica subscribes upstream itself.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BackpackStream, StreamLogger, StreamState, StreamStatus } from '../exchange/stream.ts';
import { isPrivateStream, parseFrame } from '../exchange/streamFrame.ts';
import type { StreamError, StreamMessage } from '../exchange/streamFrame.ts';
import { StreamRegistry } from '../exchange/streamRegistry.ts';
import type { StreamInterruption, StreamListener, SubscribeOptions } from '../exchange/streamRegistry.ts';
import type { ReplicaLink } from './connection.ts';
import { Lease } from './lease.ts';
import { OwnSocket, type OwnSubscription } from './ownSocket.ts';
import { decodeRelayMessage, encodeRelayMessage, RecentFrames, type RelayKind } from './relayMessage.ts';

export interface ClusterStreamOptions {
  readonly link: ReplicaLink;
  /** `public`, or `account:<hash of the API key>` (never the secret): names the leases and channels. */
  readonly side: string;
  /** Whether this side may carry `account.*` streams (it has the account's signing key). */
  readonly signs: boolean;
  /**
   * This replica's own exchange socket, created only when it holds a lease or Redis is away, and closed once it has
   * carried no stream for a few seconds (the relay feeds them all again, or they ended).
   */
  readonly connect: () => BackpackStream;
  readonly logger?: StreamLogger;
  /** A holder that stops renewing loses its leases after this long (default 2000: four renewals fit in it). */
  readonly leaseTtlMs?: number;
  /**
   * How often leases are renewed by their holder and tried by the others (default 500): a dead holder's streams are
   * taken over 1.5–2.5 s after it died, plus the time to subscribe upstream.
   */
  readonly claimEveryMs?: number;
  readonly now?: () => number;
}

/** A replica handing its own subscription over to the relay keeps it at most this long without seeing an overlap. */
const HANDOVER_MAX_MS = 5_000;

interface Relay {
  readonly stream: string;
  readonly channel: string;
  readonly lease: Lease;
  /** When this replica started wanting the stream: no interruption reported before it. */
  readonly since: number;
  /** This replica holds the lease (and relays what its own subscription receives). */
  held: boolean;
  /** The relay has fed this stream here at some point: losing it later is a gap to report. */
  relayed: boolean;
  claiming: boolean;
  /** This replica's own upstream subscription (holder, Redis away, or handing over); absent when fed by the relay. */
  local?: OwnSubscription;
  handover?: NodeJS.Timeout;
  lastFrameAt?: number;
  readonly recent: RecentFrames;
}

/** `account:` plus a hash of the key: lease and channel names must not carry the key itself. */
export function accountSide(apiKey: string): string {
  return `account:${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

const STATE_RANK: Record<StreamState, number> = { open: 0, connecting: 1, reconnecting: 2, closed: 3 };

export class ClusterStream {
  private readonly registry: StreamRegistry;
  private readonly relays = new Map<string, Relay>();
  private readonly byChannel = new Map<string, Relay>();
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private readonly subscriber: Redis;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private readonly stopHealth: () => void;
  private readonly own: OwnSocket;
  private subscriberReadySince: number | undefined;
  private subscriberReturns = 0;
  private everReady = false;
  private lastMessageAt: number | undefined;
  private closed = false;

  constructor(private readonly options: ClusterStreamOptions) {
    this.ttlMs = options.leaseTtlMs ?? 2_000;
    this.now = options.now ?? Date.now;
    this.own = new OwnSocket(options.connect, () => this.emitStatus(), options.logger, options.side);
    this.registry = new StreamRegistry((call, stream) => {
      try {
        call();
      } catch (error) {
        options.logger?.warn({ err: error, stream }, 'cluster stream: listener threw');
      }
    });
    this.subscriber = options.link.subscriber();
    this.subscriber.on('ready', () => {
      if (this.closed) return;
      if (this.everReady) this.subscriberReturns += 1;
      this.everReady = true;
      this.subscriberReadySince = this.now();
      this.emitStatus();
    });
    this.subscriber.on('close', () => {
      this.subscriberReadySince = undefined;
      this.emitStatus();
    });
    this.subscriber.on('message', (channel: string, message: string) => this.onRelayed(channel, message));
    this.stopHealth = options.link.onHealth((healthy) => this.onHealth(healthy));
    this.timer = setInterval(() => this.tick(), options.claimEveryMs ?? 500);
  }

  /** Like BackpackStream.subscribe: the first listener of a stream claims its lease or follows its relay. */
  subscribe(stream: string, listener: StreamListener, options: SubscribeOptions = {}): () => void {
    if (this.closed) throw new Error(`The stream is closed; cannot subscribe to ${stream}`);
    if (isPrivateStream(stream) && !this.options.signs) {
      throw new Error(`${stream} is a private stream and this side has no signing key`);
    }
    const { added, remove } = this.registry.add(stream, listener, options);
    if (added) this.open(stream);
    return () => {
      if (!remove()) return;
      this.end(stream);
    };
  }

  status(): StreamStatus {
    const local = this.own.status();
    const relayUp = this.relayUp();
    const connectedSince = relayUp ? this.subscriberReadySince : local?.connectedSince;
    return {
      state: this.state(local?.state),
      ...(connectedSince !== undefined ? { connectedSince } : {}),
      reconnects: this.own.reconnects + this.subscriberReturns,
      ...(this.lastMessageAt !== undefined ? { lastMessageAt: this.lastMessageAt } : {}),
      streams: this.registry.usage(),
    };
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Stops for good: gives up the leases held, leaves the channels, closes the own socket. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.stopHealth();
    for (const stream of [...this.relays.keys()]) this.end(stream);
    this.own.close();
    this.subscriber.disconnect();
    this.emitStatus();
  }

  // ---- one stream ----

  private open(stream: string): void {
    const { prefix, redis, replicaId } = this.options.link;
    const relay: Relay = {
      stream,
      channel: `${prefix}stream:${this.options.side}:${stream}`,
      lease: new Lease(redis, `${prefix}lease:${this.options.side}:${stream}`, replicaId, this.ttlMs),
      since: this.now(),
      held: false,
      relayed: false,
      claiming: false,
      recent: new RecentFrames(),
    };
    this.relays.set(stream, relay);
    this.byChannel.set(relay.channel, relay);
    this.registry.markSubscribed(stream, relay.since);
    // Queued while the subscriber connection is down; ioredis subscribes its channels again after a reconnect.
    this.subscriber.subscribe(relay.channel).catch(() => undefined);
    if (this.options.link.healthy) this.claim(relay);
    else this.goLocal(relay);
    this.emitStatus();
  }

  private end(stream: string): void {
    const relay = this.relays.get(stream);
    if (relay === undefined) return;
    this.relays.delete(stream);
    this.byChannel.delete(relay.channel);
    this.dropLocal(relay);
    // The next replica that wants the stream takes it on its next claim instead of waiting for the expiry.
    if (relay.held) relay.lease.release().catch(() => undefined);
    relay.held = false;
    if (!this.closed) this.subscriber.unsubscribe(relay.channel).catch(() => undefined);
    this.emitStatus();
  }

  private claim(relay: Relay): void {
    if (relay.claiming || this.closed) return;
    relay.claiming = true;
    relay.lease.claim().then(
      (held) => {
        relay.claiming = false;
        if (this.relays.get(relay.stream) !== relay) {
          if (held) relay.lease.release().catch(() => undefined);
          return;
        }
        if (held) this.hold(relay);
        else this.follow(relay);
      },
      () => {
        relay.claiming = false;
        // Without an answer the lease may lapse and be taken: keep a subscription of our own (copies are dropped).
        if (this.relays.get(relay.stream) === relay) this.goLocal(relay);
      },
    );
  }

  /** This replica holds the lease: subscribe upstream (if not already) and relay what arrives. */
  private hold(relay: Relay): void {
    if (!relay.held)
      this.options.logger?.info({ stream: relay.stream }, 'cluster stream: holding the exchange subscription');
    relay.held = true;
    this.cancelHandover(relay);
    if (relay.local === undefined) this.subscribeLocal(relay, 'another replica took over the exchange subscription');
  }

  /** Another replica holds the lease: be fed by its relay; an own subscription is kept until the relay overlaps it. */
  private follow(relay: Relay): void {
    relay.held = false;
    relay.relayed = true;
    if (relay.local === undefined || relay.handover !== undefined) return;
    relay.handover = setTimeout(() => this.handoverTimedOut(relay), HANDOVER_MAX_MS);
  }

  /** Redis is unreachable (or did not answer): this replica subscribes upstream itself. */
  private goLocal(relay: Relay): void {
    relay.held = false;
    this.cancelHandover(relay);
    if (relay.local === undefined) this.subscribeLocal(relay, 'Redis is unreachable; subscribed directly');
  }

  private subscribeLocal(relay: Relay, gapReason: string): void {
    const { stream } = relay;
    const subscription = this.own.subscribe(
      stream,
      (message: StreamMessage, frame: string) => this.onLocalFrame(relay, message, frame),
      {
        onError: (error) => {
          this.registry.deliverError(stream, error);
          if (relay.held) this.publish(relay, 'e', JSON.stringify(error));
        },
        onResume: (interruption) => this.resume(relay, interruption, relay.held),
      },
    );
    relay.local = subscription;
    this.emitStatus();
    // Frames the previous source sent after our last one are lost: lossless topics fill the interval over REST.
    if (!relay.relayed) return;
    const from = relay.lastFrameAt ?? relay.since;
    subscription.whenSent(() => {
      if (relay.local !== subscription) return;
      this.resume(relay, { from, to: this.now(), reason: gapReason }, relay.held);
    });
  }

  private dropLocal(relay: Relay): void {
    this.cancelHandover(relay);
    const subscription = relay.local;
    relay.local = undefined;
    if (subscription === undefined) return;
    subscription.unsubscribe();
    this.emitStatus();
  }

  private cancelHandover(relay: Relay): void {
    clearTimeout(relay.handover);
    relay.handover = undefined;
  }

  /** A quiet stream may show no overlap: hand over anyway once the relay's connection is up. */
  private handoverTimedOut(relay: Relay): void {
    relay.handover = undefined;
    if (relay.held || this.relays.get(relay.stream) !== relay) return;
    if (this.relayUp()) this.dropLocal(relay);
    else relay.handover = setTimeout(() => this.handoverTimedOut(relay), HANDOVER_MAX_MS);
  }

  private resume(relay: Relay, interruption: StreamInterruption, announce: boolean): void {
    const from = Math.max(interruption.from, relay.since);
    if (from >= interruption.to) return;
    const clamped = { ...interruption, from };
    this.registry.deliverResume(relay.stream, clamped);
    if (announce) this.publish(relay, 'r', JSON.stringify(clamped));
  }

  // ---- frames ----

  private onLocalFrame(relay: Relay, message: StreamMessage, frame: string): void {
    if (relay.held) this.publish(relay, 'f', frame);
    if (relay.recent.remember(frame, 'local') === undefined) this.deliver(relay, message, frame);
  }

  private onRelayed(channel: string, message: string): void {
    const relay = this.byChannel.get(channel);
    if (relay === undefined) return;
    const decoded = decodeRelayMessage(message);
    if (decoded === undefined || decoded.from === this.options.link.replicaId) return;
    const { kind, payload } = decoded;
    if (kind === 'f') {
      const earlier = relay.recent.remember(payload, 'relay');
      // The relay caught up with our own subscription: from here on it alone feeds the stream.
      if (earlier === 'local' && relay.handover !== undefined && !relay.held) this.dropLocal(relay);
      if (earlier !== undefined) return;
      const parsed = parseFrame(payload);
      if (parsed.kind === 'data') this.deliver(relay, parsed.message, payload);
    } else if (kind === 'r') {
      // With a subscription of our own nothing was lost here.
      if (relay.local === undefined) this.resume(relay, JSON.parse(payload) as StreamInterruption, false);
    } else if (kind === 'e') {
      this.registry.deliverError(relay.stream, JSON.parse(payload) as StreamError);
    }
  }

  private deliver(relay: Relay, message: StreamMessage, frame: string): void {
    const now = this.now();
    relay.lastFrameAt = now;
    this.lastMessageAt = now;
    this.registry.dispatch(message, now, frame);
  }

  private publish(relay: Relay, kind: RelayKind, payload: string): void {
    if (!this.options.link.healthy) return;
    const message = encodeRelayMessage(this.options.link.replicaId, kind, payload);
    this.options.link.redis.publish(relay.channel, message).catch(() => undefined);
  }

  // ---- cluster events ----

  private tick(): void {
    if (this.options.link.healthy) for (const relay of this.relays.values()) this.claim(relay);
    this.registry.checkSilence(this.now());
  }

  private onHealth(healthy: boolean): void {
    for (const relay of this.relays.values()) {
      if (healthy) this.claim(relay);
      else this.goLocal(relay);
    }
    this.emitStatus();
  }

  private relayUp(): boolean {
    return this.options.link.healthy && this.subscriberReadySince !== undefined;
  }

  /** Open when every stream has a working source: the relay for those fed through Redis, the own socket for the rest. */
  private state(local: StreamState | undefined): StreamState {
    if (this.closed) return 'closed';
    const relay: StreamState = this.relayUp() ? 'open' : 'reconnecting';
    let relayed = false;
    let direct = false;
    for (const each of this.relays.values()) {
      if (each.local === undefined) relayed = true;
      else direct = true;
    }
    if (!relayed && !direct) return local === 'open' ? 'open' : relay;
    const states: StreamState[] = [];
    if (relayed) states.push(relay);
    if (direct) states.push(local ?? 'connecting');
    return states.reduce((worst, each) => (STATE_RANK[each] > STATE_RANK[worst] ? each : worst), 'open');
  }

  private emitStatus(): void {
    if (this.statusListeners.size === 0) return;
    const status = this.status();
    for (const listener of this.statusListeners) {
      try {
        listener(status);
      } catch (error) {
        this.options.logger?.warn({ err: error }, 'cluster stream: status listener threw');
      }
    }
  }
}
