// Child process: the floor under B2's TTL-0 figures, the least a process between the client and the exchange can do.
// For each POSTed query it makes one GET /ticker on the same keep-alive undici agent the gateway uses and answers the
// two fields as GraphQL-shaped JSON: no parsing of the query, no schema, no cache, no security.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUpstreamAgent } from '../../src/exchange/pool.ts';
import { serveParent } from '../lib/child.ts';
import { stallStart, stallStop } from '../lib/stallProbe.ts';

const upstream = new URL('/api/v1/ticker?symbol=SOL_USDC', process.env['BACKPACK_API_URL']);
const agent = createUpstreamAgent();

async function ticker(): Promise<string> {
  const answer = await agent.request({
    origin: upstream.origin,
    path: `${upstream.pathname}${upstream.search}`,
    method: 'GET',
  });
  const row = (await answer.body.json()) as { symbol: string; lastPrice: string };
  return JSON.stringify({ data: { ticker: { symbol: row.symbol, lastPrice: row.lastPrice } } });
}

const server = createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => {
    ticker().then(
      (body) => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      () => {
        res.writeHead(502).end();
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveParent(
  { url: `http://127.0.0.1:${port}/graphql` },
  {
    cpu: () => process.cpuUsage(),
    stallStart: (args) => stallStart({ perRequest: args['perRequest'] !== false }),
    stallStop: () => stallStop(),
  },
  async () => {
    server.closeAllConnections();
    server.close();
    await agent.close();
  },
);
