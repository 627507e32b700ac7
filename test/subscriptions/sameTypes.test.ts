// Queries and subscriptions speak the same types: one OrderBook (same `depth` argument, `lastUpdateId` and
// `timestamp` in both), one Trade (`recentTrades` and the `trades` stream), `trades(snapshot:)` starting with the
// most recent trades, and the old names still answering as deprecated aliases. End to end against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDecimal } from '../../src/exchange/orderBook.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { until } from '../support/until.ts';

let env: TestGateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 37, flow: { enabled: false } } });
});

afterAll(async () => {
  await env?.close();
});

interface TradeRow {
  __typename: string;
  id: string;
  price: string;
  quantity: string;
  quoteQuantity: string;
  timestamp: string;
  isBuyerMaker: boolean;
  takerSide: string;
}
type LiveTrade = TradeRow & { tradeId: string; engineTime: string; buyerIsMaker: boolean };

const TRADE_FIELDS = '__typename id price quantity quoteQuantity timestamp isBuyerMaker takerSide';

/**
 * A trade by value: the stream spells decimals as the engine prints them (`0.10`) and times to the microsecond,
 * REST trims zeros and sends milliseconds; the same trade reads as the same values.
 */
const valueOf = (row: TradeRow) => ({
  __typename: row.__typename,
  id: row.id,
  price: normalizeDecimal(row.price),
  quantity: normalizeDecimal(row.quantity),
  quoteQuantity: normalizeDecimal(row.quoteQuantity),
  timestamp: Math.floor(Date.parse(row.timestamp)),
  isBuyerMaker: row.isBuyerMaker,
  takerSide: row.takerSide,
});

async function trade(side: 'Bid' | 'Ask'): Promise<void> {
  await env.rest.call('executeOrder', { symbol: 'SOL_USDC', side, orderType: 'Market', quantity: '0.1' });
}

async function recentTrades(limit: number): Promise<TradeRow[]> {
  const { body } = await gql<{ recentTrades: TradeRow[] }>(
    env,
    `{ recentTrades(symbol: "SOL_USDC", limit: ${limit}) { ${TRADE_FIELDS} } }`,
  );
  expect(body.errors).toBeUndefined();
  return body.data?.recentTrades ?? [];
}

