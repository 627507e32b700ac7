// Micro-benchmark of live fan-out: deliveries per second from one upstream stream to N in-process subscribers.
//
//   npx tsx bench/fanout.ts [--frames 2000] [--subscribers 1,10,100,1000]
//
// Frames enter through a real BackpackStream (over an in-memory socket), are parsed and mapped once, and reach:
//   hub      N raw client queues (the fan-out itself: topic → bounded queues → for-await consumers)
//   graphql  N subscriptions executed by yoga's envelop (the executor graphql-ws uses in the gateway) over the real
//            schema, each result JSON-encoded as graphql-ws does
// Same-run baseline: `reparse` = what a design that parses and maps each frame per subscriber would pay before any
// GraphQL work (JSON.parse + mapping, N times per frame). Numbers are per delivery (one frame to one subscriber).
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { ExecutionResult } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { CachedExchange } from '../src/exchange/cache.ts';
import type { Upstream } from '../src/exchange/cache.ts';
import type { WebSocketConstructor } from '../src/exchange/stream.ts';
import { parseFrame } from '../src/exchange/streamFrame.ts';
import { createContext } from '../src/schema/context.ts';
import { schema } from '../src/schema/index.ts';
import { toTrade } from '../src/schema/subscriptions/marketPayloads.ts';
import { StreamHub } from '../src/streams/hub.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return (index >= 0 ? process.argv[index + 1] : undefined) ?? fallback;
}
const FRAMES = Number(option('frames', '2000'));
const SUBSCRIBER_COUNTS = option('subscribers', '1,10,100,1000').split(',').map(Number);
const CHUNK = 64;

/** The exchange socket BackpackStream talks to, in memory: opens at once, and the bench pushes frames into it. */
class LoopbackSocket extends EventEmitter {
  static current: LoopbackSocket | undefined;
  readyState = 0;
  constructor() {
    super();
    LoopbackSocket.current = this;
    setImmediate(() => {
      this.readyState = 1;
      this.emit('open');
    });
  }
  send(): void {}
  ping(): void {}
  close(): void {
    this.readyState = 3;
  }
  terminate(): void {
    this.readyState = 3;
  }
}

const frames = Array.from({ length: FRAMES }, (_, i) =>
  JSON.stringify({
    stream: 'trade.SOL_USDC',
    data: {
      e: 'trade',
      E: 1788367430000000 + i,
      s: 'SOL_USDC',
      p: '150.25',
      q: '1.5',
      b: `9${i}`,
      a: `8${i}`,
      t: i,
      T: 1788367430000000 + i,
      m: i % 2 === 0,
    },
  }),
);

const upstream: Upstream = {
  requestWithMeta: async <_Req, Res>(def: { name: string }) =>
    ({
      data: (def.name === 'getMarkets' ? [{ symbol: 'SOL_USDC' }] : null) as Res,
      status: 200,
      headers: new Headers(),
    }) as never,
};
const exchange = new CachedExchange(upstream);
const hub = new StreamHub({
  wsUrl: 'ws://loopback',
  keys: [],
  fetchDepth: () => Promise.reject(new Error('no books in this bench')),
  bufferCapacity: 1_000_000,
  orderBookConflateMs: 100,
  streamOptions: { WebSocket: LoopbackSocket as unknown as WebSocketConstructor },
});

const yoga = createYoga({ schema, context: () => createContext({ exchange, account: null, streams: hub }) });
const TRADES =
  'subscription { trades(symbol: "SOL_USDC") { tradeId price quantity buyerOrderId sellerOrderId takerSide engineTime } }';

/** One subscription the way the gateway's graphql-ws transport runs it. */
async function yogaSubscribe(): Promise<AsyncIterator<ExecutionResult>> {
  const { parse, subscribe, contextFactory, schema: envSchema } = yoga.getEnveloped({ params: { query: TRADES } });
  const result = (await subscribe({
    schema: envSchema,
    document: parse(TRADES),
    contextValue: await contextFactory(),
  })) as ExecutionResult | AsyncIterable<ExecutionResult>;
  if (!(Symbol.asyncIterator in result)) throw new Error(JSON.stringify(result));
  return result[Symbol.asyncIterator]();
}

/** Pushes every frame through the socket in chunks, letting consumers drain between chunks (as I/O would). */
async function pump(done: () => boolean): Promise<void> {
  for (let start = 0; start < frames.length; start += CHUNK) {
    for (const frame of frames.slice(start, start + CHUNK)) LoopbackSocket.current?.emit('message', Buffer.from(frame));
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

async function runHub(n: number): Promise<number> {
  let received = 0;
  const queues = Array.from({ length: n }, () =>
    hub.subscribePublic({ stream: 'trade.SOL_USDC', map: toTrade, policy: { kind: 'lossless' } }),
  );
  const consumers = queues.map(async (queue) => {
    for await (const value of queue) if (value !== undefined) received += 1;
  });
  await new Promise((resolve) => setTimeout(resolve, 5)); // socket open + SUBSCRIBE flushed
  const started = performance.now();
  await pump(() => received >= n * FRAMES);
  const elapsed = performance.now() - started;
  await Promise.all(queues.map((queue) => queue.return()));
  await Promise.all(consumers);
  return elapsed;
}

async function runGraphql(n: number): Promise<number> {
  let received = 0;
  let bytes = 0;
  const iterators: AsyncIterator<ExecutionResult>[] = [];
  for (let i = 0; i < n; i += 1) iterators.push(await yogaSubscribe());
  const consumers = iterators.map(async (iterator) => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      bytes += JSON.stringify(next.value).length; // what graphql-ws does per subscriber
      received += 1;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const started = performance.now();
  await pump(() => received >= n * FRAMES);
  const elapsed = performance.now() - started;
  await Promise.all(iterators.map((iterator) => iterator.return?.()));
  await Promise.all(consumers);
  if (bytes === 0) throw new Error('nothing delivered');
  return elapsed;
}

function runReparse(n: number): number {
  let sink = 0;
  const started = performance.now();
  for (const frame of frames) {
    for (let i = 0; i < n; i += 1) {
      const parsed = parseFrame(frame);
      if (parsed.kind === 'data') sink += toTrade(parsed.message.data).symbol.length;
    }
  }
  if (sink === 0) throw new Error('nothing parsed');
  return performance.now() - started;
}

function row(mode: string, n: number, ms: number): string {
  const deliveries = n * FRAMES;
  const perSecond = Math.round((deliveries / ms) * 1000);
  const nsPer = Math.round((ms * 1e6) / deliveries);
  return `${mode.padEnd(8)} ${String(n).padStart(6)} ${String(deliveries).padStart(10)} ${ms.toFixed(1).padStart(10)} ${perSecond.toLocaleString('en-US').padStart(14)} ${String(nsPer).padStart(10)}`;
}

console.log(`fan-out of ${FRAMES} trade frames (node ${process.version})`);
console.log(
  `${'mode'.padEnd(8)} ${'subs'.padStart(6)} ${'deliveries'.padStart(10)} ${'ms'.padStart(10)} ${'deliveries/s'.padStart(14)} ${'ns/deliv'.padStart(10)}`,
);
await runHub(1); // warm-up: JIT, socket open
await runGraphql(1);
for (const n of SUBSCRIBER_COUNTS) {
  console.log(row('hub', n, await runHub(n)));
  console.log(row('graphql', n, await runGraphql(n)));
  console.log(row('reparse', n, runReparse(n)));
}
hub.close();
