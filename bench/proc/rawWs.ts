// Child process: the B4 baseline, a raw `ws` relay: one upstream ticker socket, each frame serialized once and sent to
// every client socket as a graphql-ws `next` message (the least a gateway could do per delivery).
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { serveParent } from '../lib/child.ts';

const upstreamUrl = process.env['BACKPACK_WS_URL'] ?? '';
const stream = process.env['BENCH_STREAM'] ?? 'ticker.SOL_USDC';
const clients = new Map<WebSocket, string>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
server.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as { type: string; id?: string };
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    else if (message.type === 'subscribe' && message.id !== undefined) clients.set(socket, JSON.stringify(message.id));
  });
  socket.on('close', () => clients.delete(socket));
});
await new Promise<void>((resolve) => server.once('listening', () => resolve()));

const upstream = new WebSocket(upstreamUrl);
await new Promise<void>((resolve) => upstream.once('open', () => resolve()));
upstream.send(JSON.stringify({ method: 'SUBSCRIBE', params: [stream] }));
upstream.on('message', (raw) => {
  const frame = JSON.parse(String(raw)) as { data: Record<string, unknown> };
  const d = frame.data;
  const payload = JSON.stringify({
    data: { ticker: { symbol: d['s'], lastPrice: d['c'], volume: d['v'], trades: d['n'] } },
  });
  for (const [socket, id] of clients) socket.send(`{"id":${id},"type":"next","payload":${payload}}`);
});

const { port } = server.address() as AddressInfo;
serveParent(
  { url: `ws://127.0.0.1:${port}/graphql` },
  { subscribers: () => clients.size, cpu: () => process.cpuUsage() },
  async () => {
    upstream.terminate();
    for (const socket of server.clients) socket.terminate();
    server.close();
  },
);
