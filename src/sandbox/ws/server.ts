// The sandbox's WebSocket API: SUBSCRIBE/UNSUBSCRIBE, private auth, fan-out, keep-alive, test hooks.
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { authenticateSubscription } from '../auth.ts';
import type { Keyring } from '../auth.ts';
import { stringifyJson } from '../http/json.ts';
import type { StreamSink } from './sink.ts';
import { asDepthMessage, DepthWindows } from './depthWindows.ts';
import { parseStream } from './streams.ts';
import type { StreamName } from './streams.ts';

export type PositionSnapshot = (accountId: number, symbol: string | null) => readonly object[];

export interface StreamServerOptions {
  readonly keyring: Keyring;
  /** Sandbox clock, epoch ms (signature windows and µs event times). */
  readonly now: () => number;
  /** Protocol ping cadence; the exchange uses 60 s. */
  readonly pingIntervalMs?: number;
  /** A connection whose oldest unanswered ping is this old is terminated (exchange: 120 s). Default 2 × interval. */
  readonly pongTimeoutMs?: number;
}

export interface StreamStats {
  readonly connections: number;
  /** SUBSCRIBE requests per stream name (duplicates included), since start. */
  readonly subscribes: Record<string, number>;
  readonly unsubscribes: Record<string, number>;
  /** Connections currently subscribed, per stream name. */
  readonly subscriptions: Record<string, number>;
}

export interface StreamServer extends StreamSink {
  attach(server: Server): void;
  /** Where `account.positionUpdate` subscribers get their snapshot from (the engine, once it exists). */
  setPositionSnapshot(snapshot: PositionSnapshot): void;
  /** Terminates every connection (reconnect tests). */
  dropConnections(): void;
  /** Withholds the next `depth.<symbol>` message, so subscribers see a gap in update ids (tests of gap recovery). */
  injectDepthGap(symbol: string): void;
  stats(): StreamStats;
  close(): Promise<void>;
}

interface Connection {
  readonly socket: WebSocket;
  /** Stream name → the account it was signed for (null for public streams). */
  readonly subscriptions: Map<string, number | null>;
  unansweredPingSince: number | null;
}

