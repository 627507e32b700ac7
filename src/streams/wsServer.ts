// graphql-ws on a `ws` server, as graphql-ws's own `useServer` (which its docs invite to copy and adapt) but reporting
// internal errors to the gateway's redacting logger instead of console.error, and never putting error text in the
// close reason a client sees.
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';

/** Internal errors are logged at warn: they end one client's connection, never the gateway. */
export interface WsServerLogger {
  warn(details: object, message: string): void;
}

/** What graphql-ws's internal errors carry to the log: the name and message, never the stack or the object. */
function errorDetails(error: unknown): { err: { name: string; message: string } | string } {
  return { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) };
}

/** Serves `options` on `wsServer`; ping every `keepAliveMs` and drop a client that does not answer in as long. */
export function serveGraphQLWs(
  options: ServerOptions<Record<string, unknown> | undefined, Extra>,
  wsServer: WebSocketServer,
  logger: WsServerLogger,
  keepAliveMs = 12_000,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.once('error', (error) => {
    logger.warn(errorDetails(error), 'graphql-ws: the WebSocket server failed; closing every client');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });
  wsServer.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      logger.warn(errorDetails(error), 'graphql-ws: a client socket failed');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (onMessage) =>
          socket.on('message', (data: Buffer) => {
            onMessage(data.toString('utf8')).catch((error: unknown) => {
              logger.warn(errorDetails(error), 'graphql-ws: failed to handle a client message; closing the connection');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pingInterval);
      void closed(code, reason.toString('utf8'));
    });
  });
  return {
    dispose: async () => {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
