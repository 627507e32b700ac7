// Replica mode, Redis coming back after an outage: the replicas' own fallback sockets close again, so the exchange sees
// one socket and one subscription per stream, and subscribers see every event once, in order, with books equal to REST.
// Against a real redis-server (killed and restarted) and the sandbox with its live flow; the sandbox counts sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import type { TestGateway } from '../support/gateway.ts';
import { normalizedBook, orderBookSubscription, restBook, type SubscribedBook as Book } from '../support/books.ts';
import { startTwoReplicas, type RedisServer, type TwoReplicas } from '../support/redis.ts';
import { collect, wsClient, type Collected } from '../support/subscriptions.ts';
import { until } from '../support/until.ts';

const DEPTH = 10;
const TICKER = 'subscription { ticker(symbol: "SOL_USDC") { eventTime } }';
const TRADES = 'subscription { trades(symbol: "SOL_USDC") { tradeId } }';
const BOOK = orderBookSubscription('SOL_USDC', DEPTH);
const STREAMS = ['ticker.SOL_USDC', 'depth.SOL_USDC', 'trade.SOL_USDC'];

let replicas: TwoReplicas;
let redis: RedisServer;
let env: TestGateway;
let second: Gateway;

beforeAll(async () => {
  replicas = await startTwoReplicas({ sandbox: { seed: 21 }, account: null });
  ({ redis, env, second } = replicas);
});
afterAll(async () => {
  env?.sandbox.resumeFlow();
  await replicas?.close();
});

/** Exchange sockets open right now, and how many of them are subscribed to each stream (the sandbox's own view). */
const sockets = (): number => env.sandbox.stats.ws().connections;
const subscribed = (stream: string): number => env.sandbox.stats.ws().subscriptions[stream] ?? 0;
const everyStream = (count: number): boolean => STREAMS.every((stream) => subscribed(stream) === count);

const solBook = (): Promise<Book> => restBook(env.sandbox.restUrl, 'SOL_USDC', DEPTH);
const tradeIds = (trades: Collected<{ tradeId: string | null }>): number[] =>
  trades.values.flatMap((event) => (event.tradeId === null ? [] : [Number(event.tradeId)]));

describe('Redis returns after an outage', () => {
  it('closes the fallback sockets: one exchange socket and one subscription per stream again, no gap, no repeat', async () => {
    const clients = [wsClient(env.wsUrl), wsClient(second.url.replace(/^http/, 'ws'))];
    const ticks = clients.map((client) => collect<{ eventTime: string }>(client, TICKER, 'ticker'));
    const books = clients.map((client) => collect<Book>(client, BOOK, 'orderBook'));
    const trades = clients.map((client) => collect<{ tradeId: string | null }>(client, TRADES, 'trades'));
    try {
      await until(
        () => ticks.every((each) => each.values.length >= 1) && books.every((each) => each.values.length >= 1),
        'both replicas fed',
        10_000,
      );
      await until(() => everyStream(1), 'one exchange subscription per stream');
      expect(sockets()).toBe(1);

      await redis.kill();
      // Each replica falls back to a socket of its own.
      await until(() => everyStream(2) && sockets() === 2, 'each replica on its own socket', 10_000);

      await redis.restart();
      await until(() => everyStream(1), 'one exchange subscription per stream again', 15_000);
      // The replica that follows the relay again closes the socket it opened for the outage.
      await until(() => sockets() === 1, 'the fallback socket to close', 15_000);
      const settled = ticks.map((each) => each.values.length);
      await until(() => ticks.every((each, index) => each.values.length >= (settled[index] ?? 0) + 2), 'ticks after');
      expect(everyStream(1)).toBe(true);
      expect(sockets()).toBe(1);

      // Every tick once, in order, on both replicas.
      for (const each of ticks) {
        const times = each.values.map((tick) => Date.parse(tick.eventTime));
        expect(times.every((time, index) => index === 0 || time > (times[index - 1] ?? 0))).toBe(true);
      }
      // A book resynced during the outage goes live at the first delta after its snapshot: pause the flow only then.
      await until(
        () => [env.gateway, second].every((gateway) => gateway.streams.status().orderBooks[0]?.phase === 'live'),
        'both books live',
      );
      env.sandbox.pauseFlow();
      // Every trade id once, in order, none missing (the flow trades on its own throughout).
      const recent = (await (
        await fetch(`${env.sandbox.restUrl}/api/v1/trades?symbol=SOL_USDC&limit=1000`)
      ).json()) as { id: number }[];
      const lastTradeId = Math.max(...recent.map((trade) => trade.id));
      for (const each of trades) {
        await until(() => tradeIds(each).includes(lastTradeId), 'the last trade');
        const delivered = tradeIds(each).filter((id) => id <= lastTradeId);
        const expected = recent
          .map((trade) => trade.id)
          .filter((id) => id >= (delivered[0] ?? 0) && id <= lastTradeId)
          .sort((a, b) => a - b);
        expect(delivered).toEqual(expected);
      }
      // Each replica's order book equals the exchange's once the flow is paused.
      let rest = await solBook();
      for (const each of books) {
        await until(() => each.values.at(-1)?.lastUpdateId === rest.lastUpdateId, 'the book to catch up with REST');
      }
      rest = await solBook();
      for (const each of books) expect(normalizedBook(each.values.at(-1) as Book)).toEqual(rest);
      expect([...ticks, ...books, ...trades].flatMap((each) => each.errors)).toEqual([]);
    } finally {
      env.sandbox.resumeFlow();
      await Promise.all(clients.map((client) => client.dispose()));
    }
  }, 90_000);

  it('opens a socket again on the next outage, and closes every socket once the last subscriber leaves', async () => {
    const clients = [wsClient(env.wsUrl), wsClient(second.url.replace(/^http/, 'ws'))];
    const ticks = clients.map((client) => collect<{ eventTime: string }>(client, TICKER, 'ticker'));
    try {
      await until(() => ticks.every((each) => each.values.length >= 1), 'both replicas fed', 10_000);
      await until(() => subscribed('ticker.SOL_USDC') === 1 && sockets() === 1, 'one socket, one subscription');

      await redis.kill();
      await until(() => subscribed('ticker.SOL_USDC') === 2 && sockets() === 2, 'a socket per replica', 10_000);
      const killed = ticks.map((each) => each.values.length);
      await until(() => ticks.every((each, index) => each.values.length > (killed[index] ?? 0)), 'ticks without Redis');

      await redis.restart();
      await until(() => subscribed('ticker.SOL_USDC') === 1 && sockets() === 1, 'one socket again', 15_000);
      expect(ticks.flatMap((each) => each.errors)).toEqual([]);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
    await until(() => sockets() === 0, 'no exchange socket without subscribers', 15_000);
  }, 90_000);
});
