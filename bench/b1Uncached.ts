// B1U: a query that must really execute (its variables differ on every request, so no memoized response applies)
// through the gateway vs the same schema executed by plain graphql-js on bare node:http, both over the same warm data.
import { startChild } from './lib/child.ts';
import { SYMBOLS } from './lib/fixtures.ts';
import { load, type LoadResult } from './lib/load.ts';
import type { Figure } from './lib/report.ts';
import { postJson, startGateway, startUpstream } from './lib/targets.ts';
import type { Settings } from './settings.ts';

export const B1U_QUERY =
  'query Book($s: String!, $n: Int!) { orderBook(symbol: $s, limit: $n) { bids { price quantity } asks { price quantity } } }';
/** Top-of-book sizes a trading screen asks for; the exchange is asked for 5, 5, 5, 10 and 20 levels. */
const LIMITS = [1, 2, 5, 10, 20] as const;
// Long enough that the exchange data stays warm for the whole run on both sides: only execution is measured.
const DEPTH_TTL_MS = '3600000';

/**
 * Request bodies cycling 20 symbols × 5 limits; `request` (a variable the operation does not declare, which GraphQL
 * ignores) makes every body distinct, so the gateway's memoized responses never answer one.
 */
function bodies(): () => string {
  let i = 0;
  return () => {
    const n = i++;
    const variables = {
      s: SYMBOLS[n % SYMBOLS.length],
      n: LIMITS[Math.floor(n / SYMBOLS.length) % LIMITS.length],
      request: n,
    };
    return JSON.stringify({ query: B1U_QUERY, variables });
  };
}

export async function b1u(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const upstream = await startUpstream(0);
  const env = { GATEWAY_CACHE_TTL_MS: `getDepth=${DEPTH_TTL_MS}` };
  const children: { stop(): Promise<void> }[] = [upstream];
  const bareRuns: LoadResult[] = [];
  const gatewayRuns: LoadResult[] = [];
  let measuredCalls: number | undefined;
  const cpuUs = { gateway: [] as number[], bare: [] as number[] };
  let responseBytes = 0;
  try {
    const gateway = await startGateway(upstream.info.url, { env });
    children.push(gateway);
    const bare = await startChild<{ url: string }>('bareGraphql', {
      env: { BACKPACK_API_URL: upstream.info.url, BENCH_DEPTH_TTL_MS: DEPTH_TTL_MS },
    });
    children.push(bare);
    // Warm both caches with every (symbol, limit) and check the two answer the same bytes' worth of data.
    const next = bodies();
    for (let k = 0; k < SYMBOLS.length * LIMITS.length; k += 1) {
      const body = next();
      const [viaGateway, viaBare] = await Promise.all([
        postJson(gateway.info.url, body),
        postJson(bare.info.url, body),
      ]);
      if (viaGateway.status !== 200 || viaGateway.text.includes('"errors"'))
        throw new Error(`B1U query failed: ${viaGateway.text.slice(0, 300)}`);
      if (viaGateway.text !== viaBare.text) throw new Error('B1U: the gateway and the baseline answered differently');
      responseBytes += viaGateway.text.length;
    }
    const warmCalls = await upstream.call<number>('total');
    const options = {
      connections: settings.connections,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
    };
    // BENCH_PROFILE_DIR=<dir>: a CPU profile of the gateway while it serves the measured (not warm-up) load.
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    // CPU time of each server per answered request: what one request costs, whatever else the machine runs.
    const cpuOf = async (server: typeof gateway | typeof bare, run: () => Promise<LoadResult>): Promise<LoadResult> => {
      const before = await server.call<NodeJS.CpuUsage>('cpu');
      const result = await run();
      const after = await server.call<NodeJS.CpuUsage>('cpu');
      const spent = after.user + after.system - before.user - before.system;
      (server === gateway ? cpuUs.gateway : cpuUs.bare).push(spent / Math.max(1, result.requests));
      return result;
    };
    for (let round = 0; round < settings.rounds; round += 1) {
      const warm = (url: string): Promise<LoadResult> =>
        load({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0, url, nextBody: bodies() });
      if (round === 0) await warm(bare.info.url);
      bareRuns.push(
        await cpuOf(bare, () => load({ ...options, warmupSeconds: 0, url: bare.info.url, nextBody: bodies() })),
      );
      if (round === 0) await warm(gateway.info.url);
      if (profileDir !== undefined) await gateway.call('profileStart');
      gatewayRuns.push(
        await cpuOf(gateway, () => load({ ...options, warmupSeconds: 0, url: gateway.info.url, nextBody: bodies() })),
      );
      if (profileDir !== undefined)
        process.stderr.write(
          `profile: ${await gateway.call<string>('profileStop', { dir: profileDir, name: `B1U-gateway-${round}` })}\n`,
        );
    }
    measuredCalls = (await upstream.call<number>('total')) - warmCalls;
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const gw = mean(gatewayRuns.map((run) => run.rps));
  const base = mean(bareRuns.map((run) => run.rps));
  const failures = gatewayRuns.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  return {
    figures: [
      {
        id: 'B1U',
        bench: 'B1U',
        metric: `throughput, uncached \`orderBook(symbol:$s, limit:$n)\`, 20 symbols × 5 limits (${settings.connections} conns)`,
        value: gw,
        unit: 'req/s',
        baseline: base,
        baselineLabel: 'graphql-js execute on bare node:http',
        compare: 'ratio',
        target: '>= 50 %',
        met: gw / base >= 0.5 && failures === 0,
        note:
          `CPU per request ${Math.round(mean(cpuUs.gateway))} µs gateway, ${Math.round(mean(cpuUs.bare))} µs baseline ` +
          `(ratio ${((mean(cpuUs.bare) / mean(cpuUs.gateway)) * 100).toFixed(1)} %); ` +
          `${settings.rounds} alternating rounds of ${settings.seconds} s; every request body distinct; mean response ` +
          `${Math.round(responseBytes / (SYMBOLS.length * LIMITS.length))} bytes; upstream calls while measuring ${measuredCalls ?? 0}; failures ${failures}`,
      },
    ],
    raw: {
      bare: bareRuns,
      gateway: gatewayRuns,
      cpuMicrosPerRequest: cpuUs,
      upstreamCallsWhileMeasuring: measuredCalls,
    },
  };
}
