// How long each public answer of the exchange stays fresh in the shared cache, and how long past that it may be served
// stale while a refresh runs.
import type { EndpointName } from './endpoints.ts';

/** Freshness per endpoint, in ms; below the exchange's own CDN ages (tickers up to 20 s old, markets up to 5 min). */
export const DEFAULT_TTLS_MS: Partial<Record<EndpointName, number>> = {
  getTicker: 1_000,
  getTickers: 1_000,
  getMarkPrices: 1_000,
  getDepth: 250,
  getRecentTrades: 500,
  getHistoricalTrades: 1_000,
  getKlines: 1_000,
  getOpenInterest: 5_000,
  getFundingIntervalRates: 10_000,
  getStatus: 1_000,
  getMarkets: 60_000,
  getMarket: 60_000,
  getAssets: 60_000,
  getCollateralParameters: 60_000,
  getWallets: 60_000,
  getSecurities: 60_000,
  getMarketSessions: 60_000,
  getMarketHolidays: 60_000,
  getBorrowLendMarkets: 5_000,
  getBorrowLendMarketsHistory: 30_000,
  getBorrowLendApy: 5_000,
  getPredictionEvents: 5_000,
  getPredictionTags: 60_000,
  getVaults: 5_000,
  getVaultsHistory: 30_000,
  // The clock and the liveness check must be live answers.
  getTime: 0,
  ping: 0,
};
export const DEFAULT_TTL_MS = 1_000;

/** Served stale (up to this long past their TTL) while a background refresh runs. */
export const STALE_WHILE_REVALIDATE_MS: Partial<Record<EndpointName, number>> = {
  getMarkets: 10 * 60_000,
  getMarket: 10 * 60_000,
  getAssets: 10 * 60_000,
  getCollateralParameters: 10 * 60_000,
};
