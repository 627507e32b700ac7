// The dashboard's layout: header, markets, the selected market (chart, book, tape), order form and account panels.
import { useQuery } from '@urql/preact';
import { AccountFeed } from './account/AccountFeed.tsx';
import { Balances, Fills, Positions } from './account/AccountTables.tsx';
import { OpenOrders } from './account/OpenOrders.tsx';
import { DashboardMarketsDocument } from './generated/graphql.ts';
import { LazyChart } from './market/LazyChart.tsx';
import { MarketHeader } from './market/MarketHeader.tsx';
import { OrderBook } from './market/OrderBook.tsx';
import { TradeTape } from './market/TradeTape.tsx';
import { MarketList } from './markets/MarketList.tsx';
import { marketFromSymbol, selectedSymbol } from './state.ts';
import { ConnectionStatus } from './status/ConnectionStatus.tsx';
import { OrderForm } from './trade/OrderForm.tsx';

export function App() {
  const [{ data, error }] = useQuery({ query: DashboardMarketsDocument });
  const markets = data?.markets ?? [];
  const symbol = selectedSymbol.value;
  const market = markets.find((row) => row.symbol === symbol) ?? marketFromSymbol(symbol);
  return (
    <div class="layout">
      <header class="topbar">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◆
          </span>
          Backpack GraphQL
          <span class="muted"> · live dashboard</span>
        </div>
        <nav class="links">
          <a href="/graphql">GraphiQL</a>
        </nav>
        <ConnectionStatus />
      </header>
      <MarketList markets={markets} problem={error?.message ?? null} />
      <MarketHeader key={`h${symbol}`} market={market} />
      <LazyChart key={`c${symbol}`} market={market} />
      <OrderBook key={`b${symbol}`} market={market} />
      <TradeTape key={`t${symbol}`} market={market} />
      <div class="side">
        <OrderForm market={market} />
        <Balances />
      </div>
      <div class="account">
        <AccountFeed />
        <OpenOrders />
        <Fills />
        <Positions />
      </div>
    </div>
  );
}
