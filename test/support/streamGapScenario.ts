// The "orders and trades across exchange-socket kills" scenario, shared by test/subscriptions/streamGaps.test.ts and
// bench/streamGaps.ts: the sandbox, a relay that kills the gateway's exchange socket every few seconds and keeps it
// down for a while, orders placed and filled throughout (outages included), and what `orderUpdates` and `trades`
// delivered over graphql-ws compared with what the exchange says happened.
import { pino } from 'pino';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { createGateway } from '../../src/server.ts';
import type { Gateway } from '../../src/server.ts';
import { collect, wsClient } from './subscriptions.ts';
import { until } from './until.ts';
import { startWsRelay } from './wsRelay.ts';
import type { WsRelay } from './wsRelay.ts';

export interface ScenarioOptions {
  /** Orders placed, one every `stepMs` (default 68 and 200). */
  readonly orders?: number;
  readonly stepMs?: number;
  /** The relay kills the exchange sockets this often and keeps them down this long (default 4000 / 1000). */
  readonly killEveryMs?: number;
  readonly downMs?: number;
}

interface OrderEvent {
  readonly eventType: string;
  readonly orderId: string;
  readonly status: string | null;
  readonly tradeId: string | null;
}

interface TradeEvent {
  readonly tradeId: string | null;
}

export interface ScenarioResult {
  readonly kills: number;
  readonly orders: {
    readonly placed: number;
    readonly placedWhileDown: number;
    /** Orders whose final state (per REST order history) was not the last state `orderUpdates` delivered. */
    readonly finalStateMissing: readonly string[];
    /** Events delivered more than once (accepted, a fill by trade id, the end of an order). */
    readonly duplicates: readonly string[];
    /** Orders whose events arrived out of order (a fill before the accept, anything after the end). */
    readonly outOfOrder: readonly string[];
    readonly gapNotices: number;
  };
  readonly trades: {
    /** Trade ids the exchange made from the first delivered one to the last one it reports. */
    readonly expected: number;
    readonly missing: readonly number[];
    readonly duplicates: number;
    readonly inOrder: boolean;
    readonly gapNotices: number;
  };
}

const SYMBOL = 'SOL_USDC';
const ORDER_QUERY = 'subscription { orderUpdates { eventType orderId status tradeId } }';
const TRADE_QUERY = `subscription { trades(symbol: "${SYMBOL}") { tradeId } }`;

function eventKey(event: OrderEvent): string | null {
  if (event.eventType === 'ORDER_FILL') return event.tradeId === null ? null : `fill:${event.orderId}:${event.tradeId}`;
  if (event.eventType === 'ORDER_ACCEPTED') return `accepted:${event.orderId}`;
  if (event.eventType === 'ORDER_CANCELLED' || event.eventType === 'ORDER_EXPIRED') return `end:${event.orderId}`;
  return null;
}

/** Accepted first, fills next, the end (cancelled/expired, or the fill that filled it) last. */
function inOrder(events: readonly OrderEvent[]): boolean {
  let phase: 'none' | 'open' | 'ended' = 'none';
  for (const event of events) {
    if (phase === 'ended') return false;
    if (event.eventType === 'ORDER_ACCEPTED') {
      if (phase !== 'none') return false;
      phase = 'open';
    } else if (['ORDER_CANCELLED', 'ORDER_EXPIRED'].includes(event.eventType) || event.status === 'FILLED') {
      phase = 'ended';
    } else {
      phase = 'open';
    }
  }
  return true;
}

/** `PartiallyFilled` → `PARTIALLY_FILLED`, as the GraphQL enum serves it. */
const enumName = (wire: string): string => wire.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export interface RelayedGateway {
  readonly sandbox: SandboxHandle;
  /** Between the gateway and the sandbox's WebSocket; the gateway's REST calls go straight to the sandbox. */
  readonly relay: WsRelay;
  readonly gateway: Gateway;
  /** The demo account's REST client (orders placed behind the gateway's back). */
  readonly demoRest: BackpackRest;
  close(): Promise<void>;
}

/** The sandbox, a relay in front of its WebSocket, and a gateway with the demo account's keys behind the relay. */
export async function startRelayedGateway(): Promise<RelayedGateway> {
  const sandbox = await startSandbox({ port: 0, seed: 7 });
  const relay = await startWsRelay(sandbox.wsUrl);
  const demo = sandbox.accountsByName['demo'];
  if (demo === undefined) throw new Error('sandbox has no demo account');
  const env: Record<string, string> = {
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: relay.url,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
    BACKPACK_API_SECRET: demo.apiSecret,
  };
  const gateway = await createGateway(loadConfig(env), {
    logger: pino({ level: process.env.SCENARIO_LOG ?? 'silent' }),
    env,
  });
  return {
    sandbox,
    relay,
    gateway,
    demoRest: BackpackRest.fromConfig(loadConfig(env)),
    close: async () => {
      await gateway.close();
      await relay.close();
      await sandbox.close();
    },
  };
}