const OPEN = 1;
/** A consumer this far behind is cut off rather than letting the live flow grow its buffer without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const errorFrame = (code: number, message: string): string => JSON.stringify({ id: null, error: { code, message } });
const PARSE_ERROR = errorFrame(4002, 'Parse error');
const INVALID_SIGNATURE = errorFrame(4003, 'Invalid signature');

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export function createStreamServer(options: StreamServerOptions): StreamServer {
  const pingIntervalMs = options.pingIntervalMs ?? 60_000;
  const pongTimeoutMs = options.pongTimeoutMs ?? 2 * pingIntervalMs;
  const connections = new Set<Connection>();
  // Index key: the stream name for public streams, `<accountId>|<stream>` for private ones.
  const index = new Map<string, Set<Connection>>();
  const subscribes = new Map<string, number>();
  const unsubscribes = new Map<string, number>();
  const pendingGaps = new Set<string>();
  const servers: WebSocketServer[] = [];
  let positionSnapshot: PositionSnapshot = () => [];

  const keyOf = (stream: string, accountId: number | null): string =>
    accountId === null ? stream : `${accountId}|${stream}`;

  function deliver(key: string, stream: string, data: object): void {
    const subscribers = index.get(key);
    if (subscribers === undefined || subscribers.size === 0) return;
    const frame = stringifyJson({ stream, data });
    for (const connection of subscribers) {
      if (connection.socket.readyState !== OPEN) continue;
      if (connection.socket.bufferedAmount > MAX_BUFFERED_BYTES) connection.socket.terminate();
      else connection.socket.send(frame);
    }
  }

  const depthWindows = new DepthWindows({
    emit: (stream, data) => deliver(stream, stream, data),
    hasSubscribers: (stream) => (index.get(stream)?.size ?? 0) > 0,
    nowMicros: () => options.now() * 1000,
  });

  function unsubscribe(connection: Connection, stream: string): void {
    const accountId = connection.subscriptions.get(stream);
    if (accountId === undefined) return;
    connection.subscriptions.delete(stream);
    const key = keyOf(stream, accountId);
    const subscribers = index.get(key);
    subscribers?.delete(connection);
    if (subscribers?.size === 0) index.delete(key);
  }

  function subscribe(connection: Connection, stream: StreamName, accountId: number | null): void {
    if (connection.subscriptions.get(stream.name) !== accountId) unsubscribe(connection, stream.name);
    connection.subscriptions.set(stream.name, accountId);
    const key = keyOf(stream.name, accountId);
    let subscribers = index.get(key);
    if (subscribers === undefined) index.set(key, (subscribers = new Set()));
    subscribers.add(connection);
    if (accountId !== null && stream.type === 'account.positionUpdate') {
      // The exchange's one snapshot-on-subscribe: current open positions, without `e`.
      for (const data of positionSnapshot(accountId, stream.symbol)) {
        connection.socket.send(stringifyJson({ stream: stream.name, data }));
      }
    }
  }

  function onMessage(connection: Connection, raw: RawData): void {
    const send = (frame: string): void => connection.socket.send(frame);
    let message: unknown;
    try {
      message = JSON.parse(
        Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8'),
      );
    } catch {
      send(PARSE_ERROR);
      return;
    }
    if (typeof message !== 'object' || message === null) return send(PARSE_ERROR);
    const { method, params, signature } = message as { method?: unknown; params?: unknown; signature?: unknown };
    if ((method !== 'SUBSCRIBE' && method !== 'UNSUBSCRIBE') || !Array.isArray(params)) return send(PARSE_ERROR);
    if (!params.every((name): name is string => typeof name === 'string')) return send(PARSE_ERROR);

    const valid: StreamName[] = [];
    for (const name of params) {
      const parsed = parseStream(name);
      if (parsed.ok) valid.push(parsed.stream);
      else send(errorFrame(parsed.code, parsed.message));
    }
    if (method === 'UNSUBSCRIBE') {
      // Unsigned even for private streams; a signature, if sent, is ignored.
      for (const stream of valid) {
        increment(unsubscribes, stream.name);
        unsubscribe(connection, stream.name);
      }
      return;
    }
    let accountId: number | null = null;
    if (valid.some((stream) => stream.private)) {
      accountId = authenticateSubscription(signature, options.keyring, options.now());
      // Decision: public streams of a badly signed frame are still subscribed; only the private ones are refused.
      if (accountId === null) send(INVALID_SIGNATURE);
    }
    for (const stream of valid) {
      if (stream.private && accountId === null) continue;
      increment(subscribes, stream.name);
      subscribe(connection, stream, stream.private ? accountId : null);
    }
  }

  function onConnection(socket: WebSocket): void {
    const connection: Connection = { socket, subscriptions: new Map(), unansweredPingSince: null };
    connections.add(connection);
    socket.on('message', (raw) => onMessage(connection, raw));
    socket.on('pong', () => {
      connection.unansweredPingSince = null;
    });
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      for (const stream of [...connection.subscriptions.keys()]) unsubscribe(connection, stream);
      connections.delete(connection);
    });
  }

  const keepAlive = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) {
      const since = connection.unansweredPingSince;
      if (since !== null && now - since >= pongTimeoutMs) {
        connection.socket.terminate();
        continue;
      }
      if (connection.socket.readyState !== OPEN) continue;
      connection.socket.ping();
      if (since === null) connection.unansweredPingSince = now;
    }
  }, pingIntervalMs);
  keepAlive.unref();

  return {
    publish(stream, data) {
      if (stream.startsWith('depth.') && !/^depth\.\d+ms\./.test(stream)) {
        const symbol = stream.slice('depth.'.length);
        if (pendingGaps.delete(symbol)) return;
        deliver(stream, stream, data);
        const depth = asDepthMessage(data);
        if (depth !== null) depthWindows.push(symbol, depth);
        return;
      }
      deliver(stream, stream, data);
      // The docs' global `liquidation` stream and the newer per-symbol one both exist (older docs name the global one).
      if (stream.startsWith('liquidation.')) deliver('liquidation', 'liquidation', data);
    },
    publishPrivate(accountId, stream, symbol, data) {
      deliver(keyOf(stream, accountId), stream, data);
      if (symbol !== null) deliver(keyOf(`${stream}.${symbol}`, accountId), `${stream}.${symbol}`, data);
    },
    attach(server) {
      const wss = new WebSocketServer({ server, maxPayload: 1 << 20 });
      wss.on('connection', onConnection);
      servers.push(wss);
    },
    setPositionSnapshot(snapshot) {
      positionSnapshot = snapshot;
    },
    dropConnections() {
      for (const connection of connections) connection.socket.terminate();
    },
    injectDepthGap(symbol) {
      pendingGaps.add(symbol);
    },
    stats() {
      const subscriptions: Record<string, number> = {};
      for (const connection of connections) {
        for (const stream of connection.subscriptions.keys()) subscriptions[stream] = (subscriptions[stream] ?? 0) + 1;
      }
      return {
        connections: connections.size,
        subscribes: Object.fromEntries(subscribes),
        unsubscribes: Object.fromEntries(unsubscribes),
        subscriptions,
      };
    },
    async close() {
      clearInterval(keepAlive);
      depthWindows.close();
      for (const connection of connections) connection.socket.terminate();
      await Promise.all(servers.map((wss) => new Promise<void>((resolve) => wss.close(() => resolve()))));
    },
  };
}
