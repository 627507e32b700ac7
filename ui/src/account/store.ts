// The account panel's state: a snapshot from `account`, kept current by `orderUpdates` and `balanceUpdates`.
import { signal } from '@preact/signals';
import type {
  AccountOverviewQuery,
  BalanceUpdatesSubscription,
  OpenOrderFragment,
  OrderUpdatesSubscription,
} from '../generated/graphql.ts';

type Account = NonNullable<AccountOverviewQuery['account']>;
export type Balance = NonNullable<Account['balances']>[number];
export type AccountFill = NonNullable<NonNullable<Account['fills']>['items']>[number];
export type Position = NonNullable<Account['positions']>[number];

const FILLS_SHOWN = 20;

export const openOrders = signal<readonly OpenOrderFragment[]>([]);
export const balances = signal<readonly Balance[]>([]);
export const fills = signal<readonly AccountFill[]>([]);
export const positions = signal<readonly Position[]>([]);

export function loadSnapshot(account: Account): void {
  openOrders.value = account.openOrders ?? [];
  balances.value = account.balances ?? [];
  fills.value = account.fills?.items ?? [];
  positions.value = account.positions ?? [];
}

/** Adds an order (or replaces the row with the same id), newest first. */
export function upsertOrder(order: OpenOrderFragment): void {
  openOrders.value = [order, ...openOrders.value.filter((row) => row.id !== order.id)];
}

export function removeOrder(id: string): void {
  openOrders.value = openOrders.value.filter((row) => row.id !== id);
}

const CLOSED = new Set(['ORDER_CANCELLED', 'ORDER_EXPIRED', 'TRIGGER_FAILED']);

export function applyOrderUpdate(data: OrderUpdatesSubscription): void {
  const update = data.orderUpdates;
  if (!update?.orderId) return;
  const id = update.orderId;
  if (update.eventType === 'ORDER_FILL' && update.tradeId) {
    const fill: AccountFill = {
      tradeId: update.tradeId,
      symbol: update.symbol,
      side: update.side,
      price: update.fillPrice,
      quantity: update.fillQuantity,
      timestamp: update.engineTime,
    };
    fills.value = [fill, ...fills.value.filter((row) => row.tradeId !== fill.tradeId)].slice(0, FILLS_SHOWN);
  }
  if (CLOSED.has(update.eventType ?? '') || update.status === 'FILLED') {
    removeOrder(id);
    return;
  }
  if (update.eventType === 'ORDER_ACCEPTED' || update.eventType === 'ORDER_FILL') {
    if (update.orderType !== 'LIMIT') return; // a market order never rests
    const known = openOrders.value.find((row) => row.id === id);
    upsertOrder({
      id,
      symbol: update.symbol,
      side: update.side,
      orderType: update.orderType,
      price: update.price,
      quantity: update.quantity,
      executedQuantity: update.executedQuantity,
      createdAt: known?.createdAt ?? update.engineTime,
    });
  }
}

export function applyBalanceUpdate(data: BalanceUpdatesSubscription): void {
  const update = data.balanceUpdates;
  if (!update?.asset) return;
  const next: Balance = { symbol: update.asset, available: update.available, locked: update.locked };
  const index = balances.value.findIndex((row) => row.symbol === update.asset);
  balances.value = index < 0 ? [...balances.value, next] : balances.value.map((row, i) => (i === index ? next : row));
}
