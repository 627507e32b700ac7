// HTTP manners against the sandbox: gzip/brotli when asked for bodies of ~1 KB and more; public GET answers replayed
// from the response cache are cacheable (max-age = remaining freshness, ETag, 304); @defer over multipart/mixed.
import { request, type ServerResponse } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredEncoding } from '../../src/http/compression.ts';
import { TappedResponse } from '../../src/http/tappedResponse.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

let env: TestGateway;
let gateway: Gateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 11 }, account: null });
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.close();
});

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** One HTTP exchange without any client-side decoding (fetch would undo the compression under test). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Raw>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(options.body);
  });
}

const MARKETS = '{ markets(marketType: [SPOT, PERP]) { symbol marketType baseAsset { symbol displayName } } }';

function post(query: string, headers: Record<string, string> = {}): Promise<Raw> {
  return raw(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('compression', () => {
  it('picks the encoding the client prefers, brotli on a tie, never one it refuses', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });

  it('sends a large answer brotli- or gzip-encoded as asked, and plain to a client that did not ask', async () => {
    const plain = await post(MARKETS);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1_024);
    const expected = JSON.parse(plain.body.toString('utf8')) as unknown;
    expect(expected).toMatchObject({ data: { markets: expect.arrayContaining([expect.anything()]) } });

    const brotli = await post(MARKETS, { 'accept-encoding': 'br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toContain('Accept-Encoding');
    expect(brotli.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(brotliDecompressSync(brotli.body).toString('utf8'))).toEqual(expected);

    const gzip = await post(MARKETS, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString('utf8'))).toEqual(expected);
  });

  it('keeps the plain answer while compressing it, replays it plain or compressed, and patches no response', async () => {
    // A query of its own, so the cache sees it first here: sighted, then computed (kept), then replayed.
    const query = `${MARKETS.slice(0, -1)} __typename }`;
    const responses: ServerResponse[] = [];
    const onRequest = (_req: unknown, res: ServerResponse): void => void responses.push(res);
    gateway.server.on('request', onRequest);
    try {
      const first = await post(query);
      const expected = JSON.parse(first.body.toString('utf8')) as unknown;
      const computed = await post(query, { 'accept-encoding': 'br' });
      expect(computed.headers['content-encoding']).toBe('br');
      expect(JSON.parse(brotliDecompressSync(computed.body).toString('utf8'))).toEqual(expected);
      const before = gateway.responses.hits;
      // The kept copy is the plain body, whatever the client it was computed for asked.
      const replayed = await post(query);
      expect(replayed.headers['content-encoding']).toBeUndefined();
      expect(replayed.body.equals(first.body)).toBe(true);
      const gzip = await post(query, { 'accept-encoding': 'gzip' });
      expect(gunzipSync(gzip.body).equals(first.body)).toBe(true);
      expect(gateway.responses.hits).toBe(before + 2);
    } finally {
      gateway.server.off('request', onRequest);
    }
    expect(responses).toHaveLength(4);
    for (const res of responses) {
      expect(res).toBeInstanceOf(TappedResponse);
      for (const method of ['writeHead', 'write', 'end']) expect(Object.hasOwn(res, method)).toBe(false);
    }
  });

  it('leaves small answers alone', async () => {
    const small = await post('{ __typename }', { 'accept-encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });
  });

  it('compresses GraphiQL and its bundle', async () => {
    const page = await raw(gateway.url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString('utf8')).toContain('<!doctype html>');
  });
});

describe('HTTP caching of public GET queries', () => {
  const url = () => `${gateway.url}?query=${encodeURIComponent(MARKETS)}`;

  it('answers a repeated public GET with max-age = remaining freshness and an ETag, and 304 for a current copy', async () => {
    // The response cache stores a request's answer from its second sighting on.
    await raw(url(), { headers: { accept: 'application/json' } });
    const first = await raw(url(), { headers: { accept: 'application/json' } });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');

    const hits = gateway.responses.hits;
    const again = await raw(url(), { headers: { accept: 'application/json' } });
    expect(gateway.responses.hits).toBe(hits + 1);
    expect(again.body.equals(first.body)).toBe(true);
    const maxAge = Number(/^public, max-age=(\d+)$/.exec(String(again.headers['cache-control']))?.[1]);
    // The market catalog is cached for 60 s by default: what is left of that, never more.
    expect(maxAge).toBeGreaterThanOrEqual(0);
    expect(maxAge).toBeLessThanOrEqual(60);
    const etag = String(again.headers['etag']);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const notModified = await raw(url(), { headers: { accept: 'application/json', 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers['etag']).toBe(etag);

    const changed = await raw(url(), { headers: { accept: 'application/json', 'if-none-match': '"other"' } });
    expect(changed.status).toBe(200);
    expect(changed.body.equals(first.body)).toBe(true);

    // A replay is encoded for its own client.
    const gzip = await raw(url(), { headers: { accept: 'application/json', 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(first.body)).toBe(true);
  });

  it('keeps POST answers and account data no-store', async () => {
    await post(MARKETS);
    const replayed = await post(MARKETS);
    expect(replayed.headers['cache-control']).toBe('no-store');
    expect(replayed.headers['etag']).toBeUndefined();
  });
});

describe('@defer over multipart/mixed', () => {
  it('sends a dashboard first and its deferred order book after', async () => {
    const query = `query DeferredDashboard {
      markets(marketType: [SPOT]) { symbol }
      ... @defer(label: "book") { orderBook(symbol: "SOL_USDC", limit: 3) { bids { price quantity } } }
    }`;
    const response = await raw(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^multipart\/mixed/);
    const parts = response.body
      .toString('utf8')
      .split(/\r?\n---/)
      .map((part) => part.slice(part.indexOf('{')))
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part) as Record<string, unknown>);
    expect(parts[0]).toMatchObject({
      data: { markets: expect.arrayContaining([{ symbol: 'SOL_USDC' }]) },
      hasNext: true,
    });
    expect(parts[0]).not.toHaveProperty('data.orderBook');
    const incremental = parts.slice(1).flatMap((part) => (part['incremental'] as unknown[] | undefined) ?? []);
    expect(incremental).toEqual([
      expect.objectContaining({
        label: 'book',
        data: {
          orderBook: { bids: expect.arrayContaining([{ price: expect.any(String), quantity: expect.any(String) }]) },
        },
      }),
    ]);
    expect(parts.at(-1)).toMatchObject({ hasNext: false });
  });
});
