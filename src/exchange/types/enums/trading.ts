// The exchange's trading enums (orders, fills, RFQ, strategies) as const arrays, reused for param values, GraphQL
// enums and the sandbox. Treat all of them as open: the exchange adds values without notice.

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
