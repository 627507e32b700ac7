// Orders through the schema with a fake exchange: placing, validating, batching, cancelling, reading and Order.fills.
import { describe, expect, it } from 'vitest';
import { exchangeError, harness, wire } from './accountHarness.ts';

const EXECUTE = `mutation Place($input: ExecuteOrderInput!) {
  executeOrder(input: $input) {
    __typename
    ... on ExecuteOrderSuccess { order { id status price quantity side orderType market { symbol } createdAt } }
    ... on InvalidOrder { field message code }
    ... on MutationError { message code }
  }
}`;
const limit = { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '100.25', quantity: '1.5' };

describe('executeOrder', () => {
  it('places a limit order with wire names and values, and returns it with its market', async () => {
    const h = harness({
      executeOrder: (params) => wire.openOrder('59669287267', { price: params['price'], quantity: params['quantity'] }),
    });
    const result = await h.run(EXECUTE, { input: { ...limit, clientId: '7', timeInForce: 'GTC', postOnly: true } });
    expect(result.errors).toBeUndefined();
    expect(result.data.executeOrder).toEqual({
      __typename: 'ExecuteOrderSuccess',
      order: {
        id: '59669287267',
        status: 'NEW',
        price: '100.25',
        quantity: '1.5',
        side: 'BID',
        orderType: 'LIMIT',
        market: { symbol: 'SOL_USDC' },
        createdAt: '2026-09-01T17:54:04.094Z',
      },
    });
    expect(h.paramsOf('executeOrder')).toEqual([
      {
        symbol: 'SOL_USDC',
        side: 'Bid',
        orderType: 'Limit',
        price: '100.25',
        quantity: '1.5',
        clientId: 7,
        timeInForce: 'GTC',
        postOnly: true,
      },
    ]);
  });

  it('returns InvalidOrder { field: "price" } for a price off the tick size, with zero order calls', async () => {
    const h = harness({
      executeOrder: () => {
        throw new Error('must not be called');
      },
    });
    const result = await h.run(EXECUTE, { input: { ...limit, price: '100.255' } });
    expect(result.data.executeOrder).toMatchObject({ __typename: 'InvalidOrder', field: 'price', code: null });
    expect(result.data.executeOrder.message).toContain('tickSize 0.01');
    expect(h.upstream.count('executeOrder')).toBe(0);
  });

  it('rejects unknown symbols and missing combinations before calling the exchange', async () => {
    const h = harness();
    const unknown = await h.run(EXECUTE, { input: { ...limit, symbol: 'NOPE_USDC' } });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('UNKNOWN_SYMBOL');
    const market = await h.run(EXECUTE, { input: { symbol: 'SOL_USDC', side: 'ASK', orderType: 'MARKET' } });
    expect(market.data.executeOrder).toMatchObject({ __typename: 'InvalidOrder', field: 'quantity' });
    const trigger = await h.run(EXECUTE, { input: { ...limit, triggerPrice: '90' } });
    expect(trigger.data.executeOrder).toMatchObject({ __typename: 'InvalidOrder', field: 'triggerQuantity' });
    expect(h.upstream.count('executeOrder')).toBe(0);
  });

  it('maps exchange rejections to typed results keeping the exchange code', async () => {
    const failures = [
      [
        exchangeError('POST /api/v1/order', 400, 'INSUFFICIENT_FUNDS', 'Insufficient funds'),
        'InsufficientFunds',
        'INSUFFICIENT_FUNDS',
      ],
      [
        exchangeError('POST /api/v1/order', 429, 'TOO_MANY_REQUESTS', 'Too many requests'),
        'RateLimited',
        'TOO_MANY_REQUESTS',
      ],
      [exchangeError('POST /api/v1/order', 503, 'MAINTENANCE', 'Maintenance'), 'ExchangeUnavailable', 'MAINTENANCE'],
      [
        exchangeError('POST /api/v1/order', 400, 'INVALID_PRICE', 'Price is too far from the last active price'),
        'InvalidOrder',
        'INVALID_PRICE',
      ],
    ] as const;
    for (const [error, typename, code] of failures) {
      const h = harness({
        executeOrder: () => {
          throw error;
        },
      });
      const result = await h.run(EXECUTE, { input: limit });
      expect(result.data.executeOrder).toMatchObject({ __typename: typename, code });
      expect(h.upstream.count('executeOrder')).toBe(1); // a failed order is never retried
    }
  });

  it('answers UNAUTHENTICATED without keys, before any upstream call', async () => {
    const h = harness({}, { keys: false });
    const result = await h.run(EXECUTE, { input: limit });
    // Scope checks run before the resolver: a top-level error, not a union member (see src/schema/builder.ts).
    expect(result.data?.executeOrder ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(h.upstream.count()).toBe(0);
  });
});

describe('executeOrders', () => {
  it('returns one result per input: invalid items are not sent, exchange errors stay per item', async () => {
    const h = harness({
      executeOrderBatch: (params) => {
        const items = Object.values(params) as Record<string, unknown>[];
        return items.map((item, i) =>
          i === 1
            ? { operation: 'Err', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' }
            : { operation: 'Ok', ...wire.openOrder(`id-${i}`, { price: item['price'] }) },
        );
      },
    });
    const result = await h.run(
      `mutation($inputs: [ExecuteOrderInput!]!) { executeOrders(inputs: $inputs) {
        ... on ExecuteOrdersSuccess { results { __typename ... on ExecuteOrdersItemSuccess { order { id price } } ... on MutationError { code } ... on InvalidOrder { field } } }
      } }`,
      { inputs: [limit, { ...limit, quantity: '0.001' }, { ...limit, price: '99' }, { ...limit, price: '98' }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.executeOrders.results).toEqual([
      { __typename: 'ExecuteOrdersItemSuccess', order: { id: 'id-0', price: '100.25' } },
      { __typename: 'InvalidOrder', code: null, field: 'quantity' },
      { __typename: 'InsufficientFunds', code: 'INSUFFICIENT_FUNDS' },
      { __typename: 'ExecuteOrdersItemSuccess', order: { id: 'id-2', price: '98' } },
    ]);
    expect(h.upstream.count('executeOrderBatch')).toBe(1);
  });

  it('makes no call when every item is invalid', async () => {
    const h = harness();
    const result = await h.run(
      `mutation($inputs: [ExecuteOrderInput!]!) { executeOrders(inputs: $inputs) { ... on ExecuteOrdersSuccess { results { __typename } } } }`,
      { inputs: [{ ...limit, price: '0' }] },
    );
    expect(result.data.executeOrders.results).toEqual([{ __typename: 'InvalidOrder' }]);
    expect(h.upstream.count('executeOrderBatch')).toBe(0);
  });
});

describe('cancelling', () => {
  const CANCEL = `mutation($input: CancelOrderInput!) { cancelOrder(input: $input) { __typename ... on CancelOrderSuccess { order { id status } } ... on MutationError { message code } ... on InvalidOrder { field } } }`;

  it('cancels by id and returns the cancelled order', async () => {
    const h = harness({ cancelOrder: (params) => wire.openOrder(String(params['orderId']), { status: 'Cancelled' }) });
    const result = await h.run(CANCEL, { input: { symbol: 'SOL_USDC', id: '42' } });
    expect(result.data.cancelOrder).toEqual({
      __typename: 'CancelOrderSuccess',
      order: { id: '42', status: 'CANCELLED' },
    });
    expect(h.paramsOf('cancelOrder')).toEqual([{ symbol: 'SOL_USDC', orderId: '42' }]);
  });

  it('maps "Order not found" to OrderNotFound and wants exactly one of id and clientId', async () => {
    const h = harness({
      cancelOrder: () => {
        throw exchangeError('DELETE /api/v1/order', 400, 'INVALID_CLIENT_REQUEST', 'Order not found');
      },
    });
    const missing = await h.run(CANCEL, { input: { symbol: 'SOL_USDC', clientId: '9' } });
    expect(missing.data.cancelOrder).toMatchObject({ __typename: 'OrderNotFound', code: 'INVALID_CLIENT_REQUEST' });
    expect(h.paramsOf('cancelOrder')).toEqual([{ symbol: 'SOL_USDC', clientId: 9 }]);
    const both = await h.run(CANCEL, { input: { symbol: 'SOL_USDC', id: '1', clientId: '9' } });
    expect(both.data.cancelOrder).toMatchObject({ __typename: 'InvalidOrder', field: 'clientId' });
    expect(h.upstream.count('cancelOrder')).toBe(1);
  });

  it('cancels all open orders of a market', async () => {
    const h = harness({
      cancelOpenOrders: () => [
        wire.openOrder('1', { status: 'Cancelled' }),
        wire.openOrder('2', { status: 'Cancelled' }),
      ],
    });
    const result = await h.run(
      `mutation { cancelOpenOrders(symbol: "SOL_USDC", orderType: RESTING_LIMIT_ORDER) { ... on CancelOpenOrdersSuccess { orders { id status } } } }`,
    );
    expect(result.data.cancelOpenOrders.orders).toEqual([
      { id: '1', status: 'CANCELLED' },
      { id: '2', status: 'CANCELLED' },
    ]);
    expect(h.paramsOf('cancelOpenOrders')).toEqual([{ symbol: 'SOL_USDC', orderType: 'RestingLimitOrder' }]);
  });
});

describe('reading orders', () => {
  it('lists open orders with their fills from one history call per market', async () => {
    const h = harness({
      getOpenOrders: () => [
        wire.openOrder('1'),
        wire.openOrder('2', { createdAt: 1788285000000 }),
        wire.openOrder('3', { symbol: 'BTC_USDC' }),
      ],
      getFills: (params) =>
        params['orderId']
          ? [wire.fill(String(params['orderId']), { symbol: 'BTC_USDC' })]
          : [wire.fill('1'), wire.fill('2'), wire.fill('1', { tradeId: 5 })],
    });
    const result = await h.run(
      `{ account { openOrders { id fills { tradeId orderId market { symbol } timestamp } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.account.openOrders.map((o: any) => [o.id, o.fills.map((f: any) => f.tradeId)])).toEqual([
      ['1', ['2888471', '5']],
      ['2', ['2888471']],
      ['3', ['2888471']],
    ]);
    expect(result.data.account.openOrders[2].fills[0]).toEqual({
      tradeId: '2888471',
      orderId: '3',
      market: { symbol: 'BTC_USDC' },
      timestamp: '2026-09-01T17:39:00.092Z',
    });
    expect(h.paramsOf('getFills')).toEqual([
      { symbol: 'SOL_USDC', from: 1788285000000, limit: 1000, sortDirection: 'Asc' },
      { orderId: '3', symbol: 'BTC_USDC', limit: 1000, sortDirection: 'Asc' },
    ]);
  });

  it('finds one open order by client id and answers null once it is gone', async () => {
    const h = harness({
      getOrder: (params) => {
        if (params['clientId'] === 7) return wire.openOrder('11', { clientId: 7 });
        throw exchangeError('GET /api/v1/order', 404, 'RESOURCE_NOT_FOUND', 'Order not found');
      },
    });
    const found = await h.run(`{ account { order(symbol: "SOL_USDC", clientId: "7") { id clientId } } }`);
    expect(found.data.account.order).toEqual({ id: '11', clientId: '7' });
    const gone = await h.run(`{ account { order(symbol: "SOL_USDC", id: "12") { id } } }`);
    expect(gone.errors).toBeUndefined();
    expect(gone.data.account.order).toBeNull();
    const both = await h.run(`{ account { order(symbol: "SOL_USDC", id: "12", clientId: "7") { id } } }`);
    expect(both.errors?.[0]?.message).toContain('not both');
  });

  it('pages order history with naive timestamps and expiry reasons', async () => {
    const row = {
      ...wire.openOrder('5'),
      createdAt: '2026-09-01T10:00:00.5',
      status: 'Expired',
      expiryReason: 'PostOnlyTaker',
      postOnly: true,
    };
    const h = harness({ getOrderHistory: () => [row, row, row] });
    const result = await h.run(
      `{ account { orderHistory(symbol: "SOL_USDC", limit: 2, sortDirection: DESC) { items { id status expiryReason postOnly createdAt } pageInfo { hasNextPage } } } }`,
    );
    expect(result.data.account.orderHistory).toEqual({
      items: [1, 2].map(() => ({
        id: '5',
        status: 'EXPIRED',
        expiryReason: 'POST_ONLY_TAKER',
        postOnly: true,
        createdAt: '2026-09-01T10:00:00.5Z',
      })),
      pageInfo: { hasNextPage: true },
    });
    expect(h.paramsOf('getOrderHistory')).toEqual([{ symbol: 'SOL_USDC', sortDirection: 'Desc', limit: 3, offset: 0 }]);
  });

  it('filters fills and pages them', async () => {
    const h = harness({ getFills: () => [wire.fill('1')] });
    const result = await h.run(
      `{ account { fills(symbol: "SOL_USDC", fillType: USER, marketType: SPOT, from: 1000, to: 2000, limit: 10) { items { orderId price fee feeSymbol isMaker side } pageInfo { hasNextPage } } } }`,
    );
    expect(result.data.account.fills).toEqual({
      items: [{ orderId: '1', price: '100.25', fee: '0.0005', feeSymbol: 'SOL', isMaker: false, side: 'BID' }],
      pageInfo: { hasNextPage: false },
    });
    expect(h.paramsOf('getFills')).toEqual([
      { symbol: 'SOL_USDC', fillType: 'User', marketType: ['SPOT'], from: 1000, to: 2000, limit: 11, offset: 0 },
    ]);
  });
});
