// Every wire enum of the exchange as a const array (reused for param values, GraphQL enums and the sandbox).
// Treat all of them as open: the exchange adds values without notice.

// Trading
export const Side = ['Bid', 'Ask'] as const;
export type Side = (typeof Side)[number];

export const OrderTypeEnum = ['Market', 'Limit'] as const;
export type OrderTypeEnum = (typeof OrderTypeEnum)[number];

export const TimeInForce = ['GTC', 'IOC', 'FOK'] as const;
export type TimeInForce = (typeof TimeInForce)[number];

/** `Allow` (no prevention) is in the official Rust client, not in the spec. */
export const SelfTradePrevention = ['RejectTaker', 'RejectMaker', 'RejectBoth', 'Allow'] as const;
export type SelfTradePrevention = (typeof SelfTradePrevention)[number];

export const OrderStatus = [
  'Cancelled',
  'Expired',
  'Filled',
  'New',
  'PartiallyFilled',
  'TriggerPending',
  'TriggerFailed',
  // A conditional order whose trigger fired (official Rust client; not in the spec).
  'Triggered',
] as const;
export type OrderStatus = (typeof OrderStatus)[number];

export const TriggerBy = ['LastPrice', 'MarkPrice', 'IndexPrice'] as const;
export type TriggerBy = (typeof TriggerBy)[number];

export const SlippageToleranceType = ['TickSize', 'Percent'] as const;
export type SlippageToleranceType = (typeof SlippageToleranceType)[number];

export const CancelOrderTypeEnum = ['RestingLimitOrder', 'ConditionalOrder'] as const;
export type CancelOrderTypeEnum = (typeof CancelOrderTypeEnum)[number];

export const OrderExpiryReason = [
  'AccountTradingSuspended',
  'BorrowRequiresLendRedeem',
  'FillOrKill',
  'InsufficientBorrowableQuantity',
  'InsufficientFunds',
  'InsufficientLiquidity',
  'InvalidPrice',
  'InvalidQuantity',
  'ImmediateOrCancel',
  'InsufficientMargin',
  'Liquidation',
  'NegativeEquity',
  'PostOnlyMode',
  'PostOnlyTaker',
  'PriceOutOfBounds',
  'ReduceOnlyNotReduced',
  'SelfTradePrevention',
  'StopWithoutPosition',
  'PriceImpact',
  'Unknown',
  'UserPermissions',
  'MaxStopOrdersPerPosition',
  'PositionLimit',
  'SlippageToleranceExceeded',
] as const;
export type OrderExpiryReason = (typeof OrderExpiryReason)[number];

export const SystemOrderType = [
  'CollateralConversion',
  'FutureExpiry',
  'LiquidatePositionOnAdl',
  'LiquidatePositionOnBook',
  'LiquidatePositionOnBackstop',
  'OrderBookClosed',
] as const;
export type SystemOrderType = (typeof SystemOrderType)[number];

export const FillType = [
  'User',
  'BookLiquidation',
  'Adl',
  'Backstop',
  'Liquidation',
  'AllLiquidation',
  'CollateralConversion',
  'CollateralConversionAndSpotLiquidation',
] as const;
export type FillType = (typeof FillType)[number];

export const RfqFillType = ['User', 'CollateralConversion'] as const;
export type RfqFillType = (typeof RfqFillType)[number];

export const RfqExecutionMode = ['AwaitAccept', 'Immediate'] as const;
export type RfqExecutionMode = (typeof RfqExecutionMode)[number];

export const StrategyTypeEnum = ['Scheduled'] as const;
export type StrategyTypeEnum = (typeof StrategyTypeEnum)[number];

export const StrategyStatus = ['Running', 'Completed', 'Cancelled', 'Terminated'] as const;
export type StrategyStatus = (typeof StrategyStatus)[number];

export const StrategyCrankCancelReason = [
  'Expired',
  'FillOrKill',
  'InsufficientBorrowableQuantity',
  'InsufficientFunds',
  'InsufficientLiquidity',
  'InvalidPrice',
  'InvalidQuantity',
  'InsufficientMargin',
  'Liquidation',
  'PriceOutOfBounds',
  'ReduceOnlyNotReduced',
  'SelfTradePrevention',
  'Unknown',
  'UserPermissions',
] as const;
export type StrategyCrankCancelReason = (typeof StrategyCrankCancelReason)[number];

