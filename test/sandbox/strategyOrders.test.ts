// TWAP child orders carry their strategy id: REST orders, order and fill history (with the strategyId filter), WS `H`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { restAs, subscribed, subscribePrivate } from './sandboxClient.ts';
import { until } from '../support/until.ts';
import { connect } from './wsClient.ts';
import type { TestSocket } from './wsClient.ts';

interface OrderFrame {
  readonly stream: string;
  readonly data: { readonly e: string; readonly i: string; readonly H?: number | string };
}

let sandbox: SandboxHandle;
let rest: BackpackRest;
let socket: TestSocket;

beforeAll(async () => {
  // No flow: the maker's seeded quotes stay put, so the market child fills and the limit child rests.
  sandbox = await startSandbox({ seed: 11, flow: { enabled: false } });
  rest = restAs(sandbox, 'alice');
  socket = await connect(sandbox.wsUrl);
  subscribePrivate(socket, sandbox, 'alice', ['account.orderUpdate.SOL_USDC']);
  await subscribed(sandbox, 'account.orderUpdate.SOL_USDC');
});
afterAll(async () => {
  socket.close();
  await sandbox.close();
});

async function framesUntil(predicate: (frames: readonly OrderFrame[]) => boolean): Promise<OrderFrame[]> {
  const frames: OrderFrame[] = [];
  while (!predicate(frames)) frames.push((await socket.next(5_000)) as OrderFrame);
  return frames;
}

describe('strategy child orders', () => {
  it('tags resting and filled child orders with their strategy id everywhere', async () => {
    const resting = await rest.call('strategyCreate', {
      symbol: 'SOL_USDC',
      side: 'Bid',
      strategyType: 'Scheduled',
      quantity: '4',
      price: '120',
      duration: 60_000,
      interval: 30_000,
    });
    const taking = await rest.call('strategyCreate', {
      symbol: 'SOL_USDC',
      side: 'Bid',
      strategyType: 'Scheduled',
      quantity: '2',
      duration: 60_000,
      interval: 30_000,
    });
    // A direct order, to show untagged orders stay untagged.
    const direct = await rest.call('executeOrder', {
      symbol: 'SOL_USDC',
      side: 'Bid',
      orderType: 'Limit',
      price: '119',
      quantity: '1',
    });
    expect(direct.strategyId).toBeNull();

    // The first slice of each strategy is placed on the next products tick (every 250 ms).
    const open = await until(async () => {
      const orders = await rest.call('getOpenOrders', { symbol: 'SOL_USDC' });
      return orders.some((order) => order.strategyId === resting.id) ? orders : undefined;
    }, 'the resting child order');
    const child = open.find((order) => order.strategyId === resting.id);
    expect(child).toMatchObject({ orderType: 'Limit', price: '120', quantity: '2', side: 'Bid', status: 'New' });
    expect(open.find((order) => order.id === direct.id)?.strategyId).toBeNull();
    expect((await rest.call('getOrder', { symbol: 'SOL_USDC', orderId: child?.id ?? '' })).strategyId).toBe(resting.id);

    const taken = await until(async () => {
      const rows = await rest.call('getOrderHistory', { strategyId: taking.id });
      return rows.length > 0 && rows.every((row) => row.status === 'Filled') ? rows : undefined;
    }, 'the filled child order');
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({
      strategyId: taking.id,
      orderType: 'Market',
      quantity: '1',
      executedQuantity: '1',
    });

    const history = await rest.call('getOrderHistory', { symbol: 'SOL_USDC' });
    expect(history.filter((row) => row.strategyId === resting.id).map((row) => row.id)).toEqual([child?.id]);
    expect(history.find((row) => row.id === direct.id)?.strategyId).toBeNull();
    expect(await rest.call('getOrderHistory', { strategyId: '1' })).toEqual([]);

    const fills = await rest.call('getFills', { strategyId: taking.id });
    expect(fills.length).toBeGreaterThan(0);
    expect(new Set(fills.map((fill) => fill.orderId))).toEqual(new Set([taken[0]?.id]));
    expect(fills.reduce((sum, fill) => sum + Number(fill.quantity), 0)).toBeCloseTo(1, 9);
    expect(await rest.call('getFills', { strategyId: resting.id })).toEqual([]);

    // WS: `H` is the strategy id (a number, as in the docs' example) on every update of a child order, absent otherwise.
    const frames = await framesUntil(
      (seen) =>
        [taken[0]?.id, child?.id, direct.id].every((id) => seen.some((f) => f.data.i === id)) &&
        seen.some((f) => f.data.i === taken[0]?.id && f.data.e === 'orderFill'),
    );
    for (const frame of frames) {
      const expected =
        frame.data.i === child?.id ? Number(resting.id) : frame.data.i === taken[0]?.id ? Number(taking.id) : undefined;
      expect(frame.data.H).toBe(expected);
    }
    expect(frames.filter((f) => f.data.i === child?.id).map((f) => f.data.e)).toEqual(['orderAccepted']);
    expect(frames.filter((f) => f.data.i === direct.id).map((f) => f.data.H)).toEqual([undefined]);
  });
});
