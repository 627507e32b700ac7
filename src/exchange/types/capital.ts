// Wire shapes of balances, collateral, deposits, withdrawals and withdrawal delays.
import type { AssetSymbol, Decimal, EpochMillis, NaiveDateTime, PageParams } from './common.ts';
import type {
  Blockchain,
  DepositSource,
  DepositStatus,
  EqualsMoneyWithdrawalState,
  FiatAsset,
  WithdrawalStatus,
} from './enums/capital.ts';

export interface Balance {
  available: Decimal;
  /** In open orders. */
  locked: Decimal;
  staked: Decimal;
}

/** `/capital` returns an object keyed by asset, not an array. */
export type Balances = Record<AssetSymbol, Balance>;

export interface Collateral {
  symbol: AssetSymbol;
  assetMarkPrice: Decimal;
  /** Before haircut. */
  totalQuantity: Decimal;
  balanceNotional: Decimal;
  collateralWeight: Decimal;
  collateralValue: Decimal;
  openOrderQuantity: Decimal;
  lendQuantity: Decimal;
  availableQuantity: Decimal;
}

export interface MarginAccountSummary {
  assetsValue: Decimal;
  borrowLiability: Decimal;
  collateral: Collateral[];
  imf: Decimal;
  mmf: Decimal;
  /** null when there are no liabilities. */
  marginFraction?: Decimal | null;
  netEquity: Decimal;
  netEquityAvailable: Decimal;
  netEquityLocked: Decimal;
  netExposureFutures: Decimal;
  pnlUnrealized: Decimal;
  unsettledEquity: Decimal;
  liabilitiesValue: Decimal;
}

export interface Deposit {
  id: number;
  toAddress?: string | null;
  fromAddress?: string | null;
  source: DepositSource;
  status: DepositStatus;
  transactionHash?: string | null;
  symbol: AssetSymbol;
  quantity: Decimal;
  createdAt: NaiveDateTime;
  /** A JSON number (double) on the wire, unlike every other amount. */
  fiatAmount?: number | null;
  fiatCurrency?: FiatAsset | null;
  institutionBic?: string | null;
  platformMemo?: string | null;
}

export interface DepositAddress {
  address: string;
}

export interface Withdrawal {
  id: number;
  blockchain: Blockchain;
  clientId?: string | null;
  /** Transaction hash once sent. */
  identifier?: string | null;
  quantity: Decimal;
  fee: Decimal;
  fiatFee?: Decimal | null;
  fiatState?: EqualsMoneyWithdrawalState | null;
  fiatSymbol?: FiatAsset | null;
  providerId?: string | null;
  symbol: AssetSymbol;
  status: WithdrawalStatus;
  subaccountId?: number | null;
  toAddress: string;
  transactionHash?: string | null;
  createdAt: NaiveDateTime;
  isInternal: boolean;
  bankName?: string | null;
  bankIdentifier?: string | null;
  accountIdentifier?: string | null;
  triggerAt?: NaiveDateTime | null;
}

export interface WithdrawalDelay {
  currentWithdrawalDelayHours?: number | null;
  pendingWithdrawalDelayHours?: number | null;
  pendingWithdrawalDelayHoursEnabledAt?: NaiveDateTime | null;
}

/** Travel-Rule information; keys are snake_case on the wire. */
export interface WithdrawalRecipientInformation {
  withdrawal_address_id: number;
  withdrawal_purpose?: string | null;
  sanctions_representation?: boolean | null;
}

export interface AccountWithdrawalPayload {
  address: string;
  blockchain: Blockchain;
  symbol: AssetSymbol;
  quantity: Decimal;
  /** At most 255 characters. */
  clientId?: string;
  /** Required unless the address is 2FA-exempt in the address book. */
  twoFactorToken?: string;
  autoBorrow?: boolean;
  autoLendRedeem?: boolean;
  recipientInformation?: WithdrawalRecipientInformation | null;
}

export interface CreateWithdrawalDelayRequest {
  withdrawalDelayHours: number;
  twoFactorToken: string;
}

export type UpdateWithdrawalDelayRequest = CreateWithdrawalDelayRequest;

export interface GetCollateralParams {
  subaccountId?: number;
}

export interface GetDepositsParams extends PageParams {
  from?: EpochMillis;
  to?: EpochMillis;
  excludePlatform?: boolean;
}

export interface GetDepositAddressParams {
  blockchain: Blockchain;
}

export interface GetWithdrawalsParams extends PageParams {
  from?: EpochMillis;
  to?: EpochMillis;
}
