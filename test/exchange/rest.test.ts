import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { endpoint } from '../../src/exchange/endpoint.ts';
import { ExchangeError } from '../../src/exchange/errors.ts';
import { BackpackRest, type BackpackRestOptions, type RequestInfo } from '../../src/exchange/rest.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { startStubExchange, type StubExchange } from '../support/stubExchange.ts';

const TEST_SECRET = 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=';
const key = loadSigningKey(TEST_SECRET);

const common = { status: 'current', description: 'test row' } as const;

const getOrders = endpoint<{ symbol?: string; marketType?: string; limit?: number; note?: string }, unknown[]>({
  ...common,
  name: 'getOpenOrders',
  method: 'GET',
  path: '/api/v1/orders',
  auth: { kind: 'signed', instruction: 'orderQueryAll' },
  params: [
    { name: 'symbol', type: 'string', in: 'query' },
    { name: 'marketType', type: 'enum', in: 'query', values: ['SPOT', 'PERP'] },
    { name: 'limit', type: 'integer', in: 'query' },
    { name: 'note', type: 'string', in: 'query' },
  ],
  body: 'none',
  response: 'json',
  rateClass: 'standard',
});

interface OrderBody {
  symbol: string;
  side: string;
  orderType: string;
  price?: string;
  quantity?: string;
  postOnly?: boolean;
  clientId?: number | null;
}
const orderParams = [
  { name: 'symbol', type: 'string', in: 'body', required: true },
  { name: 'side', type: 'enum', in: 'body', required: true, values: ['Bid', 'Ask'] },
  { name: 'orderType', type: 'enum', in: 'body', required: true, values: ['Limit', 'Market'] },
  { name: 'price', type: 'decimal', in: 'body' },
  { name: 'quantity', type: 'decimal', in: 'body' },
  { name: 'postOnly', type: 'boolean', in: 'body' },
  { name: 'clientId', type: 'integer', in: 'body' },
] as const;

const executeOrder = endpoint<OrderBody, { id: string }>({
  ...common,
  name: 'executeOrder',
  method: 'POST',
  path: '/api/v1/order',
  auth: { kind: 'signed', instruction: 'orderExecute' },
  params: orderParams,
  body: 'object',
  response: 'json',
  rateClass: 'standard',
});

const executeOrderBatch = endpoint<OrderBody[], unknown[]>({
  ...executeOrder,
  name: 'executeOrderBatch',
  path: '/api/v1/orders',
  body: 'array',
});

const cancelOrder = endpoint<{ symbol: string; orderId?: string }, unknown>({
  ...common,
  name: 'cancelOrder',
  method: 'DELETE',
  path: '/api/v1/order',
  auth: { kind: 'signed', instruction: 'orderCancel' },
  params: [
    { name: 'symbol', type: 'string', in: 'body', required: true },
    { name: 'orderId', type: 'string', in: 'body' },
  ],
  body: 'object',
  response: 'json',
  rateClass: 'standard',
});

const getMarkets = endpoint<{ marketType?: string[] }, unknown>({
  ...common,
  name: 'getMarkets',
  method: 'GET',
  path: '/api/v1/markets',
  auth: { kind: 'public' },
  params: [{ name: 'marketType', type: 'enum', in: 'query', repeated: true, values: ['SPOT', 'PERP', 'RFQ'] }],
  body: 'none',
  response: 'json',
  rateClass: 'standard',
});

const getTicker = endpoint<{ symbol: string }, unknown>({
  ...getMarkets,
  name: 'getTicker',
  path: '/api/v1/ticker',
  params: [{ name: 'symbol', type: 'string', in: 'query', required: true }],
});

const convertDust = endpoint<{ symbol?: string }, null>({
  ...common,
  name: 'convertDust',
  method: 'POST',
  path: '/api/v1/account/convertDust',
  auth: { kind: 'signed', instruction: 'convertDust' },
  params: [{ name: 'symbol', type: 'string', in: 'body' }],
  body: 'object',
  response: 'empty',
  rateClass: 'standard',
});

const liquidationPrice = endpoint<Record<string, never>, unknown>({
  ...getMarkets,
  name: 'getLiquidationPrice',
  path: '/api/v1/borrowLend/position/liquidationPrice',
  auth: { kind: 'session' },
  params: [],
});

let stub: StubExchange;
let sleeps: number[];
let calls: RequestInfo[];

