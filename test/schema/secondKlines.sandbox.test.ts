// `klines(interval: ONE_SECOND)` end to end, queried and subscribed: the sandbox builds 1-second candles from its own
// trades and streams them as `kline.1s.<symbol>`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { until } from '../support/until.ts';

let env: TestGateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 23, flow: { enabled: false } } });
});

afterAll(async () => {
  await env?.close();
});

interface Candle {
  start: string;
  end: string;
  open: string | null;
  close: string | null;
  volume: string;
  trades: number;
}

describe('one-second klines', () => {
  it('answers ONE_SECOND with one-second candles that hold exactly the trades of their second', async () => {
    for (const side of ['Bid', 'Ask', 'Bid'] as const) {
      await env.rest.call('executeOrder', { symbol: 'SOL_USDC', side, orderType: 'Market', quantity: '0.1' });
    }
    const from = Date.now() - 60_000;
    const { body } = await gql<{ klines: Candle[] }>(
      env,
      `query($from: Timestamp!) {
        klines(symbol: "SOL_USDC", interval: ONE_SECOND, from: $from) { start end open close volume trades }
      }`,
      { from },
    );
    expect(body.errors).toBeUndefined();
    const candles = body.data?.klines ?? [];
    expect(candles.length).toBeGreaterThan(0);
    for (const candle of candles) expect(Date.parse(candle.end) - Date.parse(candle.start)).toBe(1000);

    // Every trade since `from` lies in exactly one candle, and each candle counts the trades of its second.
    const trades = (await restGet<{ timestamp: number }[]>(env.sandbox, '/api/v1/trades?symbol=SOL_USDC&limit=1000'))
      .filter((trade) => trade.timestamp >= Math.floor(from / 1000) * 1000)
      .map((trade) => trade.timestamp);
    expect(trades.length).toBeGreaterThanOrEqual(3);
    const inSecond = (candle: Candle): number =>
      trades.filter((at) => at >= Date.parse(candle.start) && at < Date.parse(candle.end)).length;
    expect(candles.map((candle) => candle.trades)).toEqual(candles.map(inSecond));
    expect(candles.reduce((sum, candle) => sum + candle.trades, 0)).toBe(trades.length);
  });

  it('streams live one-second candles: each order placed shows in the candle of its second', async () => {
    const client = wsClient(env.wsUrl);
    const candles = collect<Candle & { interval: string; closed: boolean }>(
      client,
      'subscription { klines(symbol: "SOL_USDC", interval: ONE_SECOND) { interval start end close volume trades closed } }',
      'klines',
    );
    try {
      await until(
        () => (env.sandbox.stats.ws().subscriptions['kline.1s.SOL_USDC'] ?? 0) === 1,
        'the upstream kline.1s subscription',
      );
      await env.rest.call('executeOrder', { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Market', quantity: '0.1' });
      // An earlier test's candle may arrive closed first; the latest open one must count exactly its second's trades.
      const tradesWithin = async (start: number, end: number): Promise<number> =>
        (await restGet<{ timestamp: number }[]>(env.sandbox, '/api/v1/trades?symbol=SOL_USDC&limit=1000')).filter(
          (trade) => trade.timestamp >= start && trade.timestamp < end,
        ).length;
      const candle = await until(
        async () => {
          const latest = candles.values.filter((each) => !each.closed).at(-1);
          if (latest === undefined) return false;
          const count = await tradesWithin(Date.parse(latest.start), Date.parse(latest.end));
          return count > 0 && latest.trades === count ? latest : false;
        },
        'an open one-second candle counting the trades of its second',
        { intervalMs: 20 },
      );
      expect(candles.errors).toEqual([]);
      expect(candle.interval).toBe('ONE_SECOND');
      expect(Date.parse(candle.end) - Date.parse(candle.start)).toBe(1000);
    } finally {
      candles.stop();
      await client.dispose();
    }
  });
});
