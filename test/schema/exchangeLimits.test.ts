import { describe, expect, it } from 'vitest';
import { harness } from './accountHarness.ts';
import { fixtures } from './fakeUpstream.ts';

const order = { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '100.25', quantity: '1.5' };

describe('limits the exchange enforces, checked before any call', () => {
  it('refuses 51 orders in one executeOrders as InvalidInput on inputs, with no upstream call at all', async () => {
    const h = harness();
    const result = await h.run(
      `mutation($inputs: [ExecuteOrderInput!]!) { executeOrders(inputs: $inputs) {
        __typename ... on InvalidInput { field message }
      } }`,
      { inputs: Array.from({ length: 51 }, () => order) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.executeOrders).toMatchObject({ __typename: 'InvalidInput', field: 'inputs' });
    expect(h.upstream.count()).toBe(0);
  });

  it('lets fundingRates ask for up to 10000 rows and refuses more before calling', async () => {
    const h = harness({ getFundingIntervalRates: () => [] });
    const ok = await h.run('{ fundingRates(symbol: "SOL_USDC_PERP", limit: 10000) { items { symbol } } }');
    expect(ok.errors).toBeUndefined();
    expect(h.paramsOf('getFundingIntervalRates')).toEqual([{ symbol: 'SOL_USDC_PERP', limit: 10000, offset: 0 }]);
    h.upstream.reset();
    const over = await h.run('{ fundingRates(symbol: "SOL_USDC_PERP", limit: 10001) { items { symbol } } }');
    expect(over.errors?.[0]?.message).toBe('limit must be between 1 and 10000');
    expect(h.upstream.count('getFundingIntervalRates')).toBe(0);
  });

  it('refuses a history page over 1000 rows before calling', async () => {
    const h = harness({ getHistoricalTrades: () => [] });
    const result = await h.run('{ tradeHistory(symbol: "SOL_USDC", limit: 1001) { items { id } } }');
    expect(result.errors?.[0]?.message).toBe('limit must be between 1 and 1000');
    expect(h.upstream.count('getHistoricalTrades')).toBe(0);
  });
});

describe('source on tickers and klines', () => {
  it('sends ticker(source: VENUE) to the exchange as source=Venue', async () => {
    const h = harness({ getTicker: () => fixtures.tickers[0] });
    const result = await h.run('{ ticker(symbol: "SOL_USDC", source: VENUE) { symbol lastPrice } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.ticker).toEqual({ symbol: 'SOL_USDC', lastPrice: '100.5' });
    expect(h.paramsOf('getTicker')).toEqual([{ symbol: 'SOL_USDC', source: 'Venue' }]);
  });

  it('sends source=External on tickers and klines', async () => {
    const h = harness({ getTickers: () => [], getKlines: () => [] });
    await h.run('{ tickers(source: EXTERNAL) { symbol } }');
    await h.run(
      '{ klines(symbol: "SOL_USDC", interval: ONE_SECOND, from: "2026-01-01T00:00:00Z", source: EXTERNAL) { start } }',
    );
    expect(h.paramsOf('getTickers')).toEqual([{ source: 'External' }]);
    expect(h.paramsOf('getKlines')).toEqual([
      { symbol: 'SOL_USDC', interval: '1s', startTime: 1767225600, source: 'External' },
    ]);
  });
});
