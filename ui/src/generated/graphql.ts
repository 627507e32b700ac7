/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** What happened to an order. Open: unknown wire values are served as UNKNOWN. */
export type OrderUpdateEventType =
  /** The engine accepted the order (market orders too, before they fill). Wire value `orderAccepted`. */
  | 'ORDER_ACCEPTED'
  /** The order was cancelled. Wire value `orderCancelled`. */
  | 'ORDER_CANCELLED'
  /** The order expired (IOC/FOK remainder, price band, self-trade prevention …); see `expiryReason`. Wire value `orderExpired`. */
  | 'ORDER_EXPIRED'
  /** The order (partially) filled; `fillQuantity`, `fillPrice`, `fee` describe this fill. Wire value `orderFill`. */
  | 'ORDER_FILL'
  /** A resting reduce-only order was reduced so it cannot flip the position. Wire value `orderModified`. */
  | 'ORDER_MODIFIED'
  /** Not an order event: the notice that events may be missing (see `gap`). Wire value `streamGap`. */
  | 'STREAM_GAP'
  /** A conditional order could not be placed when it triggered. Wire value `triggerFailed`. */
  | 'TRIGGER_FAILED'
  /** A conditional order was registered. Wire value `triggerPlaced`. */
  | 'TRIGGER_PLACED'
  /** A value the exchange sent that this gateway does not know yet (output only). */
  | 'UNKNOWN';

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

/** Which exchange socket: the shared public one, or an account's private one. */
export type UpstreamConnectionKind =
  /** Signed account streams, one socket per account. */
  | 'ACCOUNT'
  /** Public market data, one socket per gateway. */
  | 'PUBLIC';

/** State of an exchange socket. */
export type UpstreamConnectionState =
  /** Closed for good (gateway shutting down). */
  | 'CLOSED'
  /** Opening for the first time. */
  | 'CONNECTING'
  /** Connected; streams are subscribed. */
  | 'OPEN'
  /** Lost; reconnecting with backoff (streams resubscribe on open). */
  | 'RECONNECTING';

export type AccountOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountOverviewQuery = { account: { balances: Array<{ symbol: string | null, available: string | null, locked: string | null }> | null, openOrders: Array<{ id: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null }> | null, fills: { items: Array<{ tradeId: string | null, symbol: string | null, side: Side | null, price: string | null, quantity: string | null, timestamp: string | null }> | null } | null, positions: Array<{ symbol: string | null, netQuantity: string | null, entryPrice: string | null, positionMarkPrice: string | null, pnlUnrealized: string | null }> | null } | null };

export type OpenOrderFragment = { id: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null };

export type BalanceUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type BalanceUpdatesSubscription = { balanceUpdates: { asset: string | null, available: string | null, locked: string | null } | null };

export type OrderUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OrderUpdatesSubscription = { orderUpdates: { eventType: OrderUpdateEventType | null, orderId: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, price: string | null, quantity: string | null, executedQuantity: string | null, status: OrderStatus | null, fillPrice: string | null, fillQuantity: string | null, tradeId: string | null, engineTime: string | null } | null };

export type CandlesQueryVariables = Exact<{
  symbol: string;
  interval: KlineInterval;
  from: string | number;
}>;


export type CandlesQuery = { klines: Array<{ start: string | null, open: string | null, high: string | null, low: string | null, close: string | null, volume: string | null }> | null };

export type CandlesLiveSubscriptionVariables = Exact<{
  symbol: string;
  interval: KlineInterval;
}>;


export type CandlesLiveSubscription = { klines: { start: string | null, open: string | null, high: string | null, low: string | null, close: string | null, volume: string | null, closed: boolean | null } | null };

export type MarkPriceLiveSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type MarkPriceLiveSubscription = { markPrice: { markPrice: string | null, indexPrice: string | null, fundingRate: string | null, nextFundingTime: string | null } | null };

export type DashboardMarketsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardMarketsQuery = { markets: Array<{ symbol: string | null, marketType: MarketType | null, baseSymbol: string | null, quoteSymbol: string | null, filters: { price: { tickSize: string | null } | null, quantity: { stepSize: string | null, minQuantity: string | null } | null } | null, ticker: { lastPrice: string | null, firstPrice: string | null, volume: string | null, quoteVolume: string | null } | null }> | null };

export type OrderBookLiveSubscriptionVariables = Exact<{
  symbol: string;
  depth: number;
}>;


export type OrderBookLiveSubscription = { orderBook: { symbol: string | null, lastUpdateId: string | null, bids: Array<{ price: string | null, quantity: string | null }> | null, asks: Array<{ price: string | null, quantity: string | null }> | null } | null };

export type UpstreamStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type UpstreamStatusQuery = { streamStatus: { connections: Array<{ kind: UpstreamConnectionKind | null, state: UpstreamConnectionState | null, reconnects: number | null }> | null } | null };

export type TickerLiveSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type TickerLiveSubscription = { ticker: { symbol: string | null, lastPrice: string | null, firstPrice: string | null, volume: string | null, quoteVolume: string | null } | null };

export type RecentTradesQueryVariables = Exact<{
  symbol: string;
}>;


export type RecentTradesQuery = { recentTrades: Array<{ id: string | null, price: string | null, quantity: string | null, takerSide: Side | null, timestamp: string | null }> | null };

export type TradesLiveSubscriptionVariables = Exact<{
  symbol: string;
}>;


export type TradesLiveSubscription = { trades: { id: string | null, price: string | null, quantity: string | null, takerSide: Side | null, timestamp: string | null } | null };

