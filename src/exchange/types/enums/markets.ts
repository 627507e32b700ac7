// The exchange's market and market-data enums as const arrays, reused for param values, GraphQL enums and the sandbox.
// Treat all of them as open: the exchange adds values without notice.

/** `MONAD` is named by the official Rust client's Market docs (not in the spec); meaning unexplained. */
export const MarketType = ['SPOT', 'PERP', 'IPERP', 'DATED', 'PREDICTION', 'RFQ', 'MONAD'] as const;
export type MarketType = (typeof MarketType)[number];

export const RwaMarketType = ['STOCK', 'INDEX', 'COMMODITY', 'FX'] as const;
export type RwaMarketType = (typeof RwaMarketType)[number];

export const OrderBookState = ['Open', 'Closed', 'CancelOnly', 'LimitOnly', 'PostOnly'] as const;
export type OrderBookState = (typeof OrderBookState)[number];

/** `1s` is in bbgo's Backpack client, not in the spec. */
export const KlineInterval = [
  '1s',
  '1m',
  '3m',
  '5m',
  '15m',
  '30m',
  '1h',
  '2h',
  '4h',
  '6h',
  '8h',
  '12h',
  '1d',
  '3d',
  '1w',
  '1month',
] as const;
export type KlineInterval = (typeof KlineInterval)[number];

export const KlinePriceType = ['Last', 'Index', 'Mark'] as const;
export type KlinePriceType = (typeof KlinePriceType)[number];

export const TickerInterval = ['1d', '1w'] as const;
export type TickerInterval = (typeof TickerInterval)[number];

/**
 * `source=` on `/ticker`, `/tickers` and `/klines`: the venue's own trades or an external price (stock markets only).
 * Spelled as bbgo's Backpack client sends it; not in the spec.
 */
export const TickerSource = ['Venue', 'External'] as const;
export type TickerSource = (typeof TickerSource)[number];

/** A string enum on the wire; any other value gets a plain-text 400. */
export const DepthLimit = ['5', '10', '20', '50', '100', '500', '1000'] as const;
export type DepthLimit = (typeof DepthLimit)[number];

export const BorrowLendMarketHistoryInterval = ['1d', '1w', '1month', '1year'] as const;
export type BorrowLendMarketHistoryInterval = (typeof BorrowLendMarketHistoryInterval)[number];

export const VaultHistoryInterval = ['1d', '1w', '1month', '1year'] as const;
export type VaultHistoryInterval = (typeof VaultHistoryInterval)[number];

export const SeriesRecurrence = ['hourly', 'daily', 'weekly', 'monthly', 'annual'] as const;
export type SeriesRecurrence = (typeof SeriesRecurrence)[number];

/** Prediction `resolutionCondition.type` (only value seen). */
export const ResolutionConditionType = ['QuantityRange'] as const;
export type ResolutionConditionType = (typeof ResolutionConditionType)[number];

/** `/status` system status. */
export const Status = ['Ok', 'Maintenance'] as const;
export type Status = (typeof Status)[number];

export const MarginFunctionType = ['sqrt'] as const;
export type MarginFunctionType = (typeof MarginFunctionType)[number];

export const CollateralFunctionKindType = ['identity', 'inverseSqrt'] as const;
export type CollateralFunctionKindType = (typeof CollateralFunctionKindType)[number];

export const SortDirection = ['Asc', 'Desc'] as const;
export type SortDirection = (typeof SortDirection)[number];
