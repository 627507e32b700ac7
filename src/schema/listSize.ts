// How many rows each list field is expected to return: the complexity plugin's default field cost, which the
// operation cost (src/security/cost.ts) multiplies through nested lists before anything runs.
//
// A field costs 1, and its selection is multiplied by its estimated row count:
// - a `limit` (pages, order books, recent trades) or `depth` argument: that many rows (arguments carry their defaults);
// - klines: the candles between `from` and `to` at the requested interval;
// - market-sized lists (markets, tickers, mark prices, `Asset.markets` …): the market catalog's current size, and
//   asset-sized ones (assets, balances, collateral …) the asset catalog's, both read from the shared cache;
// - the rows of a page (`items`) and of an order book side: 1, since the field holding them already multiplied by its
//   `limit`;
// - any other list: DEFAULT_LIST_SIZE.
// A field can override this with its own `complexity` option.
import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { getNamedType, getNullableType, isListType, type GraphQLField } from 'graphql';
import type { CatalogSizes } from '../exchange/cache.ts';
import type { GatewayContext } from './context.ts';

/** Catalog sizes assumed before the catalogs were ever loaded: above what the exchange lists today. */
export const FALLBACK_CATALOG_SIZES: CatalogSizes = { markets: 300, assets: 200 };
/** Rows assumed for a list with no argument or catalog bounding it (open orders, positions, an order's fills …). */
export const DEFAULT_LIST_SIZE = 50;

const MARKET_ROWS = new Set(['Market', 'Ticker', 'MarkPrice', 'OpenInterest', 'LocalOrderBookStatus']);
const ASSET_ROWS = new Set([
  'Asset',
  'Balance',
  'Collateral',
  'CollateralParameters',
  'BorrowLendMarket',
  'BorrowLendPosition',
  'Token',
  'Wallet',
]);
/** Level rows of an order book or depth update: the field that holds them carries the depth. */
const LEVEL_ROWS = new Set(['OrderBookLevel', 'PriceLevel']);

const INTERVAL_UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  month: 31 * 86_400_000,
};

/** Length of a kline interval (`1m`, `4h`, `1month` …) in ms; null for one this table does not know. */
function intervalMs(interval: unknown): number | null {
  const match = typeof interval === 'string' ? /^(\d+)(m|h|d|w|month)$/.exec(interval) : null;
  const unit = match?.[2] === undefined ? undefined : INTERVAL_UNIT_MS[match[2]];
  return match && unit !== undefined ? Number(match[1]) * unit : null;
}

/** Candles between `from` and `to` (default now), inclusive of a partial one at either end. */
function klineRows(args: Readonly<Record<string, unknown>>, now: number): number | null {
  const length = intervalMs(args['interval']);
  const from = args['from'];
  const to = typeof args['to'] === 'number' ? args['to'] : now;
  if (length === null || typeof from !== 'number') return null;
  return Math.max(1, Math.ceil((to - from) / length) + 1);
}

/** A whole-number row-count argument (`limit`, `depth`), as given or defaulted. */
function rowArgument(args: Readonly<Record<string, unknown>>): number | null {
  for (const name of ['limit', 'depth']) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.floor(value));
  }
  return null;
}

/** The plugin's `fieldComplexity`: cost 1 per field, times the estimated rows of a list (see the file comment). */
export function listSizeComplexity(
  args: Readonly<Record<string, unknown>>,
  ctx: GatewayContext,
  field: GraphQLField<unknown, GatewayContext, Readonly<Record<string, unknown>>>,
): FieldComplexityValue {
  const rows = rowArgument(args);
  if (rows !== null) return { field: 1, multiplier: rows };
  const named = getNamedType(field.type).name;
  if (named === 'Kline') {
    return { field: 1, multiplier: klineRows(args, Date.now()) ?? DEFAULT_LIST_SIZE };
  }
  if (!isListType(getNullableType(field.type))) return 1;
  if (field.name === 'items' || LEVEL_ROWS.has(named)) return { field: 1, multiplier: 1 };
  if (MARKET_ROWS.has(named) || ASSET_ROWS.has(named)) {
    const sizes = ctx.exchange.catalogSizes() ?? FALLBACK_CATALOG_SIZES;
    return { field: 1, multiplier: MARKET_ROWS.has(named) ? sizes.markets : sizes.assets };
  }
  return { field: 1, multiplier: DEFAULT_LIST_SIZE };
}
