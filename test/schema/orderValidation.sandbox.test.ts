// Orders the exchange would refuse for their shape are refused by the gateway, naming the field, with no upstream call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

/** The operation's response body (status 200 is asserted by the callers' data checks). */
const post = async (query: string, variables?: Record<string, unknown>) => (await gql(env, query, variables)).body;

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 31, flow: { enabled: false } } });
});
afterAll(async () => {
  await env?.close();
});

const EXECUTE = /* GraphQL */ `
  mutation ($input: ExecuteOrderInput!) {
    executeOrder(input: $input) {
      __typename
      ... on InvalidOrder {
        field
      }
    }
  }
`;

const orderCalls = (): number => {
  const counts = env.sandbox.stats.requests();
  return Object.entries(counts)
    .filter(([name]) => /order/i.test(name))
    .reduce((sum, [, count]) => sum + count, 0);
};

describe('local order validation', () => {
  it.each([
    [
      'postOnly with IOC',
      { orderType: 'LIMIT', price: '100', quantity: '1', postOnly: true, timeInForce: 'IOC' },
      'postOnly',
    ],
    [
      'postOnly with FOK',
      { orderType: 'LIMIT', price: '100', quantity: '1', postOnly: true, timeInForce: 'FOK' },
      'postOnly',
    ],
    ['a 1e-21-scale quoteQuantity', { orderType: 'MARKET', quoteQuantity: '0.000000000000000000001' }, 'quoteQuantity'],
    [
      'a slippage tolerance of half a tick',
      { orderType: 'MARKET', quantity: '1', slippageTolerance: '0.5', slippageToleranceType: 'TICK_SIZE' },
      'slippageTolerance',
    ],
    [
      'a triggerPrice without a triggerQuantity',
      { orderType: 'MARKET', quantity: '1', triggerPrice: '100' },
      'triggerQuantity',
    ],
    [
      'a triggerQuantity without a triggerPrice',
      { orderType: 'MARKET', quantity: '1', triggerQuantity: '1' },
      'triggerPrice',
    ],
    [
      'a triggerBy without a triggerPrice',
      { orderType: 'LIMIT', price: '100', quantity: '1', triggerBy: 'MARK_PRICE' },
      'triggerPrice',
    ],
    [
      'a take-profit limit price without its trigger price',
      { orderType: 'LIMIT', price: '100', quantity: '1', takeProfitLimitPrice: '120' },
      'takeProfitTriggerPrice',
    ],
    [
      'a stop-loss limit price without its trigger price',
      { orderType: 'LIMIT', price: '100', quantity: '1', stopLossLimitPrice: '80' },
      'stopLossTriggerPrice',
    ],
    [
      'a take-profit triggerBy without its trigger price',
      { orderType: 'LIMIT', price: '100', quantity: '1', takeProfitTriggerBy: 'LAST_PRICE' },
      'takeProfitTriggerPrice',
    ],
    [
      'a stop-loss triggerBy without its trigger price',
      { orderType: 'LIMIT', price: '100', quantity: '1', stopLossTriggerBy: 'INDEX_PRICE' },
      'stopLossTriggerPrice',
    ],
    [
      'a stop-loss trigger price off the tickSize',
      { orderType: 'LIMIT', price: '100', quantity: '1', stopLossTriggerPrice: '80.005' },
      'stopLossTriggerPrice',
    ],
  ])('refuses %s as InvalidOrder naming the field, before any exchange call', async (_, fields, field) => {
    const before = orderCalls();
    const body = await post(EXECUTE, { input: { symbol: 'SOL_USDC', side: 'BID', ...fields } });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ executeOrder: { __typename: 'InvalidOrder', field } });
    expect(orderCalls()).toBe(before);
  });
});
