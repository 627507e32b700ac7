// B7.budget: shared-budget accuracy. Two replicas (two Redis connections, two limiters, one account) offer three times
// the account's budget, spread evenly; the figure is signed calls that reached the exchange ÷ the budget for the run.
// Same-run baseline: the same load with today's per-process limiters (each replica spends the whole budget).
// The window is shortened to a few seconds (the limiters' `windowMs` option; a minute would make the bench too long):
// the Lua script and the waiting are the same whatever the window's length.
import { BackpackRest } from '../src/exchange/rest.ts';
import { RateLimiter, type RequestLimiter } from '../src/exchange/limiter.ts';
import { loadSigningKey } from '../src/exchange/sign.ts';
import { connectReplicaLink, type ReplicaLink } from '../src/redis/connection.ts';
import { SharedRateLimiter } from '../src/redis/exchangeBudget.ts';
import { startSandbox, type SandboxHandle } from '../src/sandbox/index.ts';
import { pino } from 'pino';
import { startRedis } from '../test/support/redis.ts';
import type { Figure } from './lib/report.ts';
import type { Settings } from './settings.ts';

const REPLICAS = 2;
const OVERLOAD = 3;
/** Requests per window for the account (the bench's BACKPACK_RATE_LIMIT_PER_MIN). */
const BUDGET = 60;
/** Waiting longer than the gap between two arrivals only builds a queue; beyond it callers get RATE_LIMITED. */
const MAX_WAIT_MS = 200;

interface Run {
  readonly reached: number;
  readonly refused: number;
  readonly budget: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Offers OVERLOAD × BUDGET calls per window, round-robin over the replicas' clients, for `windows` windows. */
async function offer(sandbox: SandboxHandle, clients: readonly BackpackRest[], windowMs: number, windows: number) {
  sandbox.stats.resetRequests();
  const total = OVERLOAD * BUDGET * windows;
  const gapMs = windowMs / (OVERLOAD * BUDGET);
  const started = performance.now();
  // Counted over exactly `windows` windows: a sliding window allows BUDGET in any such span, so that is the budget.
  let reached = 0;
  const counted = sleep(windows * windowMs).then(() => {
    reached = sandbox.stats.requests()['getBalances'] ?? 0;
  });
  const calls: Promise<boolean>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + index * gapMs;
    const ahead = due - performance.now();
    if (ahead > 1) await sleep(ahead);
    const client = clients[index % clients.length] as BackpackRest;
    calls.push(
      client.call('getBalances', {}).then(
        () => true,
        () => false,
      ),
    );
  }
  const outcomes = await Promise.all(calls);
  await counted;
  return {
    reached,
    refused: outcomes.filter((ok) => !ok).length,
    budget: BUDGET * windows,
  } satisfies Run;
}

export async function b7Budget(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const windowMs = settings.seconds >= 8 ? 4_000 : 2_000;
  const windows = settings.seconds >= 8 ? 3 : 2;
  const redis = await startRedis();
  const sandbox = await startSandbox({ port: 0, flow: { enabled: false } });
  const links: ReplicaLink[] = [];
  try {
    const secret = sandbox.accountsByName['demo']?.apiSecret;
    if (secret === undefined) throw new Error('the sandbox has no demo account');
    const key = loadSigningKey(secret);
    const clientWith = (limiter: RequestLimiter): BackpackRest =>
      new BackpackRest({ baseUrl: sandbox.restUrl, key, clockSync: false, maxRetries: 0, limiter });
    const budget = { perMinute: BUDGET, historicalPerMinute: BUDGET, maxWaitMs: MAX_WAIT_MS, windowMs };

    const replicaConfig = { redisUrl: redis.url, count: REPLICAS, prefix: 'b7:' };
    for (let replica = 0; replica < REPLICAS; replica += 1) {
      links.push(await connectReplicaLink(replicaConfig, pino({ level: 'silent' })));
    }
    const shared = await offer(
      sandbox,
      links.map((link) => clientWith(new SharedRateLimiter(link, key.apiKey, budget))),
      windowMs,
      windows,
    );
    const perProcess = await offer(
      sandbox,
      links.map(() => clientWith(new RateLimiter(budget))),
      windowMs,
      windows,
    );
    const accuracy = shared.reached / shared.budget;
    return {
      figures: [
        {
          id: 'B7.budget',
          bench: 'B7',
          metric: `shared-budget accuracy: signed calls reaching the exchange ÷ budget, ${OVERLOAD}× overload over ${REPLICAS} replicas`,
          value: accuracy,
          unit: '×',
          baseline: perProcess.reached / perProcess.budget,
          baselineLabel: 'per-process limiters',
          target: '0.9–1.0',
          met: accuracy >= 0.9 && accuracy <= 1,
          note:
            `${shared.reached} of ${shared.budget} budgeted calls reached the sandbox (${shared.refused} refused) over ` +
            `${windows} windows of ${windowMs / 1000} s (the limiters' window option; production uses one minute); ` +
            `per-process limiters let ${perProcess.reached} through.`,
        },
      ],
      raw: { windowMs, windows, budgetPerWindow: BUDGET, shared, perProcess },
    };
  } finally {
    for (const link of links) await link.close();
    await sandbox.close();
    await redis.stop();
  }
}
