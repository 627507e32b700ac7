// Wire shapes of futures positions: open positions (/position) and position history rows.
import type { MarginFunction } from './assets.ts';
import type { Decimal, MarketSymbol, NaiveDateTime } from './common.ts';
import type { PositionState } from './enums/capital.ts';
import type { MarketType } from './enums/markets.ts';

export interface FuturePositionWithMargin {
  symbol: MarketSymbol;
  positionId: string;
  userId: number;
  subaccountId?: number | null;
  /** Positive = long, negative = short. */
  netQuantity: Decimal;
  netCost: Decimal;
  entryPrice: Decimal;
  breakEvenPrice: Decimal;
  markPrice: Decimal;
  estLiquidationPrice: Decimal;
  /** Includes worst-case open orders. */
  netExposureQuantity: Decimal;
  netExposureNotional: Decimal;
  pnlRealized: Decimal;
  pnlUnrealized: Decimal;
  cumulativeFundingPayment: Decimal;
  imf: Decimal;
  imfFunction: MarginFunction;
  mmf: Decimal;
  mmfFunction: MarginFunction;
  /** Announced removed 2025-09-01 but still seen. */
  cumulativeInterest?: Decimal | null;
}

export interface PositionHistoryRow {
  id: string;
  symbol: MarketSymbol;
  state: PositionState;
  netQuantity: Decimal;
  netExposureQuantity: Decimal;
  netExposureNotional: Decimal;
  netCost: Decimal;
  markPrice: Decimal;
  entryPrice: Decimal;
  cumulativePnlRealized: Decimal;
  unrealizedPnl: Decimal;
  fundingQuantity: Decimal;
  interest: Decimal;
  liquidated: Decimal;
  imf: Decimal;
  fees: Decimal;
  closedVolume: Decimal;
  liquidationFees: Decimal;
  closingPrice?: Decimal | null;
  accountLeverage?: Decimal | null;
  openedAt?: NaiveDateTime | null;
  closedAt?: NaiveDateTime | null;
}

export interface GetPositionsParams {
  symbol?: MarketSymbol;
  marketType?: MarketType;
}