describe('trades: one Trade type, and a snapshot to start from', () => {
  it('starts with the most recent trades of recentTrades, oldest first, then live trades without repeats', async () => {
    for (const side of ['Bid', 'Ask', 'Bid', 'Ask', 'Bid', 'Ask'] as const) await trade(side);
    const recent = await recentTrades(4);
    expect(recent).toHaveLength(4);

    const client = wsClient(env.wsUrl);
    try {
      const tape = collect<LiveTrade>(
        client,
        `subscription { trades(symbol: "SOL_USDC", snapshot: 4) { ${TRADE_FIELDS} tradeId engineTime buyerIsMaker } }`,
        'trades',
      );
      await until(() => tape.values.length >= 4, 'the snapshot trades');
      // The snapshot is exactly what recentTrades answers, in tape order (oldest first), as the same type.
      expect(tape.values.slice(0, 4).map(valueOf)).toEqual([...recent].reverse().map(valueOf));

      await until(() => env.sandbox.stats.ws().subscribes['trade.SOL_USDC'] !== undefined, 'the upstream stream');
      await trade('Bid');
      await trade('Ask');
      const after = (await recentTrades(1000)).filter((row) => BigInt(row.id) > BigInt(recent[0]?.id ?? '0'));
      expect(after.length).toBeGreaterThanOrEqual(2);
      await until(() => tape.values.length >= 4 + after.length, 'the live trades');

      const ids = tape.values.map((row) => BigInt(row.id));
      // In order of trade id, each exactly once, with no hole between the snapshot and the live trades.
      ids.forEach((id, index) => index > 0 && expect(id).toBe((ids[index - 1] as bigint) + 1n));
      expect(tape.values.slice(4).map(valueOf)).toEqual([...after].reverse().map(valueOf));
      // The stream's old field names still answer, with the same values as the new ones.
      for (const row of tape.values) {
        expect(row.__typename).toBe('Trade');
        expect(row.tradeId).toBe(row.id);
        expect(row.buyerIsMaker).toBe(row.isBuyerMaker);
        expect(Date.parse(row.engineTime)).toBe(Date.parse(row.timestamp));
      }
      expect(tape.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('refuses an out-of-range snapshot and an unknown symbol before any exchange call', async () => {
    const client = wsClient(env.wsUrl);
    try {
      const before = env.upstreamCount();
      const big = collect(client, 'subscription { trades(symbol: "SOL_USDC", snapshot: 1001) { id } }', 'trades');
      const unknown = collect(client, 'subscription { trades(symbol: "FOO_BAR", snapshot: 5) { id } }', 'trades');
      await until(() => big.completed && unknown.completed, 'both subscriptions to end');
      expect(big.errors).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT', field: 'snapshot' } }]);
      expect(unknown.errors).toMatchObject([
        {
          extensions: { code: 'UNKNOWN_SYMBOL', suggestions: expect.arrayContaining([expect.any(String)]) as unknown },
        },
      ]);
      expect(env.upstreamCount() - before).toBeLessThanOrEqual(1); // at most the catalog's rate-limited refresh
      expect(env.sandbox.stats.ws().subscribes['trade.FOO_BAR']).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });
});

interface BookRow {
  __typename: string;
  symbol: string;
  lastUpdateId: string;
  timestamp: string | null;
  bids: { price: string; quantity: string }[];
  asks: { price: string; quantity: string }[];
}
const BOOK_FIELDS = '__typename symbol lastUpdateId timestamp bids { price quantity } asks { price quantity }';

describe('orderBook: one type and one depth argument', () => {
  it('answers the query and the subscription with the same OrderBook, lastUpdateId and timestamp in both', async () => {
    const client = wsClient(env.wsUrl);
    try {
      const books = collect<BookRow>(
        client,
        `subscription { orderBook(symbol: "SOL_USDC", depth: 3) { ${BOOK_FIELDS} } }`,
        'orderBook',
      );
      // The local book goes live with the first change after its snapshot: join the best bid with a resting order.
      await until(() => env.sandbox.stats.ws().subscribes['depth.SOL_USDC'] !== undefined, 'the upstream stream');
      const [bestBid] = (await env.rest.call('getDepth', { symbol: 'SOL_USDC', limit: '5' })).bids.slice(-1);
      await env.rest.call('executeOrder', {
        symbol: 'SOL_USDC',
        side: 'Bid',
        orderType: 'Limit',
        price: bestBid?.[0] ?? '',
        quantity: '0.1',
      });
      await until(() => books.values.length >= 1, 'a live book');
      const live = books.values.at(-1);
      const { body } = await gql<{ orderBook: BookRow }>(
        env,
        `{ orderBook(symbol: "SOL_USDC", depth: 3) { ${BOOK_FIELDS} } }`,
      );
      expect(body.errors).toBeUndefined();
      const queried = body.data?.orderBook;
      // Nothing changed since: the live book is the queried one (prices compared as numbers, spelling may differ).
      expect(queried?.__typename).toBe('OrderBook');
      expect(live?.__typename).toBe('OrderBook');
      expect(queried?.bids).toHaveLength(3);
      expect(live?.lastUpdateId).toBe(queried?.lastUpdateId);
      expect(Number.isNaN(Date.parse(queried?.timestamp ?? ''))).toBe(false);
      expect(Number.isNaN(Date.parse(live?.timestamp ?? ''))).toBe(false);
      const numbers = (book: BookRow | undefined) =>
        [...(book?.bids ?? []), ...(book?.asks ?? [])].map((l) => [Number(l.price), Number(l.quantity)]);
      expect(numbers(live)).toEqual(numbers(queried));
      expect(books.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('keeps `limit` as a deprecated alias of `depth` in the query, with the same range check', async () => {
    const { body } = await gql<{ byLimit: BookRow; byDepth: BookRow; market: { orderBook: BookRow } }>(
      env,
      `{ byLimit: orderBook(symbol: "SOL_USDC", limit: 2) { ${BOOK_FIELDS} }
         byDepth: orderBook(symbol: "SOL_USDC", depth: 2) { ${BOOK_FIELDS} }
         market(symbol: "SOL_USDC") { orderBook(limit: 2) { bids { price } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.byLimit.bids).toHaveLength(2);
    expect(body.data?.byLimit).toEqual(body.data?.byDepth);
    expect(body.data?.market.orderBook.bids).toHaveLength(2);

    const before = env.upstreamCount();
    const tooDeep = await gql(env, '{ orderBook(symbol: "SOL_USDC", depth: 1001) { lastUpdateId } }');
    const tooLong = await gql(env, '{ orderBook(symbol: "SOL_USDC", limit: 0) { lastUpdateId } }');
    expect(tooDeep.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    const unknown = await gql(env, '{ orderBook(symbol: "FOO_BAR", depth: 5) { lastUpdateId } }');
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
    expect(env.upstreamCount() - before).toBeLessThanOrEqual(1); // at most the catalog's rate-limited refresh
  });
});
