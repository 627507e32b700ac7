import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { startGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import type { Collected } from '../support/subscriptions.ts';
import type { TestGateway } from '../support/gateway.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 } });
});
afterAll(async () => {
  await env?.close();
});

const TICKER = 'subscription { ticker(symbol: "SOL_USDC") { symbol lastPrice volume eventTime } }';

describe('one upstream stream for many clients', () => {
  it('serves 50 clients of ticker(SOL_USDC) from one exchange SUBSCRIBE and unsubscribes after the last leaves', async () => {
    const stats = () => env.sandbox.stats.ws();
    const clients: Client[] = Array.from({ length: 50 }, () => wsClient(env.wsUrl));
    const subscriptions: Collected<{ symbol: string; lastPrice: string | null }>[] = clients.map((client) =>
      collect(client, TICKER, 'ticker'),
    );

    await until(() => subscriptions.every((s) => s.values.length >= 2), 'every client to receive two ticks', {
      timeoutMs: 8000,
    });
    expect(stats().subscribes['ticker.SOL_USDC']).toBe(1);
    expect(stats().subscriptions['ticker.SOL_USDC']).toBe(1);
    expect(subscriptions.flatMap((s) => s.errors)).toEqual([]);
    expect(subscriptions[0]?.values[0]).toMatchObject({ symbol: 'SOL_USDC' });

    const { body: status } = await gql<{
      streamStatus: {
        connections: { kind: string; streams: { stream: string; listeners: number; subscribers: number }[] }[];
      };
    }>(env, '{ streamStatus { connections { kind streams { stream listeners subscribers } } } }');
    const publicSocket = status.data?.streamStatus.connections.find((c) => c.kind === 'PUBLIC');
    expect(publicSocket?.streams).toContainEqual({ stream: 'ticker.SOL_USDC', listeners: 1, subscribers: 50 });

    for (const subscription of subscriptions.slice(0, 49)) subscription.stop();
    await until(() => env.streams.status().subscriptions.active === 1, '49 clients to leave');
    expect(stats().unsubscribes['ticker.SOL_USDC']).toBeUndefined();

    subscriptions[49]?.stop();
    await until(
      () => stats().unsubscribes['ticker.SOL_USDC'] === 1,
      'the exchange UNSUBSCRIBE after the last client left',
    );
    expect(stats().subscribes['ticker.SOL_USDC']).toBe(1);
    await Promise.all(clients.map((client) => client.dispose()));
  });
});
