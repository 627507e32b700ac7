// Wire shapes of account settings and limits (/account, /account/convertDust, /account/limits/*).
import type { AssetSymbol, Decimal, MarketSymbol } from './common.ts';
import type { Side } from './enums/trading.ts';

export interface AccountSummary {
  autoBorrowSettlements: boolean;
  autoLend: boolean;
  autoRealizePnl: boolean;
  autoRepayBorrows: boolean;
  borrowLimit: Decimal;
  /** Basis points; negative = rebate. */
  futuresMakerFee: Decimal;
  futuresTakerFee: Decimal;
  spotMakerFee: Decimal;
  spotTakerFee: Decimal;
  leverageLimit: Decimal;
  /** Open limit orders. */
  limitOrders: number;
  /** Open trigger orders. */
  triggerOrders: number;
  liquidating: boolean;
  positionLimit: Decimal;
}

export interface MaxBorrowQuantity {
  maxBorrowQuantity: Decimal;
  symbol: AssetSymbol;
}

/** Echoes the query. */
export interface MaxOrderQuantity {
  maxOrderQuantity: Decimal;
  symbol: MarketSymbol;
  side: string;
  price?: Decimal | null;
  reduceOnly?: boolean | null;
  autoBorrow?: boolean | null;
  autoBorrowRepay?: boolean | null;
  autoLendRedeem?: boolean | null;
}

export interface MaxWithdrawalQuantity {
  maxWithdrawalQuantity: Decimal;
  symbol: AssetSymbol;
  autoBorrow?: boolean | null;
  autoLendRedeem?: boolean | null;
}

export interface UpdateAccountSettingsRequest {
  autoBorrowSettlements?: boolean;
  autoLend?: boolean;
  autoRepayBorrows?: boolean;
  leverageLimit?: Decimal;
}

export interface AccountConvertDustPayload {
  /** Omitted = convert all dust. */
  symbol?: AssetSymbol;
}

export interface GetMaxBorrowQuantityParams {
  symbol: AssetSymbol;
}

export interface GetMaxOrderQuantityParams {
  symbol: MarketSymbol;
  side: Side;
  /** Omit for a market order. */
  price?: Decimal;
  reduceOnly?: boolean;
  autoBorrow?: boolean;
  autoBorrowRepay?: boolean;
  autoLendRedeem?: boolean;
}

export interface GetMaxWithdrawalQuantityParams {
  symbol: AssetSymbol;
  autoBorrow?: boolean;
  autoLendRedeem?: boolean;
}
