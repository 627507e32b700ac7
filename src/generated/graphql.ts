/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A blockchain the exchange supports for deposits and withdrawals. Open: unknown wire values are served as UNKNOWN. */
export type Blockchain =
  /** Wire value `Aptos`. */
  | 'APTOS'
  /** Wire value `Arbitrum`. */
  | 'ARBITRUM'
  /** Wire value `Avalanche`. */
  | 'AVALANCHE'
  /** Wire value `Base`. */
  | 'BASE'
  /** Wire value `Berachain`. */
  | 'BERACHAIN'
  /** Wire value `Bitcoin`. */
  | 'BITCOIN'
  /** Wire value `BitcoinCash`. */
  | 'BITCOIN_CASH'
  /** Wire value `Bsc`. */
  | 'BSC'
  /** Wire value `Cardano`. */
  | 'CARDANO'
  /** Wire value `Dogecoin`. */
  | 'DOGECOIN'
  /** Wire value `Eclipse`. */
  | 'ECLIPSE'
  /** Wire value `EqualsMoney`. */
  | 'EQUALS_MONEY'
  /** Wire value `Ethereum`. */
  | 'ETHEREUM'
  /** Wire value `Fogo`. */
  | 'FOGO'
  /** Wire value `Hyperliquid`. */
  | 'HYPERLIQUID'
  /** Wire value `HyperEVM`. */
  | 'HYPER_EVM'
  /** Wire value `Internal`. */
  | 'INTERNAL'
  /** Wire value `Linea`. */
  | 'LINEA'
  /** Wire value `Litecoin`. */
  | 'LITECOIN'
  /** Wire value `Monad`. */
  | 'MONAD'
  /** Wire value `Near`. */
  | 'NEAR'
  /** Wire value `Optimism`. */
  | 'OPTIMISM'
  /** Wire value `Plasma`. */
  | 'PLASMA'
  /** Wire value `Polygon`. */
  | 'POLYGON'
  /** Wire value `Sei`. */
  | 'SEI'
  /** Wire value `Solana`. */
  | 'SOLANA'
  /** Wire value `Stable`. */
  | 'STABLE'
  /** Wire value `Story`. */
  | 'STORY'
  /** Wire value `Sui`. */
  | 'SUI'
  /** Wire value `Tron`. */
  | 'TRON'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN'
  /** Wire value `XRP`. */
  | 'XRP'
  /** Wire value `Zcash`. */
  | 'ZCASH'
  /** Wire value `0G`. */
  | 'ZERO_G';

/** Identifies one open order: its id or its client id. */
export type CancelOrderInput = {
  /** Client id given when placing it; give this or id. */
  clientId?: string | number | null | undefined;
  /** Order id; give this or clientId. */
  id?: string | number | null | undefined;
  /** Market symbol of the order. ccxt's unified symbols are accepted too (`SOL/USDC` for `SOL_USDC`, `SOL/USDC:USDC` for `SOL_USDC_PERP`); an unknown symbol is an `UNKNOWN_SYMBOL` error with `extensions.suggestions`. */
  symbol: string;
};

