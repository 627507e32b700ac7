// Fills a gap in `account.orderUpdate[.<symbol>]` from REST: orders created, filled and ended since the last event
// seen, as the stream would have sent them (accepted → fills → cancelled/expired), oldest first.
import { LRUCache } from 'lru-cache';
import type { StreamInterruption, StreamPayload } from '../../exchange/stream.ts';
import type { OrderFill } from '../../exchange/types/history.ts';
import { addDecimal, compareDecimal, subtractDecimal } from './decimal.ts';
import { fromHistory, fromOpenOrder, naiveToMillis } from './orderState.ts';
import type { OrderState } from './orderState.ts';
import { numberAt, pages, SLACK_MS, textAt } from './paging.ts';
import type { ExchangeReader, Reconciler, Recovered } from './types.ts';

/** Orders looked up one by one (ended since the last event, older than the history page read): beyond it, a gap. */
const MAX_SINGLE_LOOKUPS = 20;
const KNOWN_ORDERS = 10_000;
const ENDED = new Set(['Filled', 'Cancelled', 'Expired', 'TriggerFailed']);

interface Known {
  readonly status: string | null;
}

interface Pending {
  readonly at: number;
  /** Accepted before fills before the end, for events of one order at the same ms. */
  readonly phase: number;
  readonly payload: StreamPayload;
}

const micros = (ms: number): number => Math.round(ms * 1000);

function orderKey(data: StreamPayload): string | null {
  const orderId = textAt(data, 'i');
  if (orderId === null) return null;
  switch (data['e']) {
    case 'orderAccepted':
    case 'triggerPlaced':
    case 'triggerFailed':
      return `${String(data['e'])}:${orderId}`;
    case 'orderCancelled':
    case 'orderExpired':
      return `end:${orderId}`;
    case 'orderFill': {
      const tradeId = textAt(data, 't');
      return tradeId === null ? null : `fill:${orderId}:${tradeId}`;
    }
    default:
      return null;
  }
}

function event(order: OrderState, type: string, at: number, extra: StreamPayload): StreamPayload {
  return {
    e: type,
    E: micros(at),
    T: micros(at),
    ...order.fields,
    X: order.status,
    z: order.executedQuantity,
    ...extra,
  };
}

/** The order's fills since `since` as `orderFill` events, with the cumulative quantity and status after each. */
function fillEvents(order: OrderState, fills: readonly OrderFill[]): Pending[] {
  const inWindow = fills.reduce((sum, fill) => addDecimal(sum, fill.quantity), '0');
  let executed = subtractDecimal(order.executedQuantity, inWindow);
  if (compareDecimal(executed, '0') < 0) executed = '0';
  return fills.map((fill, index) => {
    executed = addDecimal(executed, fill.quantity);
    const last = index === fills.length - 1;
    const filled =
      order.quantity !== null ? compareDecimal(executed, order.quantity) >= 0 : last && order.status === 'Filled';
    const at = naiveToMillis(fill.timestamp);
    return {
      at,
      phase: 1,
      payload: event(order, 'orderFill', at, {
        X: filled ? 'Filled' : 'PartiallyFilled',
        z: executed,
        t: fill.tradeId,
        l: fill.quantity,
        L: fill.price,
        m: fill.isMaker,
        n: fill.fee,
        N: fill.feeSymbol,
      }),
    };
  });
}

export function orderReconciler(symbol: string | null): (reader: ExchangeReader) => Reconciler {
  return (reader) => {
    const known = new LRUCache<string, Known>({ max: KNOWN_ORDERS });
    let lastEventMs: number | undefined;
    const scope = symbol === null ? {} : { symbol };

    const recover = async (interruption: StreamInterruption): Promise<Recovered> => {
      const since = Math.floor(Math.min(interruption.from, lastEventMs ?? interruption.from) - SLACK_MS);
      let complete = true;
      const orders = new Map<string, OrderState>();
      const history = await pages(
        (offset, limit) => reader.call('getOrderHistory', { ...scope, offset, limit, sortDirection: 'Desc' }),
        (row) => naiveToMillis(row.createdAt) >= since,
      );
      complete &&= history.complete;
      for (const row of history.rows) orders.set(row.id, fromHistory(row));
      for (const row of await reader.call('getOpenOrders', scope)) orders.set(row.id, fromOpenOrder(row));
      const fills = await pages(
        (offset, limit) => reader.call('getFills', { ...scope, from: since, offset, limit, sortDirection: 'Asc' }),
        () => true,
      );
      complete &&= fills.complete;

      const fillsByOrder = new Map<string, OrderFill[]>();
      for (const fill of fills.rows) fillsByOrder.set(fill.orderId, [...(fillsByOrder.get(fill.orderId) ?? []), fill]);
      // Orders that may have changed: seen before and not ended, created in the window, or filled in it.
      const involved = new Set<string>(fillsByOrder.keys());
      for (const [id, state] of known.entries()) if (!ENDED.has(state.status ?? '')) involved.add(id);
      for (const order of orders.values()) if (order.createdMs >= since) involved.add(order.id);
      let lookups = 0;
      for (const id of involved) {
        if (orders.has(id)) continue;
        if (lookups === MAX_SINGLE_LOOKUPS) {
          complete = false;
          break;
        }
        lookups += 1;
        const [row] = await reader.call('getOrderHistory', { orderId: id, limit: 1 });
        if (row !== undefined) orders.set(id, fromHistory(row));
      }

      const pending: Pending[] = [];
      for (const id of involved) {
        const order = orders.get(id);
        if (order === undefined) continue;
        const seen = known.get(id);
        const orderFills = fillsByOrder.get(id) ?? [];
        if (seen === undefined && order.createdMs >= since) {
          const type =
            order.status === 'TriggerPending' || order.status === 'TriggerFailed' ? 'triggerPlaced' : 'orderAccepted';
          pending.push({ at: order.createdMs, phase: 0, payload: event(order, type, order.createdMs, {}) });
        }
        const fillEventsOfOrder = fillEvents(order, orderFills);
        pending.push(...fillEventsOfOrder);
        const end = { Cancelled: 'orderCancelled', Expired: 'orderExpired', TriggerFailed: 'triggerFailed' }[
          order.status
        ];
        if (end !== undefined && !ENDED.has(seen?.status ?? '')) {
          const at = Math.max(order.createdMs, ...fillEventsOfOrder.map((fill) => fill.at));
          const reason = order.expiryReason === null ? {} : { R: order.expiryReason };
          pending.push({ at, phase: 2, payload: event(order, end, at, reason) });
        }
      }
      pending.sort((a, b) => a.at - b.at || a.phase - b.phase);
      return { payloads: pending.map((entry) => entry.payload), complete };
    };

    return {
      key: orderKey,
      observe: (data) => {
        const orderId = textAt(data, 'i');
        if (orderId !== null) known.set(orderId, { status: textAt(data, 'X') });
        const eventMicros = numberAt(data, 'E');
        if (eventMicros !== null) lastEventMs = Math.max(lastEventMs ?? 0, eventMicros / 1000);
      },
      recover,
    };
  };
}
