// B4: one upstream ticker stream fanned out to N graphql-ws subscribers, vs a raw `ws` relay doing the least possible
// per delivery (one stringify per message, one send per socket). Closed loop: the stub exchange publishes the next
// ticker only while the slowest subscriber is at most WINDOW messages behind, so both sides run at their own maximum.
import { startChild } from './lib/child.ts';
import { tickerEvent } from './lib/fixtures.ts';
import type { Figure } from './lib/report.ts';
import { openSubscribers, type Subscribers } from './lib/subscribers.ts';
import { sleep, startGateway } from './lib/targets.ts';
import { startStubRest, StubStreams } from './lib/upstream.ts';
import type { Settings } from './settings.ts';

const SYMBOL = 'SOL_USDC';
const STREAM = `ticker.${SYMBOL}`;
const WINDOW = 4;
export const B4_SUBSCRIPTION = `subscription { ticker(symbol: "${SYMBOL}") { symbol lastPrice volume trades } }`;

interface Pumped {
  readonly deliveriesPerSecond: number;
  readonly messagesPerSecond: number;
  readonly delivered: number;
  readonly messages: number;
  readonly seconds: number;
}

/** Publishes numbered tickers as fast as the slowest subscriber keeps up (within WINDOW) for `seconds`. */
async function pump(
  stub: StubStreams,
  subscribers: Subscribers,
  counter: { next: number },
  seconds: number,
): Promise<Pumped> {
  const firstDelivered = subscribers.delivered();
  const firstMessage = counter.next;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    while (counter.next - subscribers.lowestSeen() <= WINDOW) stub.publish(STREAM, tickerEvent(SYMBOL, counter.next++));
    await Promise.race([subscribers.reached(counter.next - WINDOW), sleep(2_000)]);
  }
  await Promise.race([subscribers.reached(counter.next - 1), sleep(5_000)]);
  const elapsed = (performance.now() - started) / 1000;
  const delivered = subscribers.delivered() - firstDelivered;
  const messages = counter.next - firstMessage;
  return {
    deliveriesPerSecond: delivered / elapsed,
    messagesPerSecond: messages / elapsed,
    delivered,
    messages,
    seconds: elapsed,
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function measure(
  url: string,
  count: number,
  stub: StubStreams,
  ready: () => Promise<boolean>,
  settings: Settings,
  cpu?: () => Promise<NodeJS.CpuUsage>,
): Promise<Pumped & { errors: number; cpuMicros?: number }> {
  const subscribers = await openSubscribers(url, count, B4_SUBSCRIPTION);
  try {
    await waitFor(ready, `${count} subscriptions`);
    await stub.subscribed(STREAM);
    const counter = { next: 1 };
    await pump(stub, subscribers, counter, settings.warmupSeconds);
    const before = await cpu?.();
    const result = await pump(stub, subscribers, counter, settings.seconds);
    const after = await cpu?.();
    const cpuMicros = before && after ? after.user + after.system - before.user - before.system : undefined;
    return { ...result, errors: subscribers.errors(), ...(cpuMicros !== undefined ? { cpuMicros } : {}) };
  } finally {
    await subscribers.close();
  }
}

async function rawRound(count: number, settings: Settings): Promise<Pumped & { errors: number; cpuMicros?: number }> {
  const stub = await StubStreams.start();
  const raw = await startChild<{ url: string }>('rawWs', { env: { BACKPACK_WS_URL: stub.url, BENCH_STREAM: STREAM } });
  try {
    return await measure(
      raw.info.url,
      count,
      stub,
      async () => (await raw.call<number>('subscribers')) >= count,
      settings,
      () => raw.call<NodeJS.CpuUsage>('cpu'),
    );
  } finally {
    await raw.stop();
    await stub.close();
  }
}

async function gatewayRound(
  restUrl: string,
  count: number,
  settings: Settings,
): Promise<Pumped & { errors: number; upstreamSockets: number; cpuMicros?: number }> {
  const stub = await StubStreams.start();
  const gateway = await startGateway(restUrl, { wsUrl: stub.url });
  try {
    const result = await measure(
      gateway.info.url.replace(/^http/, 'ws'),
      count,
      stub,
      async () =>
        ((await gateway.call<{ subscriptions: { active: number } } | null>('hub'))?.subscriptions.active ?? 0) >= count,
      settings,
      () => gateway.call<NodeJS.CpuUsage>('cpu'),
    );
    return { ...result, upstreamSockets: stub.accepted };
  } finally {
    await gateway.stop();
    await stub.close();
  }
}

/** Each round's process CPU per delivery (µs), "11.2/10.8". */
function cpuPerDelivery(runs: readonly (Pumped & { cpuMicros?: number })[]): string {
  return runs.map((run) => ((run.cpuMicros ?? Number.NaN) / run.delivered).toFixed(1)).join('/');
}

export async function b4(settings: Settings): Promise<{ figures: Figure[]; raw: unknown }> {
  const count = settings.subscribers;
  const rest = await startStubRest(0);
  const baselines: (Pumped & { errors: number; cpuMicros?: number })[] = [];
  const measured: (Pumped & { errors: number; upstreamSockets: number; cpuMicros?: number })[] = [];
  try {
    // Alternate the two so drift on a shared machine hits both alike.
    for (let round = 0; round < settings.rounds; round += 1) {
      baselines.push(await rawRound(count, settings));
      measured.push(await gatewayRound(rest.url, count, settings));
    }
  } finally {
    await rest.close();
  }
  const mean = (runs: readonly Pumped[]): number =>
    runs.reduce((sum, run) => sum + run.deliveriesPerSecond, 0) / runs.length;
  const gateway = mean(measured);
  const baseline = mean(baselines);
  const errors = measured.reduce((sum, run) => sum + run.errors, 0);
  const sockets = Math.max(...measured.map((run) => run.upstreamSockets));
  return {
    figures: [
      {
        id: 'B4',
        bench: 'B4',
        metric: `fan-out: ticker deliveries/s to ${count} graphql-ws subscribers`,
        value: gateway,
        unit: 'msg/s',
        baseline,
        baselineLabel: 'raw ws relay',
        compare: 'ratio',
        target: '>= 80 %',
        met: gateway / baseline >= 0.8 && errors === 0,
        note:
          `${settings.rounds} alternating rounds of ${settings.seconds} s; upstream msgs/s gateway ` +
          `${measured.map((run) => run.messagesPerSecond.toFixed(0)).join('/')}, raw ` +
          `${baselines.map((run) => run.messagesPerSecond.toFixed(0)).join('/')}; client errors ${errors}; gateway CPU ` +
          // CPU time per delivery holds still on a busy machine where deliveries/s do not.
          `${cpuPerDelivery(measured)} µs per delivery, raw relay ${cpuPerDelivery(baselines)} µs`,
      },
      {
        id: 'B4.sockets',
        bench: 'B4',
        metric: 'fan-out: upstream sockets opened by the gateway',
        value: sockets,
        unit: 'sockets',
        target: '= 1',
        met: sockets === 1,
      },
    ],
    raw: { gateway: measured, baseline: baselines },
  };
}
