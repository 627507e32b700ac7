// Markets panel: every market with last price, 24 h change and volume, each row on its own live ticker.
import { useSubscription } from '@urql/preact';
import { changePercent, compact, formatPercent, trimDecimal } from '../format.ts';
import { TickerLiveDocument, type TickerLiveSubscription } from '../generated/graphql.ts';
import { selectedSymbol, type MarketInfo } from '../state.ts';

type Ticker = NonNullable<TickerLiveSubscription['ticker']>;

function MarketRow({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [{ data }] = useSubscription({ query: TickerLiveDocument, variables: { symbol } });
  const ticker: Partial<Ticker> = data?.ticker ?? market.ticker ?? {};
  const percent = changePercent(ticker.firstPrice, ticker.lastPrice);
  const selected = selectedSymbol.value === symbol;
  return (
    <tr
      data-testid="market-row"
      data-symbol={symbol}
      class={selected ? 'selected' : undefined}
      onClick={() => (selectedSymbol.value = symbol)}
    >
      <td class="symbol">
        {market.baseSymbol}
        {/* Backpack's own naming: SOL/USDC for spot, SOL-PERP for the perpetual. */}
        {market.marketType === 'PERP' ? (
          <span class="perp">-PERP</span>
        ) : (
          <span class="muted">/{market.quoteSymbol}</span>
        )}
      </td>
      <td class="num">{trimDecimal(ticker.lastPrice)}</td>
      <td class={`num ${percent === null ? '' : percent >= 0 ? 'up' : 'down'}`}>{formatPercent(percent)}</td>
      <td class="num muted">{compact(ticker.quoteVolume)}</td>
    </tr>
  );
}

export function MarketList({ markets, problem }: { markets: readonly MarketInfo[]; problem: string | null }) {
  return (
    <section class="panel markets" data-testid="market-list">
      <h2>Markets</h2>
      <table>
        <thead>
          <tr>
            <th>Market</th>
            <th class="num">Last</th>
            <th class="num">24h</th>
            <th class="num">Vol</th>
          </tr>
        </thead>
        <tbody>
          {markets.map((market) => (
            <MarketRow key={market.symbol} market={market} />
          ))}
        </tbody>
      </table>
      {markets.length === 0 ? <p class="empty">{problem ?? 'Loading markets…'}</p> : null}
    </section>
  );
}
