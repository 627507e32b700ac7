// `npm run bench`: every benchmark against its same-run baseline; prints a table, writes results.json and results.md
// (results.partial.* for --only or --quick runs).
// Flags: --quick (short smoke run), --only=B1,B4 (a subset), --soak (adds the 10-minute RSS soak; --soak-minutes=N).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { b1 } from './b1Throughput.ts';
import { b1u } from './b1Uncached.ts';
import { b2 } from './b2Latency.ts';
import { b3 } from './b3Economy.ts';
import { b4 } from './b4Fanout.ts';
import { b5, soak } from './b5Memory.ts';
import { b6 } from './b6Signing.ts';
import { b7Budget } from './b7Budget.ts';
import { b7Upstream } from './b7Upstream.ts';
import { markdownTable, textTable, type Figure } from './lib/report.ts';
import { updateReadme } from './readmeTable.ts';
import { settingsFrom, type Settings } from './settings.ts';

type Bench = (settings: Settings) => Promise<{ figures: Figure[]; raw: unknown }>;

const settings = settingsFrom(process.argv.slice(2));
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice(7).toUpperCase().split(',')) : undefined;
const benches: [string, Bench][] = [
  ['B1', b1],
  ['B1U', b1u],
  ['B2', b2],
  ['B3', b3],
  ['B4', b4],
  ['B5', b5],
  ['B6', b6],
  ['B7.UPSTREAM', b7Upstream],
  ['B7.BUDGET', b7Budget],
  ...(settings.soak ? ([['SOAK', soak]] as [string, Bench][]) : []),
];

const machine = {
  nproc: cpus().length,
  cpu: /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown',
  node: process.version,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: (await import('node:os')).loadavg().map((n) => Number(n.toFixed(2))),
};

