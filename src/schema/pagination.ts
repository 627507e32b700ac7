// limit/offset pages: a page type factory, the standard arguments and the loader that computes `hasNextPage`.
//
// How to use (a history field):
//   const FillPage = pageOf('FillPage', Fill, 'A page of fills, newest first by default.');
//   builder.queryField('fills', (t) => t.field({
//     type: FillPage,
//     args: { ...pageArgs(t.arg), ...timeRangeArgs(t.arg), sortDirection: sortArg(t.arg), symbol: t.arg.string() },
//     resolve: (_, args, ctx) => exchangePage(ctx, 'getFillHistory', { symbol: args.symbol ?? undefined,
//       ...timeRangeParams(args), ...sortParams(args) }, pageWindow(args)),
//   }));
// `exchangePage` reads X-TOTAL when the exchange sends it; otherwise it asks for limit+1 rows to learn whether
// another page exists and drops the extra row. For non-exchange sources use `loadPage(window, fetch)`.
import type { ArgBuilder } from '@pothos/core';
import type { EndpointName, ParamsOf, ResultOf } from '../exchange/cache.ts';
import { MAX_PAGE_LIMIT } from '../exchange/limits.ts';
import type { SortDirection } from '../exchange/types/enums/markets.ts';
import { builder, type BuilderTypes } from './builder.ts';
import type { GatewayContext } from './context.ts';
import { SortDirectionEnum } from './enums.ts';
import { badUserInput } from './errors.ts';

export const DEFAULT_PAGE_LIMIT = 100;

export interface PageWindow {
  readonly limit: number;
  readonly offset: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  /** Total rows across all pages when the exchange reports it (X-TOTAL); null otherwise. */
  readonly total: number | null;
  readonly hasNextPage: boolean;
}

export const PageInfoRef = builder.objectRef<Page<unknown>>('PageInfo').implement({
  description: 'Where a page sits in the full result.',
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Page size that was requested.' }),
    offset: t.exposeInt('offset', { description: 'Rows skipped before this page.' }),
    hasNextPage: t.exposeBoolean('hasNextPage', {
      description: 'Whether a request with `offset + limit` returns more rows.',
    }),
    total: t.exposeInt('total', {
      nullable: true,
      description: 'Total rows across all pages, when the exchange reports it.',
    }),
  }),
});

/** A page object type `{ items: [Item!]!, pageInfo: PageInfo! }`. Call once per item type, at module level. */
export function pageOf<T>(name: string, item: PothosSchemaTypes.ObjectRef<BuilderTypes, T>, description: string) {
  return builder.objectRef<Page<T>>(name).implement({
    description,
    fields: (t) => ({
      items: t.field({ type: [item], description: 'The rows of this page.', resolve: (page) => [...page.items] }),
      pageInfo: t.field({ type: PageInfoRef, description: 'Position of this page.', resolve: (page) => page }),
    }),
  });
}

/** `limit` (1..max, default 100) and `offset` (≥ 0, default 0). */
export function pageArgs(arg: ArgBuilder<BuilderTypes>, options: { defaultLimit?: number; maxLimit?: number } = {}) {
  const max = options.maxLimit ?? MAX_PAGE_LIMIT;
  return {
    limit: arg.int({
      defaultValue: options.defaultLimit ?? DEFAULT_PAGE_LIMIT,
      description: `Rows per page, 1 to ${max}.`,
    }),
    offset: arg.int({ defaultValue: 0, description: 'Rows to skip, 0 or more.' }),
  };
}

/** `from` / `to` as Timestamps (resolvers receive epoch ms). */
export function timeRangeArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    from: arg({ type: 'Timestamp', description: 'Only rows at or after this time.' }),
    to: arg({ type: 'Timestamp', description: 'Only rows before this time.' }),
  };
}

/** `sortDirection` (the exchange's default order is undocumented, so clients should pass it). */
export function sortArg(arg: ArgBuilder<BuilderTypes>) {
  return arg({ type: SortDirectionEnum, description: 'Order of rows by time; the exchange default is undocumented.' });
}

/** Validates page arguments; invalid values are BAD_USER_INPUT. */
export function pageWindow(
  args: { readonly limit?: number | null; readonly offset?: number | null },
  maxLimit = MAX_PAGE_LIMIT,
): PageWindow {
  const limit = args.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = args.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw badUserInput(`limit must be between 1 and ${maxLimit}`, 'limit');
  }
  if (!Number.isInteger(offset) || offset < 0) throw badUserInput('offset must be 0 or more', 'offset');
  return { limit, offset };
}

/** `from`/`to` args as the exchange's ms query parameters (absent when not given). */
export function timeRangeParams(args: { readonly from?: number | null; readonly to?: number | null }) {
  if (args.from != null && args.to != null && args.from > args.to)
    throw badUserInput('from must not be after to', 'from');
  return { ...(args.from != null ? { from: args.from } : {}), ...(args.to != null ? { to: args.to } : {}) };
}

export function sortParams(args: { readonly sortDirection?: SortDirection | null }) {
  return args.sortDirection ? { sortDirection: args.sortDirection } : {};
}

export interface FetchedRows<T> {
  readonly items: readonly T[];
  /** X-TOTAL when known. */
  readonly total?: number | null;
}

/**
 * Fetches one page. With a total: hasNextPage = offset + rows < total. Without: asks for limit+1 rows (when the
 * endpoint's max allows) and trims; at the max it can only say "maybe" — a full page counts as having a next one.
 */
export async function loadPage<T>(
  window: PageWindow,
  fetch: (request: PageWindow) => Promise<FetchedRows<T>>,
  maxLimit = MAX_PAGE_LIMIT,
): Promise<Page<T>> {
  const probe = window.limit < maxLimit;
  const rows = await fetch({ limit: probe ? window.limit + 1 : window.limit, offset: window.offset });
  const items = rows.items.slice(0, window.limit);
  const total = rows.total ?? null;
  const hasNextPage =
    total !== null
      ? window.offset + items.length < total
      : probe
        ? rows.items.length > window.limit
        : items.length === window.limit;
  return { items, limit: window.limit, offset: window.offset, total, hasNextPage };
}

type RowOf<N extends EndpointName> = ResultOf<N> extends readonly (infer Row)[] ? Row : never;

/** One page of a list endpoint that takes `limit`/`offset`, through the context's exchange client. */
export function exchangePage<N extends EndpointName>(
  ctx: GatewayContext,
  name: N,
  params: Omit<ParamsOf<N>, 'limit' | 'offset'>,
  window: PageWindow,
  maxLimit = MAX_PAGE_LIMIT,
): Promise<Page<RowOf<N>>> {
  return loadPage<RowOf<N>>(
    window,
    async ({ limit, offset }) => {
      const response = await ctx.exchange.callWithMeta(name, { ...params, limit, offset } as unknown as ParamsOf<N>);
      const items = (Array.isArray(response.data) ? response.data : []) as RowOf<N>[];
      return { items, total: response.page?.total ?? null };
    },
    maxLimit,
  );
}