function client(options: Partial<BackpackRestOptions> = {}): BackpackRest {
  return new BackpackRest({
    baseUrl: stub.url,
    key,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onRequest: (info) => calls.push(info),
    ...options,
  });
}

async function rejection(promise: Promise<unknown>): Promise<ExchangeError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExchangeError);
  return error as ExchangeError;
}

beforeEach(async () => {
  stub = await startStubExchange();
  sleeps = [];
  calls = [];
});
afterEach(async () => {
  await stub.close();
});

describe('signing on the wire', () => {
  it('signs a GET with a query the stub verifies from the decoded values', async () => {
    stub.route('GET /api/v1/orders', { instruction: 'orderQueryAll', replies: [{ json: [] }] });
    const data = await client().request(getOrders, { symbol: 'SOL_USDC', limit: 100, note: 'a b%c,d:e' });
    expect(data).toEqual([]);
    const [hit] = stub.hitsFor('GET /api/v1/orders');
    expect(hit?.auth).toBe('valid');
    expect(hit?.rawQuery).toContain('note=a+b%25c%2Cd%3Ae');
    expect(hit?.signingString).toMatch(
      /^instruction=orderQueryAll&limit=100&note=a b%c,d:e&symbol=SOL_USDC&timestamp=/,
    );
  });

  it('signs a POST body, dropping null keys and keeping decimal text as sent', async () => {
    stub.route('POST /api/v1/order', { instruction: 'orderExecute', replies: [{ json: { id: '1' } }] });
    const order = {
      symbol: 'SOL_USDC',
      side: 'Bid',
      orderType: 'Limit',
      price: '0.10',
      quantity: '2',
      postOnly: true,
      clientId: null,
    };
    await expect(client().request(executeOrder, order)).resolves.toEqual({ id: '1' });
    const [hit] = stub.hitsFor('POST /api/v1/order');
    expect(hit?.auth).toBe('valid');
    expect(hit?.headers['content-type']).toContain('application/json');
    expect(JSON.parse(hit?.bodyText ?? '')).toEqual({
      symbol: 'SOL_USDC',
      side: 'Bid',
      orderType: 'Limit',
      price: '0.10',
      quantity: '2',
      postOnly: true,
    });
    expect(hit?.signingString).toContain('price=0.10&quantity=2&side=Bid');
  });

  it('signs a DELETE with a JSON body', async () => {
    stub.route('DELETE /api/v1/order', { instruction: 'orderCancel', replies: [{ status: 202 }] });
    await expect(client().request(cancelOrder, { symbol: 'SOL_USDC', orderId: '59669287267' })).resolves.toBeNull();
    const [hit] = stub.hitsFor('DELETE /api/v1/order');
    expect(hit?.auth).toBe('valid');
    expect(hit?.rawQuery).toBe('');
    expect(JSON.parse(hit?.bodyText ?? '')).toEqual({ symbol: 'SOL_USDC', orderId: '59669287267' });
  });

  it('signs a batch of orders with the instruction repeated per item', async () => {
    stub.route('POST /api/v1/orders', { instruction: 'orderExecute', replies: [{ json: [] }] });
    const items = [
      { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '141', quantity: '12' },
      { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '140', quantity: '11' },
    ];
    await client().request(executeOrderBatch, items);
    const [hit] = stub.hitsFor('POST /api/v1/orders');
    expect(hit?.auth).toBe('valid');
    expect(hit?.signingString?.match(/instruction=orderExecute/g)).toHaveLength(2);
  });

  it('is caught by the stub when the instruction does not match', async () => {
    stub.route('GET /api/v1/orders', { instruction: 'orderQuery', replies: [{ json: [] }] });
    const error = await rejection(client().request(getOrders, {}));
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'INVALID_SIGNATURE', message: 'Invalid signature' });
  });

  it('sends public GETs without auth headers, arrays as repeated keys', async () => {
    stub.route('GET /api/v1/markets', { replies: [{ json: [] }] });
    await client().request(getMarkets, { marketType: ['SPOT', 'RFQ'] });
    const [hit] = stub.hitsFor('GET /api/v1/markets');
    expect(hit?.rawQuery).toBe('?marketType=SPOT&marketType=RFQ');
    for (const name of ['x-api-key', 'x-signature', 'x-timestamp', 'x-window'])
      expect(hit?.headers[name]).toBeUndefined();
    // Public calls need no clock: no /time round trip.
    expect(stub.hitsFor('GET /api/v1/time')).toHaveLength(0);
  });
});

