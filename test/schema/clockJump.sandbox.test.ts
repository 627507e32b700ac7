// The host clock jumps ±60 s at runtime: signed REST reads and writes and private streams heal without user-visible
// errors, because REST and WebSocket signing share one clock that resyncs on the first rejected timestamp.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { until } from '../support/until.ts';

let env: TestGateway;
/** How far the gateway's host clock is off the sandbox's. */
let jumpMs = 0;

beforeAll(async () => {
  env = await startGateway({
    sandbox: { seed: 31, flow: { enabled: false } },
    env: { BACKPACK_CLOCK_SYNC: 'true' },
    now: () => Date.now() + jumpMs,
  });
});

afterAll(async () => {
  await env?.close();
});

const query = async <T = Record<string, unknown>>(source: string) => (await gql<T>(env, source)).body;

const BALANCES = '{ account { balances { symbol available } } }';
const EXECUTE = (price: string, clientId: string) =>
  `mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "${price}", quantity: "0.5", clientId: "${clientId}" }) {
    __typename ... on ExecuteOrderSuccess { order { clientId status } } ... on MutationError { message }
  } }`;

async function openClientIds(): Promise<string[]> {
  const open = await env.rest.call('getOpenOrders', { symbol: 'SOL_USDC' });
  return open.map((order) => String(order.clientId)).sort();
}

describe('a clock jump of ±60 s', () => {
  it('heals private streams, signed reads and writes without an error reaching the caller', async () => {
    expect((await query(BALANCES)).errors).toBeUndefined();

    // +60 s before the first private subscription: its signed SUBSCRIBE is refused (4003), resynced and re-signed.
    jumpMs = 60_000;
    const client = wsClient(env.wsUrl);
    const updates = collect<{ clientId: string | null }>(
      client,
      'subscription { orderUpdates(symbol: "SOL_USDC") { clientId eventType } }',
      'orderUpdates',
    );
    try {
      await until(
        () => (env.sandbox.stats.ws().subscriptions['account.orderUpdate.SOL_USDC'] ?? 0) === 1,
        'the re-signed upstream subscription',
      );

      // The order is placed with the already-healed clock; its event arrives on the healed stream.
      const placed = await query<{ executeOrder: { __typename: string } }>(EXECUTE('80', '601'));
      expect(placed.errors).toBeUndefined();
      expect(placed.data?.executeOrder.__typename).toBe('ExecuteOrderSuccess');
      await until(
        () => updates.values.some((u: { clientId: string | null }) => u.clientId === '601'),
        'the order event',
      );

      // −60 s: the next signed write is refused as expired, resynced and re-signed once; never InvalidOrder.
      jumpMs = -60_000;
      const second = await query<{ executeOrder: { __typename: string } }>(EXECUTE('81', '602'));
      expect(second.data?.executeOrder.__typename).toBe('ExecuteOrderSuccess');

      // +60 s again: a signed read heals the same way.
      jumpMs = 60_000;
      expect((await query(BALANCES)).errors).toBeUndefined();

      expect(updates.errors).toEqual([]);
      expect(updates.completed).toBe(false);
      expect(await openClientIds()).toEqual(['601', '602']);
    } finally {
      updates.stop();
      await client.dispose();
    }
  });
});
