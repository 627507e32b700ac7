// ccxt's Backpack client (an independent implementation of the signing rules) against the sandbox transport alone
// (echo handlers); ccxt against the full sandbox is test/sandbox/ccxt.test.ts.
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