describe('retries', () => {
  it('sends a POST answered 503 exactly once and reports its outcome as unknown', async () => {
    stub.route('POST /api/v1/order', {
      instruction: 'orderExecute',
      replies: [{ status: 503, json: { code: 'MAINTENANCE', message: 'Under maintenance' } }],
    });
    const error = await rejection(
      client().request(executeOrder, { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Market', quantity: '1' }),
    );
    expect(stub.hitsFor('POST /api/v1/order')).toHaveLength(1);
    expect(error.expiresAt).toBeGreaterThan(0);
    expect(error.message).toContain('Under maintenance');
    expect(error).toMatchObject({
      kind: 'outcomeUnknown',
      status: 503,
      code: 'MAINTENANCE',
      endpoint: 'POST /api/v1/order',
      retryable: false,
    });
    expect(sleeps).toEqual([]);
  });

  it('retries a GET through 503, 503 to success with jittered backoff', async () => {
    stub.route('GET /api/v1/ticker', {
      replies: [
        { status: 503, json: { code: 'MAINTENANCE', message: 'm' } },
        { status: 503, text: '' },
        { json: { symbol: 'SOL_USDC' } },
      ],
    });
    await expect(client().request(getTicker, { symbol: 'SOL_USDC' })).resolves.toEqual({ symbol: 'SOL_USDC' });
    expect(stub.hitsFor('GET /api/v1/ticker')).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]); // random 0.5 × 200·2^n
    expect(calls.map((c) => [c.attempt, c.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
  });

  it('waits out Retry-After on a 429', async () => {
    stub.route('GET /api/v1/ticker', {
      replies: [
        {
          status: 429,
          headers: { 'retry-after': '1' },
          json: { code: 'TOO_MANY_REQUESTS', message: 'Too many requests' },
        },
        { json: {} },
      ],
    });
    await client().request(getTicker, { symbol: 'SOL_USDC' });
    expect(sleeps).toEqual([1000]);
  });

  it('gives up after maxRetries and reports the last answer', async () => {
    stub.route('GET /api/v1/ticker', { replies: [{ status: 500, json: { code: 'SERVER_ERROR', message: 'boom' } }] });
    const error = await rejection(client({ maxRetries: 2 }).request(getTicker, { symbol: 'SOL_USDC' }));
    expect(error).toMatchObject({ kind: 'http', status: 500, code: 'SERVER_ERROR', retryable: true });
    expect(stub.hitsFor('GET /api/v1/ticker')).toHaveLength(3);
  });
});

describe('clock skew', () => {
  beforeEach(() => {
    stub.route('GET /api/v1/orders', { instruction: 'orderQueryAll', replies: [{ json: [] }] });
    stub.skewMs = 30_000;
  });

  it('signs inside the window after syncing with /time', async () => {
    const rest = client();
    await expect(rest.request(getOrders, {})).resolves.toEqual([]);
    expect(stub.hits.map((h) => h.path)).toEqual(['/api/v1/time', '/api/v1/orders']);
    expect(rest.clockOffsetMs).toBeGreaterThan(29_000);
    expect(rest.clockOffsetMs).toBeLessThan(31_000);
  });

  it('is rejected by the exchange when clock sync is disabled', async () => {
    const error = await rejection(client({ clockSync: false }).request(getOrders, {}));
    expect(error).toMatchObject({ status: 400, message: 'Request has expired' });
    expect(stub.hitsFor('GET /api/v1/time')).toHaveLength(0);
  });

  it('resyncs once and re-signs any request rejected for its timestamp (the exchange did not act on it)', async () => {
    stub.skewMs = 0;
    stub.route('POST /api/v1/order', { instruction: 'orderExecute', replies: [{ json: { id: '1' } }] });
    const rest = client();
    await rest.request(getOrders, {});
    stub.skewMs = 30_000; // the exchange's clock jumps after the first sync

    await expect(rest.request(getOrders, {})).resolves.toEqual([]);
    expect(stub.hitsFor('GET /api/v1/orders').map((h) => h.auth)).toEqual(['valid', 'expired', 'valid']);

    stub.skewMs = -30_000;
    await expect(
      rest.request(executeOrder, { symbol: 'S', side: 'Bid', orderType: 'Market', quantity: '1' }),
    ).resolves.toEqual({ id: '1' });
    expect(stub.hitsFor('POST /api/v1/order').map((h) => h.auth)).toEqual(['expired', 'valid']);
    expect(stub.hitsFor('GET /api/v1/time')).toHaveLength(3);
  });
});

describe('response bodies', () => {
  it('reads /ping and /time as text', async () => {
    stub.route('GET /api/v1/ping', { replies: [{ text: 'pong' }] });
    stub.route('GET /api/v1/time', { replies: [{ text: '1788285151083' }] });
    const rest = client();
    await expect(rest.ping()).resolves.toBe('pong');
    await expect(rest.serverTime()).resolves.toBe(1788285151083);
  });

  it('turns empty 200 and 204 answers into null', async () => {
    stub.route('POST /api/v1/account/convertDust', { instruction: 'convertDust', replies: [{ status: 200 }] });
    stub.route('GET /api/v1/ticker', { replies: [{ status: 204 }] });
    await expect(client().request(convertDust, { symbol: 'BONK' })).resolves.toBeNull();
    await expect(client().request(getTicker, { symbol: 'NEW_USDC' })).resolves.toBeNull();
  });

  it('reports plain-text 400s and unknown paths with the text as message', async () => {
    const parseError =
      'failed to parse parameter `limit`: failed to parse "DepthLimit": Expect a valid enumeration value.';
    stub.route('GET /api/v1/ticker', { replies: [{ status: 400, text: parseError }] });
    const error = await rejection(client().request(getTicker, { symbol: 'SOL_USDC' }));
    expect(error).toMatchObject({ kind: 'http', status: 400, code: null, message: parseError, retryable: false });

    const notFound = await rejection(client().request(getMarkets, {}));
    expect(notFound).toMatchObject({ status: 404, code: null, message: 'not found' });
  });

  it('truncates long plain-text error bodies', async () => {
    stub.route('GET /api/v1/ticker', { replies: [{ status: 400, text: 'x'.repeat(5000) }] });
    const error = await rejection(client().request(getTicker, { symbol: 'SOL_USDC' }));
    expect(error.message.length).toBeLessThan(210);
  });

  it('exposes pagination headers', async () => {
    stub.route('GET /api/v1/markets', {
      replies: [
        { json: [], headers: { 'x-page-count': '3', 'x-current-page': '1', 'x-page-size': '100', 'x-total': '250' } },
      ],
    });
    const result = await client().requestWithMeta(getMarkets, {});
    expect(result).toMatchObject({ status: 200, data: [], page: { count: 3, current: 1, size: 100, total: 250 } });
  });
});

describe('transport failures', () => {
  it('times out a slow answer', async () => {
    stub.route('GET /api/v1/ticker', { replies: [{ json: {}, delayMs: 2_000 }] });
    const error = await rejection(client({ timeoutMs: 50, maxRetries: 0 }).request(getTicker, { symbol: 'SOL_USDC' }));
    expect(error).toMatchObject({ kind: 'timeout', endpoint: 'GET /api/v1/ticker', retryable: true });
  });

  it('reports a refused connection as not sent, retrying GETs', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await rejection(
      client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }).request(getTicker, { symbol: 'S' }),
    );
    expect(error.kind).toBe('notSent');
    expect(error.message).toContain('ECONNREFUSED');
    expect(calls.map((c) => [c.attempt, c.error])).toEqual([
      [1, 'notSent'],
      [2, 'notSent'],
    ]);
  });

  it('hands the caller its own abort reason, not an exchange error', async () => {
    stub.route('GET /api/v1/ticker', { replies: [{ json: {}, delayMs: 2_000 }] });
    const controller = new AbortController();
    const pending = client().request(getTicker, { symbol: 'S' }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 20);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(stub.hitsFor('GET /api/v1/ticker')).toHaveLength(1);
  });

  it('never hands headers or secrets to the onRequest hook', async () => {
    stub.route('GET /api/v1/orders', { instruction: 'orderQueryAll', replies: [{ json: [] }] });
    await client().request(getOrders, { symbol: 'SOL_USDC' });
    const seen = JSON.stringify(calls);
    expect(seen).not.toContain(key.apiKey);
    expect(seen).not.toContain(TEST_SECRET);
    expect(Object.keys(calls[1] ?? {}).sort()).toEqual(['attempt', 'durationMs', 'method', 'path', 'status']);
  });
});

