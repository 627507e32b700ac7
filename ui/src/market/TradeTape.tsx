// Trade tape: the latest trades from `recentTrades`, then every trade from the `trades` subscription, newest first.
import { useQuery, useSubscription } from '@urql/preact';
import { clockTime, decimalsOf, toDecimals, trimDecimal } from '../format.ts';
import { RecentTradesDocument, TradesLiveDocument, type TradesLiveSubscription } from '../generated/graphql.ts';
import type { MarketInfo } from '../state.ts';

const SHOWN = 40;

interface TapeTrade {
  readonly id: string;
  readonly price: string;
  readonly quantity: string;
  readonly buy: boolean;
  readonly time: string | null;
}

function fromLive(previous: TapeTrade[] = [], data: TradesLiveSubscription): TapeTrade[] {
  const trade = data.trades;
  if (!trade?.id) return previous;
  const next: TapeTrade = {
    id: trade.id,
    price: trade.price ?? '',
    quantity: trade.quantity ?? '',
    buy: trade.takerSide === 'BID',
    time: trade.timestamp,
  };
  return [next, ...previous].slice(0, SHOWN);
}

export function TradeTape({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [snapshot] = useQuery({ query: RecentTradesDocument, variables: { symbol } });
  const [live] = useSubscription({ query: TradesLiveDocument, variables: { symbol } }, fromLive);
  const liveTrades = live.data ?? [];
  const liveIds = new Set(liveTrades.map((trade) => trade.id));
  const recent: TapeTrade[] = (snapshot.data?.recentTrades ?? [])
    .filter((trade) => trade.id && !liveIds.has(trade.id))
    .map((trade) => ({
      id: trade.id ?? '',
      price: trade.price ?? '',
      quantity: trade.quantity ?? '',
      buy: trade.takerSide === 'BID',
      time: trade.timestamp,
    }));
  const trades = [...liveTrades, ...recent].slice(0, SHOWN);
  const decimals = decimalsOf(market.filters?.price?.tickSize);
  return (
    <section class="panel tape" data-testid="trades">
      <h2>Trades</h2>
      <div class="tape-head">
        <span>Price</span>
        <span class="num">Size</span>
        <span class="num">Time</span>
      </div>
      <div class="tape-rows">
        {trades.map((trade) => (
          <div key={trade.id} class={`tape-row ${trade.buy ? 'up' : 'down'}`} data-testid="trade">
            <span>{toDecimals(trade.price, decimals)}</span>
            <span class="num">{trimDecimal(trade.quantity)}</span>
            <span class="num muted">{clockTime(trade.time)}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
