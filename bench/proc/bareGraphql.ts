// Child process: the B1U baseline, the gateway's own schema executed by plain graphql-js on bare node:http: JSON body,
// one parse + validate per distinct query text, `execute` with a minimal context over the same warm exchange cache.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import { serveParent } from '../lib/child.ts';

const rest = new BackpackRest({
  baseUrl: process.env['BACKPACK_API_URL'] ?? '',
  clockSync: false,
  maxRetries: 0,
  rateLimit: { perMinute: 1e9, historicalPerMinute: 1e9 },
});
const exchange = new CachedExchange(rest, { ttlsMs: { getDepth: Number(process.env['BENCH_DEPTH_TTL_MS'] ?? 0) } });
const documents = new Map<string, DocumentNode>();

function documentOf(query: string): DocumentNode {
  let document = documents.get(query);
  if (document === undefined) {
    document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('; '));
    documents.set(query, document);
  }
  return document;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      query: string;
      variables?: Record<string, unknown>;
    };
    const contextValue = createContext({ exchange, account: null });
    void Promise.resolve(
      execute({ schema, document: documentOf(query), variableValues: variables, contextValue }),
    ).then((result) => {
      const body = Buffer.from(JSON.stringify(result));
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
serveParent({ url: `http://127.0.0.1:${port}/graphql` }, { cpu: () => process.cpuUsage() }, async () => {
  server.closeAllConnections();
  server.close();
});