describe('requests refused before the network', () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    [
      'a missing required parameter',
      () => client().request(getTicker, {} as { symbol: string }),
      /missing required parameter `symbol`/,
    ],
    [
      'a bad enum value',
      () => client().request(getOrders, { marketType: 'FUTURES' }),
      /`marketType` must be one of SPOT, PERP/,
    ],
    [
      'a decimal given as a number',
      () =>
        client().request(executeOrder, { symbol: 'S', side: 'Bid', orderType: 'Limit', price: 1 as unknown as string }),
      /`price` must be a decimal/,
    ],
    [
      'an integer given as a string',
      () => client().request(getOrders, { limit: '10' as unknown as number }),
      /`limit` must be an integer/,
    ],
    [
      'an unknown parameter',
      () => client().request(getTicker, { symbol: 'S', sybmol: 'S' } as { symbol: string }),
      /unknown parameter `sybmol`/,
    ],
    ['an empty batch', () => client().request(executeOrderBatch, []), /non-empty array/],
    [
      'a signed endpoint without a key',
      () => client({ key: undefined }).request(getOrders, {}),
      /no API key configured/,
    ],
    ['a web-session-only endpoint', () => client().request(liquidationPrice, {}), /web sessions/],
  ];
  it.each(cases)('refuses %s without calling the exchange', async (name, call, message) => {
    const error = await rejection(call());
    const kinds: Record<string, string> = {
      'a signed endpoint without a key': 'noKey',
      'a web-session-only endpoint': 'sessionOnly',
    };
    expect(error.kind).toBe(kinds[name] ?? 'invalidRequest');
    expect(error.message).toMatch(message);
    expect(stub.hits).toHaveLength(0);
  });
});

