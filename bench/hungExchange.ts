// How long `account { balances }` takes to fail while the exchange is hung (accepts connections, never answers),
// with the gateway's default settings. Run: npx tsx bench/hungExchange.ts
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { createGateway } from '../src/server.ts';

const sockets = new Set<Socket>();
const hung = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => undefined);
});
await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
const { port } = hung.address() as AddressInfo;
const gateway = await createGateway(
  loadConfig({
    PORT: '0',
    BACKPACK_API_URL: `http://127.0.0.1:${port}`,
    BACKPACK_WS_URL: 'ws://127.0.0.1:9',
    BACKPACK_API_SECRET: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=',
    BACKPACK_CLOCK_SYNC: 'false',
  }),
  { logger: pino({ level: 'silent' }), env: {}, warmCatalog: false },
);
const started = performance.now();
const response = await fetch(gateway.url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ account { balances { symbol } } }' }),
});
const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const error = body.errors?.[0];
process.stdout.write(`hung exchange: failed after ${seconds} s with ${error?.extensions?.code}: ${error?.message}\n`);
await gateway.close();
for (const socket of sockets) socket.destroy();
hung.close();
