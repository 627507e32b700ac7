import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedExchange, type ReadRecorder } from '../../src/exchange/cache.ts';
import { ExchangeError } from '../../src/exchange/errors.ts';
import { ResponseCache } from '../../src/execution/responseCache.ts';
import { TappedResponse } from '../../src/http/tappedResponse.ts';
import type { Gateway } from '../../src/server.ts';
import { FakeUpstream, fixtures, marketHandlers } from '../schema/fakeUpstream.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

let upstream: FakeUpstream;
let env: TestGateway;
let gateway: Gateway;
let lastPrice = '100.5';

beforeAll(async () => {
  upstream = new FakeUpstream({
    ...marketHandlers(),
    getTickers: () => fixtures.tickers.map((row) => (row.symbol === 'SOL_USDC' ? { ...row, lastPrice } : row)),
    getStatus: () => {
      throw new ExchangeError({
        kind: 'http',
        endpoint: 'GET /api/v1/status',
        status: 503,
        code: 'MAINTENANCE',
        message: 'Under maintenance',
      });
    },
  });
  env = await startGateway({ upstream, env: { GATEWAY_CACHE_TTL_MS: 'getTickers=300' } });
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.close();
});

async function post(query: string): Promise<{ status: number; body: string }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.text() };
}

const TICKER = '{ ticker(symbol: "SOL_USDC") { symbol lastPrice } }';

describe('memoized public query responses', () => {
  it('answers a repeated public query from memory with the same bytes', async () => {
    // The first sighting of a request is only remembered; the second one's response is stored.
    await post(TICKER);
    const first = await post(TICKER);
    const hits = gateway.responses.hits;
    const second = await post(TICKER);
    expect(second).toEqual(first);
    expect(JSON.parse(second.body).data.ticker.lastPrice).toBe('100.5');
    expect(gateway.responses.hits).toBe(hits + 1);
  });

  it('answers with fresh data once the cached exchange data it was built from expires', async () => {
    await post(TICKER);
    lastPrice = '101.25';
    await new Promise((resolve) => setTimeout(resolve, 350));
    const after = await post(TICKER);
    expect(JSON.parse(after.body).data.ticker.lastPrice).toBe('101.25');
  });

  it('never memoizes a response with errors', async () => {
    upstream.reset();
    const hits = gateway.responses.hits;
    const first = await post('{ status { status } }');
    const second = await post('{ status { status } }');
    expect(first.body).toContain('errors');
    expect(second.body).toContain('errors');
    expect(gateway.responses.hits).toBe(hits);
    expect(upstream.count('getStatus')).toBeGreaterThanOrEqual(2);
  });

  it('does not memoize GraphiQL pages or requests without a query', async () => {
    const hits = gateway.responses.hits;
    await fetch(gateway.url, { headers: { accept: 'text/html' } });
    await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(gateway.responses.hits).toBe(hits);
  });
});

