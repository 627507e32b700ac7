// What the shared budgets do when Redis goes away or stalls, measured: two replicas' signed reads (exchange budget) and
// per-caller charges (gateway budget) at a steady pace while Redis is killed and restarted, then paused for 3 s.
// Run: `npx tsx bench/redisTrouble.ts` (≈ 30 s). Prints one line per phase: calls, errors, latency p50/p99/max, share.
import { pino } from 'pino';
import { BackpackRest } from '../src/exchange/rest.ts';
import { loadSigningKey } from '../src/exchange/sign.ts';
import { sharedCallerBudget } from '../src/redis/callerBudget.ts';
import { connectReplicaLink, type ReplicaLink } from '../src/redis/connection.ts';
import { SharedRateLimiter } from '../src/redis/exchangeBudget.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { startRedis } from '../test/support/redis.ts';

const PACE_PER_SECOND = 50;

interface Sample {
  readonly at: number;
  readonly ms: number;
  readonly ok: boolean;
  readonly shared: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function summary(name: string, samples: readonly Sample[]): string {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const errors = samples.filter((sample) => !sample.ok).length;
  const local = samples.filter((sample) => !sample.shared).length;
  const slow = samples.filter((sample) => sample.ms > 100).length;
  return (
    `${name.padEnd(34)} calls ${String(samples.length).padStart(4)}  errors ${errors}  local-share ${local}  ` +
    `>100ms ${slow}  p50 ${at(0.5).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`
  );
}

const redis = await startRedis();
const sandbox = await startSandbox({ port: 0, flow: { enabled: false } });
const links: ReplicaLink[] = [];
try {
  const secret = sandbox.accountsByName['demo']?.apiSecret;
  if (secret === undefined) throw new Error('the sandbox has no demo account');
  const key = loadSigningKey(secret);
  for (let replica = 0; replica < 2; replica += 1) {
    links.push(
      await connectReplicaLink({ redisUrl: redis.url, count: 2, prefix: 'trouble:' }, pino({ level: 'silent' })),
    );
  }
  const limiters = links.map(
    (link) =>
      new SharedRateLimiter(link, key.apiKey, { perMinute: 100_000, historicalPerMinute: 100, maxWaitMs: 5_000 }),
  );
  const clients = limiters.map(
    (limiter) => new BackpackRest({ baseUrl: sandbox.restUrl, key, clockSync: false, maxRetries: 0, limiter }),
  );
  const budgets = links.map((link) =>
    sharedCallerBudget(() => link, {
      caller: 'authenticated',
      limits: { perMinute: 100_000, costPerMinute: 1_000_000 },
      maxCost: 1_000,
    }),
  );

  /** Paced signed reads and caller charges on both replicas for `ms`. */
  const drive = async (ms: number): Promise<{ exchange: Sample[]; callers: Sample[] }> => {
    const exchange: Sample[] = [];
    const callers: Sample[] = [];
    const pending: Promise<void>[] = [];
    const started = performance.now();
    for (let index = 0; performance.now() - started < ms; index += 1) {
      const due = started + (index * 1000) / PACE_PER_SECOND;
      const ahead = due - performance.now();
      if (ahead > 1) await sleep(ahead);
      const replica = index % 2;
      const t0 = performance.now();
      pending.push(
        (clients[replica] as BackpackRest).call('getBalances', {}).then(
          () =>
            void exchange.push({
              at: t0 - started,
              ms: performance.now() - t0,
              ok: true,
              shared: limiters[replica]?.shared ?? false,
            }),
          () =>
            void exchange.push({
              at: t0 - started,
              ms: performance.now() - t0,
              ok: false,
              shared: limiters[replica]?.shared ?? false,
            }),
        ),
      );
      const c0 = performance.now();
      pending.push(
        Promise.resolve((budgets[replica] ?? budgets[0])?.charge('token:bench', 1)).then((charge) => {
          callers.push({
            at: c0 - started,
            ms: performance.now() - c0,
            ok: charge?.ok === true,
            shared: links[replica]?.healthy ?? false,
          });
        }),
      );
    }
    await Promise.all(pending);
    return { exchange, callers };
  };
  const report = (name: string, run: { exchange: Sample[]; callers: Sample[] }): void => {
    process.stdout.write(`${summary(`${name}: exchange budget`, run.exchange)}\n`);
    process.stdout.write(`${summary(`${name}: caller budget`, run.callers)}\n`);
  };

  await drive(1_000); // warm-up: script load, JIT, sockets
  report('healthy', await drive(3_000));

  const killed = drive(6_000);
  await sleep(1_000);
  await redis.kill();
  const killedAt = performance.now();
  await sleep(3_000);
  await redis.restart();
  const restartedAt = performance.now();
  while (!links.every((link) => link.healthy)) await sleep(5);
  const backAfter = performance.now() - restartedAt;
  const killedRun = await killed;
  report('Redis killed (3 s) and restarted', killedRun);
  process.stdout.write(
    `  Redis down for ${((restartedAt - killedAt) / 1000).toFixed(1)} s; both links healthy ${backAfter.toFixed(0)} ms after the restart\n`,
  );
  await sleep(1_500);

  const admin = redis.client();
  const paused = drive(6_000);
  await sleep(1_000);
  await admin.call('CLIENT', 'PAUSE', '3000', 'ALL');
  report('Redis paused 3 s (CLIENT PAUSE 3000)', await paused);
} finally {
  for (const link of links) await link.close();
  await sandbox.close();
  await redis.stop();
}
