// Orders with a certain outcome: every order carries a client id, and an order whose answer was lost is looked up by
// it (open orders, then order history) before the caller hears anything.
import { ExchangeError } from '../exchange/errors.ts';
import { randomClientId, reconcile } from '../exchange/reconcile.ts';
import type { OrderExecutePayload } from '../exchange/types/orders.ts';
import type { GatewayContext } from './context.ts';
import { OrderOutcomeUnknown, RequestNotApplied } from './errors.ts';
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
