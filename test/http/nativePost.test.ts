import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { createSchema } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNativePost } from '../../src/http/native/nativePost.ts';
import type { Gateway } from '../../src/server.ts';
import { FakeUpstream } from '../schema/fakeUpstream.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

interface RawAnswer {
  readonly status: number;
  readonly statusMessage: string;
  /** Lower-cased names; the per-connection and per-moment ones left out. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

/** One POST on node:http with exactly these headers (a fixed x-request-id, so both answers carry the same id). */
function raw(url: string, body: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'same-id', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const kept: Record<string, string> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = (res.rawHeaders[i] as string).toLowerCase();
            if (!PER_CONNECTION.has(name)) kept[name] = res.rawHeaders[i + 1] as string;
          }
          resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: kept, body: text });
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** Sends the same request to both gateways, checks the native one answered it natively, and returns both answers. */
async function both(
  native: Gateway,
  yogaOnly: Gateway,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ native: RawAnswer; yoga: RawAnswer; answered: number }> {
  const before = native.nativeHttp.answered;
  const viaNative = await raw(native.url, body, headers);
  const answered = native.nativeHttp.answered - before;
  const viaYoga = await raw(yogaOnly.url, body, headers);
  expect(yogaOnly.nativeHttp.answered).toBe(0);
  return { native: viaNative, yoga: viaYoga, answered };
}

const BOOK = 'query Book($s: String!, $n: Int!) { orderBook(symbol: $s, limit: $n) { bids { price quantity } } }';
const MARKETS = 'query Markets($t: [MarketType!]) { markets(marketType: $t) { symbol baseAsset { symbol } } }';
const EXECUTE = `mutation($input: ExecuteOrderInput!) { executeOrder(input: $input) {
  __typename ... on MutationError { message code } ... on InvalidOrder { field message }
} }`;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('the native POST path answers exactly as yoga does', () => {
  let gateway: TestGateway;
  let yogaOnly: Gateway;
  beforeAll(async () => {
    gateway = await startGateway({ env: { GATEWAY_MAX_BODY_BYTES: '4096' } });
    yogaOnly = await gateway.replica({ GATEWAY_NATIVE_HTTP: 'false' });
  });
  afterAll(() => gateway.close());

  const natively: [string, string, Record<string, string>?][] = [
    // The catalog, not the live book: both answers must be of the same data.
    ['a query', JSON.stringify({ query: MARKETS, variables: { t: ['SPOT'] } })],
    ['a validation error (application/json: 200)', JSON.stringify({ query: '{ nope }' })],
    [
      'a validation error (graphql-response+json: 400)',
      JSON.stringify({ query: '{ nope }' }),
      { accept: 'application/graphql-response+json' },
    ],
    ['a variable of the wrong type', JSON.stringify({ query: BOOK, variables: { s: 'SOL_USDC', n: 'two' } })],
    [
      'a mutation refused by the exchange (its code in the error)',
      JSON.stringify({
        query: EXECUTE,
        variables: {
          input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '140.00', quantity: '100000000' },
        },
      }),
    ],
  ];
  for (const [name, body, headers] of natively) {
    it(`answers ${name} natively, byte for byte`, async () => {
      const { native, yoga, answered } = await both(gateway.gateway, yogaOnly, body, headers);
      expect(answered).toBe(1);
      expect(native).toEqual(yoga);
    });
  }

  it('places an order natively, sending it to the exchange exactly once', async () => {
    const orders = (): number => gateway.sandbox.stats.requests()['executeOrder'] ?? 0;
    const before = orders();
    const placed = await raw(
      gateway.url,
      JSON.stringify({
        query: EXECUTE,
        variables: {
          input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '140.00', quantity: '0.01' },
        },
      }),
    );
    expect(JSON.parse(placed.body)).toEqual({ data: { executeOrder: { __typename: 'ExecuteOrderSuccess' } } });
    expect(orders()).toBe(before + 1);
    const refused = JSON.parse((await raw(gateway.url, (natively[4] as [string, string])[1])).body) as {
      data: { executeOrder: { code?: unknown } };
    };
    expect(refused.data.executeOrder.code).toEqual(expect.any(String));
    expect(orders()).toBe(before + 2);
  });

  const viaYoga: [string, string, Record<string, string>?][] = [
    ['malformed JSON', '{"query": '],
    ['a query that is not a string', JSON.stringify({ query: 1 })],
    ['variables that are not an object', JSON.stringify({ query: '{ markets { symbol } }', variables: 'x' })],
    ['extensions that are not an object', JSON.stringify({ query: '{ markets { symbol } }', extensions: 2 })],
    ['an unknown parameter', JSON.stringify({ query: '{ markets { symbol } }', debug: true })],
    [
      'a persisted hash nobody registered',
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ x }') } } }),
    ],
    ['a body over the limit', JSON.stringify({ query: `{ markets { symbol } }${' '.repeat(5000)}` })],
  ];
  for (const [name, body, headers] of viaYoga) {
    it(`hands ${name} to yoga, whose answer is the same`, async () => {
      const { native, yoga, answered } = await both(gateway.gateway, yogaOnly, body, headers);
      expect(answered).toBe(0);
      expect(native).toEqual(yoga);
      expect(native.status).toBeGreaterThanOrEqual(200);
    });
  }

  it('registers and then runs a persisted query natively', async () => {
    const query = '{ markets { symbol } }';
    const persisted = { version: 1, sha256Hash: sha256(query) };
    const registered = await both(
      gateway.gateway,
      yogaOnly,
      JSON.stringify({ query, extensions: { persistedQuery: persisted } }),
    );
    expect(registered.answered).toBe(1);
    expect(registered.native).toEqual(registered.yoga);
    const byHash = await both(gateway.gateway, yogaOnly, JSON.stringify({ extensions: { persistedQuery: persisted } }));
    expect(byHash.native).toEqual(byHash.yoga);
    expect(JSON.parse(byHash.native.body).data.markets.length).toBeGreaterThan(0);
  });
});

