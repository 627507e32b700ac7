// Open orders with a cancel button per row (`cancelOrder`); rows come and go with `orderUpdates`.
import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { clockTime, trimDecimal } from '../format.ts';
import { CancelOpenOrderDocument, type OpenOrderFragment } from '../generated/graphql.ts';
import { openOrders, removeOrder } from './store.ts';

function OrderRow({ order }: { order: OpenOrderFragment }) {
  const [state, cancel] = useMutation(CancelOpenOrderDocument);
  const [problem, setProblem] = useState<string | null>(null);
  const onCancel = async (): Promise<void> => {
    setProblem(null);
    const result = await cancel({ input: { symbol: order.symbol ?? '', id: order.id } });
    const outcome = result.data?.cancelOrder;
    if (outcome?.__typename === 'CancelOrderSuccess' || outcome?.__typename === 'OrderNotFound') {
      removeOrder(order.id ?? '');
    } else {
      setProblem(
        outcome && 'message' in outcome ? (outcome.message ?? '') : (result.error?.message ?? 'Cancel failed'),
      );
    }
  };
  const buy = order.side === 'BID';
  return (
    <tr data-testid="open-order" data-order-id={order.id}>
      <td>{clockTime(order.createdAt)}</td>
      <td>{order.symbol}</td>
      <td class={buy ? 'up' : 'down'}>{buy ? 'Buy' : 'Sell'}</td>
      <td class="num">{trimDecimal(order.price)}</td>
      <td class="num">{trimDecimal(order.quantity)}</td>
      <td class="num">{trimDecimal(order.executedQuantity)}</td>
      <td class="num">
        {problem ? <span class="error">{problem} </span> : null}
        <button
          type="button"
          class="link"
          data-testid="cancel-order"
          disabled={state.fetching}
          onClick={() => void onCancel()}
        >
          Cancel
        </button>
      </td>
    </tr>
  );
}

export function OpenOrders() {
  const rows = openOrders.value;
  return (
    <section class="panel" data-testid="open-orders">
      <h2>
        Open orders <span class="count">{rows.length}</span>
      </h2>
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>Market</th>
            <th>Side</th>
            <th class="num">Price</th>
            <th class="num">Qty</th>
            <th class="num">Filled</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="empty">No open orders</p> : null}
    </section>
  );
}
