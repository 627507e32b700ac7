/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AccountOverview {\n  account {\n    balances {\n      symbol\n      available\n      locked\n    }\n    openOrders {\n      ...OpenOrder\n    }\n    fills(limit: 20, sortDirection: DESC) {\n      items {\n        tradeId\n        symbol\n        side\n        price\n        quantity\n        timestamp\n      }\n    }\n    positions {\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n    }\n  }\n}\n\nfragment OpenOrder on Order {\n  id\n  symbol\n  side\n  orderType\n  price\n  quantity\n  executedQuantity\n  createdAt\n}\n\nsubscription BalanceUpdates {\n  balanceUpdates {\n    asset\n    available\n    locked\n  }\n}\n\nsubscription OrderUpdates {\n  orderUpdates {\n    eventType\n    orderId\n    symbol\n    side\n    orderType\n    price\n    quantity\n    executedQuantity\n    status\n    fillPrice\n    fillQuantity\n    tradeId\n    engineTime\n  }\n}": typeof types.AccountOverviewDocument,
    "query Candles($symbol: String!, $interval: KlineInterval!, $from: Timestamp!) {\n  klines(symbol: $symbol, interval: $interval, from: $from) {\n    start\n    open\n    high\n    low\n    close\n    volume\n  }\n}\n\nsubscription CandlesLive($symbol: String!, $interval: KlineInterval!) {\n  klines(symbol: $symbol, interval: $interval) {\n    start\n    open\n    high\n    low\n    close\n    volume\n    closed\n  }\n}": typeof types.CandlesDocument,
    "subscription MarkPriceLive($symbol: String!) {\n  markPrice(symbol: $symbol) {\n    markPrice\n    indexPrice\n    fundingRate\n    nextFundingTime\n  }\n}": typeof types.MarkPriceLiveDocument,
    "query DashboardMarkets {\n  markets(marketType: [SPOT, PERP]) {\n    symbol\n    marketType\n    baseSymbol\n    quoteSymbol\n    filters {\n      price {\n        tickSize\n      }\n      quantity {\n        stepSize\n        minQuantity\n      }\n    }\n    ticker {\n      lastPrice\n      firstPrice\n      volume\n      quoteVolume\n    }\n  }\n}": typeof types.DashboardMarketsDocument,
    "subscription OrderBookLive($symbol: String!, $depth: Int!) {\n  orderBook(symbol: $symbol, depth: $depth) {\n    symbol\n    lastUpdateId\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}": typeof types.OrderBookLiveDocument,
    "query UpstreamStatus {\n  streamStatus {\n    connections {\n      kind\n      state\n      reconnects\n    }\n  }\n}": typeof types.UpstreamStatusDocument,
    "subscription TickerLive($symbol: String!) {\n  ticker(symbol: $symbol) {\n    symbol\n    lastPrice\n    firstPrice\n    volume\n    quoteVolume\n  }\n}": typeof types.TickerLiveDocument,
    "query RecentTrades($symbol: String!) {\n  recentTrades(symbol: $symbol, limit: 40) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}\n\nsubscription TradesLive($symbol: String!) {\n  trades(symbol: $symbol) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}": typeof types.RecentTradesDocument,
    "mutation PlaceOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OpenOrder\n        status\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}\n\nmutation CancelOpenOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        id\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}": typeof types.PlaceOrderDocument,
};
const documents: Documents = {
    "query AccountOverview {\n  account {\n    balances {\n      symbol\n      available\n      locked\n    }\n    openOrders {\n      ...OpenOrder\n    }\n    fills(limit: 20, sortDirection: DESC) {\n      items {\n        tradeId\n        symbol\n        side\n        price\n        quantity\n        timestamp\n      }\n    }\n    positions {\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n    }\n  }\n}\n\nfragment OpenOrder on Order {\n  id\n  symbol\n  side\n  orderType\n  price\n  quantity\n  executedQuantity\n  createdAt\n}\n\nsubscription BalanceUpdates {\n  balanceUpdates {\n    asset\n    available\n    locked\n  }\n}\n\nsubscription OrderUpdates {\n  orderUpdates {\n    eventType\n    orderId\n    symbol\n    side\n    orderType\n    price\n    quantity\n    executedQuantity\n    status\n    fillPrice\n    fillQuantity\n    tradeId\n    engineTime\n  }\n}": types.AccountOverviewDocument,
    "query Candles($symbol: String!, $interval: KlineInterval!, $from: Timestamp!) {\n  klines(symbol: $symbol, interval: $interval, from: $from) {\n    start\n    open\n    high\n    low\n    close\n    volume\n  }\n}\n\nsubscription CandlesLive($symbol: String!, $interval: KlineInterval!) {\n  klines(symbol: $symbol, interval: $interval) {\n    start\n    open\n    high\n    low\n    close\n    volume\n    closed\n  }\n}": types.CandlesDocument,
    "subscription MarkPriceLive($symbol: String!) {\n  markPrice(symbol: $symbol) {\n    markPrice\n    indexPrice\n    fundingRate\n    nextFundingTime\n  }\n}": types.MarkPriceLiveDocument,
    "query DashboardMarkets {\n  markets(marketType: [SPOT, PERP]) {\n    symbol\n    marketType\n    baseSymbol\n    quoteSymbol\n    filters {\n      price {\n        tickSize\n      }\n      quantity {\n        stepSize\n        minQuantity\n      }\n    }\n    ticker {\n      lastPrice\n      firstPrice\n      volume\n      quoteVolume\n    }\n  }\n}": types.DashboardMarketsDocument,
    "subscription OrderBookLive($symbol: String!, $depth: Int!) {\n  orderBook(symbol: $symbol, depth: $depth) {\n    symbol\n    lastUpdateId\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}": types.OrderBookLiveDocument,
    "query UpstreamStatus {\n  streamStatus {\n    connections {\n      kind\n      state\n      reconnects\n    }\n  }\n}": types.UpstreamStatusDocument,
    "subscription TickerLive($symbol: String!) {\n  ticker(symbol: $symbol) {\n    symbol\n    lastPrice\n    firstPrice\n    volume\n    quoteVolume\n  }\n}": types.TickerLiveDocument,
    "query RecentTrades($symbol: String!) {\n  recentTrades(symbol: $symbol, limit: 40) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}\n\nsubscription TradesLive($symbol: String!) {\n  trades(symbol: $symbol) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}": types.RecentTradesDocument,
    "mutation PlaceOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OpenOrder\n        status\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}\n\nmutation CancelOpenOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        id\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}": types.PlaceOrderDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountOverview {\n  account {\n    balances {\n      symbol\n      available\n      locked\n    }\n    openOrders {\n      ...OpenOrder\n    }\n    fills(limit: 20, sortDirection: DESC) {\n      items {\n        tradeId\n        symbol\n        side\n        price\n        quantity\n        timestamp\n      }\n    }\n    positions {\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n    }\n  }\n}\n\nfragment OpenOrder on Order {\n  id\n  symbol\n  side\n  orderType\n  price\n  quantity\n  executedQuantity\n  createdAt\n}\n\nsubscription BalanceUpdates {\n  balanceUpdates {\n    asset\n    available\n    locked\n  }\n}\n\nsubscription OrderUpdates {\n  orderUpdates {\n    eventType\n    orderId\n    symbol\n    side\n    orderType\n    price\n    quantity\n    executedQuantity\n    status\n    fillPrice\n    fillQuantity\n    tradeId\n    engineTime\n  }\n}"): (typeof documents)["query AccountOverview {\n  account {\n    balances {\n      symbol\n      available\n      locked\n    }\n    openOrders {\n      ...OpenOrder\n    }\n    fills(limit: 20, sortDirection: DESC) {\n      items {\n        tradeId\n        symbol\n        side\n        price\n        quantity\n        timestamp\n      }\n    }\n    positions {\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n    }\n  }\n}\n\nfragment OpenOrder on Order {\n  id\n  symbol\n  side\n  orderType\n  price\n  quantity\n  executedQuantity\n  createdAt\n}\n\nsubscription BalanceUpdates {\n  balanceUpdates {\n    asset\n    available\n    locked\n  }\n}\n\nsubscription OrderUpdates {\n  orderUpdates {\n    eventType\n    orderId\n    symbol\n    side\n    orderType\n    price\n    quantity\n    executedQuantity\n    status\n    fillPrice\n    fillQuantity\n    tradeId\n    engineTime\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Candles($symbol: String!, $interval: KlineInterval!, $from: Timestamp!) {\n  klines(symbol: $symbol, interval: $interval, from: $from) {\n    start\n    open\n    high\n    low\n    close\n    volume\n  }\n}\n\nsubscription CandlesLive($symbol: String!, $interval: KlineInterval!) {\n  klines(symbol: $symbol, interval: $interval) {\n    start\n    open\n    high\n    low\n    close\n    volume\n    closed\n  }\n}"): (typeof documents)["query Candles($symbol: String!, $interval: KlineInterval!, $from: Timestamp!) {\n  klines(symbol: $symbol, interval: $interval, from: $from) {\n    start\n    open\n    high\n    low\n    close\n    volume\n  }\n}\n\nsubscription CandlesLive($symbol: String!, $interval: KlineInterval!) {\n  klines(symbol: $symbol, interval: $interval) {\n    start\n    open\n    high\n    low\n    close\n    volume\n    closed\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription MarkPriceLive($symbol: String!) {\n  markPrice(symbol: $symbol) {\n    markPrice\n    indexPrice\n    fundingRate\n    nextFundingTime\n  }\n}"): (typeof documents)["subscription MarkPriceLive($symbol: String!) {\n  markPrice(symbol: $symbol) {\n    markPrice\n    indexPrice\n    fundingRate\n    nextFundingTime\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardMarkets {\n  markets(marketType: [SPOT, PERP]) {\n    symbol\n    marketType\n    baseSymbol\n    quoteSymbol\n    filters {\n      price {\n        tickSize\n      }\n      quantity {\n        stepSize\n        minQuantity\n      }\n    }\n    ticker {\n      lastPrice\n      firstPrice\n      volume\n      quoteVolume\n    }\n  }\n}"): (typeof documents)["query DashboardMarkets {\n  markets(marketType: [SPOT, PERP]) {\n    symbol\n    marketType\n    baseSymbol\n    quoteSymbol\n    filters {\n      price {\n        tickSize\n      }\n      quantity {\n        stepSize\n        minQuantity\n      }\n    }\n    ticker {\n      lastPrice\n      firstPrice\n      volume\n      quoteVolume\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OrderBookLive($symbol: String!, $depth: Int!) {\n  orderBook(symbol: $symbol, depth: $depth) {\n    symbol\n    lastUpdateId\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}"): (typeof documents)["subscription OrderBookLive($symbol: String!, $depth: Int!) {\n  orderBook(symbol: $symbol, depth: $depth) {\n    symbol\n    lastUpdateId\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UpstreamStatus {\n  streamStatus {\n    connections {\n      kind\n      state\n      reconnects\n    }\n  }\n}"): (typeof documents)["query UpstreamStatus {\n  streamStatus {\n    connections {\n      kind\n      state\n      reconnects\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TickerLive($symbol: String!) {\n  ticker(symbol: $symbol) {\n    symbol\n    lastPrice\n    firstPrice\n    volume\n    quoteVolume\n  }\n}"): (typeof documents)["subscription TickerLive($symbol: String!) {\n  ticker(symbol: $symbol) {\n    symbol\n    lastPrice\n    firstPrice\n    volume\n    quoteVolume\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecentTrades($symbol: String!) {\n  recentTrades(symbol: $symbol, limit: 40) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}\n\nsubscription TradesLive($symbol: String!) {\n  trades(symbol: $symbol) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}"): (typeof documents)["query RecentTrades($symbol: String!) {\n  recentTrades(symbol: $symbol, limit: 40) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}\n\nsubscription TradesLive($symbol: String!) {\n  trades(symbol: $symbol) {\n    id\n    price\n    quantity\n    takerSide\n    timestamp\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OpenOrder\n        status\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}\n\nmutation CancelOpenOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        id\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation PlaceOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OpenOrder\n        status\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}\n\nmutation CancelOpenOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        id\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;