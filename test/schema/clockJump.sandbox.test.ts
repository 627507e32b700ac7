// The host clock jumps ±60 s at runtime: signed REST reads and writes and private streams heal without user-visible
// errors, because REST and WebSocket signing share one clock that resyncs on the first rejected timestamp.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { createGateway, type Gateway } from '../../src/server.ts';
import { collect, query, wsClient } from '../subscriptions/fixture.ts';
import { waitFor } from '../support/waitFor.ts';

let sandbox: SandboxHandle;
let gateway: Gateway;
let exchange: BackpackRest;
/** How far the gateway's host clock is off the sandbox's. */
let jumpMs = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 31, flow: { enabled: false } });
  const demo = sandbox.accountsByName['demo'];
  if (!demo) throw new Error('the sandbox has no demo account');
  const env = {
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    BACKPACK_API_SECRET: demo.apiSecret,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'true',
  };
  gateway = await createGateway(loadConfig(env), {
    logger: pino({ level: 'silent' }),
    env: {},
    now: () => Date.now() + jumpMs,
  });
  exchange = BackpackRest.fromConfig(loadConfig({ ...env, BACKPACK_CLOCK_SYNC: 'false' }));
});

afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
});

const BALANCES = '{ account { balances { symbol available } } }';
const EXECUTE = (price: string, clientId: string) =>
  `mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "${price}", quantity: "0.5", clientId: "${clientId}" }) {
    __typename ... on ExecuteOrderSuccess { order { clientId status } } ... on MutationError { message }
  } }`;

async function openClientIds(): Promise<string[]> {
  const open = await exchange.call('getOpenOrders', { symbol: 'SOL_USDC' });
  return open.map((order) => String(order.clientId)).sort();
}

describe('a clock jump of ±60 s', () => {
  it('heals private streams, signed reads and writes without an error reaching the caller', async () => {
    expect((await query(gateway, BALANCES)).errors).toBeUndefined();

    // +60 s before the first private subscription: its signed SUBSCRIBE is refused (4003), resynced and re-signed.
    jumpMs = 60_000;
    const client = wsClient(gateway.url.replace(/^http/, 'ws'));
    const updates = collect<{ clientId: string | null }>(
      client,
      'subscription { orderUpdates(symbol: "SOL_USDC") { clientId eventType } }',
      'orderUpdates',
    );
    try {
      await waitFor(
        () => (sandbox.stats.ws().subscriptions['account.orderUpdate.SOL_USDC'] ?? 0) === 1,
        'the re-signed upstream subscription',
      );

      // The order is placed with the already-healed clock; its event arrives on the healed stream.
      const placed = await query<{ executeOrder: { __typename: string } }>(gateway, EXECUTE('80', '601'));
      expect(placed.errors).toBeUndefined();
      expect(placed.data?.executeOrder.__typename).toBe('ExecuteOrderSuccess');
      await waitFor(() => updates.values.some((u) => u.clientId === '601'), 'the order event');

      // −60 s: the next signed write is refused as expired, resynced and re-signed once; never InvalidOrder.
      jumpMs = -60_000;
      const second = await query<{ executeOrder: { __typename: string } }>(gateway, EXECUTE('81', '602'));
      expect(second.data?.executeOrder.__typename).toBe('ExecuteOrderSuccess');

      // +60 s again: a signed read heals the same way.
      jumpMs = 60_000;
      expect((await query(gateway, BALANCES)).errors).toBeUndefined();

      expect(updates.errors).toEqual([]);
      expect(updates.completed).toBe(false);
      expect(await openClientIds()).toEqual(['601', '602']);
    } finally {
      updates.stop();
      await client.dispose();
    }
  });
});