export type PlaceOrderMutationVariables = Exact<{
  input: ExecuteOrderInput;
}>;


export type PlaceOrderMutation = { executeOrder:
    | { __typename: 'ExchangeRejected', message: string | null, code: string | null }
    | { __typename: 'ExchangeUnavailable', message: string | null, code: string | null }
    | { __typename: 'ExecuteOrderSuccess', order: { status: OrderStatus | null, id: string | null, symbol: string | null, side: Side | null, orderType: OrderType | null, price: string | null, quantity: string | null, executedQuantity: string | null, createdAt: string | null } }
    | { __typename: 'InsufficientFunds', message: string | null, code: string | null }
    | { __typename: 'InvalidInput', message: string | null, code: string | null }
    | { __typename: 'InvalidOrder', field: string | null, message: string | null, code: string | null }
    | { __typename: 'OrderNotFound', message: string | null, code: string | null }
    | { __typename: 'OrderOutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'OutcomeUnknown', message: string | null, code: string | null }
    | { __typename: 'RateLimited', message: string | null, code: string | null }
    | { __typename: 'RequestNotApplied', message: string | null, code: string | null }
    | { __typename: 'Unauthenticated', message: string | null, code: string | null }
   | null };

export type CancelOpenOrderMutationVariables = Exact<{
  input: CancelOrderInput;
}>;


export type CancelOpenOrderMutation = { cancelOrder:
    | { __typename: 'CancelOrderSuccess', order: { id: string | null, status: OrderStatus | null } }
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

export const OpenOrderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpenOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<OpenOrderFragment, unknown>;
export const AccountOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balances"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OpenOrder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"sortDirection"},"value":{"kind":"EnumValue","value":"DESC"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"positions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"netQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"entryPrice"}},{"kind":"Field","name":{"kind":"Name","value":"positionMarkPrice"}},{"kind":"Field","name":{"kind":"Name","value":"pnlUnrealized"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpenOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AccountOverviewQuery, AccountOverviewQueryVariables>;
export const BalanceUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"BalanceUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"locked"}}]}}]}}]} as unknown as DocumentNode<BalanceUpdatesSubscription, BalanceUpdatesSubscriptionVariables>;
export const OrderUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fillPrice"}},{"kind":"Field","name":{"kind":"Name","value":"fillQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"tradeId"}},{"kind":"Field","name":{"kind":"Name","value":"engineTime"}}]}}]}}]} as unknown as DocumentNode<OrderUpdatesSubscription, OrderUpdatesSubscriptionVariables>;
export const CandlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Candles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KlineInterval"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Timestamp"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}}]}}]}}]} as unknown as DocumentNode<CandlesQuery, CandlesQueryVariables>;
export const CandlesLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CandlesLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"KlineInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"klines"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}}]}}]}}]} as unknown as DocumentNode<CandlesLiveSubscription, CandlesLiveSubscriptionVariables>;
export const MarkPriceLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MarkPriceLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markPrice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markPrice"}},{"kind":"Field","name":{"kind":"Name","value":"indexPrice"}},{"kind":"Field","name":{"kind":"Name","value":"fundingRate"}},{"kind":"Field","name":{"kind":"Name","value":"nextFundingTime"}}]}}]}}]} as unknown as DocumentNode<MarkPriceLiveSubscription, MarkPriceLiveSubscriptionVariables>;
export const DashboardMarketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardMarkets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"marketType"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"SPOT"},{"kind":"EnumValue","value":"PERP"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"marketType"}},{"kind":"Field","name":{"kind":"Name","value":"baseSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"quoteSymbol"}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickSize"}}]}},{"kind":"Field","name":{"kind":"Name","value":"quantity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stepSize"}},{"kind":"Field","name":{"kind":"Name","value":"minQuantity"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"ticker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastPrice"}},{"kind":"Field","name":{"kind":"Name","value":"firstPrice"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"quoteVolume"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardMarketsQuery, DashboardMarketsQueryVariables>;
export const OrderBookLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OrderBookLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"depth"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"depth"},"value":{"kind":"Variable","name":{"kind":"Name","value":"depth"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdateId"}},{"kind":"Field","name":{"kind":"Name","value":"bids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<OrderBookLiveSubscription, OrderBookLiveSubscriptionVariables>;
export const UpstreamStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UpstreamStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"streamStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"connections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reconnects"}}]}}]}}]}}]} as unknown as DocumentNode<UpstreamStatusQuery, UpstreamStatusQueryVariables>;
export const TickerLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TickerLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticker"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"lastPrice"}},{"kind":"Field","name":{"kind":"Name","value":"firstPrice"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"quoteVolume"}}]}}]}}]} as unknown as DocumentNode<TickerLiveSubscription, TickerLiveSubscriptionVariables>;
export const RecentTradesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecentTrades"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recentTrades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"40"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"takerSide"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}}]} as unknown as DocumentNode<RecentTradesQuery, RecentTradesQueryVariables>;
export const TradesLiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TradesLive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trades"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"takerSide"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}}]}}]} as unknown as DocumentNode<TradesLiveSubscription, TradesLiveSubscriptionVariables>;
export const PlaceOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExecuteOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"executeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExecuteOrderSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OpenOrder"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OpenOrder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"side"}},{"kind":"Field","name":{"kind":"Name","value":"orderType"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"executedQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const CancelOpenOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOpenOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CancelOrderSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CancelOpenOrderMutation, CancelOpenOrderMutationVariables>;