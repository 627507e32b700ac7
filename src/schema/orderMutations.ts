// Trading mutations: executeOrder, executeOrders (per-item results), cancelOrder, cancelOpenOrders.
import { ExchangeError } from '../exchange/errors.ts';
import { MAX_BATCH_ORDERS } from '../exchange/limits.ts';
import type { BatchCommandOrderResult, Order, OrderExecutePayload } from '../exchange/types/orders.ts';
import { builder } from './builder.ts';
import { CancelOrderTypeEnum } from './enums.ts';
import { fromExchangeError, InvalidInput, MUTATION_ERRORS, OrderOutcomeUnknown, type UserError } from './errors.ts';
import { OrderRef, type OrderRow } from './order.ts';
import {
  CancelOrderInput,
  checkedBatchItem,
  checkedOrderPayload,
  ExecuteOrderInput,
  toCancelPayload,
} from './orderInput.ts';
import type { GatewayContext } from './context.ts';
import {
  cancelOpenOrders,
  cancelOrder,
  isRecovered,
  placeOrder,
  settleLostOrder,
  withClientId,
  type PlacedOrder,
} from './orderOutcome.ts';
import { mutate, resultOf } from './private.ts';
import { RESOLVER_CHECKS_SYMBOLS } from './symbols/plugin.ts';
import { knownSymbol } from './symbols/resolve.ts';

const BATCH_ENDPOINT = 'POST /api/v1/orders';

/** A failed batch item as the typed failure a single order would have produced (same codes, same mapping). */
function batchItemError(item: { code?: string | null; message?: string | null }): UserError {
  return fromExchangeError(
    new ExchangeError({
      kind: 'http',
      status: 400,
      endpoint: BATCH_ENDPOINT,
      code: item.code ?? null,
      message: item.message || 'Order rejected',
    }),
  );
}

function isFailedItem(item: BatchCommandOrderResult): item is Extract<BatchCommandOrderResult, { operation: 'Err' }> {
  return item.operation === 'Err' || !('id' in item);
}

const noResult = (): UserError =>
  batchItemError({ code: null, message: 'The exchange returned no result for this order' });

/**
 * Sends a batch; when its answer is lost, each order is looked up by its client id instead, so every item gets its
 * true outcome (placed and flagged recovered, RequestNotApplied, or OrderOutcomeUnknown).
 */
async function placeBatch(
  ctx: GatewayContext,
  sent: readonly (OrderExecutePayload & { clientId: number })[],
  asGiven: readonly OrderExecutePayload[],
): Promise<(PlacedOrder | UserError)[]> {
  const sentAt = Date.now();
  try {
    const placed = (await ctx.exchange.call('executeOrderBatch', [...sent])) ?? [];
    return sent.map((_, i) => {
      const result = placed[i];
      if (!result) return noResult();
      return isFailedItem(result) ? batchItemError(result) : result;
    });
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    return Promise.all(
      sent.map((order, i) => settleLostOrder(ctx, error, order, asGiven[i]?.clientId === undefined ? null : sentAt)),
    );
  }
}

/** The errors plugin turns error instances in a list into per-item union members; the cast only satisfies the item type. */
const asItem = (value: Order | PlacedOrder | UserError): OrderRow => value as OrderRow;

