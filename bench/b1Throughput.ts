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
  try {
    // Alternate the two so drift on a shared machine hits both alike.
    for (let round = 0; round < settings.rounds; round += 1) {
      bareRuns.push(await load({ ...options, url: bare.info.url }));
      gatewayRuns.push(await load({ ...options, url: gateway.info.url }));
    }
  } finally {
    await Promise.all([bare.stop(), gateway.stop(), upstream.stop()]);
  }
  const mean = (runs: readonly LoadResult[]): number => runs.reduce((sum, run) => sum + run.rps, 0) / runs.length;
  const gw = mean(gatewayRuns);
  const base = mean(bareRuns);
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
        note: `${settings.rounds} alternating rounds of ${settings.seconds} s; response ${sample.text.length} bytes; failures ${failures}`,
      },
    ],
    raw: { bare: bareRuns, gateway: gatewayRuns, responseBytes: sample.text.length },
  };
}
