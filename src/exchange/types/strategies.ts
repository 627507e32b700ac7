// Wire shapes of scheduled (TWAP-like) strategies: active strategies, history rows and payloads.
import type { Decimal, EpochMillis, MarketSymbol, NaiveDateTime } from './common.ts';
import type { MarketType } from './enums/markets.ts';
import type {
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  StrategyCrankCancelReason,
  StrategyStatus,
  StrategyTypeEnum,
  TimeInForce,
} from './enums/trading.ts';

/** An active strategy (OpenAPI and reference name `StrategyType`; discriminator `strategyType`). */
export interface Strategy {
  strategyType: 'Scheduled';
  id: string;
  clientStrategyId?: number | null;
  createdAt: EpochMillis;
  executedQuantity: Decimal;
  executedQuoteQuantity: Decimal;
  quantity: Decimal;
  reduceOnly?: boolean | null;
  selfTradePrevention: SelfTradePrevention;
  status: StrategyStatus;
  side: Side;
  symbol: MarketSymbol;
  timeInForce: TimeInForce;
  /** ms. */
  duration: number;
  /** ms. */
  interval: number;
  randomizedIntervalQuantity?: boolean | null;
  slippageTolerance?: Decimal | null;
  slippageToleranceType?: SlippageToleranceType | null;
}

/** A finished strategy (OpenAPI `Strategy`). */
export interface StrategyHistory {
  id: string;
  createdAt: NaiveDateTime;
  strategyType: StrategyTypeEnum;
  status: StrategyStatus;
  cancelReason?: StrategyCrankCancelReason | null;
  executedQuantity?: Decimal | null;
  executedQuoteQuantity?: Decimal | null;
  quantity?: Decimal | null;
  selfTradePrevention: SelfTradePrevention;
  side: Side;
  symbol: MarketSymbol;
  timeInForce: TimeInForce;
  clientStrategyId?: number | null;
  duration: number;
  interval: number;
  randomizedIntervalQuantity: boolean;
  slippageTolerance?: Decimal | null;
  slippageToleranceType?: SlippageToleranceType | null;
}

export interface StrategyCreatePayload {
  symbol: MarketSymbol;
  side: Side;
  strategyType: StrategyTypeEnum;
  quantity?: Decimal;
  /** Limit price for the child orders. */
  price?: Decimal;
  /** ms. */
  duration?: number;
  /** ms. */
  interval?: number;
  randomizedIntervalQuantity?: boolean;
  postOnly?: boolean;
  reduceOnly?: boolean;
  timeInForce?: TimeInForce;
  selfTradePrevention?: SelfTradePrevention;
  clientStrategyId?: number;
  brokerId?: number;
  autoLend?: boolean;
  autoLendRedeem?: boolean;
  autoBorrow?: boolean;
  autoBorrowRepay?: boolean;
  slippageTolerance?: Decimal;
  slippageToleranceType?: SlippageToleranceType;
}

/** One of `strategyId` / `clientStrategyId`. */
export interface StrategyCancelPayload {
  symbol: MarketSymbol;
  strategyId?: string;
  clientStrategyId?: number;
}

export interface StrategyCancelAllPayload {
  symbol: MarketSymbol;
  strategyType?: StrategyTypeEnum;
}

/** One of `strategyId` / `clientStrategyId`. */
export interface GetStrategyParams {
  symbol: MarketSymbol;
  strategyId?: string;
  clientStrategyId?: number;
}

export interface GetOpenStrategiesParams {
  symbol?: MarketSymbol;
  marketType?: MarketType;
  strategyType?: StrategyTypeEnum;
}