/** WS order update `O` (origin of the update); SCREAMING_SNAKE on the wire. */
export const OrderUpdateOrigin = [
  'USER',
  'LIQUIDATION_AUTOCLOSE',
  'ADL_AUTOCLOSE',
  'COLLATERAL_CONVERSION',
  'SETTLEMENT_AUTOCLOSE',
  'BACKSTOP_LIQUIDITY_PROVIDER',
] as const;
export type OrderUpdateOrigin = (typeof OrderUpdateOrigin)[number];

// Markets and market data
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

// Capital, borrow-lend, positions
export const Blockchain = [
  '0G',
  'Aptos',
  'Arbitrum',
  'Avalanche',
  'Base',
  'Berachain',
  'Bitcoin',
  'BitcoinCash',
  'Bsc',
  'Cardano',
  'Dogecoin',
  'Eclipse',
  'EqualsMoney',
  'Ethereum',
  'Fogo',
  'HyperEVM',
  'Hyperliquid',
  'Internal',
  'Linea',
  'Litecoin',
  'Monad',
  'Near',
  'Optimism',
  'Plasma',
  'Polygon',
  'Sei',
  'Sui',
  'Solana',
  'Stable',
  'Story',
  'Tron',
  'XRP',
  'Zcash',
] as const;
export type Blockchain = (typeof Blockchain)[number];

/** camelCase of Blockchain plus non-chain sources (note `xRP`, `bitcoinCash`, `hyperEVM`). */
export const DepositSource = [
  'administrator',
  '0G',
  'aptos',
  'arbitrum',
  'avalanche',
  'base',
  'berachain',
  'bitcoin',
  'bitcoinCash',
  'bsc',
  'cardano',
  'dogecoin',
  'eclipse',
  'ethereum',
  'fogo',
  'hyperEVM',
  'hyperliquid',
  'linea',
  'litecoin',
  'monad',
  'near',
  'polygon',
  'optimism',
  'plasma',
  'sei',
  'stable',
  'sui',
  'solana',
  'story',
  'tron',
  'xRP',
  'zcash',
  'equalsMoney',
  'banxa',
  'internal',
  'nuvei',
] as const;
export type DepositSource = (typeof DepositSource)[number];

export const DepositStatus = [
  'cancelled',
  'confirmed',
  'declined',
  'expired',
  'initiated',
  'ownershipVerificationRequired',
  'pending',
  'refunded',
  'senderVerificationCompleted',
  'senderVerificationRequired',
] as const;
export type DepositStatus = (typeof DepositStatus)[number];

export const WithdrawalStatus = [
  'confirmed',
  'ownershipVerificationRequired',
  'pending',
  'recipientInformationProvided',
  'recipientInformationRequired',
  // In the official Rust client, not in the spec.
  'verifying',
  'void',
] as const;
export type WithdrawalStatus = (typeof WithdrawalStatus)[number];

export const EqualsMoneyWithdrawalState = [
  'initialized',
  'pending',
  'fulfilling',
  'processing',
  'complete',
  'declined',
  'cancelled',
  'review',
  'awaitingDocuments',
  'awaitingComplianceQuestions',
  'refundedInternal',
  'refundedExternal',
] as const;
export type EqualsMoneyWithdrawalState = (typeof EqualsMoneyWithdrawalState)[number];

export const FiatAsset = [
  'AED',
  'AUD',
  'BGN',
  'BHD',
  'CAD',
  'CHF',
  'CNH',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'ILS',
  'JOD',
  'JPY',
  'KES',
  'KWD',
  'MUR',
  'MXN',
  'NOK',
  'NZD',
  'OMR',
  'PLN',
  'QAR',
  'RON',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TND',
  'TRY',
  'USD',
  'ZAR',
  'ZMW',
] as const;
export type FiatAsset = (typeof FiatAsset)[number];

export const BorrowLendSide = ['Borrow', 'Lend'] as const;
export type BorrowLendSide = (typeof BorrowLendSide)[number];

export const BorrowLendEventType = ['Borrow', 'BorrowRepay', 'Lend', 'LendRedeem'] as const;
export type BorrowLendEventType = (typeof BorrowLendEventType)[number];

