// BackpackStream: one upstream Backpack WebSocket shared by many listeners: ref-counted streams, keep-alive, reconnect.
import WebSocket from 'ws';
import type { ClientOptions, RawData } from 'ws';
import { reconnectDelay } from './retry.ts';
import { signInstruction } from './sign.ts';
import type { SigningKey } from './sign.ts';
import type { SigningClock } from './clock.ts';
import { isPrivateStream, parseFrame, streamsBlamedFor } from './streamFrame.ts';
import type { StreamError } from './streamFrame.ts';
import { StreamRegistry } from './streamRegistry.ts';
import type { StreamInterruption, StreamListener, StreamUsage, SubscribeOptions } from './streamRegistry.ts';

export type { StreamError, StreamMessage, StreamPayload } from './streamFrame.ts';
export type { StreamInterruption, StreamListener, StreamUsage, SubscribeOptions } from './streamRegistry.ts';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StreamStatus {
  readonly state: StreamState;
  /** ms epoch of the current connection's open; absent while not open. */
  readonly connectedSince?: number;
  /** Successful re-opens after the first connection. */
  readonly reconnects: number;
  /** ms epoch of the last data or error frame on any connection. */
  readonly lastMessageAt?: number;
  readonly streams: readonly StreamUsage[];
}

/** The subset of a pino logger this class uses. */
export interface StreamLogger {
  debug?(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** What the gateway's stream hub uses of an upstream: this class, or a cluster-wide stream shared through Redis. */
export type ExchangeStream = Pick<BackpackStream, 'subscribe' | 'status' | 'onStatus' | 'close'>;

export type WebSocketConstructor = new (url: string, options?: ClientOptions) => WebSocket;

export interface BackpackStreamOptions {
  /** `wss://ws.backpack.exchange` or the sandbox's URL. */
  readonly url: string;
  /** Required for `account.*` streams. */
  readonly key?: SigningKey;
  /** Signature window for private SUBSCRIBE frames (default 5000). */
  readonly windowMs?: number;
  /** Server time minus local time in ms (from REST `/time`), so signed timestamps match the exchange's clock. */
  readonly clockOffsetMs?: () => number;
  /**
   * The gateway's shared clock (the REST clients use the same one). When given, private SUBSCRIBE frames are signed
   * with its time, and a 4003 "Invalid signature" answer resyncs it and re-signs the frame once.
   */
  readonly clock?: SigningClock;
  /** How often the client sends its own protocol ping (default 15 000). */
  readonly pingIntervalMs?: number;
  /** Socket is dead when no frame, ping or pong arrived for this long (default 45 000). */
  readonly deadAfterMs?: number;
  /** Opening handshake timeout (default deadAfterMs). */
  readonly handshakeTimeoutMs?: number;
  /** Reconnect backoff: base·2^attempt capped at cap, with jitter (defaults 500 / 30 000). */
  readonly reconnectBaseMs?: number;
  readonly reconnectCapMs?: number;
  /** A connection open this long resets the backoff (default 30 000). */
  readonly stableAfterMs?: number;
  readonly WebSocket?: WebSocketConstructor;
  readonly logger?: StreamLogger;
  /** Injectable for tests. */
  readonly now?: () => number;
  readonly random?: () => number;
}

const OPEN = 1; // WebSocket.OPEN, without depending on the injected constructor's statics
/** At most one clock-resync re-sign per this interval: a 4003 right after one is a real signature problem. */
const CLOCK_RETRY_SPACING_MS = 30_000;

function rawToText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class BackpackStream {
  private readonly url: string;
  private readonly key: SigningKey | undefined;
  private readonly windowMs: number;
  private readonly clockOffsetMs: () => number;
  private readonly clock: SigningClock | undefined;
  /** When a 4003 last led to a resync and re-signed SUBSCRIBE; a second 4003 soon after is not the clock. */
  private clockRetryAt = -Infinity;
  private readonly pingIntervalMs: number;
  private readonly deadAfterMs: number;
  private readonly handshakeTimeoutMs: number;
  private readonly reconnectBaseMs: number;
  private readonly reconnectCapMs: number;
  private readonly stableAfterMs: number;
  private readonly WebSocketImpl: WebSocketConstructor;
  private readonly logger: StreamLogger | undefined;
  private readonly now: () => number;
  private readonly random: () => number;

  private readonly registry = new StreamRegistry((call, stream) => this.safely(call, stream));
  /** Streams SUBSCRIBEd on the current socket; reconciled against `streams` on every flush. */
  private readonly upstream = new Set<string>();
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private recentSubscribes: { publicStreams: string[]; signedStreams: string[] } = {
    publicStreams: [],
    signedStreams: [],
  };

  private socket: WebSocket | undefined;
  private state: StreamState = 'connecting';
  private everOpened = false;
  private reconnects = 0;
  private attempt = 0;
  private connectedSince: number | undefined;
  private lastMessageAt: number | undefined;
  private lastSeenAt = 0;
  private flushScheduled = false;
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private stableTimer: NodeJS.Timeout | undefined;

  /** Opens the socket right away; it stays open (reconnecting as needed) until `close()`. */
  constructor(options: BackpackStreamOptions) {
    this.url = options.url;
    this.key = options.key;
    this.windowMs = options.windowMs ?? 5000;
    this.clockOffsetMs = options.clockOffsetMs ?? (() => 0);
    this.clock = options.clock;
    this.pingIntervalMs = options.pingIntervalMs ?? 15_000;
    this.deadAfterMs = options.deadAfterMs ?? 45_000;
    this.handshakeTimeoutMs = options.handshakeTimeoutMs ?? this.deadAfterMs;
    this.reconnectBaseMs = options.reconnectBaseMs ?? 500;
    this.reconnectCapMs = options.reconnectCapMs ?? 30_000;
    this.stableAfterMs = options.stableAfterMs ?? 30_000;
    this.WebSocketImpl = options.WebSocket ?? WebSocket;
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.connect();
  }

  /**
   * Adds a listener; the first one of a stream SUBSCRIBEs upstream (batched per tick), the last unsubscribe sends
   * UNSUBSCRIBE. The returned function is idempotent. Throws for `account.*` streams without a signing key.
   */
  subscribe(stream: string, listener: StreamListener, options: SubscribeOptions = {}): () => void {
    if (this.state === 'closed') throw new Error(`BackpackStream is closed; cannot subscribe to ${stream}`);
    if (isPrivateStream(stream) && this.key === undefined) {
      throw new Error(`${stream} is a private stream and this BackpackStream has no signing key`);
    }
    const { added, remove } = this.registry.add(stream, listener, options);
    if (added) this.streamsChanged();
    return () => {
      if (remove()) this.streamsChanged();
    };
  }

  private streamsChanged(): void {
    this.scheduleFlush();
    this.emitStatus();
  }

  status(): StreamStatus {
    return {
      state: this.state,
      ...(this.connectedSince !== undefined ? { connectedSince: this.connectedSince } : {}),
      reconnects: this.reconnects,
      ...(this.lastMessageAt !== undefined ? { lastMessageAt: this.lastMessageAt } : {}),
      streams: this.registry.usage(),
    };
  }

  /** Called on every state change and when a stream gains its first or loses its last listener. */
  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  /** Stops for good: closes the socket, cancels timers, never reconnects. Listeners are kept but receive nothing. */
  close(): void {
    if (this.state === 'closed') return;
    this.clearTimers();
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    this.socket = undefined;
    this.upstream.clear();
    this.connectedSince = undefined;
    if (socket !== undefined) {
      try {
        socket.close(1000);
      } catch {
        socket.terminate();
      }
    }
    this.setState('closed');
  }

  // ---- connection lifecycle ----

  private connect(): void {
    if (this.state === 'closed') return;
    let socket: WebSocket;
    try {
      socket = new this.WebSocketImpl(this.url, { handshakeTimeout: this.handshakeTimeoutMs });
    } catch (error) {
      this.logger?.warn({ err: error, url: this.url }, 'backpack stream: cannot create socket');
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.upstream.clear();
    // Every handler checks identity: events of a replaced socket must not touch the current one.
    socket.on('open', () => {
      if (this.socket === socket) this.handleOpen(socket);
    });
    socket.on('message', (data: RawData) => {
      if (this.socket === socket) this.handleMessage(rawToText(data));
    });
    socket.on('ping', () => {
      if (this.socket === socket) this.lastSeenAt = this.now();
    });
    socket.on('pong', () => {
      if (this.socket === socket) this.lastSeenAt = this.now();
    });
    socket.on('error', (error: Error) => {
      this.logger?.warn({ err: error, url: this.url }, 'backpack stream: socket error');
    });
    socket.on('close', (code: number, reason: Buffer) => {
      if (this.socket === socket) this.handleClose(code, reason.toString('utf8'));
    });
  }

  private handleOpen(socket: WebSocket): void {
    const now = this.now();
    if (this.everOpened) this.reconnects += 1;
    this.everOpened = true;
    this.connectedSince = now;
    this.lastSeenAt = now;
    this.keepAliveTimer = setInterval(() => this.keepAlive(socket), this.pingIntervalMs);
    this.stableTimer = setTimeout(() => {
      this.attempt = 0;
    }, this.stableAfterMs);
    this.logger?.info(
      { url: this.url, reconnects: this.reconnects, streams: this.registry.size },
      'backpack stream: open',
    );
    this.flush();
    this.setState('open');
  }

  private handleClose(code: number, reason: string): void {
    this.clearTimers();
    this.socket = undefined;
    // Whatever the exchange sent after the last frame we saw is lost: the streams learn the interval on resubscribe.
    const why = `exchange connection closed (code ${code}${reason === '' ? '' : `: ${reason}`})`;
    for (const stream of this.upstream) this.registry.markInterrupted(stream, this.lastSeenAt, why);
    this.upstream.clear();
    this.connectedSince = undefined;
    if (this.state === 'closed') return;
    this.logger?.warn({ url: this.url, code, reason }, 'backpack stream: closed, reconnecting');
    this.setState('reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.state === 'closed') return;
    const delay = reconnectDelay(this.attempt, this.reconnectBaseMs, this.reconnectCapMs, this.random);
    this.attempt += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  private keepAlive(socket: WebSocket): void {
    const now = this.now();
    if (now - this.lastSeenAt >= this.deadAfterMs) {
      this.logger?.warn(
        { url: this.url, silentForMs: now - this.lastSeenAt },
        'backpack stream: dead socket, terminating',
      );
      this.clearTimers();
      socket.terminate(); // emits 'close' → reconnect
      return;
    }
    try {
      socket.ping();
    } catch (error) {
      this.logger?.debug?.({ err: error }, 'backpack stream: ping failed');
    }
    this.registry.checkSilence(now);
  }

  private clearTimers(): void {
    clearInterval(this.keepAliveTimer);
    clearTimeout(this.stableTimer);
    this.keepAliveTimer = undefined;
    this.stableTimer = undefined;
  }

  // ---- subscriptions ----

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate: subscriptions made in the same tick leave in one frame.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Reconciles the wanted streams with what the current socket has subscribed. */
  private flush(): void {
    const socket = this.socket;
    if (socket === undefined || socket.readyState !== OPEN) return;
    const publicStreams: string[] = [];
    const signedStreams: string[] = [];
    const unsubscribe: string[] = [];
    const resumed: [string, StreamInterruption][] = [];
    const now = this.now();
    for (const stream of this.registry.streams()) {
      if (this.upstream.has(stream)) continue;
      (isPrivateStream(stream) ? signedStreams : publicStreams).push(stream);
      this.upstream.add(stream);
      const interruption = this.registry.markSubscribed(stream, now);
      if (interruption !== undefined) resumed.push([stream, interruption]);
    }
    for (const stream of this.upstream) {
      if (this.registry.has(stream)) continue;
      unsubscribe.push(stream);
      this.upstream.delete(stream);
    }
    if (publicStreams.length > 0) this.send(socket, { method: 'SUBSCRIBE', params: publicStreams });
    if (signedStreams.length > 0)
      this.send(socket, { method: 'SUBSCRIBE', params: signedStreams, signature: this.signature() });
    // UNSUBSCRIBE is unsigned even for private streams.
    if (unsubscribe.length > 0) this.send(socket, { method: 'UNSUBSCRIBE', params: unsubscribe });
    if (publicStreams.length > 0 || signedStreams.length > 0) this.recentSubscribes = { publicStreams, signedStreams };
    for (const [stream, interruption] of resumed) this.registry.deliverResume(stream, interruption);
  }

  /** A fresh signature per frame: it expires with its window, so every (re)subscribe signs anew. */
  private signature(): [string, string, string, string] {
    if (this.key === undefined) throw new Error('private stream without a signing key');
    const timestamp = this.clock ? this.clock.exchangeNow() : Math.round(this.now() + this.clockOffsetMs());
    const headers = signInstruction(this.key, 'subscribe', undefined, timestamp, this.windowMs);
    return [headers['X-API-Key'], headers['X-Signature'], headers['X-Timestamp'], headers['X-Window']];
  }

  private send(socket: WebSocket, frame: object): void {
    try {
      socket.send(JSON.stringify(frame));
    } catch (error) {
      // The close handler will reconnect and resubscribe everything.
      this.logger?.warn({ err: error }, 'backpack stream: send failed');
    }
  }

  // ---- inbound ----

  private handleMessage(text: string): void {
    const now = this.now();
    this.lastSeenAt = now;
    this.lastMessageAt = now;
    const frame = parseFrame(text);
    if (frame.kind === 'data') {
      // A frame for a stream nobody listens to any more was in flight after the last UNSUBSCRIBE: drop it.
      this.registry.dispatch(frame.message, now, text);
    } else if (frame.kind === 'error') {
      this.handleErrorFrame(frame.error);
    } else {
      this.logger?.warn(
        { reason: frame.reason, frame: text.slice(0, 200) },
        'backpack stream: ignored malformed frame',
      );
    }
  }

  private handleErrorFrame(error: StreamError): void {
    if (error.code === 4003 && this.resignAfterClockRejection()) return;
    const blamed = streamsBlamedFor(error, this.recentSubscribes).filter((stream) => this.registry.has(stream));
    if (blamed.length === 0) {
      this.logger?.warn({ error }, 'backpack stream: exchange error not attributable to a stream');
      return;
    }
    this.logger?.warn({ error, streams: blamed }, 'backpack stream: exchange error');
    for (const stream of blamed) this.registry.deliverError(stream, error);
  }

  /**
   * A 4003 on a signed SUBSCRIBE is most often a timestamp outside the window (the host clock jumped): resync the
   * shared clock and send the same SUBSCRIBE once more, freshly signed. False when that was just tried.
   */
  private resignAfterClockRejection(): boolean {
    const socket = this.socket;
    const streams = this.recentSubscribes.signedStreams.filter((stream) => this.registry.has(stream));
    if (!this.clock || socket === undefined || streams.length === 0) return false;
    if (this.now() - this.clockRetryAt < CLOCK_RETRY_SPACING_MS) return false;
    this.clockRetryAt = this.now();
    this.logger?.warn({ streams }, 'backpack stream: signature refused (4003); resyncing the clock and re-signing');
    void this.clock.resync().then(() => {
      if (this.socket === socket && socket.readyState === OPEN) {
        this.send(socket, { method: 'SUBSCRIBE', params: streams, signature: this.signature() });
      }
    });
    return true;
  }

  /** A throwing listener must not starve the others or kill the socket. */
  private safely(call: () => void, stream: string): void {
    try {
      call();
    } catch (error) {
      this.logger?.warn({ err: error, stream }, 'backpack stream: listener threw');
    }
  }

  private setState(state: StreamState): void {
    if (this.state === state) return;
    this.state = state;
    this.emitStatus();
  }

  private emitStatus(): void {
    if (this.statusListeners.size === 0) return;
    const status = this.status();
    for (const listener of this.statusListeners) {
      try {
        listener(status);
      } catch (error) {
        this.logger?.warn({ err: error }, 'backpack stream: status listener threw');
      }
    }
  }
}
