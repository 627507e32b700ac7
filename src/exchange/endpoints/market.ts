// Endpoint rows for the public API: system, assets, markets, market data, prediction, trades, borrow-lend markets, vaults.
import { endpoint } from '../endpoint.ts';
import type { CollateralSummary, MarketAsset } from '../types/assets.ts';
import type { ApyRates, BorrowLendHistory, BorrowLendMarket, GetBorrowLendMarketsHistoryParams } from '../types/borrowLend.ts';
import type { NoParams } from '../types/common.ts';
import {
  BorrowLendMarketHistoryInterval,
  DepthLimit,
  KlineInterval,
  KlinePriceType,
  MarketType,
  TickerInterval,
  TickerSource,
  VaultHistoryInterval,
} from '../types/enums.ts';
import type {
  Depth,
  FundingIntervalRate,
  GetDepthParams,
  GetFundingIntervalRatesParams,
  GetHistoricalTradesParams,
  GetKlinesParams,
  GetMarkPricesParams,
  GetOpenInterestParams,
  GetRecentTradesParams,
  GetTickerParams,
  GetTickersParams,
  Kline,
  MarkPrice,
  OpenInterest,
  Ticker,
  Trade,
} from '../types/marketData.ts';
import type { GetMarketParams, GetMarketsParams, Market, MarketHoliday, MarketSession, Security } from '../types/markets.ts';
import type { GetPredictionEventsParams, GetPredictionTagsParams, PredictionEvent, PredictionTag } from '../types/prediction.ts';
import type { StatusAndMessage, WalletResponse } from '../types/system.ts';
import type { GetVaultsHistoryParams, Vault, VaultHistory } from '../types/vaults.ts';
import { PUBLIC, REQ, pageParams, query, queryEnum } from './params.ts';

const symbol = query('symbol', 'string', { ...REQ, description: 'Market symbol, e.g. SOL_USDC.' });

