// Public market-data handlers: assets, collateral parameters, markets, tickers, depth, klines, mark prices, trades.
import {
  KlineInterval,
  KlinePriceType,
  MarketType,
  TickerInterval,
  TickerSource,
} from '../../exchange/types/enums/markets.ts';
import { reply } from '../http/handler.ts';
import { SandboxError } from '../engine/errors.ts';
import type { HandlerRequest, HandlerTable } from '../http/handler.ts';
import {
  optionalEnum,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredInteger,
  requiredString,
} from './productsParams.ts';

type Params = HandlerRequest['params'];

/** `marketType` may be repeated (`marketType=SPOT&marketType=PERP`): the transport gives a string or a string[]. */
export function marketTypes(params: Params): MarketType[] | undefined {
  const value = params.marketType;
  if (value === undefined) return undefined;
  const list =
    typeof value === 'string' ? value.split(',') : Array.isArray(value) ? (value as readonly string[]) : null;
  if (list === null || list.some((type) => !(MarketType as readonly string[]).includes(type))) {
    throw new SandboxError(
      400,
      null,
      'failed to parse parameter `marketType`: failed to parse "MarketType": Expect a valid enumeration value.',
    );
  }
  return list as MarketType[];
}

/** `limit` for `/trades`: default 100, 1..1000. */
function tradeLimit(params: Params): number {
  const limit = optionalInteger(params, 'limit') ?? 100;
  if (limit < 1 || limit > 1000)
    throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Limit must be between 1 and 1000');
  return limit;
}

const DEPTH_LIMITS = ['5', '10', '20', '50', '100', '500', '1000'] as const;

/**
 * `source` of tickers and klines: `Venue` (the default) is the market's own trades; `External` exists only for stock
 * markets. The sandbox has no external feed, so an accepted `External` serves the venue's numbers.
 */
function requireSource(params: Params, symbol: string, services: Parameters<HandlerTable['getKlines']>[1]): void {
  if (optionalEnum(params, 'source', TickerSource) !== 'External') return;
  if (services.markets.require(symbol).rwaMarketType !== 'STOCK') {
    throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'External source is only available for stock markets');
  }
}

export const marketDataHandlers = {
  getAssets: (_request, services) => services.markets.assetsWire(),

  getCollateralParameters: (_request, services) => services.markets.collateralWire(),

  getMarkets: (request, services) =>
    services.markets.list(marketTypes(request.params)).map((market) => services.markets.marketWire(market)),

  getMarket: (request, services) =>
    services.markets.marketWire(services.markets.require(requiredString(request.params, 'symbol'))),

  getTicker: (request, services) => {
    const symbol = requiredString(request.params, 'symbol');
    const interval = optionalEnum(request.params, 'interval', TickerInterval);
    requireSource(request.params, symbol, services);
    const ticker = services.engine.marketData.ticker(symbol, interval);
    return ticker ?? reply({ status: 204 });
  },

  getTickers: (request, services) => {
    const tickers = services.engine.marketData.tickers(optionalEnum(request.params, 'interval', TickerInterval));
    if (optionalEnum(request.params, 'source', TickerSource) !== 'External') return tickers;
    return tickers.filter((ticker) => services.markets.get(ticker.symbol)?.rwaMarketType === 'STOCK');
  },

  getDepth: (request, services) => {
    const limit = optionalEnum(request.params, 'limit', DEPTH_LIMITS);
    // Without `limit` the exchange returns up to 5000 levels per side.
    return services.engine.marketData.depth(
      requiredString(request.params, 'symbol'),
      limit === undefined ? 5000 : Number(limit),
    );
  },

  getKlines: (request, services) => {
    requireSource(request.params, requiredString(request.params, 'symbol'), services);
    const interval = requiredEnum(request.params, 'interval', KlineInterval);
    return services.engine.marketData.klines(
      requiredString(request.params, 'symbol'),
      interval,
      requiredInteger(request.params, 'startTime'),
      optionalInteger(request.params, 'endTime'),
      optionalEnum(request.params, 'priceType', KlinePriceType),
    );
  },

  getMarkPrices: (request, services) =>
    services.engine.marketData.markPrices(
      optionalString(request.params, 'symbol'),
      optionalEnum(request.params, 'marketType', MarketType),
    ),

  getOpenInterest: (request, services) =>
    services.engine.marketData.openInterest(optionalString(request.params, 'symbol')),

  /** Deprecated 2025-03-19: same as `/openInterest` without a symbol. */
  getOpenInterests: (_request, services) => services.engine.marketData.openInterest(undefined),

  getFundingIntervalRates: (request, services) => {
    const rows = services.engine.marketData.fundingRates(requiredString(request.params, 'symbol'));
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
      { maxLimit: 10_000 },
    );
  },

  getRecentTrades: (request, services) =>
    services.engine.marketData.recentTrades(requiredString(request.params, 'symbol'), tradeLimit(request.params)),

  getHistoricalTrades: (request, services) => {
    const offset = optionalInteger(request.params, 'offset') ?? 0;
    if (offset < 0) throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Offset must be non-negative');
    return services.engine.marketData.historicalTrades(
      requiredString(request.params, 'symbol'),
      tradeLimit(request.params),
      offset,
    );
  },
} satisfies Partial<HandlerTable>;
