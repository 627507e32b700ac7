// Wire shapes of assets and collateral parameters (/assets, /collateral) and the margin functions they share.
import type { AssetSymbol, Decimal } from './common.ts';
import type { Blockchain } from './enums/capital.ts';
import type { MarginFunctionType } from './enums/markets.ts';

export interface Token {
  displayName: string;
  blockchain: Blockchain;
  contractAddress?: string | null;
  depositEnabled: boolean;
  minimumDeposit: Decimal;
  withdrawEnabled: boolean;
  minimumWithdrawal: Decimal;
  /** null = no maximum. */
  maximumWithdrawal?: Decimal | null;
  withdrawalFee: Decimal;
  /** Only in the 2026 docs (D26). */
  nativeDecimals?: number | null;
}

export interface MarketAsset {
  symbol: AssetSymbol;
  displayName: string;
  coingeckoId?: string | null;
  tokens: Token[];
}

/** IMF/MMF as a function of position size. */
export interface MarginFunction {
  type: MarginFunctionType;
  base: Decimal;
  factor: Decimal;
}

export type CollateralFunctionKind =
  { type: 'identity' } | { type: 'inverseSqrt'; base: Decimal; positiveCurvePenalty: Decimal };

export interface CollateralFunction {
  weight: Decimal;
  kind: CollateralFunctionKind;
}

export interface CollateralSummary {
  symbol: AssetSymbol;
  imfFunction: MarginFunction;
  mmfFunction: MarginFunction;
  haircutFunction: CollateralFunction;
}