describe('what the native path takes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway.close());

  const counts = (): { answered: number; handedOff: number } => ({
    answered: gateway.gateway.nativeHttp.answered,
    handedOff: gateway.gateway.nativeHttp.handedOff,
  });

  it('takes a plain POST JSON query and leaves GET, browsers, streams, batches and @defer to yoga', async () => {
    expect(gateway.gateway.nativeHttp.enabled).toBe(true);
    const start = counts();
    expect((await raw(gateway.url, JSON.stringify({ query: '{ markets { symbol } }' }))).status).toBe(200);
    expect(counts()).toEqual({ answered: start.answered + 1, handedOff: start.handedOff });

    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ markets { symbol } }')}`);
    expect(get.status).toBe(200);
    const browser = await raw(gateway.url, JSON.stringify({ query: '{ markets { symbol } }' }), {
      origin: `http://localhost`,
    });
    expect(browser.headers['access-control-allow-origin']).toBe('http://localhost');
    const sse = await raw(gateway.url, JSON.stringify({ query: '{ markets { symbol } }' }), {
      accept: 'text/event-stream',
    });
    expect(sse.headers['content-type']).toContain('text/event-stream');
    expect(counts()).toEqual({ answered: start.answered + 1, handedOff: start.handedOff });

    const batch = await raw(gateway.url, JSON.stringify([{ query: '{ markets { symbol } }' }]));
    expect(batch.status).toBe(200);
    const deferred = await raw(
      gateway.url,
      JSON.stringify({ query: '{ markets { symbol ... @defer { baseAsset { symbol } } } }' }),
      { accept: 'multipart/mixed, application/json' },
    );
    expect(deferred.headers['content-type']).toContain('multipart/mixed');
    expect(counts()).toEqual({ answered: start.answered + 1, handedOff: start.handedOff + 2 });
  });
});

describe('plugins the native path does not know', () => {
  it('turns it off when a plugin has yoga-level hooks it has not registered', () => {
    const next = (): void => {};
    const yoga = { getResultForParams: () => ({}), waitUntil: () => {} };
    const unknown = createNativePost({ path: '/graphql', plugins: [{ onResponse: () => {} }] });
    expect(unknown.handler(yoga, next)).toBe(next);
    expect(unknown.stats.enabled).toBe(false);
    const envelopOnly = createNativePost({ path: '/graphql', plugins: [{ onExecute: () => {} }] });
    expect(envelopOnly.handler(yoga, next)).not.toBe(next);
    expect(envelopOnly.stats.enabled).toBe(true);
  });

  it('answers a masked resolver failure the same way', async () => {
    const schema = createSchema({
      typeDefs: 'type Query { boom: String }',
      resolvers: {
        Query: {
          boom: () => {
            throw new Error('secret detail');
          },
        },
      },
    });
    const gateway = await startGateway({ schema, upstream: new FakeUpstream({}), warmCatalog: false });
    try {
      const yogaOnly = await gateway.replica({ GATEWAY_NATIVE_HTTP: 'false' });
      const { native, yoga, answered } = await both(gateway.gateway, yogaOnly, JSON.stringify({ query: '{ boom }' }));
      expect(answered).toBe(1);
      expect(native).toEqual(yoga);
      expect(native.body).not.toContain('secret');
    } finally {
      await gateway.close();
    }
  });
});