export const marketEndpoints = {
  // System
  getStatus: endpoint<NoParams, StatusAndMessage>({
    name: 'getStatus', operationId: 'get_status', method: 'GET', path: '/api/v1/status', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'StatusAndMessage', rateClass: 'standard', status: 'current',
    description: 'Reports whether the exchange is operating normally or in maintenance.',
  }),
  ping: endpoint<NoParams, string>({
    name: 'ping', operationId: 'ping', method: 'GET', path: '/api/v1/ping', auth: PUBLIC,
    params: [], body: 'none', response: 'text', responseType: 'string', rateClass: 'standard', status: 'current',
    description: 'Answers `pong` as plain text; a liveness check.',
  }),
  getTime: endpoint<NoParams, string>({
    name: 'getTime', operationId: 'get_time', method: 'GET', path: '/api/v1/time', auth: PUBLIC,
    params: [], body: 'none', response: 'text', responseType: 'string', rateClass: 'standard', status: 'current',
    description: 'Returns the server time as plain-text epoch milliseconds.',
  }),
  getWallets: endpoint<NoParams, WalletResponse[]>({
    name: 'getWallets', operationId: 'get_wallets', method: 'GET', path: '/api/v1/wallets', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'WalletResponse[]', rateClass: 'standard', status: 'current',
    description: 'Lists the exchange wallet address on each blockchain.',
  }),
  // Assets and collateral
  getAssets: endpoint<NoParams, MarketAsset[]>({
    name: 'getAssets', operationId: 'get_assets', method: 'GET', path: '/api/v1/assets', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'MarketAsset[]', rateClass: 'standard', status: 'current',
    description: 'Lists assets with their tokens per blockchain, deposit/withdrawal limits and fees.',
  }),
  getCollateralParameters: endpoint<NoParams, CollateralSummary[]>({
    name: 'getCollateralParameters', operationId: 'get_collateral_parameters', method: 'GET', path: '/api/v1/collateral',
    auth: PUBLIC, params: [], body: 'none', response: 'json', responseType: 'CollateralSummary[]', rateClass: 'standard',
    status: 'current',
    description: 'Lists the collateral parameters (margin and haircut functions) of each asset.',
  }),
  // Markets
  getMarkets: endpoint<GetMarketsParams, Market[]>({
    name: 'getMarkets', operationId: 'get_markets', method: 'GET', path: '/api/v1/markets', auth: PUBLIC,
    params: [
      queryEnum('marketType', MarketType, { repeated: true, description: 'Market types to list; omitted = SPOT and PERP only.' }),
    ],
    body: 'none', response: 'json', responseType: 'Market[]', rateClass: 'standard', status: 'current',
    description: 'Lists markets with their filters; by default only spot and perpetual markets.',
  }),
  getMarket: endpoint<GetMarketParams, Market>({
    name: 'getMarket', operationId: 'get_market', method: 'GET', path: '/api/v1/market', auth: PUBLIC,
    params: [symbol], body: 'none', response: 'json', responseType: 'Market', rateClass: 'standard', status: 'current',
    description: 'Returns one market by symbol.',
  }),
  getTicker: endpoint<GetTickerParams, Ticker>({
    name: 'getTicker', operationId: 'get_ticker', method: 'GET', path: '/api/v1/ticker', auth: PUBLIC,
    params: [
      symbol,
      queryEnum('interval', TickerInterval, { description: 'Summary window; omitted = rolling 24 h.' }),
      // Deviation from OpenAPI: `source` comes from the reference text (third-party, unverified); stock markets only.
      queryEnum('source', TickerSource, { description: 'Price source for stock markets (unverified).' }),
    ],
    body: 'none', response: 'json', responseType: 'Ticker', rateClass: 'standard', status: 'current',
    description: 'Returns the 24-hour (or 1d/1w) price and volume summary of one market; 204 when not found.',
  }),
  getTickers: endpoint<GetTickersParams, Ticker[]>({
    name: 'getTickers', operationId: 'get_tickers', method: 'GET', path: '/api/v1/tickers', auth: PUBLIC,
    params: [queryEnum('interval', TickerInterval, { description: 'Summary window; omitted = rolling 24 h.' })],
    body: 'none', response: 'json', responseType: 'Ticker[]', rateClass: 'standard', status: 'current',
    description: 'Returns the price and volume summary of every market.',
  }),
  getDepth: endpoint<GetDepthParams, Depth>({
    name: 'getDepth', operationId: 'get_depth', method: 'GET', path: '/api/v1/depth', auth: PUBLIC,
    params: [symbol, queryEnum('limit', DepthLimit, { description: 'Levels per side; omitted = up to 5000.' })],
    body: 'none', response: 'json', responseType: 'Depth', rateClass: 'standard', status: 'current',
    description: 'Returns an order book snapshot; both sides sorted ascending by price.',
  }),
  getKlines: endpoint<GetKlinesParams, Kline[]>({
    name: 'getKlines', operationId: 'get_klines', method: 'GET', path: '/api/v1/klines', auth: PUBLIC,
    params: [
      symbol,
      queryEnum('interval', KlineInterval, REQ),
      query('startTime', 'integer', { ...REQ, description: 'Epoch seconds (not ms).' }),
      query('endTime', 'integer', { description: 'Epoch seconds; default now.' }),
      queryEnum('priceType', KlinePriceType, { description: 'Price series; default Last.' }),
    ],
    body: 'none', response: 'json', responseType: 'Kline[]', rateClass: 'standard', status: 'current',
    description: 'Returns candlesticks of one market between two times given in epoch seconds.',
  }),
  getMarkPrices: endpoint<GetMarkPricesParams, MarkPrice[]>({
    name: 'getMarkPrices', operationId: 'get_mark_prices', method: 'GET', path: '/api/v1/markPrices', auth: PUBLIC,
    params: [query('symbol', 'string'), queryEnum('marketType', MarketType, { description: 'Default PERP.' })],
    body: 'none', response: 'json', responseType: 'MarkPrice[]', rateClass: 'standard', status: 'current',
    description: 'Returns mark price, index price and funding rate per market (an array even for one symbol).',
  }),
  getOpenInterest: endpoint<GetOpenInterestParams, OpenInterest[]>({
    name: 'getOpenInterest', operationId: 'get_open_interest', method: 'GET', path: '/api/v1/openInterest', auth: PUBLIC,
    params: [query('symbol', 'string', { description: 'Omitted = all markets.' })],
    body: 'none', response: 'json', responseType: 'OpenInterest[]', rateClass: 'standard', status: 'current',
    description: 'Returns the open interest of one or all futures markets.',
  }),
  getOpenInterests: endpoint<NoParams, OpenInterest[]>({
    name: 'getOpenInterests', method: 'GET', path: '/api/v1/openInterests', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'OpenInterest[]', rateClass: 'standard', status: 'deprecated',
    description: 'Deprecated since 2025-03-19: returns the open interest of all markets; use getOpenInterest.',
  }),
  getFundingIntervalRates: endpoint<GetFundingIntervalRatesParams, FundingIntervalRate[]>({
    name: 'getFundingIntervalRates', operationId: 'get_funding_interval_rates', method: 'GET', path: '/api/v1/fundingRates',
    auth: PUBLIC, params: [symbol, ...pageParams(10000)], body: 'none', response: 'json',
    responseType: 'FundingIntervalRate[]', rateClass: 'historical', paginated: true, status: 'current',
    description: 'Returns the funding rate history of one perpetual market, one row per funding interval.',
  }),
  getPredictionEvents: endpoint<GetPredictionEventsParams, PredictionEvent[]>({
    name: 'getPredictionEvents', operationId: 'get_prediction_events', method: 'GET', path: '/api/v1/prediction',
    auth: PUBLIC,
    params: [
      query('symbol', 'string'),
      query('tagSlug', 'string'),
      query('eventSlug', 'string'),
      query('seriesSlug', 'string'),
      query('resolved', 'boolean'),
      ...pageParams(1000),
    ],
    body: 'none', response: 'json', responseType: 'PredictionEvent[]', rateClass: 'standard', status: 'current',
    description: 'Lists prediction events with their markets, tags and series.',
  }),
  getPredictionTags: endpoint<GetPredictionTagsParams, PredictionTag[]>({
    name: 'getPredictionTags', operationId: 'get_prediction_tags', method: 'GET', path: '/api/v1/prediction/tags',
    auth: PUBLIC, params: [...pageParams(1000)], body: 'none', response: 'json', responseType: 'PredictionTag[]',
    rateClass: 'standard', status: 'current',
    description: 'Lists the tags used to group prediction events.',
  }),
  getSecurities: endpoint<NoParams, Security[]>({
    name: 'getSecurities', method: 'GET', path: '/api/v1/securities', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'Security[]', rateClass: 'standard', status: 'current',
    description: 'Lists tokenized equities with their per-session quantity limits.',
  }),
  getMarketSessions: endpoint<NoParams, MarketSession[]>({
    name: 'getMarketSessions', method: 'GET', path: '/api/v1/market-sessions', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'MarketSession[]', rateClass: 'standard', status: 'current',
    description: 'Lists the weekly trading sessions of equity markets (pre-market, regular, post-market, overnight).',
  }),
  getMarketHolidays: endpoint<NoParams, MarketHoliday[]>({
    name: 'getMarketHolidays', method: 'GET', path: '/api/v1/market-holidays', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'MarketHoliday[]', rateClass: 'standard', status: 'current',
    description: 'Lists the holiday closures and early closes of equity markets.',
  }),
  // Trades
  getRecentTrades: endpoint<GetRecentTradesParams, Trade[]>({
    name: 'getRecentTrades', operationId: 'get_recent_trades', method: 'GET', path: '/api/v1/trades', auth: PUBLIC,
    params: [symbol, query('limit', 'integer', { description: 'Default 100, max 1000.' })],
    body: 'none', response: 'json', responseType: 'Trade[]', rateClass: 'standard', status: 'current',
    description: 'Returns the most recent public trades of one market, newest first.',
  }),
  getHistoricalTrades: endpoint<GetHistoricalTradesParams, Trade[]>({
    name: 'getHistoricalTrades', operationId: 'get_historical_trades', method: 'GET', path: '/api/v1/trades/history',
    auth: PUBLIC, params: [symbol, ...pageParams(1000)], body: 'none', response: 'json', responseType: 'Trade[]',
    rateClass: 'historical', status: 'current',
    description: 'Returns older public trades of one market by limit and offset.',
  }),
  // Borrow-lend markets
  getBorrowLendMarkets: endpoint<NoParams, BorrowLendMarket[]>({
    name: 'getBorrowLendMarkets', operationId: 'get_borrow_lend_markets', method: 'GET', path: '/api/v1/borrowLend/markets',
    auth: PUBLIC, params: [], body: 'none', response: 'json', responseType: 'BorrowLendMarket[]', rateClass: 'standard',
    status: 'current',
    description: 'Lists borrow-lend markets with their rates, utilization and limits.',
  }),
  getBorrowLendMarketsHistory: endpoint<GetBorrowLendMarketsHistoryParams, BorrowLendHistory[]>({
    name: 'getBorrowLendMarketsHistory', operationId: 'get_borrow_lend_markets_history', method: 'GET',
    path: '/api/v1/borrowLend/markets/history', auth: PUBLIC,
    params: [
      queryEnum('interval', BorrowLendMarketHistoryInterval, REQ),
      query('symbol', 'string', { description: 'Asset symbol; omitted = all assets.' }),
    ],
    body: 'none', response: 'json', responseType: 'BorrowLendHistory[]', rateClass: 'historical', status: 'current',
    description: 'Returns the rate and utilization history of borrow-lend markets over an interval.',
  }),
  getBorrowLendApy: endpoint<NoParams, ApyRates>({
    name: 'getBorrowLendApy', method: 'GET', path: '/api/v1/borrowLend/apy', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'ApyRates', rateClass: 'standard', status: 'current',
    description: 'Returns the current borrow, lend and staking APY per asset.',
  }),
  // Vaults
  getVaults: endpoint<NoParams, Vault[]>({
    name: 'getVaults', method: 'GET', path: '/api/v1/vaults', auth: PUBLIC,
    params: [], body: 'none', response: 'json', responseType: 'Vault[]', rateClass: 'standard', status: 'current',
    description: 'Lists vaults with their mint and redeem limits.',
  }),
  getVaultsHistory: endpoint<GetVaultsHistoryParams, VaultHistory[]>({
    name: 'getVaultsHistory', method: 'GET', path: '/api/v1/vaults/history', auth: PUBLIC,
    params: [queryEnum('interval', VaultHistoryInterval, REQ), query('vaultId', 'integer')],
    body: 'none', response: 'json', responseType: 'VaultHistory[]', rateClass: 'historical', status: 'current',
    description: 'Returns the NAV, equity and token supply history of vaults over an interval.',
  }),
} as const;
