// B7.upstream: upstream calls per second for 1000 ticker queries/s spread over two replicas sharing Redis, against the
// same load on one gateway; then what a stalled Redis (CLIENT PAUSE) and a killed one do to the two replicas' answers.
import { startRedis } from '../test/support/redis.ts';
import { loadPaced } from './lib/paced.ts';
import type { LoadResult } from './lib/load.ts';
import type { Figure } from './lib/report.ts';
import { postJson, sleep, startGateway, startUpstream, type GatewayProcess, type Upstream } from './lib/targets.ts';
import type { Settings } from './settings.ts';

const RATE = 1_000;
const CONNECTIONS = 20;
const BODY = JSON.stringify({ query: '{ ticker(symbol: "BTC_USDC") { symbol lastPrice volume } }' });
/** Redis answers no client for this long in the slow phase (`CLIENT PAUSE`; `DEBUG SLEEP` is off by default). */
const REDIS_PAUSE_MS = 2_000;
const TROUBLE_SECONDS = 3;
/**
 * The tickers TTL for this bench: 100 ms instead of the default 1 s, so a 6 s run makes ~60 upstream calls and the
 * two counts can be compared to a few percent (at 1 s, 6 against 7 calls is a 17 % swing).
 */
const TTL_ENV = { GATEWAY_CACHE_TTL_MS: 'getTickers=100' };

/** The stub's path for the query's own upstream read (the readiness probe's `/time` calls are listed, not counted). */
const TICKERS_PATH = '/api/v1/tickers';

interface Phase {
  /** Upstream reads of tickers per second of the run's real length (a loaded machine stretches a run). */
  readonly callsPerSecond: number;
  readonly counts: Record<string, number>;
  readonly runs: LoadResult[];
  /** Answers sampled every 50 ms during the run that carried GraphQL errors, of those sampled. */
  readonly sampledErrors: number;
  readonly sampled: number;
}

/** `rate` queries/s split evenly over `gateways` for `seconds`, counting the stub's calls over the same window. */
async function measure(
  upstream: Upstream,
  gateways: readonly GatewayProcess[],
  seconds: number,
  during?: () => Promise<void>,
): Promise<Phase> {
  await upstream.call('reset');
  const started = Date.now();
  let sampled = 0;
  let sampledErrors = 0;
  let sampling = true;
  const sampler = (async () => {
    for (let i = 0; sampling; i += 1) {
      const target = gateways[i % gateways.length]!;
      const answer = await postJson(target.info.url, BODY).catch(() => ({ status: 0, text: '' }));
      sampled += 1;
      if (answer.status !== 200 || answer.text.includes('"errors"')) sampledErrors += 1;
      await sleep(50);
    }
  })();
  const [runs] = await Promise.all([
    Promise.all(
      gateways.map((gateway) =>
        loadPaced({
          url: gateway.info.url,
          body: BODY,
          connections: CONNECTIONS / gateways.length,
          rate: RATE / gateways.length,
          seconds,
        }),
      ),
    ),
    during?.(),
  ]);
  sampling = false;
  await sampler;
  const counts = await upstream.call<Record<string, number>>('counts');
  const elapsedSeconds = (Date.now() - started) / 1000;
  return { callsPerSecond: (counts[TICKERS_PATH] ?? 0) / elapsedSeconds, counts, runs, sampledErrors, sampled };
}

const worst = (phase: Phase, pick: (run: LoadResult) => number): number => Math.max(...phase.runs.map(pick));
const failures = (phase: Phase): number =>
  phase.runs.reduce((sum, run) => sum + run.errors + run.non2xx, 0) + phase.sampledErrors;

function troubleFigure(id: string, metric: string, phase: Phase, normal: Phase): Figure {
  return {
    id,
    bench: 'B7',
    metric,
    value: worst(phase, (run) => run.p99),
    unit: 'ms',
    baseline: worst(normal, (run) => run.p99),
    baselineLabel: 'Redis up',
    compare: 'added',
    target: 'no errors',
    met: failures(phase) === 0,
    note:
      `p50 ${worst(phase, (run) => run.p50).toFixed(2)} ms; upstream ${phase.callsPerSecond.toFixed(1)} calls/s ` +
      `${JSON.stringify(phase.counts)}; failed answers ${failures(phase)} (HTTP) / ${phase.sampledErrors} of ` +
      `${phase.sampled} sampled (GraphQL errors)`,
  };
}

export async function b7Upstream(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const seconds = Math.max(3, Math.min(settings.seconds, 6));
  const [upstream, redis] = await Promise.all([startUpstream(0), startRedis()]);
  const gateways: GatewayProcess[] = [];
  try {
    const single = await startGateway(upstream.info.url, { env: TTL_ENV });
    gateways.push(single);
    await loadPaced({ url: single.info.url, body: BODY, connections: CONNECTIONS, rate: RATE, seconds: 1 });
    const alone = await measure(upstream, [single], seconds);
    await single.stop();
    gateways.pop();

    const env = { ...TTL_ENV, GATEWAY_REDIS_URL: redis.url };
    gateways.push(
      ...(await Promise.all([startGateway(upstream.info.url, { env }), startGateway(upstream.info.url, { env })])),
    );
    await Promise.all(
      gateways.map((gateway) =>
        loadPaced({ url: gateway.info.url, body: BODY, connections: CONNECTIONS / 2, rate: RATE / 2, seconds: 1 }),
      ),
    );
    const pair = await measure(upstream, gateways, seconds);

    const admin = redis.client();
    const slow = await measure(upstream, gateways, TROUBLE_SECONDS, async () => {
      await sleep(500);
      await admin.call('CLIENT', 'PAUSE', String(REDIS_PAUSE_MS), 'ALL');
    });
    await redis.kill();
    const killed = await measure(upstream, gateways, TROUBLE_SECONDS);
    await redis.restart();

    const ratio = pair.callsPerSecond / alone.callsPerSecond;
    return {
      figures: [
        {
          id: 'B7.upstream',
          bench: 'B7',
          metric: `upstream ticker calls/s, ${RATE} ticker queries/s over two replicas sharing Redis (TTL 100 ms, ${seconds} s)`,
          value: pair.callsPerSecond,
          unit: 'calls/s',
          baseline: alone.callsPerSecond,
          baselineLabel: 'one replica',
          compare: 'ratio',
          target: '<= 110 %',
          met: ratio <= 1.1 && failures(pair) === 0,
          note:
            `one replica ${JSON.stringify(alone.counts)}, two ${JSON.stringify(pair.counts)}; p99 one ` +
            `${worst(alone, (run) => run.p99).toFixed(2)} ms, two ${worst(pair, (run) => run.p99).toFixed(2)} ms`,
        },
        troubleFigure(
          'B7.redisSlow.p99',
          `p99 over two replicas while Redis stalls ${REDIS_PAUSE_MS} ms (CLIENT PAUSE, ${TROUBLE_SECONDS} s run)`,
          slow,
          pair,
        ),
        troubleFigure(
          'B7.redisKilled.p99',
          `p99 over two replicas with Redis killed (${TROUBLE_SECONDS} s)`,
          killed,
          pair,
        ),
      ],
      raw: { alone, pair, slow, killed },
    };
  } finally {
    await Promise.all([...gateways.map((gateway) => gateway.stop()), upstream.stop()]);
    await redis.stop();
  }
}