export const BorrowLendPositionState = ['Open', 'Closed'] as const;
export type BorrowLendPositionState = (typeof BorrowLendPositionState)[number];

export const BorrowLendBookState = ['Open', 'Closed', 'RepayOnly'] as const;
export type BorrowLendBookState = (typeof BorrowLendBookState)[number];

export const BorrowLendSource = [
  'AdlProvider',
  'AutoBorrowRepay',
  'AutoLend',
  'BackstopProvider',
  'DustConversion',
  'Interest',
  'Liquidation',
  'LiquidationAdl',
  'LiquidationBackstop',
  'Manual',
  'Reconciliation',
  'Rfq',
  'SpotMargin',
  'Withdrawal',
] as const;
export type BorrowLendSource = (typeof BorrowLendSource)[number];

export const InterestPaymentSource = ['UnrealizedPnl', 'BorrowLend'] as const;
export type InterestPaymentSource = (typeof InterestPaymentSource)[number];

export const PaymentType = ['EntryFee', 'Borrow', 'Lend', 'UnrealizedPositivePnl', 'UnrealizedNegativePnl'] as const;
export type PaymentType = (typeof PaymentType)[number];

export const PositionState = ['Open', 'Closed'] as const;
export type PositionState = (typeof PositionState)[number];

/** Settlement `source` in responses (spelling `Utilisation`). */
export const SettlementSource = [
  'TradingFees',
  'TradingFeesSystem',
  'FundingPayment',
  'CulledBorrowInterest',
  'CulledRealizePnlAuto',
  'CulledRealizePnlBookUtilisation',
  'CulledRealizePnlAccountThreshold',
  'CulledRealizePnlSystemThreshold',
  'RealizePnl',
  'BackstopProviderLiquidation',
  'BackstopAdlLiquidation',
  'BackstopLiquidityFundProceeds',
  'SystemLiabilityTransfer',
] as const;
export type SettlementSource = (typeof SettlementSource)[number];

/** Settlement history `source` query filter (spelling `Utilization`, unlike the response enum). */
export const SettlementSourceFilter = [
  'BackstopLiquidation',
  'CulledBorrowInterest',
  'CulledRealizePnl',
  'CulledRealizePnlBookUtilization',
  'FundingPayment',
  'RealizePnl',
  'TradingFees',
  'TradingFeesSystem',
] as const;
export type SettlementSourceFilter = (typeof SettlementSourceFilter)[number];

export const VaultRedeemStatus = ['Requested', 'Redeemed', 'Cancelled'] as const;
export type VaultRedeemStatus = (typeof VaultRedeemStatus)[number];

/** Error `code` values (OpenAPI `ApiErrorCode`). */
export const ApiErrorCode = [
  'ACCOUNT_DEACTIVATED',
  'ACCOUNT_LIQUIDATING',
  'BORROW_LIMIT',
  'BORROW_REQUIRES_LEND_REDEEM',
  'FORBIDDEN',
  'INSUFFICIENT_FUNDS',
  'INSUFFICIENT_MARGIN',
  'INSUFFICIENT_SUPPLY',
  'INVALID_ASSET',
  'INVALID_CLIENT_REQUEST',
  'INVALID_MARKET',
  'INVALID_ORDER',
  'INVALID_PRICE',
  'INVALID_POSITION_ID',
  'INVALID_QUANTITY',
  'INVALID_RANGE',
  'INVALID_SIGNATURE',
  'INVALID_SOURCE',
  'INVALID_SYMBOL',
  'INVALID_TWO_FACTOR_CODE',
  'LEND_LIMIT',
  'LEND_REQUIRES_BORROW_REPAY',
  'MAINTENANCE',
  'MAX_LEVERAGE_REACHED',
  'NOT_IMPLEMENTED',
  'ORDER_LIMIT',
  'POSITION_LIMIT',
  'PRECONDITION_FAILED',
  'RESOURCE_NOT_FOUND',
  'SERVER_ERROR',
  'TIMEOUT',
  'TOO_MANY_REQUESTS',
  'TRADING_PAUSED',
  'UNAUTHORIZED',
] as const;
export type ApiErrorCode = (typeof ApiErrorCode)[number];
