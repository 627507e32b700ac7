// B2: latency the gateway adds to `ticker(symbol)` over calling the same 2 ms stub exchange directly.
// Measured at a fixed offered rate over 50 connections, below saturation: at saturation a closed loop measures
// throughput (B1), and latency becomes queueing (connections / throughput). The rate is paced evenly (bench/lib/paced.ts):
// autocannon's `overallRate` sends each connection's per-second quota back-to-back at the top of every second, i.e.
// 50 simultaneous requests in a closed loop (queueing, not added latency).
import type { LoadResult } from './lib/load.ts';
import { loadPaced } from './lib/paced.ts';
import type { Figure } from './lib/report.ts';
import { postJson, startGateway, startUpstream, type GatewayProcess } from './lib/targets.ts';
import type { Settings } from './settings.ts';

export const UPSTREAM_DELAY_MS = 2;
export const B2_RATE = 1_000;
const QUERY = JSON.stringify({ query: '{ ticker(symbol: "SOL_USDC") { symbol lastPrice } }' });

async function measureGateway(url: string, settings: Settings): Promise<LoadResult> {
  const sample = await postJson(url, QUERY);
  if (sample.status !== 200 || !sample.text.includes('lastPrice'))
    throw new Error(`B2 query failed: ${sample.text.slice(0, 300)}`);
  return loadPaced({
    url,
    body: QUERY,
    connections: settings.connections,
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
    rate: B2_RATE,
  });
}

export async function b2(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const upstream = await startUpstream(UPSTREAM_DELAY_MS);
  const gateways: GatewayProcess[] = [];
  try {
    const cached = await startGateway(upstream.info.url);
    gateways.push(cached);
    // TTL 0 for the ticker endpoints: every query needs the exchange (concurrent ones still share one call).
    const uncached = await startGateway(upstream.info.url, {
      env: { GATEWAY_CACHE_TTL_MS: 'getTickers=0,getTicker=0' },
    });
    gateways.push(uncached);
    const direct = await loadPaced({
      url: `${upstream.info.url}/api/v1/ticker?symbol=SOL_USDC`,
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      rate: B2_RATE,
    });
    const withCache = await measureGateway(cached.info.url, settings);
    await upstream.call('reset');
    const withoutCache = await measureGateway(uncached.info.url, settings);
    const ttl0Calls = await upstream.call<number>('total');
    const figures: Figure[] = [];
    const label = `direct REST, ${UPSTREAM_DELAY_MS} ms stub`;
    for (const [name, run, id] of [
      ['default TTL (1 s)', withCache, 'B2'],
      ['TTL 0', withoutCache, 'B2.ttl0'],
    ] as const) {
      figures.push(
        {
          id: `${id}.p50`,
          bench: 'B2',
          metric: `ticker p50, ${name} (${settings.connections} conns, ${B2_RATE} req/s)`,
          value: run.p50,
          unit: 'ms',
          baseline: direct.p50,
          baselineLabel: label,
          compare: 'added',
          target: 'added <= 0.5 ms',
          met: run.p50 - direct.p50 <= 0.5,
        },
        {
          id: `${id}.p99`,
          bench: 'B2',
          metric: `ticker p99, ${name}`,
          value: run.p99,
          unit: 'ms',
          baseline: direct.p99,
          baselineLabel: label,
          compare: 'added',
          target: 'added <= 2 ms',
          met: run.p99 - direct.p99 <= 2,
          ...(name === 'TTL 0'
            ? { note: `${ttl0Calls} upstream calls for ${withoutCache.requests} queries (coalesced)` }
            : {}),
        },
      );
    }
    return {
      figures,
      raw: {
        direct,
        withCache,
        withoutCache,
        ttl0UpstreamCalls: ttl0Calls,
      },
    };
  } finally {
    await Promise.all([...gateways.map((gateway) => gateway.stop()), upstream.stop()]);
  }
}
