// Sandbox throughput: engine placements per second in-process, signed REST orders through BackpackRest over loopback
// (sequential and 16 in flight), each against a same-run `/api/v1/ping` baseline on the same HTTP stack. Figures and
// baselines are measured in interleaved rounds (medians reported) so background load hits both alike.
// Run: `npx tsx bench/sandbox.ts` (≈ 30 s; `--quick` ≈ 10 s). Prints a table and writes bench/sandbox-results.json.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { BackpackRest } from '../src/exchange/rest.ts';
import { loadSigningKey, signInstruction } from '../src/exchange/sign.ts';
import * as D from '../src/sandbox/engine/decimal.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import type { SandboxHandle } from '../src/sandbox/index.ts';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 1 : 3;
const SECONDS = 1;
const WARMUP_SECONDS = quick ? 0.3 : 1;
const CONCURRENCY = 16;
const SYMBOL = 'SOL_USDC';
const QUANTITY = '0.01';

type Task = (worker: number) => Promise<unknown>;

/** Operations per second of `task` run back to back by `concurrency` loops for `seconds`. */
async function rate(task: Task, seconds: number, concurrency = 1): Promise<number> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let operations = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        await task(worker);
        operations += 1;
      }
    }),
  );
  return operations / ((performance.now() - started) / 1000);
}

