import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { startGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import type { TestGateway } from '../support/gateway.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 } });
});
afterAll(async () => {
  await env?.close();
});

interface OrderUpdate {
  eventType: string;
  orderId: string;
  clientId: string | null;
  side: string;
  orderType: string;
  status: string;
  fillQuantity: string | null;
  fillPrice: string | null;
  fee: string | null;
  feeSymbol: string | null;
  executedQuantity: string;
  engineTime: string;
  market: { symbol: string } | null;
}

const ORDER_UPDATES = `subscription { orderUpdates(symbol: "SOL_USDC") {
  eventType orderId clientId side orderType status fillQuantity fillPrice fee feeSymbol executedQuantity engineTime market { symbol }
} }`;

describe('orderUpdates', () => {
  it('delivers the accepted and fill events of an order placed through executeOrder', async () => {
    const client = wsClient(env.wsUrl);
    const updates = collect<OrderUpdate>(client, ORDER_UPDATES, 'orderUpdates');
    try {
      await until(
        () => (env.sandbox.stats.ws().subscriptions['account.orderUpdate.SOL_USDC'] ?? 0) === 1,
        'the signed upstream subscription',
      );
      const { body: placed } = await gql<{ executeOrder: { __typename: string; order?: { id: string } } }>(
        env,
        `mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: MARKET, quantity: "0.5", clientId: "4242" }) {
          __typename ... on ExecuteOrderSuccess { order { id } }
        } }`,
      );
      expect(placed.errors).toBeUndefined();
      expect(placed.data?.executeOrder.__typename).toBe('ExecuteOrderSuccess');
      const orderId = placed.data?.executeOrder.order?.id;

      const mine = () => updates.values.filter((update) => update.orderId === orderId);
      await until(() => mine().some((update) => update.status === 'FILLED'), 'the fill event');
      const [accepted, ...fills] = mine();
      expect(accepted).toMatchObject({
        eventType: 'ORDER_ACCEPTED',
        clientId: '4242',
        side: 'BID',
        orderType: 'MARKET',
        status: 'NEW',
        fillQuantity: null,
        market: { symbol: 'SOL_USDC' },
      });
      expect(fills.length).toBeGreaterThan(0);
      for (const fill of fills) {
        expect(fill).toMatchObject({ eventType: 'ORDER_FILL', orderId, feeSymbol: 'SOL' });
        expect(fill.fillQuantity).toMatch(/^\d+(\.\d+)?$/);
        expect(fill.fillPrice).toMatch(/^\d+(\.\d+)?$/);
        expect(fill.fee).toMatch(/^\d+(\.\d+)?$/);
        expect(fill.engineTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      }
      expect(Number(fills.at(-1)?.executedQuantity)).toBe(0.5);
      expect(updates.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});

describe('private subscriptions without keys', () => {
  it('fail with UNAUTHENTICATED and open no exchange socket', async () => {
    const keyless = await startGateway({ sandbox: { seed: 7 }, account: null });
    const client = wsClient(keyless.wsUrl);
    try {
      const updates = collect(client, 'subscription { orderUpdates { orderId } }', 'orderUpdates');
      const balances = collect(client, 'subscription { balanceUpdates { asset } }', 'balanceUpdates');
      await until(() => updates.completed && balances.completed, 'both subscriptions to end');
      for (const subscription of [updates, balances]) {
        expect(subscription.values).toEqual([]);
        expect(subscription.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
      }
      expect(keyless.streams.status().connections).toEqual([]);
    } finally {
      await client.dispose();
      await keyless.close();
    }
  });
});
