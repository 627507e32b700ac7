// The exchange's capital, borrow-lend and position enums as const arrays, reused for param values, GraphQL enums and
// the sandbox. Treat all of them as open: the exchange adds values without notice.

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