/** A new order. Checked against the market filters before anything is sent to the exchange. */
export type ExecuteOrderInput = {
  /** Spot margin: borrow to pay. */
  autoBorrow?: boolean | null | undefined;
  /** Spot margin: repay borrows with the proceeds. */
  autoBorrowRepay?: boolean | null | undefined;
  /** Spot margin: lend the proceeds. */
  autoLend?: boolean | null | undefined;
  /** Spot margin: redeem lent funds to pay. */
  autoLendRedeem?: boolean | null | undefined;
  /** Your id for the order, 0 to 4294967295; echoed back and usable to cancel. */
  clientId?: string | number | null | undefined;
  /** LIMIT needs price and quantity; MARKET needs quantity or quoteQuantity. */
  orderType: OrderType;
  /** Limit only: reject instead of taking liquidity. */
  postOnly?: boolean | null | undefined;
  /** Limit price, a multiple of the market tickSize (Limit only). */
  price?: string | null | undefined;
  /** Base quantity, a multiple of the market stepSize, at least minQuantity. */
  quantity?: string | null | undefined;
  /** Market orders only: quote to spend (BID) or receive (ASK). */
  quoteQuantity?: string | null | undefined;
  /** Futures only: may only reduce the position. */
  reduceOnly?: boolean | null | undefined;
  /** Default REJECT_TAKER. */
  selfTradePrevention?: SelfTradePrevention | null | undefined;
  /** BID buys, ASK sells. */
  side: Side;
  /** Market orders: maximum slippage, in slippageToleranceType units. */
  slippageTolerance?: string | null | undefined;
  /** Unit of slippageTolerance. */
  slippageToleranceType?: SlippageToleranceType | null | undefined;
  /** Limit price of the stop-loss (omitted = market). */
  stopLossLimitPrice?: string | null | undefined;
  /** Reference price of the stop-loss. */
  stopLossTriggerBy?: TriggerBy | null | undefined;
  /** Attach a stop-loss that triggers at this price. */
  stopLossTriggerPrice?: string | null | undefined;
  /** Market symbol, e.g. `SOL_USDC`. ccxt's unified symbols are accepted too (`SOL/USDC` for `SOL_USDC`, `SOL/USDC:USDC` for `SOL_USDC_PERP`); an unknown symbol is an `UNKNOWN_SYMBOL` error with `extensions.suggestions`. */
  symbol: string;
  /** Limit price of the take-profit (omitted = market). */
  takeProfitLimitPrice?: string | null | undefined;
  /** Reference price of the take-profit. */
  takeProfitTriggerBy?: TriggerBy | null | undefined;
  /** Attach a take-profit that triggers at this price. */
  takeProfitTriggerPrice?: string | null | undefined;
  /** Default GTC. */
  timeInForce?: TimeInForce | null | undefined;
  /** Reference price of the trigger. */
  triggerBy?: TriggerBy | null | undefined;
  /** Makes it a conditional order; requires triggerQuantity. */
  triggerPrice?: string | null | undefined;
  /** Quantity when triggered: a decimal (`"0.5"`) or, on futures, a percentage of the position (`"80%"`). */
  triggerQuantity?: string | null | undefined;
};

/** Candle length. Open: unknown wire values are served as UNKNOWN. */
export type KlineInterval =
  /** Wire value `8h`. */
  | 'EIGHT_HOURS'
  /** Wire value `15m`. */
  | 'FIFTEEN_MINUTES'
  /** Wire value `5m`. */
  | 'FIVE_MINUTES'
  /** Wire value `4h`. */
  | 'FOUR_HOURS'
  /** Wire value `1d`. */
  | 'ONE_DAY'
  /** Wire value `1h`. */
  | 'ONE_HOUR'
  /** Wire value `1m`. */
  | 'ONE_MINUTE'
  /** Wire value `1month`. */
  | 'ONE_MONTH'
  /** Wire value `1s`. */
  | 'ONE_SECOND'
  /** Wire value `1w`. */
  | 'ONE_WEEK'
  /** Wire value `6h`. */
  | 'SIX_HOURS'
  /** Wire value `30m`. */
  | 'THIRTY_MINUTES'
  /** Wire value `3d`. */
  | 'THREE_DAYS'
  /** Wire value `3m`. */
  | 'THREE_MINUTES'
  /** Wire value `12h`. */
  | 'TWELVE_HOURS'
  /** Wire value `2h`. */
  | 'TWO_HOURS'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Kind of market. Open: unknown wire values are served as UNKNOWN. */
export type MarketType =
  /** Dated future. Wire value `DATED`. */
  | 'DATED'
  /** Index perpetual. Wire value `IPERP`. */
  | 'IPERP'
  /** Named by the official Rust client without explanation. Wire value `MONAD`. */
  | 'MONAD'
  /** Perpetual future. Wire value `PERP`. */
  | 'PERP'
  /** Prediction market. Wire value `PREDICTION`. */
  | 'PREDICTION'
  /** Request-for-quote market. Wire value `RFQ`. */
  | 'RFQ'
  /** Spot. Wire value `SPOT`. */
  | 'SPOT'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Lifecycle state of an order, RFQ or quote. Open: unknown wire values are served as UNKNOWN. */
