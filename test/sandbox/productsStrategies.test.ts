// Scheduled (TWAP) strategies through their handlers: child orders placed over ticks with an injected clock.
import { describe, expect, it } from 'vitest';
import type { Strategy, StrategyHistory } from '../../src/exchange/types/strategies.ts';
import { body, createWorld, failure } from './productsFixture.ts';
import type { World } from './productsFixture.ts';

/** Resting asks from the maker account so market child orders have something to take. */
function seedAsks(world: World): void {
  const maker = world.ids['maker'] ?? 0;
  for (const price of ['150.10', '150.20', '150.30']) {
    world.services.engine.executeOrder(maker, {
      symbol: 'SOL_USDC',
      side: 'Ask',
      orderType: 'Limit',
      price,
      quantity: '50',
    });
  }
}

const childOrders = (world: World, account: string) =>
  world.services.engine.state.accountOrders.get(world.ids[account] ?? 0)?.filter((o) => o.symbol === 'SOL_USDC') ?? [];

describe('scheduled strategies', () => {
  it('places one child order per interval, splitting the quantity evenly, then completes', () => {
    const world = createWorld();
    seedAsks(world);
    const created = body<Strategy>(
      world.call('strategyCreate', 'demo', {
        symbol: 'SOL_USDC',
        side: 'Bid',
        strategyType: 'Scheduled',
        quantity: '6',
        duration: 60_000,
        interval: 10_000,
        clientStrategyId: 3,
      }),
    );
    expect(created).toMatchObject({
      strategyType: 'Scheduled',
      status: 'Running',
      quantity: '6',
      executedQuantity: '0',
      duration: 60_000,
      interval: 10_000,
      clientStrategyId: 3,
    });
    expect(childOrders(world, 'demo')).toHaveLength(0);

    world.advance(250);
    expect(childOrders(world, 'demo').map((o) => o.quantity)).toEqual([1_000_000_000_000_000_000n]);
    const running = body<Strategy>(world.call('getStrategy', 'demo', { symbol: 'SOL_USDC', strategyId: created.id }));
    expect(running.executedQuantity).toBe('1');
    expect(Number(running.executedQuoteQuantity)).toBeCloseTo(150.1, 6);

    for (let i = 0; i < 5; i += 1) world.advance(10_000);
    expect(childOrders(world, 'demo')).toHaveLength(6);
    expect(world.available('demo', 'SOL')).not.toBe('500');
    expect(body<Strategy[]>(world.call('getOpenStrategies', 'demo'))).toEqual([]);
    expect(
      failure(() => world.call('getStrategy', 'demo', { symbol: 'SOL_USDC', strategyId: created.id })),
    ).toMatchObject({ status: 404 });
    const [history] = body<StrategyHistory[]>(world.call('getStrategiesHistory', 'demo'));
    expect(history).toMatchObject({
      id: created.id,
      status: 'Completed',
      executedQuantity: '6',
      cancelReason: null,
      randomizedIntervalQuantity: false,
    });
    expect(history?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('rests limit children at the strategy price and cancels them when the strategy is cancelled', () => {
    const world = createWorld();
    const created = body<Strategy>(
      world.call('strategyCreate', 'demo', {
        symbol: 'SOL_USDC',
        side: 'Bid',
        strategyType: 'Scheduled',
        quantity: '4',
        price: '140',
        duration: 40_000,
        interval: 10_000,
      }),
    );
    world.advance(250);
    world.advance(10_000);
    expect(world.locked('demo', 'USDC')).not.toBe('0');
    const cancelled = body<Strategy>(
      world.call('cancelStrategy', 'demo', { symbol: 'SOL_USDC', strategyId: created.id }),
    );
    expect(cancelled.status).toBe('Cancelled');
    expect(childOrders(world, 'demo').map((o) => o.status)).toEqual(['Cancelled', 'Cancelled']);
    expect(world.locked('demo', 'USDC')).toBe('0');
    world.advance(10_000);
    expect(childOrders(world, 'demo')).toHaveLength(2);
    expect(body<StrategyHistory[]>(world.call('getStrategiesHistory', 'demo', { symbol: 'SOL_USDC' }))[0]?.status).toBe(
      'Cancelled',
    );
  });

  it('randomizes slice sizes deterministically while the slices still sum to the quantity', () => {
    const world = createWorld();
    seedAsks(world);
    world.call('strategyCreate', 'alice', {
      symbol: 'SOL_USDC',
      side: 'Bid',
      strategyType: 'Scheduled',
      quantity: '10',
      duration: 50_000,
      interval: 10_000,
      randomizedIntervalQuantity: true,
    });
    world.advance(250);
    for (let i = 0; i < 4; i += 1) world.advance(10_000);
    const sizes = childOrders(world, 'alice').map((o) => Number(o.quantity) / 1e18);
    expect(sizes).toHaveLength(5);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 9);
    expect(new Set(sizes).size).toBeGreaterThan(1);
  });

  it('cancels all running strategies of a market and terminates one whose child is refused', () => {
    const world = createWorld();
    for (const quantity of ['1', '2']) {
      world.call('strategyCreate', 'bob', {
        symbol: 'SOL_USDC',
        side: 'Bid',
        strategyType: 'Scheduled',
        quantity,
        price: '140',
        duration: 20_000,
        interval: 10_000,
      });
    }
    expect(body<Strategy[]>(world.call('getOpenStrategies', 'bob', { symbol: 'SOL_USDC' }))).toHaveLength(2);
    expect(
      body<Strategy[]>(world.call('cancelOpenStrategies', 'bob', { symbol: 'SOL_USDC' })).map((s) => s.status),
    ).toEqual(['Cancelled', 'Cancelled']);

    const broke = body<Strategy>(
      world.call('strategyCreate', 'bob', {
        symbol: 'SOL_USDC',
        side: 'Ask',
        strategyType: 'Scheduled',
        quantity: '1000',
        price: '160',
        duration: 20_000,
        interval: 10_000,
      }),
    );
    world.advance(250);
    const [row] = body<StrategyHistory[]>(world.call('getStrategiesHistory', 'bob', { strategyId: broke.id }));
    expect(row).toMatchObject({ status: 'Terminated', cancelReason: 'InsufficientFunds' });
    expect(
      failure(() =>
        world.call('strategyCreate', 'bob', {
          symbol: 'SOL_USDC',
          side: 'Bid',
          strategyType: 'Scheduled',
          quantity: '1',
          duration: 500,
          interval: 1_000,
        }),
      ),
    ).toMatchObject({ status: 400 });
  });
});
