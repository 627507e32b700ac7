// Wire shapes of borrow-lend markets, APY and the account's borrow-lend positions.
import type { MarginFunction } from './assets.ts';
import type { AssetSymbol, DateTimeString, Decimal } from './common.ts';
import type { BorrowLendBookState, BorrowLendSide } from './enums/capital.ts';
import type { BorrowLendMarketHistoryInterval } from './enums/markets.ts';

export interface BorrowLendMarket {
  symbol: AssetSymbol;
  state: BorrowLendBookState;
  assetMarkPrice: Decimal;
  borrowInterestRate: Decimal;
  /** APY. */
  lendInterestRate: Decimal;
  borrowedQuantity: Decimal;
  lentQuantity: Decimal;
  utilization: Decimal;
  optimalUtilization: Decimal;
  maxUtilization: Decimal;
  openBorrowLendLimit: Decimal;
  throttleUtilizationThreshold: Decimal;
  throttleUtilizationBound: Decimal;
  throttleUpdateFraction: Decimal;
  fee: Decimal;
  stepSize: Decimal;
  timestamp: DateTimeString;
}

export interface BorrowLendHistory {
  borrowInterestRate: Decimal;
  borrowedQuantity: Decimal;
  lendInterestRate: Decimal;
  lentQuantity: Decimal;
  utilization: Decimal;
  timestamp: DateTimeString;
}

export interface BorrowLendApy {
  symbol: AssetSymbol;
  borrowRate: Decimal;
  lendRate: Decimal;
}

export interface StakingApy {
  symbol: string;
  dilutionFactor: Decimal;
  stakingRate: Decimal;
}

export interface ApyRates {
  borrowLend: BorrowLendApy[];
  staking: StakingApy[];
}

export interface BorrowLendPositionWithMargin {
  id: string;
  symbol: AssetSymbol;
  /** Positive = lend, negative = borrow. */
  netQuantity: Decimal;
  netExposureQuantity: Decimal;
  netExposureNotional: Decimal;
  markPrice: Decimal;
  imf: Decimal;
  imfFunction: MarginFunction;
  mmf: Decimal;
  mmfFunction: MarginFunction;
  cumulativeInterest: Decimal;
}

export interface PositionEstimatedLiquidationPrice {
  liquidationPrice: Decimal;
  markPrice: Decimal;
}

export interface GetBorrowLendMarketsHistoryParams {
  interval: BorrowLendMarketHistoryInterval;
  symbol?: AssetSymbol;
}

export interface GetBorrowLendEstimatedLiquidationPriceParams {
  /** Standard base64 of the JSON `{"quantity":"1","side":"Borrow","symbol":"BTC"}`. */
  borrow: string;
  subaccountId?: number;
}

export interface BorrowLendExecutePayload {
  quantity: Decimal;
  side: BorrowLendSide;
  symbol: AssetSymbol;
}
