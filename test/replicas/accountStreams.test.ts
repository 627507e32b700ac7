// Replica mode, private streams: one signed exchange subscription per account for all replicas holding its key, the
// account's events relayed to every replica's subscribers, and lease names that never carry the key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import type { TestGateway } from '../support/gateway.ts';
import { startTwoReplicas, type RedisServer, type TwoReplicas } from '../support/redis.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { until } from '../support/until.ts';

const ORDER_UPDATES = 'subscription { orderUpdates { eventType orderId } }';

let replicas: TwoReplicas;
let redis: RedisServer;
let env: TestGateway;
let second: Gateway;

beforeAll(async () => {
  replicas = await startTwoReplicas({ mode: 'tokens', sandbox: { seed: 12, flow: { enabled: false } } });
  ({ redis, env, second } = replicas);
});
afterAll(() => replicas?.close());

describe('private streams across replicas', () => {
  it("subscribes each account's orderUpdate once for subscribers on both replicas, and both see the order", async () => {
    const onFirst = wsClient(env.wsUrl, { token: env.tokens.aliceRead });
    const onSecond = wsClient(second.url.replace(/^http/, 'ws'), { token: env.tokens.aliceRead });
    const bobOnSecond = wsClient(second.url.replace(/^http/, 'ws'), { token: env.tokens.bobRead });
    try {
      const updates = [onFirst, onSecond].map((client) =>
        collect<{ orderId: string }>(client, ORDER_UPDATES, 'orderUpdates'),
      );
      const bobUpdates = collect<{ orderId: string }>(bobOnSecond, ORDER_UPDATES, 'orderUpdates');
      // One signed subscription for alice (shared by both replicas) and one for bob.
      await until(
        () => (env.sandbox.stats.ws().subscriptions['account.orderUpdate'] ?? 0) === 2,
        'one signed subscription per account',
      );
      const lease = await until(async () => {
        const keys = await redis.client().keys('bpgw:lease:account:*');
        return keys.length === 2 ? keys : undefined;
      }, 'a lease per account');

      const order = await env
        .restAs('alice')
        .call('executeOrder', { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '100', quantity: '0.1' });
      for (const each of updates) {
        await until(() => each.values.some((update) => update.orderId === order.id), 'alice to see her order');
      }
      expect(bobUpdates.values).toEqual([]);
      expect(env.sandbox.stats.ws().subscribes['account.orderUpdate']).toBe(2);
      const apiKeys = ['alice', 'bob'].map((name) => env.sandbox.accountsByName[name]?.apiKey ?? '');
      for (const key of lease) for (const apiKey of apiKeys) expect(key).not.toContain(apiKey);
      expect([...updates, bobUpdates].flatMap((each) => each.errors)).toEqual([]);
    } finally {
      await Promise.all([onFirst.dispose(), onSecond.dispose(), bobOnSecond.dispose()]);
    }
  });
});
