// The selected market's headline: last price, 24 h change, high/low and volume; mark price and funding for perps.
import { useSubscription } from '@urql/preact';
import { changePercent, clockTime, compact, formatPercent, trimDecimal } from '../format.ts';
import { MarkPriceLiveDocument, TickerLiveDocument } from '../generated/graphql.ts';
import type { MarketInfo } from '../state.ts';

function Funding({ symbol }: { symbol: string }) {
  const [{ data }] = useSubscription({ query: MarkPriceLiveDocument, variables: { symbol } });
  const mark = data?.markPrice;
  const rate = mark?.fundingRate ? `${(Number(mark.fundingRate) * 100).toFixed(4)}%` : '–';
  return (
    <>
      <div class="stat">
        <span class="label">Mark</span>
        <span data-testid="mark-price">{trimDecimal(mark?.markPrice)}</span>
      </div>
      <div class="stat">
        <span class="label">Index</span>
        <span>{trimDecimal(mark?.indexPrice)}</span>
      </div>
      <div class="stat">
        <span class="label">Funding / next</span>
        <span data-testid="funding-rate">
          {rate} <span class="muted">{clockTime(mark?.nextFundingTime)}</span>
        </span>
      </div>
    </>
  );
}

export function MarketHeader({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [{ data }] = useSubscription({ query: TickerLiveDocument, variables: { symbol } });
  const ticker = data?.ticker ?? market.ticker;
  const percent = changePercent(ticker?.firstPrice, ticker?.lastPrice);
  const direction = percent === null ? '' : percent >= 0 ? 'up' : 'down';
  return (
    <section class="market-header">
      <div class="headline">
        <span class="pair">
          {market.baseSymbol}/{market.quoteSymbol}
        </span>
        <span class="tag">{market.marketType}</span>
      </div>
      <div class={`last ${direction}`}>{trimDecimal(ticker?.lastPrice)}</div>
      <div class="stat">
        <span class="label">24h change</span>
        <span class={direction}>{formatPercent(percent)}</span>
      </div>
      <div class="stat">
        <span class="label">24h volume ({market.baseSymbol})</span>
        <span>{compact(ticker?.volume)}</span>
      </div>
      <div class="stat">
        <span class="label">24h volume ({market.quoteSymbol})</span>
        <span>{compact(ticker?.quoteVolume)}</span>
      </div>
      {market.marketType === 'PERP' ? <Funding symbol={symbol} /> : null}
    </section>
  );
}
