// The account's orders as REST reports them after a gap: open orders and order history merged into one shape, and
// each order rendered as an `account.orderUpdate` payload (the stream's own single-letter keys).
import type { StreamPayload } from '../../exchange/stream.ts';
import type { Order } from '../../exchange/types/orders.ts';
import type { OrderHistory } from '../../exchange/types/history.ts';

/** One order's current state, whichever REST list it came from. */
export interface OrderState {
  readonly id: string;
  readonly createdMs: number;
  readonly symbol: string;
  readonly status: string;
  readonly quantity: string | null;
  readonly executedQuantity: string;
  readonly expiryReason: string | null;
  /** Order fields shared by every event of the order, already under their stream keys. */
  readonly fields: StreamPayload;
}

/** History rows carry naive UTC datetimes (`2025-07-27T17:39:00.092`); open orders carry ms. */
export function naiveToMillis(value: string): number {
  return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
}

const present = (entries: [string, unknown][]): StreamPayload =>
  Object.fromEntries(entries.filter(([, value]) => value !== null && value !== undefined)) as StreamPayload;

function common(row: Order | OrderHistory): [string, unknown][] {
  return [
    ['s', row.symbol],
    ['i', row.id],
    ['c', row.clientId],
    ['S', row.side],
    ['o', row.orderType],
    ['f', row.timeInForce],
    ['q', row.quantity],
    ['Q', 'quoteQuantity' in row ? row.quoteQuantity : null],
    ['p', 'price' in row ? row.price : null],
    ['P', row.triggerPrice],
    ['B', row.triggerBy],
    ['Y', row.triggerQuantity],
    ['a', row.takeProfitTriggerPrice],
    ['b', row.stopLossTriggerPrice],
    ['j', row.takeProfitLimitPrice],
    ['k', row.stopLossLimitPrice],
    ['d', row.takeProfitTriggerBy],
    ['g', row.stopLossTriggerBy],
    ['V', row.selfTradePrevention],
    ['y', 'postOnly' in row ? row.postOnly : null],
    ['H', row.strategyId],
  ];
}

export function fromOpenOrder(row: Order): OrderState {
  return {
    id: row.id,
    createdMs: row.createdAt,
    symbol: row.symbol,
    status: row.status,
    quantity: row.quantity ?? null,
    executedQuantity: row.executedQuantity,
    expiryReason: null,
    fields: present([...common(row), ['r', row.reduceOnly], ['I', row.relatedOrderId]]),
  };
}

export function fromHistory(row: OrderHistory): OrderState {
  return {
    id: row.id,
    createdMs: naiveToMillis(row.createdAt),
    symbol: row.symbol,
    status: row.status,
    quantity: row.quantity ?? null,
    executedQuantity: row.executedQuantity ?? '0',
    expiryReason: row.expiryReason ?? null,
    fields: present(common(row)),
  };
}
