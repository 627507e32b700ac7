import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizedBook, restBook, type SubscribedBook as Book } from '../support/books.ts';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';
import { startGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import type { TestGateway } from '../support/gateway.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 } });
});
afterAll(async () => {
  env?.sandbox.resumeFlow();
  await env?.close();
});

const DEPTH = 15;

const bookOf = (symbol: string): Promise<Book> => restBook(env.sandbox.restUrl, symbol, DEPTH);

/** With the flow paused the book stops moving: wait until the subscriber's latest book reached the REST book's id. */
async function settledBooks(latest: () => Book | undefined): Promise<{ live: Book; rest: Book }> {
  let rest = await bookOf('SOL_USDC');
  await until(() => latest()?.lastUpdateId === rest.lastUpdateId, 'the subscribed book to catch up with REST', {
    timeoutMs: 5000,
  });
  rest = await bookOf('SOL_USDC'); // unchanged if the book is really quiet
  const live = latest();
  if (live === undefined) throw new Error('no book received');
  return { live: normalizedBook(live), rest };
}

const BOOK = `subscription { orderBook(symbol: "SOL_USDC", depth: ${DEPTH}) { symbol bids { price quantity } asks { price quantity } lastUpdateId } }`;

describe('orderBook subscription', () => {
  it('matches the exchange REST depth once the flow pauses, and recovers from an injected sequence gap', async () => {
    const client = wsClient(env.wsUrl);
    const books = collect<Book>(client, BOOK, 'orderBook');
    const latest = () => books.values.at(-1);
    try {
      await until(() => books.values.length >= 3, 'live book snapshots', { timeoutMs: 8000 });
      for (const book of books.values) {
        // Best first and never crossed.
        const [bestBid, bestAsk] = [Number(book.bids[0]?.price), Number(book.asks[0]?.price)];
        expect(bestBid).toBeLessThan(bestAsk);
      }

      env.sandbox.pauseFlow();
      const first = await settledBooks(latest);
      expect(first.live).toEqual(first.rest);
      expect(first.live.bids.length).toBeGreaterThan(0);
      expect(first.live.asks.length).toBeGreaterThan(0);

      const resyncsBefore = env.streams.status().orderBooks.find((b) => b.symbol === 'SOL_USDC')?.counters.resyncs ?? 0;
      env.sandbox.injectDepthGap('SOL_USDC');
      env.sandbox.resumeFlow();
      await until(
        () => (env.streams.status().orderBooks.find((b) => b.symbol === 'SOL_USDC')?.counters.gaps ?? 0) >= 1,
        'the gap to be detected',
        { timeoutMs: 8000 },
      );
      await until(
        () => env.streams.status().orderBooks.find((b) => b.symbol === 'SOL_USDC')?.phase === 'live',
        'the book to resync',
      );
      const {
        body: { data },
      } = await gql<{ streamStatus: { orderBooks: { symbol: string; resyncs: number }[] } }>(
        env,
        '{ streamStatus { orderBooks { symbol phase subscribers resyncs gaps lastResyncReason } } }',
      );
      const status = data?.streamStatus.orderBooks.find((b) => b.symbol === 'SOL_USDC');
      expect(status).toMatchObject({ phase: 'LIVE', subscribers: 1, lastResyncReason: 'gap' });
      expect(status?.resyncs).toBeGreaterThan(resyncsBefore);

      env.sandbox.pauseFlow();
      const second = await settledBooks(latest);
      expect(second.live).toEqual(second.rest);
      expect(books.errors).toEqual([]);
    } finally {
      env.sandbox.resumeFlow();
      await client.dispose();
    }
  });

  it("shows a quiet market's book: a snapshot no delta follows is its current book", async () => {
    // Paused, the market sends no depth delta at all, so nothing ever continues the REST snapshot.
    env.sandbox.pauseFlow();
    const client = wsClient(env.wsUrl);
    const books = collect<Book>(client, BOOK.replace('SOL_USDC', 'ETH_USDC'), 'orderBook');
    try {
      await until(() => books.values.length > 0, "the quiet market's book");
      expect(books.errors).toEqual([]);
      const [book] = books.values;
      if (book === undefined) throw new Error('no book received');
      expect(normalizedBook(book)).toEqual(await bookOf('ETH_USDC'));
    } finally {
      books.stop();
      await client.dispose();
      env.sandbox.resumeFlow();
    }
  });
});