export type OrderStatus =
  /** Wire value `Cancelled`. */
  | 'CANCELLED'
  /** Wire value `Expired`. */
  | 'EXPIRED'
  /** Wire value `Filled`. */
  | 'FILLED'
  /** Wire value `New`. */
  | 'NEW'
  /** Wire value `PartiallyFilled`. */
  | 'PARTIALLY_FILLED'
  /** Wire value `Triggered`. */
  | 'TRIGGERED'
  /** Wire value `TriggerFailed`. */
  | 'TRIGGER_FAILED'
  /** Wire value `TriggerPending`. */
  | 'TRIGGER_PENDING'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Order type. Open: unknown wire values are served as UNKNOWN. */
export type OrderType =
  /** Wire value `Limit`. */
  | 'LIMIT'
  /** Wire value `Market`. */
  | 'MARKET'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** A withdrawal to an address. */
export type RequestWithdrawalInput = {
  /** Destination address. */
  address: string;
  /** Asset to withdraw, e.g. `USDC`. */
  asset: string;
  /** Borrow to fund the withdrawal. */
  autoBorrow?: boolean | null | undefined;
  /** Redeem lent funds to fund the withdrawal. */
  autoLendRedeem?: boolean | null | undefined;
  /** Chain to send it on. */
  blockchain: Blockchain;
  /** Your reference, at most 255 characters. */
  clientId?: string | null | undefined;
  /** Quantity, greater than zero. */
  quantity: string;
  /** One-time 2FA token; required unless the address is 2FA-exempt. */
  twoFactorToken?: string | null | undefined;
};

/** What happens when an order would trade against the same account. Open: unknown wire values are served as UNKNOWN. */
export type SelfTradePrevention =
  /** Wire value `Allow`. */
  | 'ALLOW'
  /** Wire value `RejectBoth`. */
  | 'REJECT_BOTH'
  /** Wire value `RejectMaker`. */
  | 'REJECT_MAKER'
  /** Wire value `RejectTaker`. */
  | 'REJECT_TAKER'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Order or trade side. Open: unknown wire values are served as UNKNOWN. */
export type Side =
  /** Sell. Wire value `Ask`. */
  | 'ASK'
  /** Buy. Wire value `Bid`. */
  | 'BID'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Unit of a slippage tolerance. Open: unknown wire values are served as UNKNOWN. */
export type SlippageToleranceType =
  /** Wire value `Percent`. */
  | 'PERCENT'
  /** Wire value `TickSize`. */
  | 'TICK_SIZE'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** How long an order stays active. Open: unknown wire values are served as UNKNOWN. */
export type TimeInForce =
  /** Fill or kill. Wire value `FOK`. */
  | 'FOK'
  /** Good till cancelled. Wire value `GTC`. */
  | 'GTC'
  /** Immediate or cancel. Wire value `IOC`. */
  | 'IOC'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** Reference price a trigger (stop / take-profit) order watches. Open: unknown wire values are served as UNKNOWN. */
export type TriggerBy =
  /** Wire value `IndexPrice`. */
  | 'INDEX_PRICE'
  /** Wire value `LastPrice`. */
  | 'LAST_PRICE'
  /** Wire value `MarkPrice`. */
  | 'MARK_PRICE'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

/** State of a withdrawal. Open: unknown wire values are served as UNKNOWN. */
export type WithdrawalStatus =
  /** Wire value `confirmed`. */
  | 'CONFIRMED'
  /** Wire value `ownershipVerificationRequired`. */
  | 'OWNERSHIP_VERIFICATION_REQUIRED'
  /** Wire value `pending`. */
  | 'PENDING'
  /** Wire value `recipientInformationProvided`. */
  | 'RECIPIENT_INFORMATION_PROVIDED'
  /** Wire value `recipientInformationRequired`. */
  | 'RECIPIENT_INFORMATION_REQUIRED'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN'
  /** Wire value `verifying`. */
  | 'VERIFYING'
  /** Wire value `void`. */
  | 'VOID';

export type BalancesQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancesQuery = { account: { balances: Array<{ symbol: string | null, available: string | null, locked: string | null, staked: string | null, total: string | null }> | null } | null };