const started = Date.now();
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
const failures: Record<string, string> = {};
for (const [name, bench] of benches) {
  if (only !== undefined && !only.has(name)) continue;
  process.stderr.write(`${name} …\n`);
  const t0 = Date.now();
  try {
    const result = await bench(settings);
    figures.push(...result.figures);
    raw[name] = result.raw;
  } catch (error) {
    failures[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${name} failed: ${failures[name]}\n`);
  }
  process.stderr.write(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
const seconds = (Date.now() - started) / 1000;

process.stdout.write(`\n${textTable(figures)}\n\n`);
for (const figure of figures)
  if (figure.note) process.stdout.write(`${figure.bench} ${figure.metric}: ${figure.note}\n`);
process.stdout.write(`\n${machine.nproc} cores, ${machine.cpu}, node ${machine.node}; ${seconds.toFixed(0)} s\n`);

const report = { date: new Date().toISOString(), machine, settings, seconds, figures, failures, raw };
// A complete run (every bench, full durations) writes results.json/.md and refreshes the README's table; a partial one
// (--only, --quick) writes results.partial.*, so a spot check never replaces the committed figures of a full run.
const complete = only === undefined && !process.argv.includes('--quick');
const base = complete ? './results' : './results.partial';
writeFileSync(new URL(`${base}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
const notes = figures.filter((f) => f.note).map((f) => `- **${f.bench}** ${f.metric}: ${f.note}`);
writeFileSync(
  new URL(`${base}.md`, import.meta.url),
  [
    '# Benchmark results',
    '',
    `\`npm run bench\` on ${report.date.slice(0, 10)}: ${machine.nproc} cores (${machine.cpu}), Node ${machine.node}, ` +
      `load average at start ${machine.loadAverageAtStart.join(' / ')}; ${seconds.toFixed(0)} s in all. Every baseline ran in the same run, ` +
      'on the same machine, with the same load generator settings. Regenerate with `npm run bench`.',
    '',
    markdownTable(figures),
    '',
    ...notes,
    '',
    '## How each figure is measured',
    '',
    '- Every server under test runs in its own child process (`bench/proc/`), the load generator (autocannon, programmatic) or the',
    '  WebSocket clients in the parent; the stub exchange (`bench/lib/upstream.ts`, 10 spot + 10 perp markets) in a third process',
    '  for B1–B3. The gateway is `createGateway` from `src/server.ts` with its security layer on (local mode; per-caller budgets',
    '  raised to 1,000,000/min so they are checked but never refuse). Every process runs with NODE_ENV=production, as',
    "  deployed (graphql-js then skips its development-only checks, on the gateway's side and the baseline's alike), and",
    '  compiled to JavaScript by `npm run build` (dist/), as `npm start` runs it: tsx would wrap every closure the hot paths',
    '  create in a `__name` call (`BENCH_FROM_SOURCE=1` runs them from source under tsx, to compare).',
    '- **B1**: POST of the query, 50 connections, closed loop; the bare baseline answers the exact bytes the gateway returned.',
    '  Rounds alternate (bare, gateway, bare, gateway) and are averaged.',
    '- **B1U**: POST of `orderBook(symbol:$s, limit:$n){bids{price quantity} asks{price quantity}}` cycling 20 symbols ×',
    '  limits 1/2/5/10/20, every body distinct (a counter in an undeclared variable), so no memoized response answers;',
    '  the exchange data is warm (depth TTL 1 h on both sides). Baseline: the same schema run by graphql-js `execute` on',
    '  bare node:http (JSON body, one parse + validate per query text, the same cache over the same stub). Alternating rounds.',
    '- **B2**: 50 connections at a fixed 1000 req/s (below saturation: at saturation a closed loop measures throughput, not',
    '  added latency), paced evenly by `bench/lib/paced.ts` (request i due at i ms, on connection i mod 50; sub-ms times',
    "  from hand-off to the connection, so a request queued behind a slow answer counts). autocannon's `overallRate` is not used for the figures: it refills",
    "  each connection's per-second quota on a 1 s timer, so all 50 connections fire back-to-back at the top of every",
    '  second (a 50-deep closed loop, i.e. queueing). The',
    '  baseline is `GET /api/v1/ticker` on the same 2 ms stub; the gateway answers `ticker(symbol)` once with the default',
    '  1 s cache TTL and once with `GATEWAY_CACHE_TTL_MS=getTickers=0,getTicker=0` (every query needs the exchange;',
    '  concurrent ones still share one call).',
    '- **B3**: calls counted at the stub. The catalog (markets, assets) is loaded once at startup and listed separately.',
    '- **B4**: closed loop: the stub exchange publishes the next `ticker.SOL_USDC` event while the slowest subscriber is at',
    '  most 4 events behind. The raw baseline is a `ws` relay speaking minimal graphql-ws (one stringify per event, one',
    '  send per socket); the clients are identical plain `ws` sockets on both sides.',
    '- **B6.sign**: signatures per second of process CPU time (user + system), so other load on the machine does not',
    '  count against it; the wall-clock rate is in the note.',
    "- **B6.orders**: the direct client (the gateway's REST adapter and signer, nothing else) runs in its own child",
    '  process, compiled like the gateway; both send 16 orders at a time to the same sandbox child, in alternating rounds.',
    '- **B5**: `heapUsed + external` of the gateway process after forced GC (`--expose-gc`), before and after N idle',
    '  `ticker` subscriptions (one per socket), divided by N.',
    '- **B7.upstream**: calls counted at the stub while 1000 `ticker` queries/s (paced) go to one gateway, then the same',
    '  load split over two replicas sharing a real `redis-server` (`GATEWAY_REDIS_URL`). Then, on the two replicas:',
    '  `CLIENT PAUSE 2000 ALL` on Redis during a 3 s run, and a 3 s run with Redis killed; answers are also sampled for GraphQL errors.',
    ...(Object.keys(failures).length > 0 ? ['', `Failed: ${Object.keys(failures).join(', ')}`] : []),
    '',
  ].join('\n'),
);
if (complete && Object.keys(failures).length === 0) {
  await updateReadme();
  process.stdout.write('README.md Performance table regenerated from bench/results.json\n');
}
process.exit(Object.keys(failures).length > 0 ? 1 : 0);
