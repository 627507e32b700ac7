// The sandbox follows what independent Backpack clients show: batch cap, `source`, newer enum values.
import { describe, expect, it } from 'vitest';
import type { EndpointName } from '../../src/exchange/endpoints.ts';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { SandboxError } from '../../src/sandbox/engine/errors.ts';
import type { Handler, ParamValue } from '../../src/sandbox/http/handler.ts';
import { marketDataHandlers } from '../../src/sandbox/handlers/marketData.ts';
import { tradingHandlers } from '../../src/sandbox/handlers/trading.ts';
import { createSandboxServices } from '../../src/sandbox/services.ts';
import { RecordingSink, START } from './tradingHarness.ts';

const handlers: Partial<Record<EndpointName, Handler>> = { ...marketDataHandlers, ...tradingHandlers };

function setup() {
  const services = createSandboxServices({ seed: 5, now: () => START, sink: new RecordingSink() });
  const call = (
    name: EndpointName,
    params: Record<string, ParamValue> = {},
    accountId: number | null = null,
    items: Record<string, ParamValue>[] = [],
  ) => {
    const handler = handlers[name];
    if (handler === undefined) throw new Error(`no handler ${name}`);
    return handler({ name, params, items, accountId, now: START }, services);
  };
  const trader = services.ledger.createAccount('fidelity');
  services.ledger.credit(trader, 'USDC', D.parse('100000'));
  return { services, call, trader };
}

function errorOf(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const bid = (price: string) => ({ symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price, quantity: '0.01' });

describe('sandbox fidelity with independent clients', () => {
  it('refuses a batch of 51 orders as a whole and places none of them; 50 are accepted', () => {
    const { call, trader } = setup();
    const over = Array.from({ length: 51 }, () => bid('149'));
    expect(errorOf(() => call('executeOrderBatch', {}, trader, over))).toMatchObject({
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
    });
    expect(call('getOpenOrders', { symbol: 'SOL_USDC' }, trader)).toEqual([]);
    const placed = call('executeOrderBatch', {}, trader, over.slice(0, 50)) as { operation: string }[];
    expect(placed.filter((row) => row.operation === 'Ok')).toHaveLength(50);
  });

  it('accepts source=Venue on ticker, tickers and klines, and External only for stock markets', () => {
    const { call, trader, services } = setup();
    // No trades yet: the venue ticker is the exchange's 204 (no data), not a 400.
    expect(call('getTicker', { symbol: 'SOL_USDC', source: 'Venue' })).toMatchObject({ status: 204 });
    services.ledger.credit(trader, 'SOL', D.parse('1'));
    call(
      'executeOrder',
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '150', quantity: '0.01' },
      trader,
    );
    call('executeOrder', { ...bid('150'), selfTradePrevention: 'Allow' }, trader);
    expect(call('getTicker', { symbol: 'SOL_USDC', source: 'Venue' })).toMatchObject({ symbol: 'SOL_USDC' });
    expect(errorOf(() => call('getTicker', { symbol: 'SOL_USDC', source: 'External' }))).toMatchObject({
      status: 400,
      message: 'External source is only available for stock markets',
    });
    expect(errorOf(() => call('getTicker', { symbol: 'SOL_USDC', source: 'Oracle' })).status).toBe(400);
    const venue = call('getTickers', { source: 'Venue' }) as { symbol: string }[];
    expect(venue.map((t) => t.symbol)).toContain('SOL_USDC');
    const external = call('getTickers', { source: 'External' }) as { symbol: string }[];
    expect(external.map((t) => t.symbol)).not.toContain('SOL_USDC');
    const startTime = Math.floor(START / 1000) - 3600;
    expect(Array.isArray(call('getKlines', { symbol: 'SOL_USDC', interval: '1m', startTime, source: 'Venue' }))).toBe(
      true,
    );
    expect(
      errorOf(() => call('getKlines', { symbol: 'SOL_USDC', interval: '1m', startTime, source: 'External' })).status,
    ).toBe(400);
  });

  it('knows the MONAD market type and the Allow self-trade prevention', () => {
    const { call, trader, services } = setup();
    expect(call('getMarkets', { marketType: ['MONAD'] })).toEqual([]);
    services.ledger.credit(trader, 'SOL', D.parse('1'));
    call(
      'executeOrder',
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '150', quantity: '0.01' },
      trader,
    );
    const taker = call('executeOrder', { ...bid('150'), selfTradePrevention: 'Allow' }, trader);
    expect(taker).toMatchObject({ selfTradePrevention: 'Allow', status: 'Filled', executedQuantity: '0.01' });
  });
});
