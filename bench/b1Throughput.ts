// B1: a cached market query through the gateway vs a bare node:http server answering the same JSON bytes.
import { startChild } from './lib/child.ts';
import { load, type LoadResult } from './lib/load.ts';
import type { Figure } from './lib/report.ts';
import { postJson, startGateway, startUpstream } from './lib/targets.ts';
import type { Settings } from './settings.ts';

export const B1_QUERY = '{ markets { symbol ticker { lastPrice } } }';

export async function b1(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const upstream = await startUpstream(0);
  const gateway = await startGateway(upstream.info.url);
  const body = JSON.stringify({ query: B1_QUERY });
  const sample = await postJson(gateway.info.url, body);
  if (sample.status !== 200 || sample.text.includes('"errors"'))
    throw new Error(`B1 query failed: ${sample.text.slice(0, 300)}`);
  const bare = await startChild<{ url: string }>('bare', { env: { BENCH_BODY: sample.text } });
  const options = {
    body,
    connections: settings.connections,
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
  };
  const bareRuns: LoadResult[] = [];
  const gatewayRuns: LoadResult[] = [];
  const cpuUs = { gateway: [] as number[], bare: [] as number[] };
  // CPU time of each server per answered request: what one request costs, whatever else the machine runs. Both
  // children answer `cpu` (process.cpuUsage); the warm-up is left out of the window.
  const cpuOf = async (server: typeof gateway | typeof bare, url: string): Promise<LoadResult> => {
    await load({ ...options, seconds: options.warmupSeconds, warmupSeconds: 0, url });
    const before = await server.call<NodeJS.CpuUsage>('cpu');
    const result = await load({ ...options, warmupSeconds: 0, url });
    const after = await server.call<NodeJS.CpuUsage>('cpu');
    const spent = after.user + after.system - before.user - before.system;
    (server === gateway ? cpuUs.gateway : cpuUs.bare).push(spent / Math.max(1, result.requests));
    return result;
  };
  // BENCH_PROFILE_DIR=<dir>: a CPU profile of the gateway while it serves the measured (not warm-up) load.
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  try {
    // Alternate the two so drift on a shared machine hits both alike.
    for (let round = 0; round < settings.rounds; round += 1) {
      bareRuns.push(await cpuOf(bare, bare.info.url));
      if (profileDir !== undefined) await gateway.call('profileStart');
      gatewayRuns.push(await cpuOf(gateway, gateway.info.url));
      if (profileDir !== undefined)
        process.stderr.write(
          `profile: ${await gateway.call<string>('profileStop', { dir: profileDir, name: `B1-gateway-${round}` })}\n`,
        );
    }
  } finally {
    await Promise.all([bare.stop(), gateway.stop(), upstream.stop()]);
  }
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const gw = mean(gatewayRuns.map((run) => run.rps));
  const base = mean(bareRuns.map((run) => run.rps));
  const failures = gatewayRuns.reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  return {
    figures: [
      {
        id: 'B1',
        bench: 'B1',
        metric: `throughput, cached \`markets{symbol ticker{lastPrice}}\` (${settings.connections} conns)`,
        value: gw,
        unit: 'req/s',
        baseline: base,
        baselineLabel: 'bare node:http',
        compare: 'ratio',
        target: '>= 80 %',
        met: gw / base >= 0.8 && failures === 0,
        note:
          `CPU per request ${Math.round(mean(cpuUs.gateway))} µs gateway, ${Math.round(mean(cpuUs.bare))} µs baseline ` +
          `(ratio ${((mean(cpuUs.bare) / mean(cpuUs.gateway)) * 100).toFixed(1)} %); ` +
          `${settings.rounds} alternating rounds of ${settings.seconds} s; response ${sample.text.length} bytes; failures ${failures}`,
      },
    ],
    raw: { bare: bareRuns, gateway: gatewayRuns, cpuMicrosPerRequest: cpuUs, responseBytes: sample.text.length },
  };
}
