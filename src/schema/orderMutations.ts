// Trading mutations: executeOrder, executeOrders (per-item results), cancelOrder, cancelOpenOrders.
import { ExchangeError } from '../exchange/errors.ts';
import { MAX_BATCH_ORDERS } from '../exchange/limits.ts';
import type { BatchCommandOrderResult, Order, OrderExecutePayload } from '../exchange/types/orders.ts';
import { builder } from './builder.ts';
import { CancelOrderTypeEnum } from './enums.ts';
import { fromExchangeError, InvalidInput, MUTATION_ERRORS, type UserError } from './errors.ts';
import { OrderRef, type OrderRow } from './order.ts';
import {
  CancelOrderInput,
  checkedBatchItem,
  checkedOrderPayload,
  ExecuteOrderInput,
  toCancelPayload,
} from './orderInput.ts';
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

/** The errors plugin turns error instances in a list into per-item union members; the cast only satisfies the item type. */
const asItem = (value: Order | UserError): OrderRow => value as OrderRow;

builder.mutationFields((t) => ({
  executeOrder: t.field({
    authScopes: { trade: true },
    type: OrderRef,
    description:
      'Places an order. Invalid orders (unknown market, price off the tick size, bad combinations …) come back as ' +
      'InvalidOrder naming the input field, without reaching the exchange. Never retried.',
    errors: resultOf('ExecuteOrder', 'order', 'The order as the exchange reports it after matching.'),
    args: { input: t.arg({ type: ExecuteOrderInput, required: true, description: 'The order to place.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        const payload = await checkedOrderPayload(ctx, input);
        return ctx.exchange.call('executeOrder', payload);
      }),
  }),
  executeOrders: t.field({
    authScopes: { trade: true },
    type: [OrderRef],
    description:
      'Places several orders in one exchange call. Each result lines up with its input: an order, or the reason that ' +
      'item failed. Items that fail validation are not sent; the others are. Never retried.',
    errors: resultOf('ExecuteOrders', 'results', 'One result per input, in input order.'),
    // The batch size is checked before the symbols, which may need the market catalog.
    extensions: { [RESOLVER_CHECKS_SYMBOLS]: true },
    itemErrors: {
      types: [...MUTATION_ERRORS],
      union: { name: 'ExecuteOrdersItemResult', description: 'Outcome of one order of a batch.' },
      result: { name: 'ExecuteOrdersItemSuccess', description: 'This order was accepted.' },
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
        const placed = valid.length > 0 ? ((await ctx.exchange.call('executeOrderBatch', valid)) ?? []) : [];
        let next = 0;
        return checked.map((item) => {
          if (item instanceof Error) return asItem(item);
          const result = placed[next++];
          if (!result)
            return asItem(batchItemError({ code: null, message: 'The exchange returned no result for this order' }));
          return asItem(isFailedItem(result) ? batchItemError(result) : result);
        });
      }),
  }),
  cancelOrder: t.field({
    authScopes: { trade: true },
    type: OrderRef,
    nullable: true,
    description: 'Cancels one open order by id or client id. OrderNotFound when it is no longer open.',
    errors: resultOf(
      'CancelOrder',
      'order',
      'The cancelled order; null when the exchange accepted the cancel without executing it yet (HTTP 202).',
    ),
    args: { input: t.arg({ type: CancelOrderInput, required: true, description: 'The order to cancel.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => (await ctx.exchange.call('cancelOrder', toCancelPayload(input))) ?? null),
  }),
  cancelOpenOrders: t.field({
    authScopes: { trade: true },
    type: [OrderRef],
    description: 'Cancels every open order of one market (optionally only resting or only conditional ones).',
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
      mutate(ctx, async () => [
        ...((await ctx.exchange.call('cancelOpenOrders', orderType ? { symbol, orderType } : { symbol })) ?? []),
      ]),
  }),
}));
