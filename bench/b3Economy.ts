// B3: upstream calls, counted at the stub exchange: one 20-market dashboard query, then 1000 ticker queries/s.
import { load } from './lib/load.ts';
import type { Figure } from './lib/report.ts';
import { postJson, sleep, startGateway, startUpstream, untilReady } from './lib/targets.ts';
import type { Settings } from './settings.ts';

export const DASHBOARD_QUERY = `{
  markets(marketType: [SPOT, PERP]) {
    symbol marketType
    baseAsset { symbol displayName } quoteAsset { symbol }
    ticker { lastPrice priceChangePercent volume quoteVolume }
    markPrice { markPrice fundingRate nextFundingTime }
  }
}`;
const RATE = 1_000;
const SECONDS = 10;

export async function b3(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const upstream = await startUpstream(0);
  const gateway = await startGateway(upstream.info.url);
  try {
    // The gateway warmed its market and asset catalogs at startup; count what the query itself costs. /ready answers
    // 200 once its first exchange probe (GET /time) and the catalog load are done: until then one of those calls
    // could land in the dashboard's count (it did once: 4 calls, one of them /time).
    await untilReady(gateway.info.url);
    const startup = await upstream.call<Record<string, number>>('counts');
    await upstream.call('reset');
    const dashboard = await postJson(gateway.info.url, JSON.stringify({ query: DASHBOARD_QUERY }));
    const parsed = JSON.parse(dashboard.text) as { data?: { markets?: unknown[] }; errors?: unknown };
    if (parsed.errors !== undefined || parsed.data?.markets?.length !== 20)
      throw new Error(`B3 dashboard failed: ${dashboard.text.slice(0, 300)}`);
    const dashboardCalls = await upstream.call<Record<string, number>>('counts');
    const dashboardTotal = Object.values(dashboardCalls).reduce((a, b) => a + b, 0);

    // Let the tickers entry expire, then a steady 1000 ticker queries/s.
    await sleep(1_100);
    const body = JSON.stringify({ query: '{ ticker(symbol: "BTC_USDC") { symbol lastPrice volume } }' });
    await load({ url: gateway.info.url, body, connections: 20, seconds: 1, rate: RATE });
    await upstream.call('reset');
    const run = await load({
      url: gateway.info.url,
      body,
      connections: 20,
      seconds: settings.seconds < 5 ? 5 : SECONDS,
      rate: RATE,
    });
    const seconds = settings.seconds < 5 ? 5 : SECONDS;
    const steady = await upstream.call<Record<string, number>>('counts');
    const steadyTotal = Object.values(steady).reduce((a, b) => a + b, 0);
    return {
      figures: [
        {
          id: 'B3.dashboard',
          bench: 'B3',
          metric: '20-market dashboard query: upstream calls',
          value: dashboardTotal,
          unit: 'calls',
          baseline: 1 + 20 * 3,
          baselineLabel: 'naive: list + 3 per market',
          target: '<= 3',
          met: dashboardTotal <= 3,
          note: `${JSON.stringify(dashboardCalls)}; catalog loaded at startup: ${JSON.stringify(startup)}`,
        },
        {
          id: 'B3.rate',
          bench: 'B3',
          metric: `upstream calls/s under ${RATE} ticker queries/s (${seconds} s)`,
          value: steadyTotal / seconds,
          unit: 'calls/s',
          baseline: run.rps,
          baselineLabel: 'queries/s served',
          target: '<= 2/s',
          met: steadyTotal / seconds <= 2 && run.errors + run.non2xx === 0,
          note: `${JSON.stringify(steady)}; p50 ${run.p50.toFixed(2)} ms, p99 ${run.p99.toFixed(2)} ms`,
        },
      ],
      raw: { startup, dashboardCalls, steady, run },
    };
  } finally {
    await Promise.all([gateway.stop(), upstream.stop()]);
  }
}
