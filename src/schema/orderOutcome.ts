// Orders with a certain outcome: every order carries a client id, and an order whose answer was lost is looked up by
// it (open orders, then order history) before the caller hears anything.
import { ExchangeError } from '../exchange/errors.ts';
import { randomClientId, reconcile } from '../exchange/reconcile.ts';
import type { OrderCancelAllPayload, OrderCancelPayload, OrderExecutePayload } from '../exchange/types/orders.ts';
import type { GatewayContext } from './context.ts';
import { OrderOutcomeUnknown, OutcomeUnknown, RequestNotApplied } from './errors.ts';
import type { OrderRow } from './order.ts';
import { isNotFound } from './private.ts';

/** An order found by the look-up after its answer was lost: the success payload says so. */
export type PlacedOrder = OrderRow & { readonly recovered?: true };

export function isRecovered(order: OrderRow): boolean {
  return (order as PlacedOrder).recovered === true;
}

/** A caller-chosen client id may have been used before: history rows older than this before the send are not it. */
const REUSED_ID_TOLERANCE_MS = 60_000;
const HISTORY_PAGE = 200;

function createdAtMs(row: OrderRow): number {
  return typeof row.createdAt === 'number' ? row.createdAt : Date.parse(`${row.createdAt}Z`);
}

/** The payload with a client id: the caller's, or a fresh random one (returned in the result as `clientId`). */
export function withClientId(payload: OrderExecutePayload): OrderExecutePayload & { clientId: number } {
  return { ...payload, clientId: payload.clientId ?? randomClientId() };
}

/** The order with this client id: open (GET /order), else in recent history; undefined when the exchange has none. */
export async function findOrder(
  ctx: GatewayContext,
  symbol: string,
  clientId: number,
  sentAt: number | null,
): Promise<OrderRow | undefined> {
  try {
    return await ctx.exchange.call('getOrder', { symbol, clientId });
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const rows = await ctx.exchange.call('getOrderHistory', { symbol, limit: HISTORY_PAGE, sortDirection: 'Desc' });
  return (rows ?? []).find(
    (row) => row.clientId === clientId && (sentAt === null || createdAtMs(row) >= sentAt - REUSED_ID_TOLERANCE_MS),
  );
}

/**
 * What a lost order answer really meant: the order (flagged recovered), RequestNotApplied when the exchange surely
 * does not have it, or OrderOutcomeUnknown. `sentAt` (when the caller chose the client id) keeps older history rows
 * that reuse the id from matching.
 */
export async function settleLostOrder(
  ctx: GatewayContext,
  lost: ExchangeError,
  order: { readonly symbol: string; readonly clientId: number },
  sentAt: number | null,
): Promise<PlacedOrder | RequestNotApplied | OrderOutcomeUnknown> {
  const settled = await reconcile(lost, () => findOrder(ctx, order.symbol, order.clientId, sentAt));
  const init = { code: lost.code, endpoint: lost.endpoint };
  if (settled.state === 'found') return { ...settled.value, recovered: true };
  if (settled.state === 'absent') {
    return new RequestNotApplied(
      `${lost.message}. Looked up by clientId ${order.clientId} after the request expired: the exchange does not ` +
        'have this order, so it was not placed. Safe to retry.',
      init,
    );
  }
  return new OrderOutcomeUnknown(
    `${lost.message}. Whether order clientId ${order.clientId} was placed could not be settled (${settled.reason}). ` +
      'Look it up by clientId (openOrders, orderHistory) before doing anything; never resubmit it blindly.',
    { ...init, clientId: order.clientId, symbol: order.symbol },
  );
}

/** Places one order; a lost answer is settled by looking the order up instead of being reported as a failure. */
export async function placeOrder(ctx: GatewayContext, payload: OrderExecutePayload): Promise<PlacedOrder> {
  const sent = withClientId(payload);
  const sentAt = payload.clientId === undefined ? null : Date.now();
  try {
    return await ctx.exchange.call('executeOrder', sent);
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const settled = await settleLostOrder(ctx, error, sent, sentAt);
    if (settled instanceof Error) throw settled;
    return settled;
  }
}

/** The order a cancel names, in history: by id, else by client id. */
function sameOrder(row: OrderRow, target: OrderCancelPayload): boolean {
  return target.orderId !== undefined ? row.id === target.orderId : row.clientId === target.clientId;
}

/**
 * Cancels one order; a lost answer is settled by looking the order up: no longer open → its row from history (the
 * actual state: Cancelled, or Filled if it filled first) flagged recovered; still open once the cancel expired →
 * RequestNotApplied; otherwise OutcomeUnknown.
 */
export async function cancelOrder(ctx: GatewayContext, target: OrderCancelPayload): Promise<PlacedOrder | null> {
  try {
    return (await ctx.exchange.call('cancelOrder', target)) ?? null;
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const settled = await reconcile(error, async () => {
      try {
        await ctx.exchange.call('getOrder', target);
        return undefined; // still open
      } catch (lookupError) {
        if (!isNotFound(lookupError)) throw lookupError;
      }
      const rows = await ctx.exchange.call('getOrderHistory', {
        symbol: target.symbol,
        ...(target.orderId !== undefined ? { orderId: target.orderId } : {}),
        limit: HISTORY_PAGE,
        sortDirection: 'Desc',
      });
      const row = (rows ?? []).find((candidate) => sameOrder(candidate, target));
      if (row === undefined) throw new Error('the order is neither open nor in history');
      return row;
    });
    if (settled.state === 'found') return { ...settled.value, recovered: true };
    if (settled.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. The order is still open after the cancel expired: it was not cancelled. Safe to retry.`,
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether the order was cancelled could not be settled (${settled.reason}). Look it up ` +
        '(openOrders, orderHistory) before doing anything.',
      init,
    );
  }
}

/**
 * Cancels every open order of a market; a lost answer is settled by listing what is still open: nothing (of the
 * cancelled kind) → success with an empty list; still open once the cancel expired → RequestNotApplied.
 */
export async function cancelOpenOrders(ctx: GatewayContext, target: OrderCancelAllPayload): Promise<OrderRow[]> {
  try {
    return [...((await ctx.exchange.call('cancelOpenOrders', target)) ?? [])];
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const settled = await reconcile(error, async () => {
      const open = await ctx.exchange.call('getOpenOrders', { symbol: target.symbol });
      const remaining = (open ?? []).filter((order) => matchesCancelAll(order, target));
      return remaining.length === 0 ? [] : undefined;
    });
    if (settled.state === 'found') return settled.value;
    if (settled.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. Orders are still open after the cancel expired: they were not cancelled. Safe to retry.`,
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether the orders were cancelled could not be settled (${settled.reason}). Look them up ` +
        '(openOrders) before doing anything.',
      init,
    );
  }
}

/** Whether a cancel-all of this kind covers the open order (resting = has no trigger; conditional = has one). */
function matchesCancelAll(order: OrderRow, target: OrderCancelAllPayload): boolean {
  if (target.orderType === undefined) return true;
  const conditional = 'triggerPrice' in order && order.triggerPrice != null;
  return target.orderType === 'ConditionalOrder' ? conditional : !conditional;
}
