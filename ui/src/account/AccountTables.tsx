// Balances, recent fills and perp positions of the account.
import { clockTime, trimDecimal } from '../format.ts';
import { balances, fills, positions } from './store.ts';

export function Balances() {
  const rows = balances.value.filter((row) => Number(row.available) > 0 || Number(row.locked) > 0);
  return (
    <section class="panel" data-testid="balances">
      <h2>Balances</h2>
      <table>
        <thead>
          <tr>
            <th>Asset</th>
            <th class="num">Available</th>
            <th class="num">In orders</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.symbol} data-testid="balance">
              <td>{row.symbol}</td>
              <td class="num">{trimDecimal(row.available)}</td>
              <td class="num muted">{trimDecimal(row.locked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="empty">No balances</p> : null}
    </section>
  );
}

export function Fills() {
  const rows = fills.value;
  return (
    <section class="panel" data-testid="fills">
      <h2>Recent fills</h2>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Market</th>
            <th>Side</th>
            <th class="num">Price</th>
            <th class="num">Qty</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tradeId}>
              <td>{clockTime(row.timestamp)}</td>
              <td>{row.symbol}</td>
              <td class={row.side === 'BID' ? 'up' : 'down'}>{row.side === 'BID' ? 'Buy' : 'Sell'}</td>
              <td class="num">{trimDecimal(row.price)}</td>
              <td class="num">{trimDecimal(row.quantity)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="empty">No fills yet</p> : null}
    </section>
  );
}

export function Positions() {
  const rows = positions.value;
  return (
    <section class="panel" data-testid="positions">
      <h2>Positions</h2>
      <table>
        <thead>
          <tr>
            <th>Market</th>
            <th class="num">Size</th>
            <th class="num">Entry</th>
            <th class="num">Mark</th>
            <th class="num">Unrealised PnL</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.symbol}>
              <td>{row.symbol}</td>
              <td class={`num ${Number(row.netQuantity) >= 0 ? 'up' : 'down'}`}>{trimDecimal(row.netQuantity)}</td>
              <td class="num">{trimDecimal(row.entryPrice)}</td>
              <td class="num">{trimDecimal(row.positionMarkPrice)}</td>
              <td class={`num ${Number(row.pnlUnrealized) >= 0 ? 'up' : 'down'}`}>{trimDecimal(row.pnlUnrealized)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="empty">No open positions</p> : null}
    </section>
  );
}
