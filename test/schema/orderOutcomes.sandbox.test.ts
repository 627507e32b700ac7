// executeOrder under lost answers: a fault proxy between the gateway and the sandbox; every answer must be the truth.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackpackRest } from '../../src/exchange/rest.ts';
import type { Gateway } from '../../src/server.ts';
import { FAULTS, type Fault } from '../support/faultProxy.ts';
import { startFaultedGateway, type FaultedGateway } from '../support/faultedGateway.ts';

let env: FaultedGateway;
let proxy: FaultedGateway['proxy'];
let gateway: Gateway;
let exchange: BackpackRest;

const SYMBOL = 'SOL_USDC';
const ORDER_PATH = { method: 'POST', path: '/api/v1/order' };

beforeAll(async () => {
  env = await startFaultedGateway(23);
  ({ proxy, gateway, exchange } = env);
});

afterAll(async () => {
  await env?.close();
});

beforeEach(async () => {
  await exchange.call('cancelOpenOrders', { symbol: SYMBOL });
  proxy.choose(null);
});

interface Outcome {
  readonly __typename: string;
  readonly recovered?: boolean | null;
  readonly order?: { id: string; clientId: string | null; status: string };
  readonly message?: string;
  readonly safeToRetry?: boolean;
  readonly clientId?: string;
  readonly symbol?: string;
}

const EXECUTE = `mutation($input: ExecuteOrderInput!) { executeOrder(input: $input) {
  __typename
  ... on ExecuteOrderSuccess { recovered order { id clientId status } }
  ... on MutationError { message safeToRetry }
  ... on OrderOutcomeUnknown { clientId symbol }
} }`;

async function executeOrder(input: Record<string, unknown>): Promise<Outcome> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: EXECUTE, variables: { input } }),
  });
  const body = (await response.json()) as { data?: { executeOrder: Outcome }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('no data');
  return body.data.executeOrder;
}

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('no data');
  return body.data;
}

/** A bid far below the market: it rests, so the exchange holds it as an open order. */
const restingBid = (price: string) => ({ symbol: SYMBOL, side: 'BID', orderType: 'LIMIT', price, quantity: '0.5' });

async function openClientIds(): Promise<string[]> {
  const open = await exchange.call('getOpenOrders', { symbol: SYMBOL });
  return open.map((order) => String(order.clientId)).sort();
}

/** Order placements that reached the exchange (look-ups share the path, not the method). */
const sentOrders = (): number =>
  proxy.forwarded.filter((r) => r.method === ORDER_PATH.method && r.path === ORDER_PATH.path).length;

const EXPECTED: Record<Fault, string> = {
  forwardThen502: 'ExecuteOrderSuccess',
  forwardThenReset: 'ExecuteOrderSuccess',
  forwardThenTimeout: 'ExecuteOrderSuccess',
  unavailable503: 'RequestNotApplied',
  rateLimited429: 'RateLimited',
  truncated200: 'ExecuteOrderSuccess',
};