/** A node:http server behind `cache` whose handler counts its calls (the upstream of the cache). */
async function cachedServer(
  cache: ResponseCache,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { tapped?: boolean } = {},
): Promise<{
  post: (body?: string) => Promise<string>;
  postRaw: (body?: string) => Promise<Response>;
  close: () => Promise<void>;
}> {
  // The gateway's server makes TappedResponses; a plain node:http server gets the taps set per response.
  const server = options.tapped
    ? createServer({ ServerResponse: TappedResponse }, cache.handler(handler))
    : createServer(cache.handler(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const postRaw = (body = '{"query":"{ n }"}'): Promise<Response> =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return {
    post: async (body?: string) => (await postRaw(body)).text(),
    postRaw,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('headers given to writeHead', () => {
  for (const tapped of [true, false]) {
    it(`are kept and replayed, as an object or as node's flat array (${tapped ? 'TappedResponse' : 'plain'} server)`, async () => {
      const cache = new ResponseCache({ path: '/graphql' });
      let calls = 0;
      const server = await cachedServer(
        cache,
        (req, res) => {
          calls += 1;
          cache.recorderFor({ req })?.read(Date.now() + 60_000);
          // The first query's two runs answer with an object, the second's with the flat array.
          if (calls <= 2) res.writeHead(200, { 'content-type': 'application/json', 'x-form': 'object' });
          else res.writeHead(200, ['content-type', 'application/json', 'x-form', 'flat', 'x-form', 'twice']);
          res.end(`{"data":{"n":${calls}}}`);
        },
        { tapped },
      );
      try {
        for (const [body, form] of [
          ['{"query":"{ a }"}', 'object'],
          ['{"query":"{ b }"}', 'flat, twice'],
        ] as const) {
          await server.post(body); // first sighting: not kept
          const kept = await server.postRaw(body);
          const replayed = await server.postRaw(body);
          expect(replayed.headers.get('x-form')).toBe(form);
          expect(replayed.headers.get('content-type')).toBe('application/json');
          expect(await replayed.text()).toBe(await kept.text());
        }
        expect(cache.hits).toBe(2);
      } finally {
        await server.close();
      }
    });
  }
});

describe('second-sight admission', () => {
  it('stores a response the second time its request is seen and answers the third from memory', async () => {
    const cache = new ResponseCache({ path: '/graphql' });
    let calls = 0;
    const server = await cachedServer(cache, (req, res) => {
      calls += 1;
      // A fresh public read, as the exchange cache reports one: the answer may be kept for a minute.
      cache.recorderFor({ req })?.read(Date.now() + 60_000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":{"n":${calls}}}`);
    });
    try {
      expect(await server.post()).toBe('{"data":{"n":1}}');
      expect([calls, cache.size, cache.hits]).toEqual([1, 0, 0]); // remembered, not stored
      expect(await server.post()).toBe('{"data":{"n":2}}');
      expect([calls, cache.size, cache.hits]).toEqual([2, 1, 0]); // stored
      expect(await server.post()).toBe('{"data":{"n":2}}');
      expect(await server.post()).toBe('{"data":{"n":2}}');
      expect([calls, cache.size, cache.hits]).toEqual([2, 1, 2]); // answered from memory
    } finally {
      await server.close();
    }
  });

  it('never stores requests seen once, however many there are', async () => {
    const cache = new ResponseCache({ path: '/graphql', maxEntries: 10 });
    let calls = 0;
    const server = await cachedServer(cache, (req, res) => {
      calls += 1;
      cache.recorderFor({ req })?.read(Date.now() + 60_000);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"n":1}}');
    });
    try {
      for (let i = 0; i < 30; i++) await server.post(JSON.stringify({ query: '{ n }', variables: { i } }));
      expect([calls, cache.size, cache.hits]).toEqual([30, 0, 0]);
    } finally {
      await server.close();
    }
  });
});

describe('identical requests whose answer cannot be kept', () => {
  it('wait for the first one only until an answer for them was found not to be keepable', async () => {
    const cache = new ResponseCache({ path: '/graphql' });
    let running = 0;
    let overlap = 0;
    let calls = 0;
    // Answers that read no cached exchange data are never kept (like TTL-0 data).
    const server = await cachedServer(cache, (_req, res) => {
      calls += 1;
      running += 1;
      overlap = Math.max(overlap, running);
      setTimeout(() => {
        running -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"n":1}}');
      }, 30);
    });
    try {
      // A first sighting is never a candidate for storing, so nothing waits for it.
      expect(await server.post()).toBe('{"data":{"n":1}}');
      overlap = 0;
      expect(await Promise.all([server.post(), server.post()])).toEqual(['{"data":{"n":1}}', '{"data":{"n":1}}']);
      expect(overlap).toBe(1); // the second waited for the first, which might have been kept
      overlap = 0;
      expect(await Promise.all([server.post(), server.post()])).toEqual(['{"data":{"n":1}}', '{"data":{"n":1}}']);
      expect(overlap).toBe(2); // known one-offs run side by side
      expect(calls).toBe(5);
      expect(cache.hits).toBe(0);
      expect(cache.size).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('a request found not keepable', () => {
  it('runs unrecorded for a second, then one answer is tried again and kept once it can be', async () => {
    let now = 1_000_000;
    const cache = new ResponseCache({ path: '/graphql', now: () => now });
    let keepable = false;
    let calls = 0;
    let recorded = 0;
    const server = await cachedServer(cache, (req, res) => {
      calls += 1;
      const recorder = cache.recorderFor({ req });
      if (recorder !== undefined) recorded += 1;
      // A fresh public read makes the answer keepable; without one it is not (like TTL-0 data).
      if (keepable) recorder?.read(now + 60_000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":{"n":${calls}}}`);
    });
    try {
      await server.post(); // first sighting: not recorded
      await server.post(); // recorded, not keepable: a known one-off from now on
      expect([calls, recorded, cache.size]).toEqual([2, 1, 0]);
      keepable = true;
      // Within the pass: not recorded, so not kept although it now could be.
      await server.post();
      await server.post();
      expect([calls, recorded, cache.size, cache.hits]).toEqual([4, 1, 0, 0]);
      now += 1_001;
      expect(await server.post()).toBe('{"data":{"n":5}}'); // recorded again, and kept
      expect(await server.post()).toBe('{"data":{"n":5}}'); // answered from memory
      expect([calls, recorded, cache.size, cache.hits]).toEqual([5, 2, 1, 1]);
    } finally {
      await server.close();
    }
  });
});

describe('CachedExchange.recording', () => {
  it('reports fresh public reads with their freshness and anything signed as uncacheable', async () => {
    const fake = new FakeUpstream({ ...marketHandlers(), getTickers: () => fixtures.tickers, getAccount: () => ({}) });
    const exchange = new CachedExchange(fake, { ttlsMs: { getTickers: 1_000 }, now: () => 5_000 });
    const seen: string[] = [];
    const recorder: ReadRecorder = {
      read: (until) => seen.push(`read ${until}`),
      uncacheable: () => seen.push('uncacheable'),
    };
    const view = exchange.recording(recorder);
    await view.call('getTickers', {});
    await view.call('getTickers', {});
    await view.call('getAccount', {});
    expect(seen).toEqual(['read 6000', 'read 6000', 'uncacheable']);
    expect(view).toBeInstanceOf(CachedExchange);
    // The shared instance itself records nothing.
    await exchange.call('getTickers', {});
    expect(seen).toHaveLength(3);
  });
});
