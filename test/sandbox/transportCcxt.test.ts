// ccxt's Backpack client (an independent implementation of the signing rules) against the sandbox transport.
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.ts';
import { startTestServer, TEST_ACCOUNT_ID, TEST_API_KEY, TEST_SECRET } from './transportFixture.ts';
import type { TestServer } from './transportFixture.ts';

type Implicit = (params?: unknown) => Promise<unknown>;

let server: TestServer;
let client: Record<string, unknown>;

beforeAll(async () => {
  server = await startTestServer();
  client = new ccxt.backpack({
    apiKey: TEST_API_KEY,
    secret: TEST_SECRET,
    urls: { api: { public: server.url, private: server.url } },
  }) as unknown as Record<string, unknown>;
});
afterAll(async () => {
  await server.close();
});

function call(method: string, params?: unknown): Promise<unknown> {
  const fn = client[method] as Implicit;
  return fn.call(client, params);
}

describe('ccxt signs requests the sandbox accepts', () => {
  it('GET without parameters', async () => {
    expect(await call('privateGetApiV1Capital')).toEqual({ params: {}, items: [], accountId: TEST_ACCOUNT_ID });
  });

  it('GET with query parameters', async () => {
    const result = await call('privateGetApiV1Orders', { symbol: 'SOL_USDC', marketType: 'SPOT' });
    expect(result).toMatchObject({ params: { symbol: 'SOL_USDC', marketType: 'SPOT' }, accountId: TEST_ACCOUNT_ID });
  });

  it('POST an order body with decimals, an integer client id and a boolean', async () => {
    const result = await call('privatePostApiV1Order', {
      symbol: 'SOL_USDC',
      side: 'Bid',
      orderType: 'Limit',
      price: '140.50',
      quantity: '0.10',
      clientId: 123,
      postOnly: true,
    });
    expect(result).toMatchObject({ params: { price: '140.50', quantity: '0.10', clientId: 123, postOnly: true } });
  });

  it('POST a batch signed with the repeated instruction', async () => {
    const result = (await call('privatePostApiV1Orders', [
      { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '141', quantity: '12' },
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '160', quantity: '11' },
    ])) as { items: unknown[] };
    expect(result.items).toHaveLength(2);
  });

  it('DELETE with a JSON body', async () => {
    expect(await call('privateDeleteApiV1Order', { symbol: 'SOL_USDC', orderId: '42' })).toEqual({ cancelled: '42' });
  });

  it('surfaces a bad signature as the exchange error ccxt knows', async () => {
    const wrong = new ccxt.backpack({
      apiKey: TEST_API_KEY,
      secret: Buffer.alloc(32, 5).toString('base64'),
      urls: { api: { public: server.url, private: server.url } },
    }) as unknown as Record<string, Implicit>;
    await expect((wrong['privateGetApiV1Capital'] as Implicit).call(wrong)).rejects.toThrow(/INVALID_SIGNATURE/);
  });
});

describe('ccxt trades on the full sandbox over REST and WebSocket', () => {
  it('loads markets, reads the book and balance, places/cancels orders and watches streams', async () => {
    const sandbox = await startSandbox({ seed: 3, flow: { enabled: true, ratePerSecond: 20 } });
    const demo = sandbox.accountsByName['demo'];
    const pro = new ccxt.pro.backpack({
      apiKey: demo?.apiKey,
      secret: demo?.apiSecret,
      urls: { api: { public: sandbox.restUrl, private: sandbox.restUrl, ws: { public: sandbox.wsUrl, private: sandbox.wsUrl } } },
    });
    try {
      await pro.loadHttpProxyAgent(); // ccxt needs an agent for plain ws:// URLs
      const markets = await pro.loadMarkets();
      expect(markets['SOL/USDC']).toBeDefined();
      const book = await pro.fetchOrderBook('SOL/USDC', 5);
      expect(book.bids[0]?.[0]).toBeLessThan(book.asks[0]?.[0] ?? 0);
      expect((await pro.fetchBalance())['USDC']?.free).toBe(100000);

      const orderId = String((await pro.createOrder('SOL/USDC', 'limit', 'buy', 1, 100)).id);
      expect((await pro.fetchOpenOrders('SOL/USDC')).map((open) => open.id)).toContain(orderId);
      await pro.cancelOrder(orderId, 'SOL/USDC');
      const batch = await pro.createOrders([
        { symbol: 'SOL/USDC', type: 'limit', side: 'buy', amount: 1, price: 100 },
        { symbol: 'SOL/USDC', type: 'limit', side: 'sell', amount: 1, price: 200 },
      ]);
      expect(batch).toHaveLength(2);
      expect(await pro.cancelAllOrders('SOL/USDC')).toHaveLength(2);

      const live = await pro.watchOrderBook('SOL/USDC');
      expect(live.bids.length).toBeGreaterThan(0);
      const updates = pro.watchOrders('SOL/USDC');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await pro.createOrder('SOL/USDC', 'limit', 'buy', 1, 101);
      expect((await updates).length).toBeGreaterThan(0);
    } finally {
      await pro.close();
      await sandbox.close();
    }
  });
});