export async function runStreamGapScenario(options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const { orders = 68, stepMs = 200, killEveryMs = 4000, downMs = 1000 } = options;
  const { relay, gateway, demoRest, close } = await startRelayedGateway();
  const client = wsClient(gateway.url.replace(/^http/, 'ws'));
  const orderEvents = collect<OrderEvent>(client, ORDER_QUERY, 'orderUpdates');
  const tradeEvents = collect<TradeEvent>(client, TRADE_QUERY, 'trades');
  const placed: string[] = [];
  let placedWhileDown = 0;
  let kills = 0;
  try {
    const hub = gateway.streams;
    await until(
      () =>
        (hub?.status().connections ?? []).filter(
          (connection) => connection.state === 'open' && connection.streams.length > 0,
        ).length === 2,
      'both exchange sockets to subscribe',
      { timeoutMs: 10_000 },
    );
    const ticker = await demoRest.call('getTicker', { symbol: SYMBOL });
    const last = Number(ticker.lastPrice);
    const price = (factor: number): string => (Math.round(last * factor * 100) / 100).toFixed(2);

    const killer = setInterval(() => {
      kills += 1;
      relay.kill(downMs);
    }, killEveryMs);
    const resting: string[] = [];
    for (let step = 0; step < orders; step += 1) {
      const side = step % 2 === 0 ? 'Bid' : 'Ask';
      const down = relay.down;
      try {
        const kind = step % 4;
        const order =
          kind === 1
            ? // Rests far from the market; cancelled two orders later (the cancel may fall in an outage).
              await demoRest.call('executeOrder', {
                symbol: SYMBOL,
                side: 'Bid',
                orderType: 'Limit',
                price: price(0.8),
                quantity: '0.1',
              })
            : kind === 3
              ? // Crosses the book: fills at once, partly or fully.
                await demoRest.call('executeOrder', {
                  symbol: SYMBOL,
                  side,
                  orderType: 'Limit',
                  price: price(side === 'Bid' ? 1.05 : 0.95),
                  quantity: '0.2',
                  timeInForce: 'IOC',
                })
              : await demoRest.call('executeOrder', { symbol: SYMBOL, side, orderType: 'Market', quantity: '0.1' });
        placed.push(order.id);
        if (down) placedWhileDown += 1;
        if (kind === 1) resting.push(order.id);
        if (resting.length > 1 && kind === 3) {
          const orderId = resting.shift();
          if (orderId !== undefined) await demoRest.call('cancelOrder', { symbol: SYMBOL, orderId });
        }
      } catch {
        // A rejected order (funds, price band) is not part of the comparison.
      }
      await new Promise((resolve) => setTimeout(resolve, stepMs));
    }
    clearInterval(killer);
    for (const orderId of resting) await demoRest.call('cancelOrder', { symbol: SYMBOL, orderId }).catch(() => null);

    // Ground truth once the exchange is quiet for this account.
    const history = await demoRest.call('getOrderHistory', { symbol: SYMBOL, limit: 1000 });
    const finalStatus = new Map(history.map((row) => [row.id, enumName(row.status)]));
    const lastStatus = () => {
      const status = new Map<string, string | null>();
      for (const event of orderEvents.values)
        if (event.eventType !== 'STREAM_GAP') status.set(event.orderId, event.status);
      return status;
    };
    const missing = () => placed.filter((id) => lastStatus().get(id) !== finalStatus.get(id));
    // Delivered, or given up on after a while (the code before reconciliation never delivers some of them).
    await until(() => !relay.down && missing().length === 0, 'every final order state', { timeoutMs: 20_000 }).catch(
      () => undefined,
    );
    const recent = await demoRest.call('getRecentTrades', { symbol: SYMBOL, limit: 1000 });
    const lastTradeId = Math.max(...recent.map((trade) => trade.id ?? 0));
    const tradeIds = () =>
      tradeEvents.values.flatMap((event) => (event.tradeId === null ? [] : [Number(event.tradeId)]));
    await until(() => tradeIds().includes(lastTradeId), 'the last trade', { timeoutMs: 15_000 }).catch(() => undefined);

    const seen = new Set<string>();
    const duplicates: string[] = [];
    const byOrder = new Map<string, OrderEvent[]>();
    for (const event of orderEvents.values) {
      if (event.eventType === 'STREAM_GAP') continue;
      const key = eventKey(event);
      if (key !== null && seen.has(key)) duplicates.push(key);
      if (key !== null) seen.add(key);
      byOrder.set(event.orderId, [...(byOrder.get(event.orderId) ?? []), event]);
    }
    const delivered = tradeIds();
    const first = delivered[0] ?? lastTradeId + 1;
    const expected = recent
      .map((trade) => trade.id ?? 0)
      .filter((id) => id >= first && id <= lastTradeId)
      .sort((a, b) => a - b);
    const deliveredSet = new Set(delivered);
    return {
      kills,
      orders: {
        placed: placed.length,
        placedWhileDown,
        finalStateMissing: missing(),
        duplicates,
        outOfOrder: placed.filter((id) => !inOrder(byOrder.get(id) ?? [])),
        gapNotices: orderEvents.values.filter((event) => event.eventType === 'STREAM_GAP').length,
      },
      trades: {
        expected: expected.length,
        missing: expected.filter((id) => !deliveredSet.has(id)),
        duplicates: delivered.length - deliveredSet.size,
        inOrder: delivered.every((id, index) => index === 0 || id > (delivered[index - 1] ?? 0)),
        gapNotices: tradeEvents.values.filter((event) => event.tradeId === null).length,
      },
    };
  } finally {
    orderEvents.stop();
    tradeEvents.stop();
    await client.dispose();
    await close();
  }
}