export type CancelOrderMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type CancelOrderMutation = { cancelOrder:
    | { __typename: 'CancelOrderSuccess', order: { id: string | null, clientId: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, status: OrderStatus | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null } }
    | { __typename: 'ExchangeRejected', message: string | null, code: string | null }
    | { __typename: 'ExchangeUnavailable', message: string | null, code: string | null }
    | { __typename: 'InsufficientFunds', message: string | null, code: string | null }
    | { __typename: 'InvalidInput', message: string | null, code: string | null }
    | { __typename: 'InvalidOrder', message: string | null, code: string | null }
    | { __typename: 'OrderNotFound', message: string | null, code: string | null }
    | { __typename: 'OutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'RateLimited', message: string | null, code: string | null }
    | { __typename: 'RequestNotApplied', message: string | null, code: string | null }
    | { __typename: 'Unauthenticated', message: string | null, code: string | null }
   | null };

export type DashboardQueryVariables = Exact<{
  marketTypes?: Array<MarketType> | MarketType | null | undefined;
}>;


export type DashboardQuery = { markets: Array<{ symbol: string | null, marketType: MarketType | null, baseAsset: { symbol: string | null, displayName: string | null } | null, ticker: { lastPrice: string | null, priceChangePercent: string | null, volume: string | null, quoteVolume: string | null } | null, markPrice: { markPrice: string | null, fundingRate: string | null, nextFundingTime: string | null } | null }> | null };

export type ExecuteOrderMutationVariables = Exact<{
  input: ExecuteOrderInput;
}>;


export type ExecuteOrderMutation = { executeOrder:
    | { __typename: 'ExchangeRejected', message: string | null, code: string | null }
    | { __typename: 'ExchangeUnavailable', message: string | null, code: string | null }
    | { __typename: 'ExecuteOrderSuccess', order: { id: string | null, clientId: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, status: OrderStatus | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null, fills: Array<{ price: string | null, quantity: string | null, fee: string | null, feeSymbol: string | null }> | null } }
    | { __typename: 'InsufficientFunds', message: string | null, code: string | null }
    | { __typename: 'InvalidInput', message: string | null, code: string | null }
    | { __typename: 'InvalidOrder', field: string | null, message: string | null, code: string | null }
    | { __typename: 'OrderNotFound', message: string | null, code: string | null }
    | { __typename: 'OrderOutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'OutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'RateLimited', retryAfter: number | null, message: string | null, code: string | null }
    | { __typename: 'RequestNotApplied', message: string | null, code: string | null }
    | { __typename: 'Unauthenticated', message: string | null, code: string | null }
   | null };

export type FillsQueryVariables = Exact<{
  symbol?: string | null | undefined;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type FillsQuery = { account: { fills: { items: Array<{ tradeId: string | null, orderId: string | null, symbol: string | null, side: Side | null, price: string | null, quantity: string | null, fee: string | null, feeSymbol: string | null, isMaker: boolean | null, timestamp: string | null }> | null, pageInfo: { limit: number | null, offset: number | null, hasNextPage: boolean | null } | null } | null } | null };

export type KlinesQueryVariables = Exact<{
  symbol: string;
  interval: KlineInterval;
  from: string | number;
  to?: string | number | null | undefined;
}>;


export type KlinesQuery = { klines: Array<{ start: string | null, end: string | null, open: string | null, high: string | null, low: string | null, close: string | null, volume: string | null, quoteVolume: string | null, trades: number | null }> | null };

type MutationErrorFields_ExchangeRejected_Fragment = { __typename: 'ExchangeRejected', message: string | null, code: string | null };

type MutationErrorFields_ExchangeUnavailable_Fragment = { __typename: 'ExchangeUnavailable', message: string | null, code: string | null };

type MutationErrorFields_InsufficientFunds_Fragment = { __typename: 'InsufficientFunds', message: string | null, code: string | null };

type MutationErrorFields_InvalidInput_Fragment = { __typename: 'InvalidInput', message: string | null, code: string | null };

type MutationErrorFields_InvalidOrder_Fragment = { __typename: 'InvalidOrder', message: string | null, code: string | null };

type MutationErrorFields_OrderNotFound_Fragment = { __typename: 'OrderNotFound', message: string | null, code: string | null };

type MutationErrorFields_OrderOutcomeUnknown_Fragment = { __typename: 'OrderOutcomeUnknown', message: string | null, code: string | null };

type MutationErrorFields_OutcomeUnknown_Fragment = { __typename: 'OutcomeUnknown', message: string | null, code: string | null };

type MutationErrorFields_RateLimited_Fragment = { __typename: 'RateLimited', message: string | null, code: string | null };

type MutationErrorFields_RequestNotApplied_Fragment = { __typename: 'RequestNotApplied', message: string | null, code: string | null };

type MutationErrorFields_Unauthenticated_Fragment = { __typename: 'Unauthenticated', message: string | null, code: string | null };

export type MutationErrorFieldsFragment =
  | MutationErrorFields_ExchangeRejected_Fragment
  | MutationErrorFields_ExchangeUnavailable_Fragment
  | MutationErrorFields_InsufficientFunds_Fragment
  | MutationErrorFields_InvalidInput_Fragment
  | MutationErrorFields_InvalidOrder_Fragment
  | MutationErrorFields_OrderNotFound_Fragment
  | MutationErrorFields_OrderOutcomeUnknown_Fragment
  | MutationErrorFields_OutcomeUnknown_Fragment
  | MutationErrorFields_RateLimited_Fragment
  | MutationErrorFields_RequestNotApplied_Fragment
  | MutationErrorFields_Unauthenticated_Fragment
;

export type OpenOrdersQueryVariables = Exact<{
  symbol?: string | null | undefined;
}>;


export type OpenOrdersQuery = { account: { openOrders: Array<{ id: string | null, clientId: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, status: OrderStatus | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null }> | null } | null };

export type OrderBookQueryVariables = Exact<{
  symbol: string;
  limit?: number | null | undefined;
}>;


export type OrderBookQuery = { orderBook: { symbol: string | null, lastUpdateId: string | null, timestamp: string | null, bids: Array<{ price: string | null, quantity: string | null }> | null, asks: Array<{ price: string | null, quantity: string | null }> | null } | null };

export type OrderFieldsFragment = { id: string | null, clientId: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, status: OrderStatus | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null };

export type PositionsQueryVariables = Exact<{
  symbol?: string | null | undefined;
}>;


export type PositionsQuery = { account: { positions: Array<{ id: string | null, symbol: string | null, netQuantity: string | null, entryPrice: string | null, positionMarkPrice: string | null, pnlUnrealized: string | null, estLiquidationPrice: string | null }> | null } | null };

export type RequestWithdrawalMutationVariables = Exact<{
  input: RequestWithdrawalInput;
}>;


export type RequestWithdrawalMutation = { requestWithdrawal:
    | { __typename: 'ExchangeRejected', message: string | null, code: string | null }
    | { __typename: 'ExchangeUnavailable', message: string | null, code: string | null }
    | { __typename: 'InsufficientFunds', message: string | null, code: string | null }
    | { __typename: 'InvalidInput', message: string | null, code: string | null }
    | { __typename: 'InvalidOrder', message: string | null, code: string | null }
    | { __typename: 'OrderNotFound', message: string | null, code: string | null }
    | { __typename: 'OutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'RateLimited', message: string | null, code: string | null }
    | { __typename: 'RequestNotApplied', message: string | null, code: string | null }
    | { __typename: 'RequestWithdrawalSuccess', withdrawal: { id: string | null, clientId: string | null, quantity: string | null, fee: string | null, status: WithdrawalStatus | null } }
    | { __typename: 'Unauthenticated', message: string | null, code: string | null }
   | null };

export type WithdrawalsQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type WithdrawalsQuery = { account: { withdrawals: { items: Array<{ id: string | null, clientId: string | null, symbol: string | null, quantity: string | null, fee: string | null, blockchain: Blockchain | null, toAddress: string | null, status: WithdrawalStatus | null, createdAt: string | null }> | null, pageInfo: { limit: number | null, offset: number | null, hasNextPage: boolean | null } | null } | null } | null };

export const MutationErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<MutationErrorFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const BalancesDocument = {"__meta__":{"hash":"sha256:b82f3947a5937758e176d40ae0b70d1e067e423ac59398372ca7bc4f603f4765"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}},{"kind":"Field","name":{"kind":"Name","value":"staked"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<BalancesQuery, BalancesQueryVariables>;
export const CancelOrderDocument = {"__meta__":{"hash":"sha256:578cdec66bc2d8beb5ddfecff69a0c393c82360bf131cbbcca6dd8239800d8a6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:9f18f748633fc3aebae310d67b4742c77932b93d12c66e6a6109357d52881b6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"marketTypes"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarketType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"marketType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"marketTypes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"marketType"}},{"kind":"Field","name":{"kind":"Name","value":"baseAsset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastPrice"}},{"kind":"Field","name":{"kind":"Name","value":"priceChangePercent"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"quoteVolume"}}]}},{"kind":"Field","name":{"kind":"Name","value":"markPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markPrice"}},{"kind":"Field","name":{"kind":"Name","value":"fundingRate"}},{"kind":"Field","name":{"kind":"Name","value":"nextFundingTime"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const ExecuteOrderDocument = {"__meta__":{"hash":"sha256:f2146410fa17b21c14fc486b74b40dc8550f67c1e0b41cd99fa5acd118dfaddb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExecuteOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExecuteOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExecuteOrderSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"fills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"feeSymbol"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfter"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<ExecuteOrderMutation, ExecuteOrderMutationVariables>;
export const FillsDocument = {"__meta__":{"hash":"sha256:85af1efd0436ef24266fa786bb2f17886cc5594ff8ff3e878589c03628edd9dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Fills"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"feeSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"isMaker"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"offset"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FillsQuery, FillsQueryVariables>;
export const KlinesDocument = {"__meta__":{"hash":"sha256:4bbc37664e99bb76be4b33ef026e9e58ed8842e9ca54aec5259c68f59f086790"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Klines"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KlineInterval"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Timestamp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Timestamp"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"quoteVolume"}},{"kind":"Field","name":{"kind":"Name","value":"trades"}}]}}]}}]} as unknown as DocumentNode<KlinesQuery, KlinesQueryVariables>;
export const OpenOrdersDocument = {"__meta__":{"hash":"sha256:65a3fd5ab7c59db77129d243f23295e42e68cdef53043dee8d9bcdf9f50a36e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OpenOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OpenOrdersQuery, OpenOrdersQueryVariables>;
export const OrderBookDocument = {"__meta__":{"hash":"sha256:7d76d2911f97f391d88c7a8bccd75d7aa9513fc2a77d9265511f7c4704e8d7a1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderBook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdateId"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"bids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<OrderBookQuery, OrderBookQueryVariables>;
export const PositionsDocument = {"__meta__":{"hash":"sha256:6ece077012f0b796b473aea3835b0349a4b2b0661905414e681d8aca96c47adc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Positions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"positions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"netQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"entryPrice"}},{"kind":"Field","name":{"kind":"Name","value":"positionMarkPrice"}},{"kind":"Field","name":{"kind":"Name","value":"pnlUnrealized"}},{"kind":"Field","name":{"kind":"Name","value":"estLiquidationPrice"}}]}}]}}]}}]} as unknown as DocumentNode<PositionsQuery, PositionsQueryVariables>;
export const RequestWithdrawalDocument = {"__meta__":{"hash":"sha256:a91a1b623e27c4558fa6a603b848f5aee8e56aa434e3446f4700fb6ee0692982"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestWithdrawal"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestWithdrawalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestWithdrawal"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RequestWithdrawalSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RequestWithdrawalMutation, RequestWithdrawalMutationVariables>;
export const WithdrawalsDocument = {"__meta__":{"hash":"sha256:4dd6f77903cd294e76e557c117aea9f2779070831e3c5194653328fa926ecb65"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Withdrawals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"fee"}},{"kind":"Field","name":{"kind":"Name","value":"blockchain"}},{"kind":"Field","name":{"kind":"Name","value":"toAddress"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"offset"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WithdrawalsQuery, WithdrawalsQueryVariables>;