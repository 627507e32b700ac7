import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { until } from '../support/until.ts';
import { startGateway } from '../support/gateway.ts';
import type { TestGateway } from '../support/gateway.ts';

const BUFFER = 16;

let env: TestGateway;
beforeAll(async () => {
  // No live flow: the test is the only source of trades and book changes, so counts are deterministic. Book
  // snapshots are emitted on every change, so the client queue (not the feed's timer) is what conflates them.
  env = await startGateway({
    sandbox: { seed: 7, flow: { enabled: false } },
    env: { GATEWAY_SUBSCRIPTION_BUFFER: String(BUFFER), GATEWAY_ORDERBOOK_CONFLATE_MS: '0' },
  });
});
afterAll(async () => {
  await env?.close();
});

interface ProtocolMessage {
  readonly id?: string;
  readonly type: string;
  readonly payload?: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** A graphql-transport-ws client on a raw socket, so the test can stop reading at the TCP level. */
async function rawClient(url: string): Promise<{ socket: WebSocket; messages: ProtocolMessage[]; tcp: Socket }> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const messages: ProtocolMessage[] = [];
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as ProtocolMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await until(() => messages.some((m) => m.type === 'connection_ack'), 'connection_ack');
  return { socket, messages, tcp: (socket as unknown as { _socket: Socket })._socket };
}

let tradeId = 1;
function publishTrades(count: number): void {
  for (let i = 0; i < count; i += 1) {
    const id = tradeId++;
    env.sandbox.services.sink.publish('trade.SOL_USDC', {
      e: 'trade',
      E: 1788367430000000 + id,
      s: 'SOL_USDC',
      p: '150.25',
      q: '1.5',
      b: `9${id}`,
      a: `8${id}`,
      t: id,
      T: 1788367430000000 + id,
      m: id % 2 === 0,
    });
  }
}

/** A resting bid from the demo account, far enough below the market that nothing trades: one book change. */
async function restingBid(offset: number): Promise<void> {
  await env.rest.call('executeOrder', {
    symbol: 'SOL_USDC',
    side: 'Bid',
    orderType: 'Limit',
    price: (140 + offset / 100).toFixed(2),
    quantity: '0.01',
  });
}

async function restLastUpdateId(): Promise<string> {
  const response = await fetch(`${env.sandbox.restUrl}/api/v1/depth?symbol=SOL_USDC&limit=5`);
  return String(((await response.json()) as { lastUpdateId: string }).lastUpdateId);
}

const lastOf = (messages: ProtocolMessage[], id: string) => messages.filter((m) => m.id === id).at(-1);

/** Trades at a pace a reading client follows easily: batches smaller than the buffer, with a pause between them. */
async function tradeBatch(): Promise<void> {
  publishTrades(BUFFER / 2);
  await new Promise((resolve) => setTimeout(resolve, 5));
}

// Aliased market links make every frame a few kB, so the kernel's socket buffers fill after a few hundred frames.
const MARKET =
  'market { symbol baseSymbol quoteSymbol marketType filters { price { tickSize minPrice } quantity { stepSize minQuantity } } }';
const TRADES = `subscription { trades(symbol: "SOL_USDC") { tradeId price quantity takerSide engineTime ${Array.from({ length: 16 }, (_, i) => `m${i}: ${MARKET}`).join(' ')} } }`;
const tradeIds = (messages: ProtocolMessage[]) =>
  messages.flatMap((m) => {
    const trade =
      m.id === 'trades' ? (m.payload?.data?.['trades'] as { tradeId?: string } | null | undefined) : undefined;
    return trade?.tradeId ? [Number(trade.tradeId)] : [];
  });