builder.mutationFields((t) => ({
  executeOrder: t.field({
    authScopes: { trade: true },
    type: OrderRef,
    description:
      'Places an order. Invalid orders (unknown market, price off the tick size, bad combinations …) come back as ' +
      'InvalidOrder naming the input field, without reaching the exchange. Never retried blindly: every order is ' +
      'sent with a clientId (a random one when none is given) and, when the answer is lost, looked up by it: found ' +
      'is a success flagged `recovered`, surely absent is RequestNotApplied (safe to retry), otherwise ' +
      'OrderOutcomeUnknown.',
    errors: {
      ...resultOf('ExecuteOrder', 'order', 'The order as the exchange reports it after matching.'),
      types: [...MUTATION_ERRORS, OrderOutcomeUnknown],
      result: {
        name: 'ExecuteOrderSuccess',
        description: 'ExecuteOrder succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the order was found by looking it up by clientId.",
            resolve: (order) => isRecovered(order),
          }),
        }),
      },
    },
    args: { input: t.arg({ type: ExecuteOrderInput, required: true, description: 'The order to place.' }) },
    resolve: (_, { input }, ctx) => mutate(ctx, async () => placeOrder(ctx, await checkedOrderPayload(ctx, input))),
  }),
  executeOrders: t.field({
    authScopes: { trade: true },
    type: [OrderRef],
    description:
      'Places several orders in one exchange call. Each result lines up with its input: an order, or the reason that ' +
      'item failed. Items that fail validation are not sent; the others are. Never retried blindly: every order ' +
      'carries a clientId and, when the answer is lost, each is looked up by it (see executeOrder).',
    errors: resultOf('ExecuteOrders', 'results', 'One result per input, in input order.'),
    // The batch size is checked before the symbols, which may need the market catalog.
    extensions: { [RESOLVER_CHECKS_SYMBOLS]: true },
    itemErrors: {
      types: [...MUTATION_ERRORS, OrderOutcomeUnknown],
      union: { name: 'ExecuteOrdersItemResult', description: 'Outcome of one order of a batch.' },
      result: {
        name: 'ExecuteOrdersItemSuccess',
        description: 'This order was accepted.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the order was found by looking it up by clientId.",
            resolve: (order) => isRecovered(order),
          }),
        }),
      },
      dataField: { name: 'order', description: 'The order as the exchange reports it after matching.' },
    },
    args: {
      inputs: t.arg({
        type: [ExecuteOrderInput],
        required: true,
        description: `Orders to place, 1 to ${MAX_BATCH_ORDERS}.`,
      }),
    },
    resolve: (_, { inputs }, ctx) =>
      mutate(ctx, async () => {
        if (inputs.length === 0) throw new InvalidInput('Give at least one order', { field: 'inputs' });
        if (inputs.length > MAX_BATCH_ORDERS) {
          throw new InvalidInput(`The exchange takes at most ${MAX_BATCH_ORDERS} orders per batch`, {
            field: 'inputs',
          });
        }
        for (const input of inputs) input.symbol = await knownSymbol(ctx.exchange, input.symbol);
        const checked = await Promise.all(inputs.map((input) => checkedBatchItem(ctx, input)));
        const valid = checked.filter((item): item is OrderExecutePayload => !(item instanceof Error));
        const sent = valid.map(withClientId);
        const results = sent.length > 0 ? await placeBatch(ctx, sent, valid) : [];
        let next = 0;
        return checked.map((item) => (item instanceof Error ? asItem(item) : asItem(results[next++] ?? noResult())));
      }),
  }),
  cancelOrder: t.field({
    authScopes: { trade: true },
    type: OrderRef,
    nullable: true,
    description:
      'Cancels one open order by id or client id. OrderNotFound when it is no longer open. When the answer is lost, ' +
      'the order is looked up: its actual state (flagged `recovered`), RequestNotApplied when it is still open, ' +
      'or OutcomeUnknown.',
    errors: {
      ...resultOf(
        'CancelOrder',
        'order',
        'The cancelled order; null when the exchange accepted the cancel without executing it yet (HTTP 202).',
      ),
      result: {
        name: 'CancelOrderSuccess',
        description: 'CancelOrder succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the order's state was read back instead (it may show " +
              'Filled if it filled before the cancel).',
            resolve: (order) => isRecovered(order),
          }),
        }),
      },
    },
    args: { input: t.arg({ type: CancelOrderInput, required: true, description: 'The order to cancel.' }) },
    resolve: (_, { input }, ctx) => mutate(ctx, () => cancelOrder(ctx, toCancelPayload(input))),
  }),
  cancelOpenOrders: t.field({
    authScopes: { trade: true },
    type: [OrderRef],
    description:
      'Cancels every open order of one market (optionally only resting or only conditional ones). When the answer ' +
      'is lost, the open orders are listed instead: none left → success with an empty list, still open → ' +
      'RequestNotApplied, otherwise OutcomeUnknown.',
    errors: resultOf(
      'CancelOpenOrders',
      'orders',
      'The cancelled orders (empty when none were open or the cancel is still pending).',
    ),
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      orderType: t.arg({ type: CancelOrderTypeEnum, description: 'Which orders; omitted = resting and conditional.' }),
    },
    resolve: (_, { symbol, orderType }, ctx) =>
      mutate(ctx, () => cancelOpenOrders(ctx, orderType ? { symbol, orderType } : { symbol })),
  }),
}));
