// Order book panel: asks above, bids below, each level with a cumulative depth bar, from the `orderBook` subscription.
import { useSubscription } from '@urql/preact';
import { useEffect } from 'preact/hooks';
import { decimalsOf, toDecimals, trimDecimal } from '../format.ts';
import { OrderBookLiveDocument } from '../generated/graphql.ts';
import { pickedPrice, type MarketInfo } from '../state.ts';

const LEVELS = 10;
/** Marked once per page load: how long the first book took to reach the screen (read by the browser tests). */
const FIRST_BOOK_MARK = 'orderbook-first-render';

interface Level {
  readonly price: string;
  readonly quantity: string;
  readonly cumulative: number;
}

function withCumulative(levels: readonly { price?: string | null; quantity?: string | null }[]): Level[] {
  let total = 0;
  return levels.slice(0, LEVELS).map((level) => {
    total += Number(level.quantity ?? 0);
    return { price: level.price ?? '', quantity: level.quantity ?? '', cumulative: total };
  });
}

function Row({ side, level, max, decimals }: { side: 'bid' | 'ask'; level: Level; max: number; decimals: number }) {
  const width = max > 0 ? Math.min(100, (level.cumulative / max) * 100) : 0;
  return (
    <div
      class={`book-row ${side}`}
      data-testid={`orderbook-${side}`}
      title="Use this price in the order form"
      onClick={() => (pickedPrice.value = { price: level.price })}
    >
      <span class="depth" style={{ width: `${width}%` }} />
      <span class="price">{toDecimals(level.price, decimals)}</span>
      <span class="num">{trimDecimal(level.quantity)}</span>
      <span class="num muted">{level.cumulative.toFixed(2)}</span>
    </div>
  );
}

export function OrderBook({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [{ data }] = useSubscription({ query: OrderBookLiveDocument, variables: { symbol, depth: LEVELS } });
  const book = data?.orderBook?.symbol === symbol ? data.orderBook : null;
  const decimals = decimalsOf(market.filters?.price?.tickSize);
  const bids = withCumulative(book?.bids ?? []);
  const asks = withCumulative(book?.asks ?? []);
  const max = Math.max(bids.at(-1)?.cumulative ?? 0, asks.at(-1)?.cumulative ?? 0);
  const bestBid = bids[0]?.price;
  const bestAsk = asks[0]?.price;
  const spread = bestBid && bestAsk ? Number(bestAsk) - Number(bestBid) : null;

  useEffect(() => {
    if (book !== null && performance.getEntriesByName(FIRST_BOOK_MARK).length === 0) performance.mark(FIRST_BOOK_MARK);
  }, [book !== null]);

  return (
    <section class="panel book" data-testid="orderbook" data-update-id={book?.lastUpdateId ?? ''}>
      <h2>Order book</h2>
      <div class="book-head">
        <span>Price</span>
        <span class="num">Size</span>
        <span class="num">Total</span>
      </div>
      <div class="book-asks">
        {[...asks].reverse().map((level) => (
          <Row key={`a${level.price}`} side="ask" level={level} max={max} decimals={decimals} />
        ))}
      </div>
      <div class="book-spread">
        {spread === null ? (
          <span class="muted">{book === null ? 'Loading book…' : 'One-sided book'}</span>
        ) : (
          <>
            <span class="mid">{toDecimals(bestBid, decimals)}</span>
            <span class="muted">spread {spread.toFixed(decimals)}</span>
          </>
        )}
      </div>
      <div class="book-bids">
        {bids.map((level) => (
          <Row key={`b${level.price}`} side="bid" level={level} max={max} decimals={decimals} />
        ))}
      </div>
    </section>
  );
}
