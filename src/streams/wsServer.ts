// graphql-ws on a `ws` server, as graphql-ws's own `useServer` (which its docs invite to copy and adapt) but reporting
// internal errors to the gateway's redacting logger instead of console.error, and never putting error text in the
// close reason a client sees. Each connection holds no closures or timers of its own (an idle subscriber's memory is
// mostly per-connection state): the socket listeners, the keep-alive timer and the `connection_init` deadline (instead
// of graphql-ws's timer per connection) are shared by every connection.
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';

/**
 * What a connection keeps of its upgrade request: the headers (Origin, token, x-request-id) and the TCP socket (the
 * peer address), not the whole IncomingMessage (its stream state and raw header list), for as long as it is open.
 */
export type UpgradeRequest = Pick<IncomingMessage, 'headers' | 'socket'>;

/** graphql-ws's `ctx.extra` on this server. */
export interface Extra {
  readonly socket: WebSocket;
  readonly request: UpgradeRequest;
}

/** Internal errors are logged at warn: they end one client's connection, never the gateway. */
export interface WsServerLogger {
  warn(details: object, message: string): void;
}

/** What graphql-ws's internal errors carry to the log: the name and message, never the stack or the object. */
function errorDetails(error: unknown): { err: { name: string; message: string } | string } {
  return { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) };
}

/** One client socket as graphql-ws's `opened` sees it; methods, so graphql-ws calls them on this object. */
class Connection {
  readonly protocol: string;
  /** graphql-ws's handler of client messages. */
  handle: ((data: string) => Promise<void>) | undefined;
  /** graphql-ws's cleanup, called once the socket closed. */
  closed: ((code: number, reason: string) => Promise<void>) | undefined;
  /** Answered the last keep-alive ping. */
  alive = true;

  constructor(readonly socket: WebSocket) {
    this.protocol = socket.protocol;
  }

  send(data: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.socket.readyState !== this.socket.OPEN) return resolve();
      this.socket.send(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.handle = handle;
  }

  receive(data: Buffer, logger: WsServerLogger): void {
    this.handle?.(data.toString('utf8')).catch((error: unknown) => {
      logger.warn(errorDetails(error), 'graphql-ws: failed to handle a client message; closing the connection');
      this.socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
  }
}

/** How long a client has to send `connection_init` (graphql-ws's default), checked every second. */
const INIT_WAIT_MS = 3_000;
const INIT_CHECK_MS = 1_000;

/** Serves `options` on `wsServer`; ping every `keepAliveMs` and drop a client that does not answer in as long. */
export function serveGraphQLWs(
  options: ServerOptions<Record<string, unknown> | undefined, Extra>,
  wsServer: WebSocketServer,
  logger: WsServerLogger,
  keepAliveMs = 12_000,
): { dispose(): Promise<void> } {
  const connections = new WeakMap<WebSocket, Connection>();
  /** Sockets that have not sent `connection_init` yet, with the time they opened. */
  const uninitialised = new Map<WebSocket, number>();
  const { onConnect } = options;
  const server = makeServer({
    ...options,
    connectionInitWaitTimeout: 0,
    onConnect: (ctx) => {
      uninitialised.delete(ctx.extra.socket);
      return onConnect?.(ctx);
    },
  });
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.once('error', (error) => {
    logger.warn(errorDetails(error), 'graphql-ws: the WebSocket server failed; closing every client');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  // Socket listeners shared by every connection: `this` is the socket.
  function onError(this: WebSocket, error: Error): void {
    logger.warn(errorDetails(error), 'graphql-ws: a client socket failed');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
  function onMessage(this: WebSocket, data: Buffer): void {
    connections.get(this)?.receive(data, logger);
  }
  function onPong(this: WebSocket): void {
    const connection = connections.get(this);
    if (connection !== undefined) connection.alive = true;
  }
  function onClose(this: WebSocket, code: number, reason: Buffer): void {
    const connection = connections.get(this);
    connections.delete(this);
    uninitialised.delete(this);
    void connection?.closed?.(code, reason.toString('utf8'));
  }

  // One timer for all clients: a client that did not answer the previous ping (keepAliveMs ago) is cut off.
  const keepAlive = setInterval(() => {
    for (const socket of wsServer.clients) {
      const connection = connections.get(socket);
      if (connection === undefined || socket.readyState !== socket.OPEN) continue;
      if (!connection.alive) {
        socket.terminate();
        continue;
      }
      connection.alive = false;
      socket.ping();
    }
  }, keepAliveMs);
  keepAlive.unref();
  const initDeadline = setInterval(() => {
    const openedBefore = Date.now() - INIT_WAIT_MS;
    for (const [socket, openedAt] of uninitialised) {
      if (openedAt > openedBefore) continue;
      uninitialised.delete(socket);
      socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout');
    }
  }, INIT_CHECK_MS);
  initDeadline.unref();

  wsServer.on('connection', (socket, request) => {
    const connection = new Connection(socket);
    connections.set(socket, connection);
    if (socket.protocol === GRAPHQL_TRANSPORT_WS_PROTOCOL) uninitialised.set(socket, Date.now());
    // `on`, not `once`: node wraps each `once` listener in a bound function and a state object per socket. A socket
    // emits 'close' once; a second 'error' only closes an already closing socket again.
    socket.on('error', onError);
    socket.on('message', onMessage);
    socket.on('pong', onPong);
    socket.on('close', onClose);
    connection.closed = server.opened(connection, {
      socket,
      request: { headers: request.headers, socket: request.socket },
    });
  });
  return {
    dispose: async () => {
      clearInterval(keepAlive);
      clearInterval(initDeadline);
      uninitialised.clear();
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
