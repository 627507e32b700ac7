// B2: latency the gateway adds to `ticker(symbol)` over calling the same 2 ms stub exchange directly.
// Measured at a fixed offered rate over 50 connections, below saturation: at saturation a closed loop measures
// throughput (B1), and latency becomes queueing (connections / throughput). The rate is paced evenly (bench/lib/paced.ts):
// autocannon's `overallRate` sends each connection's per-second quota back-to-back at the top of every second, i.e.
// 50 simultaneous requests in a closed loop (queueing, not added latency).
import { startChild } from './lib/child.ts';
import type { LoadResult } from './lib/load.ts';
import { loadPaced, type PacedOptions } from './lib/paced.ts';
import type { Figure } from './lib/report.ts';
import { stallStart, stallStop, type StallReport } from './lib/stallProbe.ts';
import { postJson, startGateway, startUpstream, type GatewayProcess } from './lib/targets.ts';
import type { Settings } from './settings.ts';

export const UPSTREAM_DELAY_MS = 2;
export const B2_RATE = 1_000;
const QUERY = JSON.stringify({ query: '{ ticker(symbol: "SOL_USDC") { symbol lastPrice } }' });

/** What stalled during a measured window: the process serving it and the load generator (this process). */
interface Stalls {
  readonly server: StallReport;
  readonly loadGenerator: StallReport;
}

interface Probed {
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
}

/**
 * A paced run after its warm-up, with the server's and the load generator's event-loop delay and GC pauses recorded
 * over the measured window only (no per-request hooks: they would cost the measured server a little per request).
 */
async function measure(
  options: Omit<PacedOptions, 'seconds'>,
  server: Probed,
  settings: Settings,
): Promise<LoadResult & { readonly stalls: Stalls }> {
  await loadPaced({ ...options, seconds: settings.warmupSeconds });
  await server.call('stallStart', { perRequest: false });
  stallStart({ perRequest: false });
  const result = await loadPaced({ ...options, seconds: settings.seconds });
  const loadGenerator = stallStop();
  return { ...result, stalls: { server: await server.call<StallReport>('stallStop'), loadGenerator } };
}

/** Starts a server process, measures it (sample query checked, warm-up, paced run) and stops it. */
async function measuredProcess(
  start: () => Promise<GatewayProcess>,
  settings: Settings,
): Promise<LoadResult & { readonly stalls: Stalls }> {
  const server = await start();
  try {
    const sample = await postJson(server.info.url, QUERY);
    if (sample.status !== 200 || !sample.text.includes('lastPrice'))
      throw new Error(`B2 query failed: ${sample.text.slice(0, 300)}`);
    return await measure(
      { url: server.info.url, body: QUERY, connections: settings.connections, rate: B2_RATE },
      server,
      settings,
    );
  } finally {
    await server.stop();
  }
}

/** "3 scavenges (max 1.2 ms), 1 mark-compact (14 ms), loop delay p99 2.1 ms" for a figure's note. */
function stallSummary(report: StallReport): string {
  const pauses = Object.entries(report.gcMs)
    .filter(([kind]) => kind === 'scavenge' || kind === 'mark-compact')
    .map(([kind, spread]) => `${spread.count} ${kind} (max ${spread.max.toFixed(1)} ms)`);
  return `${pauses.join(', ') || 'no GC pause'}, event-loop delay p99 ${report.loopDelayMs.p99.toFixed(1)} ms, max ${report.loopDelayMs.max.toFixed(1)} ms`;
}

export async function b2(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const upstream = await startUpstream(UPSTREAM_DELAY_MS);
  try {
    const direct = await measure(
      { url: `${upstream.info.url}/api/v1/ticker?symbol=SOL_USDC`, connections: settings.connections, rate: B2_RATE },
      upstream,
      settings,
    );
    // Each process is started just before its own run and stopped after it, so each gets the same start and warm-up.
    // Started together up front, the TTL-0 gateway waited 16 s beside the idle first gateway before its run, whose
    // window then held mark-compacts (none when started fresh): p99 +10 to +11 ms, against +4.3 to +4.5 ms when it
    // was measured first.
    const withCache = await measuredProcess(() => startGateway(upstream.info.url), settings);
    await upstream.call('reset');
    // TTL 0 for the ticker endpoints: every query needs the exchange (concurrent ones still share one call).
    const withoutCache = await measuredProcess(
      () => startGateway(upstream.info.url, { env: { GATEWAY_CACHE_TTL_MS: 'getTickers=0,getTicker=0' } }),
      settings,
    );
    const ttl0Calls = await upstream.call<number>('total');
    // The floor under the TTL-0 figures on this machine: one more process between client and stub, doing the least.
    const relayed = await measuredProcess(
      () => startChild<{ url: string }>('tickerRelay', { env: { BACKPACK_API_URL: upstream.info.url } }),
      settings,
    );
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
          note:
            (name === 'TTL 0' ? `${ttl0Calls} upstream calls for ${withoutCache.requests} queries (coalesced); ` : '') +
            `gateway: ${stallSummary(run.stalls.server)}; load generator: ${stallSummary(run.stalls.loadGenerator)}` +
            (name === 'TTL 0' ? `; direct run's stub: ${stallSummary(direct.stalls.server)}` : ''),
        },
      );
    }
    figures.push({
      id: 'B2.relay.p99',
      bench: 'B2',
      metric: 'ticker p99, minimal relay (no GraphQL; the floor under B2.ttl0)',
      value: relayed.p99,
      unit: 'ms',
      baseline: direct.p99,
      baselineLabel: label,
      compare: 'added',
      note:
        `what one more process hop adds here: node:http, one undici GET /ticker per query on the gateway's agent ` +
        `(no coalescing), two fields answered; p50 ${relayed.p50.toFixed(2)} ms; relay: ` +
        `${stallSummary(relayed.stalls.server)}; load generator: ${stallSummary(relayed.stalls.loadGenerator)}`,
    });
    return {
      figures,
      raw: {
        direct,
        withCache,
        withoutCache,
        relayed,
        ttl0UpstreamCalls: ttl0Calls,
      },
    };
  } finally {
    await upstream.stop();
  }
}