describe('a client that stops reading', () => {
  it('gets SUBSCRIPTION_OVERFLOW on a lossless stream and only the latest order book, the gateway holding no more than its bound', async () => {
    const { socket, messages, tcp } = await rawClient(env.wsUrl);
    try {
      socket.send(JSON.stringify({ id: 'trades', type: 'subscribe', payload: { query: TRADES } }));
      socket.send(
        JSON.stringify({
          id: 'book',
          type: 'subscribe',
          payload: { query: 'subscription { orderBook(symbol: "SOL_USDC", depth: 50) { lastUpdateId } }' },
        }),
      );
      await until(
        () => (env.sandbox.stats.ws().subscriptions['trade.SOL_USDC'] ?? 0) === 1,
        'the upstream trade subscription',
      );
      await restingBid(0); // without live flow the local book goes live on its first delta
      await until(() => messages.some((m) => m.id === 'book' && m.type === 'next'), 'the first book');

      // A client that reads keeps up: 200 trades, no overflow.
      for (let batch = 0; batch < 25; batch += 1) await tradeBatch();
      await until(() => tradeIds(messages).length === 200, 'all 200 trades to arrive');
      expect(env.streams.status().subscriptions.overflows).toBe(0);

      tcp.pause(); // the client stops reading: kernel buffers fill, then the gateway's writes stop completing
      let maxBufferedBytes = 0;
      for (let batch = 0; batch < 3000 && env.streams.status().subscriptions.overflows === 0; batch += 1) {
        await tradeBatch();
        const status = env.streams.status();
        expect(status.subscriptions.maxQueueLength).toBeLessThanOrEqual(BUFFER);
        maxBufferedBytes = Math.max(maxBufferedBytes, status.clients?.maxBufferedBytes ?? 0);
      }
      let status = env.streams.status();
      expect(status.subscriptions.overflows).toBe(1);
      expect(status.subscriptions.peakQueueLength).toBe(BUFFER);
      // graphql-ws takes the next value only after the previous frame was written: `ws` holds a frame or two at most.
      expect(maxBufferedBytes).toBeLessThan(256 * 1024);
      // The trades subscription ended and released its upstream listener; the conflated order book is still open.
      expect(status.subscriptions.active).toBe(1);
      await until(() => env.sandbox.stats.ws().unsubscribes['trade.SOL_USDC'] === 1, 'the upstream UNSUBSCRIBE');

      // The socket is still congested: book changes wait in the book's queue, each newer one replacing the last.
      const conflatedBefore = status.subscriptions.conflated;
      for (let i = 1; i <= 10 && env.streams.status().subscriptions.conflated === conflatedBefore; i += 1) {
        await restingBid(i);
        await until(
          () => (env.streams.status().orderBooks[0]?.counters.applied ?? 0) > i,
          'the book change to be applied',
        );
        expect(env.streams.status().subscriptions.maxQueueLength).toBeLessThanOrEqual(1);
      }
      status = env.streams.status();
      expect(status.subscriptions.conflated).toBeGreaterThan(conflatedBefore);
      expect(status.subscriptions).toMatchObject({ active: 1, overflows: 1 });

      publishTrades(100); // cannot reach the ended subscription
      tcp.resume();
      await until(() => lastOf(messages, 'trades')?.type === 'complete', 'the trades subscription to complete', {
        timeoutMs: 10_000,
      });
      const ending = messages.filter((m) => m.id === 'trades').at(-2);
      expect(ending?.type).toBe('next');
      expect(ending?.payload?.errors?.[0]?.extensions).toMatchObject({
        code: 'SUBSCRIPTION_OVERFLOW',
        bufferCapacity: BUFFER,
      });
      expect(ending?.payload?.errors?.[0]?.message).toMatch(/did not keep up/);
      // What it did get was in order and without gaps: the loss is only at the end, and it is told about it.
      const ids = tradeIds(messages);
      expect(ids).toEqual(ids.map((_, i) => (ids[0] ?? 0) + i));

      // The order book subscription carries on with the latest state, not a backlog.
      const latestId = await restLastUpdateId();
      await until(
        () =>
          (lastOf(messages, 'book')?.payload?.data?.['orderBook'] as { lastUpdateId?: string } | undefined)
            ?.lastUpdateId === latestId,
        'the latest book',
      );
      expect(messages.filter((m) => m.id === 'book' && m.type !== 'next')).toEqual([]);
    } finally {
      tcp.resume();
      socket.close();
    }
  });
});
