// Wire shapes of vaults: public vault list and history, account mint/redeem and their history.
import type { AssetSymbol, DateTimeString, Decimal, EpochMillis, PageParams } from './common.ts';
import type { VaultRedeemStatus } from './enums/capital.ts';
import type { VaultHistoryInterval } from './enums/markets.ts';

export interface Vault {
  id: number;
  vaultToken: string;
  /** The asset used to mint and redeem. */
  symbol: AssetSymbol;
  mintsEnabled: boolean;
  redeemsEnabled: boolean;
  minMintQuantity: Decimal;
  minRedeemTokens: Decimal;
  redeemDelayMs: number;
  tokenStepSize: Decimal;
  remainingMintQuantity: Decimal;
}

export interface VaultHistory {
  vaultId: number;
  timestamp: DateTimeString;
  nav?: Decimal | null;
  /** USDC. */
  vaultEquity?: Decimal | null;
  tokenCirculatingSupply?: Decimal | null;
}

export interface VaultMint {
  id: string;
  vaultId: number;
  vaultToken: string;
  symbol: AssetSymbol;
  quantity: Decimal;
  vaultTokensMinted: Decimal;
  nav: Decimal;
  timestamp: EpochMillis;
}

export interface VaultRedeem {
  status: VaultRedeemStatus;
  id: string;
  vaultId: number;
  vaultTokenQuantity: Decimal;
  vaultToken?: string | null;
  symbol?: AssetSymbol | null;
  quantity?: Decimal | null;
  nav?: Decimal | null;
  reason?: string | null;
  timestamp: EpochMillis;
}

export interface GetVaultsHistoryParams {
  interval: VaultHistoryInterval;
  vaultId?: number;
}

export interface VaultMintPayload {
  vaultId: number;
  symbol: AssetSymbol;
  quantity: Decimal;
  autoBorrow?: boolean;
  autoLendRedeem?: boolean;
}

export interface VaultRedeemPayload {
  vaultId: number;
  /** Omitted = redeem all vault tokens. */
  vaultTokenQuantity?: Decimal;
}

export interface VaultRedeemCancelPayload {
  vaultId: number;
}

export interface GetVaultMintHistoryParams extends PageParams {
  subaccountId?: number;
  vaultId?: number;
}

export type GetVaultRedeemHistoryParams = GetVaultMintHistoryParams;

export interface GetVaultPendingRedeemsParams {
  vaultId: number;
}
