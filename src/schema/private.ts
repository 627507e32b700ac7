// Shared plumbing of the private (account) schema: the auth guard for mutations, typed-error wiring, input helpers.
//
// How to use (a mutation in a domain file):
//   builder.mutationField('cancelOrder', (t) => t.field({
//     type: OrderRef, errors: resultOf('CancelOrder', 'order', 'The cancelled order.'),
//     resolve: (_, { input }, ctx) => mutate(ctx, () => { reject(check(input), 'order'); return ctx.exchange.call(…) }),
//   }));
// `mutate` checks that keys are configured and maps exchange failures to the typed union members; it never retries
// (the adapter re-sends a non-GET only after the exchange refused its timestamp, once). `reject` throws InvalidOrder /
// InvalidInput naming the input field.
import type { MarketType } from '../exchange/types/enums/markets.ts';
import { ExchangeError } from '../exchange/errors.ts';
import { requireAccount, type GatewayContext } from './context.ts';
import { InvalidInput, InvalidOrder, MUTATION_ERRORS, withUserErrors } from './errors.ts';
import { parseU32, type Violation } from './validation/rules.ts';

/**
 * Error options of a mutation: every user-facing failure class, a `<Name>Result` union and a `<Name>Success`
 * object whose `dataField` carries the value.
 */
export function resultOf(name: string, dataField: string, description: string) {
  return {
    types: [...MUTATION_ERRORS],
    union: {
      name: `${name}Result`,
      description: `Outcome of ${name}: ${name}Success, or the failure the client can act on.`,
    },
    result: { name: `${name}Success`, description: `${name} succeeded.` },
    dataField: { name: dataField, description },
  };
}

/** Runs a mutation body for the configured account; exchange failures become typed union members. */
export async function mutate<T>(ctx: GatewayContext, run: () => Promise<T>): Promise<T> {
  requireAccount(ctx);
  return withUserErrors(run);
}

/**
 * Re-reads state after a write that answered with an empty body. A failure here must not look like a failed write
 * (a client would retry it, e.g. borrow twice), so it yields null: the write itself succeeded.
 */
export async function reread<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch {
    return null;
  }
}

/** Throws the violation as a typed failure: InvalidOrder for order-shaped inputs, InvalidInput otherwise. */
export function reject(found: Violation | null, kind: 'order' | 'input' = 'input'): void {
  if (!found) return;
  throw kind === 'order'
    ? new InvalidOrder(found.message, { field: found.field })
    : new InvalidInput(found.message, { field: found.field });
}

/** A u32 id argument (client ids, vault ids) as a number, rejecting anything else as InvalidInput. */
export function u32Arg(
  field: string,
  value: string | number | null | undefined,
  kind: 'order' | 'input' = 'input',
): number | undefined {
  const parsed = parseU32(field, value);
  if (parsed !== null && typeof parsed === 'object') reject(parsed, kind);
  return typeof parsed === 'number' ? parsed : undefined;
}

/** A non-negative integer id argument (dust conversion ids, subaccounts) as a number; InvalidInput otherwise. */
export function intIdArg(field: string, value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value);
  if (!/^\d{1,15}$/.test(text)) reject({ field, message: `${field} must be a whole number such as "42"` });
  return Number(text);
}

/** Drops null and undefined values: the exchange signs every key it receives, so unset keys must be absent. */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) out[key] = item;
  return out as { [K in keyof T]?: Exclude<T[K], null> };
}

/** The symbol / order / strategy / market-type filters that fill and order history share, in wire form. */
export function orderHistoryFilters(args: {
  readonly symbol?: string | null;
  readonly orderId?: string | number | null;
  readonly strategyId?: string | number | null;
  readonly marketType?: MarketType | null;
}) {
  const marketType: MarketType[] | undefined = args.marketType ? [args.marketType] : undefined;
  return compact({
    symbol: args.symbol,
    orderId: args.orderId == null ? null : String(args.orderId),
    strategyId: args.strategyId == null ? null : String(args.strategyId),
    marketType,
  });
}

/** Whether a single-item GET failed because the item is not there (the REST client's `notFound` kind). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ExchangeError && error.kind === 'notFound';
}

/** A single-item lookup where "not found" is an answer (null), not an error. */
export async function orNull<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
