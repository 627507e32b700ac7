// Child process: the B1 baseline, a bare node:http server answering every request with fixed JSON bytes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveParent } from '../lib/child.ts';

const body = Buffer.from(process.env['BENCH_BODY'] ?? '{}');
const server = createServer((req, res) => {
  // Read the request like any server must, then answer; no parsing.
  req.on('data', () => undefined);
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }).end(body);
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveParent({ url: `http://127.0.0.1:${port}/graphql` }, { cpu: () => process.cpuUsage() }, async () => {
  server.closeAllConnections();
  server.close();
});
