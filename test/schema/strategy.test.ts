// Scheduled strategies through the schema with a fake exchange: create (validated), cancel, cancel all, reads.
import { describe, expect, it } from 'vitest';
import { exchangeError, harness } from './accountHarness.ts';

const strategy = (extra: Record<string, unknown> = {}) => ({
  strategyType: 'Scheduled',
  id: 's-1',
  clientStrategyId: null,
  createdAt: 1788285244094,
  executedQuantity: '0',
  executedQuoteQuantity: '0',
  quantity: '10',
  reduceOnly: null,
  selfTradePrevention: 'RejectTaker',
  status: 'Running',
  side: 'Bid',
  symbol: 'SOL_USDC',
  timeInForce: 'GTC',
  duration: 3_600_000,
  interval: 60_000,
  randomizedIntervalQuantity: false,
  ...extra,
});
const CREATE = `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) {
  __typename ... on CreateStrategySuccess { strategy { id status durationMs intervalMs market { symbol } } } ... on InvalidOrder { field }
} }`;
const input = { symbol: 'SOL_USDC', side: 'BID', quantity: '10', durationMs: 3_600_000, intervalMs: 60_000 };

describe('strategies', () => {
  it('creates a scheduled strategy with wire names', async () => {
    const h = harness({ strategyCreate: () => strategy() });
    const result = await h.run(CREATE, { input: { ...input, price: '100.25', clientStrategyId: '5' } });
    expect(result.data.createStrategy).toEqual({
      __typename: 'CreateStrategySuccess',
      strategy: {
        id: 's-1',
        status: 'RUNNING',
        durationMs: 3600000,
        intervalMs: 60000,
        market: { symbol: 'SOL_USDC' },
      },
    });
    expect(h.paramsOf('strategyCreate')).toEqual([
      {
        symbol: 'SOL_USDC',
        side: 'Bid',
        quantity: '10',
        price: '100.25',
        clientStrategyId: 5,
        strategyType: 'Scheduled',
        duration: 3600000,
        interval: 60000,
      },
    ]);
  });

  it('validates quantity, price and timing against the market before calling', async () => {
    const h = harness();
    const cases: [Record<string, unknown>, string][] = [
      [{ quantity: '10.001' }, 'quantity'],
      [{ price: '100.255' }, 'price'],
      [{ intervalMs: 7_200_000 }, 'intervalMs'],
      [{ durationMs: 1.5 }, 'durationMs'],
    ];
    for (const [change, field] of cases) {
      const result = await h.run(CREATE, { input: { ...input, ...change } });
      expect(result.data.createStrategy).toEqual({ __typename: 'InvalidOrder', field });
    }
    const unknown = await h.run(CREATE, { input: { ...input, symbol: 'NOPE_USDC' } });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('UNKNOWN_SYMBOL');
    expect(h.upstream.count('strategyCreate')).toBe(0);
  });

  it('cancels one strategy by client id, and all of a market', async () => {
    const h = harness({
      cancelStrategy: () => strategy({ status: 'Cancelled' }),
      cancelOpenStrategies: () => [strategy({ status: 'Cancelled' })],
    });
    const result = await h.run(`mutation {
      cancelStrategy(symbol: "SOL_USDC", clientStrategyId: "5") { ... on CancelStrategySuccess { strategy { status } } }
      cancelOpenStrategies(symbol: "SOL_USDC") { ... on CancelOpenStrategiesSuccess { strategies { id status } } }
    }`);
    expect(result.data).toEqual({
      cancelStrategy: { strategy: { status: 'CANCELLED' } },
      cancelOpenStrategies: { strategies: [{ id: 's-1', status: 'CANCELLED' }] },
    });
    expect(h.paramsOf('cancelStrategy')).toEqual([{ symbol: 'SOL_USDC', clientStrategyId: 5 }]);
    expect(h.paramsOf('cancelOpenStrategies')).toEqual([{ symbol: 'SOL_USDC' }]);
  });

  it('reads one, the open ones and the history; a finished strategy reads as null', async () => {
    const h = harness({
      getStrategy: (params) => {
        if (params['strategyId'] === 's-1') return strategy();
        throw exchangeError('GET /api/v1/strategy', 404, 'RESOURCE_NOT_FOUND', 'Strategy not found');
      },
      getOpenStrategies: () => [strategy()],
      getStrategiesHistory: () => [
        { ...strategy({ status: 'Cancelled' }), createdAt: '2026-09-01T10:00:00', cancelReason: 'InsufficientFunds' },
      ],
    });
    const result = await h.run(`{ account {
      strategy(symbol: "SOL_USDC", id: "s-1") { id createdAt }
      gone: strategy(symbol: "SOL_USDC", id: "s-2") { id }
      openStrategies(symbol: "SOL_USDC") { id }
      strategyHistory(marketType: SPOT) { items { status cancelReason createdAt } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      strategy: { id: 's-1', createdAt: '2026-09-01T17:54:04.094Z' },
      gone: null,
      openStrategies: [{ id: 's-1' }],
      strategyHistory: {
        items: [{ status: 'CANCELLED', cancelReason: 'INSUFFICIENT_FUNDS', createdAt: '2026-09-01T10:00:00Z' }],
      },
    });
    expect(h.paramsOf('getStrategiesHistory')).toEqual([{ marketType: ['SPOT'], limit: 101, offset: 0 }]);
  });
});
