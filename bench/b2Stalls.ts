// Diagnosis for B2's tail (not part of `npm run bench`): runs B2's paced load against the stub directly and through a
// TTL-0 gateway while every process records event-loop delay, GC pauses and per-request server and upstream times
// (bench/lib/stallProbe.ts). `[B2_RATE=1000] npx tsx bench/b2Stalls.ts [seconds] [gateway env as K=V …]`; prints JSON.
import { UPSTREAM_DELAY_MS, B2_RATE } from './b2Latency.ts';
import { percentile } from './lib/load.ts';
import { paced, type PacedRun } from './lib/paced.ts';
import { stallStart, stallStop, type StallReport } from './lib/stallProbe.ts';
import { startGateway, startUpstream } from './lib/targets.ts';

const seconds = Number(process.argv[2] ?? '6');
const rate = Number(process.env['B2_RATE'] ?? B2_RATE);
const extraEnv = Object.fromEntries(
  process.argv.slice(3).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const QUERY = JSON.stringify({ query: '{ ticker(symbol: "SOL_USDC") { symbol lastPrice } }' });
const CONNECTIONS = 50;

function summary(run: PacedRun): Record<string, unknown> {
  const sorted = run.times.slice().sort();
  const slow = Array.from(run.times, (ms, i) => ({ ms, atMs: run.sentAt[i] ?? 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map((row) => `${row.ms.toFixed(1)} ms @${row.atMs.toFixed(0)}`);
  return {
    requests: sorted.length,
    queued: run.queued,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.at(-1),
    slow,
  };
}

interface Probed {
  readonly call: <T>(cmd: string) => Promise<T>;
}

async function measured(
  url: string,
  body: string | undefined,
  probes: Record<string, Probed>,
): Promise<Record<string, unknown>> {
  const options = { url, connections: CONNECTIONS, rate, ...(body === undefined ? {} : { body }) };
  await paced({ ...options, seconds: 2 });
  for (const probe of Object.values(probes)) await probe.call('stallStart');
  stallStart();
  const run = await paced({ ...options, seconds });
  const reports: Record<string, StallReport> = { loadGenerator: stallStop() };
  for (const [name, probe] of Object.entries(probes)) reports[name] = await probe.call<StallReport>('stallStop');
  return { client: summary(run), ...reports };
}

const upstream = await startUpstream(UPSTREAM_DELAY_MS);
const gateway = await startGateway(upstream.info.url, {
  env: { GATEWAY_CACHE_TTL_MS: 'getTickers=0,getTicker=0', ...extraEnv },
});
try {
  const direct = await measured(`${upstream.info.url}/api/v1/ticker?symbol=SOL_USDC`, undefined, { upstream });
  await upstream.call('reset');
  const viaGateway = await measured(gateway.info.url, QUERY, { gateway, upstream });
  const upstreamCalls = await upstream.call<number>('total');
  process.stdout.write(`${JSON.stringify({ direct, viaGateway, upstreamCalls }, null, 1)}\n`);
} finally {
  await Promise.all([gateway.stop(), upstream.stop()]);
}