describe('client-side rate limit', () => {
  it('fails a request beyond the budget with rateLimited, without sending it', async () => {
    stub.route('GET /api/v1/ticker', { replies: [{ json: {} }] });
    const rest = client({ rateLimit: { perMinute: 1, maxWaitMs: 0 } });
    await rest.request(getTicker, { symbol: 'S' });
    const error = await rejection(rest.request(getTicker, { symbol: 'S' }));
    expect(error).toMatchObject({ kind: 'rateLimited', retryable: true });
    expect(stub.hitsFor('GET /api/v1/ticker')).toHaveLength(1);
  });
});

describe('calls by endpoint-table name', () => {
  it('calls public and signed rows of the real table', async () => {
    stub.route('GET /api/v1/depth', { replies: [{ json: { asks: [], bids: [], lastUpdateId: '1', timestamp: 1 } }] });
    stub.route('GET /api/v1/capital', {
      instruction: 'balanceQuery',
      replies: [{ json: { SOL: { available: '1.5', locked: '0', staked: '0' } } }],
    });
    const rest = client();
    const depth = await rest.call('getDepth', { symbol: 'SOL_USDC', limit: '100' });
    expect(depth.lastUpdateId).toBe('1');
    const balances = await rest.call('getBalances');
    expect(balances).toEqual({ SOL: { available: '1.5', locked: '0', staked: '0' } });
    expect(stub.hitsFor('GET /api/v1/capital')[0]?.auth).toBe('valid');
    expect(stub.hitsFor('GET /api/v1/depth')[0]?.rawQuery).toBe('?limit=100&symbol=SOL_USDC');
  });

  it('validates against the row before calling', async () => {
    const error = await rejection(client().call('getDepth', { symbol: 'SOL_USDC', limit: '30' as '20' }));
    expect(error.message).toMatch(/`limit` must be one of 5, 10, 20/);
    expect(stub.hits).toHaveLength(0);
  });
});

describe('fromConfig', () => {
  it('builds a signing client from the environment', async () => {
    stub.route('GET /api/v1/capital', { instruction: 'balanceQuery', replies: [{ json: {} }] });
    const config = loadConfig({
      BACKPACK_API_URL: stub.url,
      BACKPACK_API_SECRET: TEST_SECRET,
      BACKPACK_WINDOW_MS: '10000',
    });
    const rest = BackpackRest.fromConfig(config);
    expect(rest.apiKey).toBe(key.apiKey);
    await expect(rest.call('getBalances')).resolves.toEqual({});
    const [hit] = stub.hitsFor('GET /api/v1/capital');
    expect(hit?.auth).toBe('valid');
    expect(hit?.headers['x-window']).toBe('10000');
  });
});