describe('executeOrder tells the truth when the answer is lost', () => {
  it('gives every order a clientId when the caller did not', async () => {
    const outcome = await executeOrder(restingBid('90'));
    expect(outcome.__typename).toBe('ExecuteOrderSuccess');
    expect(outcome.recovered).toBe(false);
    expect(outcome.order?.clientId).toMatch(/^\d+$/);
    expect(await openClientIds()).toEqual([outcome.order?.clientId]);
  });

  it.each(FAULTS)('%s: the answer matches what the exchange holds', async (fault) => {
    const forwardedBefore = sentOrders();
    proxy.inject(fault, ORDER_PATH);
    const outcome = await executeOrder(restingBid('91'));
    expect(outcome.__typename).toBe(EXPECTED[fault]);
    const held = await openClientIds();
    if (outcome.__typename === 'ExecuteOrderSuccess') {
      expect(outcome.recovered).toBe(true);
      expect(held).toEqual([outcome.order?.clientId]);
    } else {
      expect(outcome.safeToRetry).toBe(true);
      expect(held).toEqual([]);
    }
    const forwarded = sentOrders() - forwardedBefore;
    expect(forwarded).toBe(fault === 'unavailable503' || fault === 'rateLimited429' ? 0 : 1);
  });

  it('retrying every "safe to retry" answer once creates no duplicate', async () => {
    const told: string[] = [];
    for (const fault of FAULTS) {
      proxy.inject(fault, ORDER_PATH);
      const input = restingBid('92');
      let outcome = await executeOrder(input);
      if (outcome.__typename !== 'ExecuteOrderSuccess' && outcome.safeToRetry) outcome = await executeOrder(input);
      expect(outcome.__typename).toBe('ExecuteOrderSuccess');
      told.push(String(outcome.order?.clientId));
    }
    expect(await openClientIds()).toEqual([...told].sort());
  });

  it('answers OrderOutcomeUnknown with the clientId and symbol when the look-up cannot settle it', async () => {
    proxy.inject('forwardThen502', ORDER_PATH);
    proxy.choose((request) =>
      request.method === 'GET' && (request.path === '/api/v1/order' || request.path === '/wapi/v1/history/orders')
        ? 'unavailable503'
        : null,
    );
    const outcome = await executeOrder({ ...restingBid('93'), clientId: '777001' });
    expect(outcome).toMatchObject({ __typename: 'OrderOutcomeUnknown', clientId: '777001', symbol: SYMBOL });
    expect(outcome.safeToRetry).toBe(false);
    expect(outcome.message).toMatch(/look it up by clientId/i);
    expect(outcome.message).toMatch(/never resubmit/i);
    // The order was in fact placed: exactly what the caller was told to look up.
    expect(await openClientIds()).toEqual(['777001']);
  });

  it('executeOrders: a lost batch answer is settled per order', async () => {
    proxy.inject('forwardThenReset', { method: 'POST', path: '/api/v1/orders' });
    const data = await graphql<{ executeOrders: { __typename: string; results?: Outcome[] } }>(
      `
        mutation ($inputs: [ExecuteOrderInput!]!) {
          executeOrders(inputs: $inputs) {
            __typename
            ... on ExecuteOrdersSuccess {
              results {
                __typename
                ... on ExecuteOrdersItemSuccess {
                  recovered
                  order {
                    clientId
                  }
                }
              }
            }
          }
        }
      `,
      { inputs: [restingBid('94'), restingBid('95')] },
    );
    const results = data.executeOrders.results ?? [];
    expect(results.map((r) => [r.__typename, r.recovered])).toEqual([
      ['ExecuteOrdersItemSuccess', true],
      ['ExecuteOrdersItemSuccess', true],
    ]);
    expect(await openClientIds()).toEqual(results.map((r) => String(r.order?.clientId)).sort());
  });

  it('cancelOrder: a lost answer reports the actual state of the order', async () => {
    const placed = await executeOrder({ ...restingBid('96'), clientId: '880001' });
    expect(placed.__typename).toBe('ExecuteOrderSuccess');
    const cancel = `mutation { cancelOrder(input: { symbol: "${SYMBOL}", clientId: "880001" }) {
      __typename ... on CancelOrderSuccess { recovered order { status } } ... on MutationError { safeToRetry }
    } }`;

    proxy.inject('unavailable503', { method: 'DELETE', path: '/api/v1/order' });
    const refused = await graphql<{ cancelOrder: Outcome }>(cancel);
    expect(refused.cancelOrder).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await openClientIds()).toEqual(['880001']);

    proxy.inject('forwardThen502', { method: 'DELETE', path: '/api/v1/order' });
    const lost = await graphql<{ cancelOrder: Outcome }>(cancel);
    expect(lost.cancelOrder).toMatchObject({
      __typename: 'CancelOrderSuccess',
      recovered: true,
      order: { status: 'CANCELLED' },
    });
    expect(await openClientIds()).toEqual([]);
  });

  it('cancelOpenOrders: a lost answer is settled by what is still open', async () => {
    await executeOrder(restingBid('97'));
    proxy.inject('forwardThenTimeout', { method: 'DELETE', path: '/api/v1/orders' });
    const data = await graphql<{ cancelOpenOrders: { __typename: string } }>(
      `mutation { cancelOpenOrders(symbol: "${SYMBOL}") { __typename } }`,
    );
    expect(data.cancelOpenOrders.__typename).toBe('CancelOpenOrdersSuccess');
    expect(await openClientIds()).toEqual([]);
  });

  it('requestWithdrawal: a lost answer is settled through the withdrawal history', async () => {
    const withdraw = `mutation { requestWithdrawal(input: { asset: "USDC", quantity: "5", blockchain: SOLANA,
      address: "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin" }) {
      __typename ... on RequestWithdrawalSuccess { recovered withdrawal { id clientId } } ... on MutationError { safeToRetry }
    } }`;
    const before = (await exchange.call('getWithdrawals', {})).length;
    proxy.inject('forwardThenTimeout', { method: 'POST', path: '/wapi/v1/capital/withdrawals' });
    const lost = await graphql<{
      requestWithdrawal: { __typename: string; recovered?: boolean; withdrawal?: { clientId: string | null } };
    }>(withdraw);
    expect(lost.requestWithdrawal).toMatchObject({ __typename: 'RequestWithdrawalSuccess', recovered: true });
    expect(lost.requestWithdrawal.withdrawal?.clientId).toMatch(/^gw-/);

    proxy.inject('unavailable503', { method: 'POST', path: '/wapi/v1/capital/withdrawals' });
    const refused = await graphql<{ requestWithdrawal: Outcome }>(withdraw);
    expect(refused.requestWithdrawal).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await exchange.call('getWithdrawals', {})).toHaveLength(before + 1);
  });

  it('reads a truncated 200 answer to a GET as transient and retries it', async () => {
    proxy.inject('truncated200', { method: 'GET', path: '/api/v1/depth' });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ market(symbol: "${SYMBOL}") { orderBook(limit: 5) { bids { price } } } }` }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(proxy.forwarded.filter((r) => r.path === '/api/v1/depth')).toHaveLength(2);
  });
});
