import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ mode: 'tokens', captureLogs: true, sandbox: { seed: 11, flow: { enabled: false } } });
});
afterAll(async () => {
  await env?.close();
});

const ORDER_UPDATES = 'subscription { orderUpdates { eventType orderId symbol } }';

describe('private subscriptions per caller account (token mode)', () => {
  it("streams each token its own account's orders over a socket per account, and refuses anonymous callers", async () => {
    const wsUrl = env.gateway.url.replace(/^http/, 'ws');
    const alice = wsClient(wsUrl, { token: env.tokens.aliceRead });
    const bob = wsClient(wsUrl, { token: env.tokens.bobRead });
    const anonymous = wsClient(wsUrl);
    try {
      const aliceUpdates = collect<{ orderId: string }>(alice, ORDER_UPDATES, 'orderUpdates');
      const bobUpdates = collect<{ orderId: string }>(bob, ORDER_UPDATES, 'orderUpdates');
      const refused = collect(anonymous, ORDER_UPDATES, 'orderUpdates');
      await until(
        () => (env.sandbox.stats.ws().subscriptions['account.orderUpdate'] ?? 0) === 2,
        'one signed subscription per account',
      );

      const order = await env
        .restAs('alice')
        .call('executeOrder', { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '100', quantity: '0.1' });
      await until(() => aliceUpdates.values.some((update) => update.orderId === order.id), 'alice to see her order');
      expect(bobUpdates.values).toEqual([]);

      expect(
        env.gateway.streams.status().connections.filter((connection) => connection.kind === 'account'),
      ).toHaveLength(2);
      // The public streamStatus query shows the account sockets but not which streams (markets) they carry.
      const status = (await (
        await fetch(env.gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ streamStatus { connections { kind streams { stream } } } }' }),
        })
      ).json()) as { data: { streamStatus: { connections: { kind: string; streams: { stream: string }[] }[] } } };
      const accountSockets = status.data.streamStatus.connections.filter((connection) => connection.kind === 'ACCOUNT');
      expect(accountSockets).toHaveLength(2);
      expect(accountSockets.flatMap((connection) => connection.streams)).toEqual([]);
      await until(() => refused.completed, 'the anonymous subscription to end');
      expect(refused.errors).toMatchObject([{ extensions: { code: 'UNAUTHENTICATED' } }]);
    } finally {
      await Promise.all([alice.dispose(), bob.dispose(), anonymous.dispose()]);
    }
  });

  it('refuses account streams to a token without the read scope (FORBIDDEN, checked once at subscribe)', async () => {
    const client = wsClient(env.gateway.url.replace(/^http/, 'ws'), { token: env.tokens.aliceTrade });
    try {
      const balances = collect(client, 'subscription { balanceUpdates { asset } }', 'balanceUpdates');
      await until(() => balances.completed, 'the subscription to end');
      expect(balances.errors).toMatchObject([{ extensions: { code: 'FORBIDDEN' } }]);
      expect(env.sandbox.stats.ws().subscribes['account.balanceUpdate']).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('closes a graphql-ws connection with a bad token before any subscription', async () => {
    const client = wsClient(env.gateway.url.replace(/^http/, 'ws'), { token: `${env.tokens.aliceRead}x` });
    try {
      const updates = collect(client, ORDER_UPDATES, 'orderUpdates');
      await until(() => updates.errors.length > 0, 'the connection to be refused');
      expect(updates.errors[0]).toMatchObject({ code: 4403 });
    } finally {
      await client.dispose();
    }
  });
});
