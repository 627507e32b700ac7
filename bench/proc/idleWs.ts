// Child process: the floor under B5, a bare `ws` server on node:http that acknowledges graphql-ws connections and
// remembers each subscription's id, and nothing else (no GraphQL, no graphql-ws, no yoga).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { collectedMemory, serveParent } from '../lib/child.ts';

const server = createServer();
const wsServer = new WebSocketServer({ server, path: '/graphql', maxPayload: 1 << 20 });
const subscriptions = new Map<WebSocket, string>();
wsServer.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { type: string; id?: string };
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    else if (message.type === 'subscribe' && message.id !== undefined) subscriptions.set(socket, message.id);
  });
  socket.on('close', () => subscriptions.delete(socket));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));

const { port } = server.address() as AddressInfo;
serveParent(
  { url: `ws://127.0.0.1:${port}/graphql` },
  { memory: () => collectedMemory(), subscribers: () => subscriptions.size },
  async () => {
    for (const socket of wsServer.clients) socket.terminate();
    server.close();
  },
);
