// graphql-ws's protocol on a `ws` server (the transport of graphql-ws's own `useServer`, with the protocol loop in
// ./wsConnection.ts), reporting internal errors to the gateway's redacting logger instead of console.error and never
// putting error text in the close reason a client sees. Each connection holds no closures or timers of its own (an
// idle subscriber's memory is mostly per-connection state): the socket listeners, the keep-alive timer and the
// `connection_init` deadline are shared by every connection.
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, handleProtocols } from 'graphql-ws';
import type { IncomingHttpHeaders } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { WsConnection, type ProtocolHandlers } from './wsConnection.ts';

export type { ProtocolHandlers, UpgradeRequest } from './wsConnection.ts';

/** Internal errors are logged at warn: they end one client's connection, never the gateway. */
export interface WsServerLogger {
  warn(details: object, message: string): void;
}

/** What graphql-ws's internal errors carry to the log: the name and message, never the stack or the object. */
function errorDetails(error: unknown): { err: { name: string; message: string } | string } {
  return { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) };
}

/** Headers only the WebSocket handshake reads: not kept for the connection's life (about 200 bytes each). */
const HANDSHAKE_HEADERS = new Set([
  'connection',
  'upgrade',
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
]);

function keptHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HANDSHAKE_HEADERS.has(name)) kept[name] = value;
  return kept;
}

/** How long a client has to send `connection_init` (graphql-ws's default), checked every second. */
const INIT_WAIT_MS = 3_000;
const INIT_CHECK_MS = 1_000;

/** Serves `handlers` on `wsServer`; ping every `keepAliveMs` and drop a client that does not answer in as long. */
export function serveGraphQLWs(
  handlers: ProtocolHandlers,
  wsServer: WebSocketServer,
  logger: WsServerLogger,
  keepAliveMs = 12_000,
): { dispose(): Promise<void> } {
  const connections = new WeakMap<WebSocket, WsConnection>();
  /** Sockets that have not sent `connection_init` yet, with the time they opened. */
  const uninitialised = new Map<WebSocket, number>();
  const server = {
    handlers,
    initialised: (socket: WebSocket) => void uninitialised.delete(socket),
    internalError: (socket: WebSocket, error: unknown) => {
      logger.warn(errorDetails(error), 'graphql-ws: failed to handle a client message; closing the connection');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    },
  };
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
    connections.get(this)?.receive(data.toString('utf8'));
  }
  function onPong(this: WebSocket): void {
    const connection = connections.get(this);
    if (connection !== undefined) connection.alive = true;
  }
  function onClose(this: WebSocket): void {
    const connection = connections.get(this);
    connections.delete(this);
    uninitialised.delete(this);
    connection?.closed();
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
    // `on`, not `once`: node wraps each `once` listener in a bound function and a state object per socket. A socket
    // emits 'close' once; a second 'error' only closes an already closing socket again.
    socket.on('error', onError);
    socket.on('close', onClose);
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS_PROTOCOL) {
      socket.close(CloseCode.SubprotocolNotAcceptable, 'Subprotocol not acceptable');
      return;
    }
    connections.set(
      socket,
      new WsConnection({ socket, request: { headers: keptHeaders(request.headers), socket: request.socket } }, server),
    );
    uninitialised.set(socket, Date.now());
    socket.on('message', onMessage);
    socket.on('pong', onPong);
  });
  return {
    dispose: async () => {
      clearInterval(keepAlive);
      clearInterval(initDeadline);
      uninitialised.clear();
      // Completions already under way (graceful shutdown completes every subscription first) reach their clients
      // before the close frames.
      await new Promise((resolve) => setImmediate(resolve));
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
