// The benchmark's stand-in for Backpack: a fixed-latency REST server that counts every call, and a stream server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ASSETS, depthSnapshot, MARKETS, PERP_MARK_PRICES, SPOT_MARK_PRICES, SYMBOLS, TICKERS } from './fixtures.ts';

export interface StubRest {
  readonly url: string;
  /** Calls per path (`/api/v1/tickers` …) since the last reset. */
  counts(): Record<string, number>;
  total(): number;
  reset(): void;
  close(): Promise<void>;
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const BODIES = {
  markets: json(MARKETS),
  assets: json(ASSETS),
  tickers: json(TICKERS),
  perpMarks: json(PERP_MARK_PRICES),
  spotMarks: json(SPOT_MARK_PRICES),
  openInterest: json([]),
};
const tickerBodies = new Map(TICKERS.map((row) => [String(row.symbol), json(row)]));
const marketBodies = new Map(MARKETS.map((row) => [String(row.symbol), json(row)]));
/** `/api/v1/depth` answers per symbol and limit (the exchange's allowed sizes; no limit = 1000 here). */
const DEPTH_LIMITS = ['5', '10', '20', '50', '100', '500', '1000'];
const depthBodies = new Map(
  SYMBOLS.flatMap((symbol, i) =>
    DEPTH_LIMITS.map((limit) => [`${symbol}/${limit}`, json(depthSnapshot(i, Number(limit)))]),
  ),
);

function route(path: string, query: URLSearchParams): Buffer | null {
  switch (path) {
    case '/api/v1/markets':
      return BODIES.markets;
    case '/api/v1/market':
      return marketBodies.get(query.get('symbol') ?? '') ?? null;
    case '/api/v1/depth':
      return depthBodies.get(`${query.get('symbol') ?? ''}/${query.get('limit') ?? '1000'}`) ?? null;
    case '/api/v1/assets':
      return BODIES.assets;
    case '/api/v1/tickers':
      return BODIES.tickers;
    case '/api/v1/ticker':
      return tickerBodies.get(query.get('symbol') ?? '') ?? null;
    case '/api/v1/markPrices':
      return query.get('marketType') === 'SPOT' ? BODIES.spotMarks : BODIES.perpMarks;
    case '/api/v1/openInterest':
      return BODIES.openInterest;
    case '/api/v1/time':
      return Buffer.from(String(Date.now()));
    default:
      return null;
  }
}

/** Every answer is held back `delayMs` (a fixed exchange latency; 0 answers at once). */
export async function startStubRest(delayMs: number, port = 0): Promise<StubRest> {
  let counts: Record<string, number> = {};
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://stub');
    counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
    const body = route(url.pathname, url.searchParams);
    if (body === null) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"code":"INVALID_CLIENT_REQUEST","message":"Invalid market symbol"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
  };
  const server = createServer((req, res) => {
    req.resume();
    if (delayMs > 0) setTimeout(answer, delayMs, req, res);
    else answer(req, res);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    counts: () => ({ ...counts }),
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    reset: () => {
      counts = {};
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Backpack's stream protocol, just enough: SUBSCRIBE/UNSUBSCRIBE and `{"stream","data"}` frames. */
export class StubStreams {
  /** Connections ever accepted (the gateway should open exactly one for public streams). */
  accepted = 0;
  private readonly subscribers = new Map<string, Set<WebSocket>>();
  private readonly waiters: (() => void)[] = [];

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (socket) => {
      this.accepted += 1;
      socket.on('message', (raw) => this.control(socket, String(raw)));
      socket.on('close', () => {
        for (const set of this.subscribers.values()) set.delete(socket);
      });
    });
  }

  static async start(): Promise<StubStreams> {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new StubStreams(server, `ws://127.0.0.1:${port}`);
  }

  subscriberCount(stream: string): number {
    return this.subscribers.get(stream)?.size ?? 0;
  }

  /** Resolves once someone subscribed to `stream`. */
  async subscribed(stream: string): Promise<void> {
    while (this.subscriberCount(stream) === 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  publish(stream: string, data: string): void {
    const frame = `{"stream":"${stream}","data":${data}}`;
    for (const socket of this.subscribers.get(stream) ?? []) socket.send(frame);
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private control(socket: WebSocket, text: string): void {
    const frame = JSON.parse(text) as { method?: string; params?: string[] };
    for (const stream of frame.params ?? []) {
      let set = this.subscribers.get(stream);
      if (set === undefined) this.subscribers.set(stream, (set = new Set()));
      if (frame.method === 'SUBSCRIBE') set.add(socket);
      else set.delete(socket);
    }
    for (const wake of this.waiters.splice(0)) wake();
  }
}