/** Operations per second of synchronous work (the engine API never awaits), in batches of 100 per clock read. */
function rateSync(once: () => void, seconds: number): number {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let operations = 0;
  while (performance.now() < deadline) {
    for (let i = 0; i < 100; i += 1) once();
    operations += 100;
  }
  return operations / ((performance.now() - started) / 1000);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function rest(sandbox: SandboxHandle, name: string): BackpackRest {
  const account = sandbox.accountsByName[name];
  if (account === undefined) throw new Error(`no sandbox account ${name}`);
  return new BackpackRest({
    baseUrl: sandbox.restUrl,
    key: loadSigningKey(account.apiSecret, account.apiKey),
    clockSync: false,
    maxRetries: 0,
    rateLimit: { perMinute: 1e9, historicalPerMinute: 1e9 },
  });
}

/**
 * A price one tick above the best bid: a bid there rests at the top of the book, and an ask there crosses exactly that
 * bid, so each resting + crossing pair trades and leaves the book as it was.
 */
function pairPrice(sandbox: SandboxHandle): string {
  const depth = sandbox.services.engine.marketData.depth(SYMBOL, 1);
  const bestBid = depth.bids[depth.bids.length - 1]?.[0];
  const tick = sandbox.services.markets.get(SYMBOL)?.tickSize;
  if (bestBid === undefined || tick === undefined) throw new Error('no book to trade against');
  return D.toString(D.parse(bestBid) + tick);
}

interface Row {
  readonly metric: string;
  /** Median over the rounds. */
  readonly perSecond: number;
  readonly rounds: readonly number[];
  /** Median of the per-round ratios to the baseline measured right before (REST rows only). */
  readonly ratioToPing: number | null;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ seed: 1, flow: { enabled: true } });
  sandbox.pauseFlow();
  const { engine } = sandbox.services;
  const makerId = sandbox.accountsByName['maker']?.accountId ?? 0;
  const takerId = sandbox.accountsByName['taker']?.accountId ?? 0;
  const price = pairPrice(sandbox);
  const resting = { symbol: SYMBOL, side: 'Bid', orderType: 'Limit', price, quantity: QUANTITY } as const;
  const crossing = { symbol: SYMBOL, side: 'Ask', orderType: 'Limit', price, quantity: QUANTITY } as const;
  const updateIdBefore = engine.state.markets.get(SYMBOL)?.book.updateId ?? 0;

  let flip = false;
  const placeInProcess = (): void => {
    flip = !flip;
    if (flip) engine.executeOrder(makerId, resting);
    else engine.executeOrder(takerId, crossing);
  };
  // What one REST order costs the client before it is sent: BackpackRest signs with node:crypto's Ed25519.
  const makerAccount = sandbox.accountsByName['maker'];
  const key = loadSigningKey(makerAccount?.apiSecret ?? '', makerAccount?.apiKey);
  const signOnce = (): void => void signInstruction(key, 'orderExecute', resting, Date.now(), 5_000);

  const maker = rest(sandbox, 'maker');
  const taker = rest(sandbox, 'taker');
  // Each worker alternates its own resting and crossing orders; with 16 in flight, asks may meet another worker's bid.
  const flips = new Array<boolean>(CONCURRENCY).fill(false);
  const placeOverRest: Task = (worker) => {
    flips[worker] = !flips[worker];
    return flips[worker] ? maker.call('executeOrder', resting) : taker.call('executeOrder', crossing);
  };
  const ping: Task = () => maker.ping();

  process.stderr.write('warming up …\n');
  rateSync(placeInProcess, WARMUP_SECONDS);
  rateSync(signOnce, WARMUP_SECONDS / 2);
  await rate(ping, WARMUP_SECONDS / 2, CONCURRENCY);
  await rate(placeOverRest, WARMUP_SECONDS, CONCURRENCY);

  const samples = {
    engine: [] as number[],
    signing: [] as number[],
    pingSeq: [] as number[],
    orderSeq: [] as number[],
    pingConc: [] as number[],
    orderConc: [] as number[],
  };
  for (let round = 1; round <= ROUNDS; round += 1) {
    process.stderr.write(`round ${round}/${ROUNDS} …\n`);
    samples.engine.push(rateSync(placeInProcess, SECONDS));
    samples.signing.push(rateSync(signOnce, SECONDS));
    samples.pingSeq.push(await rate(ping, SECONDS));
    samples.orderSeq.push(await rate(placeOverRest, SECONDS));
    samples.pingConc.push(await rate(ping, SECONDS, CONCURRENCY));
    samples.orderConc.push(await rate(placeOverRest, SECONDS, CONCURRENCY));
  }

  // Sanity: the pairs traded (the book moved); at most one unmatched order per worker is left when a window closes.
  const atPairPrice = (accountId: number): number =>
    engine.openOrders(accountId, SYMBOL).filter((order) => order.orderType === 'Limit' && order.price === price).length;
  const leftResting = atPairPrice(makerId) + atPairPrice(takerId);
  const bookUpdates = (engine.state.markets.get(SYMBOL)?.book.updateId ?? 0) - updateIdBefore;
  await sandbox.close();

  const ratios = (values: readonly number[], baseline: readonly number[]): number =>
    median(values.map((v, i) => v / (baseline[i] ?? Number.NaN)));
  const row = (metric: string, rounds: readonly number[], baseline?: readonly number[]): Row => ({
    metric,
    perSecond: median(rounds),
    rounds,
    ratioToPing: baseline === undefined ? null : ratios(rounds, baseline),
  });
  const rows: Row[] = [
    row('engine.executeOrder, in-process', samples.engine),
    row('client signature alone (node:crypto)', samples.signing),
    row('REST ping, sequential (baseline)', samples.pingSeq),
    row('REST signed order, sequential', samples.orderSeq, samples.pingSeq),
    row(`REST ping, ${CONCURRENCY} in flight (baseline)`, samples.pingConc),
    row(`REST signed order, ${CONCURRENCY} in flight`, samples.orderConc, samples.pingConc),
  ];

  const width = Math.max(...rows.map((r) => r.metric.length));
  const line = (cells: readonly string[]): string =>
    `${(cells[0] ?? '').padEnd(width)}  ${(cells[1] ?? '').padStart(12)}  ${(cells[2] ?? '').padStart(16)}`;
  const table = [
    line(['', 'per second', 'vs ping (same N)']),
    ...rows.map((r) =>
      line([
        r.metric,
        Math.round(r.perSecond).toLocaleString('en-US'),
        r.ratioToPing === null ? '' : `${(r.ratioToPing * 100).toFixed(1)} %`,
      ]),
    ),
  ];
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  };
  process.stdout.write(`\n${table.join('\n')}\n\n`);
  process.stdout.write(
    `medians of ${ROUNDS} interleaved round(s) of ${SECONDS} s; ${machine.nproc} cores, ${machine.cpu}, node ${machine.node}, load ${machine.loadAverage.join(' ')}\n`,
  );
  process.stdout.write(
    `book updates during the run: ${bookUpdates.toLocaleString('en-US')}; unmatched benchmark orders left: ${leftResting}\n`,
  );

  const results = {
    date: new Date().toISOString(),
    machine,
    settings: {
      rounds: ROUNDS,
      secondsPerFigure: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      concurrency: CONCURRENCY,
      symbol: SYMBOL,
      price,
      quantity: QUANTITY,
    },
    figures: rows,
    checks: { bookUpdates, unmatchedBenchmarkOrdersLeft: leftResting },
  };
  writeFileSync(new URL('./sandbox-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
