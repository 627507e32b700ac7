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
    "query Balances {\n  account {\n    balances {\n      symbol\n      available\n      locked\n      staked\n      total\n    }\n  }\n}": typeof types.BalancesDocument,
    "mutation CancelOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        ...OrderFields\n      }\n    }\n    ...MutationErrorFields\n  }\n}": typeof types.CancelOrderDocument,
    "query Dashboard($marketTypes: [MarketType!]) {\n  markets(marketType: $marketTypes) {\n    symbol\n    marketType\n    baseAsset {\n      symbol\n      displayName\n    }\n    ticker {\n      lastPrice\n      priceChangePercent\n      volume\n      quoteVolume\n    }\n    markPrice {\n      markPrice\n      fundingRate\n      nextFundingTime\n    }\n  }\n}": typeof types.DashboardDocument,
    "mutation ExecuteOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OrderFields\n        fills {\n          price\n          quantity\n          fee\n          feeSymbol\n        }\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on RateLimited {\n      retryAfter\n    }\n    ...MutationErrorFields\n  }\n}": typeof types.ExecuteOrderDocument,
    "query Fills($symbol: String, $limit: Int, $offset: Int) {\n  account {\n    fills(symbol: $symbol, limit: $limit, offset: $offset) {\n      items {\n        tradeId\n        orderId\n        symbol\n        side\n        price\n        quantity\n        fee\n        feeSymbol\n        isMaker\n        timestamp\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.FillsDocument,
    "query Klines($symbol: String!, $interval: KlineInterval!, $from: Timestamp!, $to: Timestamp) {\n  klines(symbol: $symbol, interval: $interval, from: $from, to: $to) {\n    start\n    end\n    open\n    high\n    low\n    close\n    volume\n    quoteVolume\n    trades\n  }\n}": typeof types.KlinesDocument,
    "fragment MutationErrorFields on MutationError {\n  __typename\n  message\n  code\n}": typeof types.MutationErrorFieldsFragmentDoc,
    "query OpenOrders($symbol: String) {\n  account {\n    openOrders(symbol: $symbol) {\n      ...OrderFields\n    }\n  }\n}": typeof types.OpenOrdersDocument,
    "query OrderBook($symbol: String!, $limit: Int) {\n  orderBook(symbol: $symbol, limit: $limit) {\n    symbol\n    lastUpdateId\n    timestamp\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}": typeof types.OrderBookDocument,
    "fragment OrderFields on Order {\n  id\n  clientId\n  symbol\n  side\n  orderType\n  status\n  price\n  quantity\n  executedQuantity\n  createdAt\n}": typeof types.OrderFieldsFragmentDoc,
    "query Positions($symbol: String) {\n  account {\n    positions(symbol: $symbol) {\n      id\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n      estLiquidationPrice\n    }\n  }\n}": typeof types.PositionsDocument,
    "mutation RequestWithdrawal($input: RequestWithdrawalInput!) {\n  requestWithdrawal(input: $input) {\n    __typename\n    ... on RequestWithdrawalSuccess {\n      withdrawal {\n        id\n        clientId\n        quantity\n        fee\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}": typeof types.RequestWithdrawalDocument,
    "query Withdrawals($limit: Int) {\n  account {\n    withdrawals(limit: $limit) {\n      items {\n        id\n        clientId\n        symbol\n        quantity\n        fee\n        blockchain\n        toAddress\n        status\n        createdAt\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}": typeof types.WithdrawalsDocument,
};
const documents: Documents = {
    "query Balances {\n  account {\n    balances {\n      symbol\n      available\n      locked\n      staked\n      total\n    }\n  }\n}": types.BalancesDocument,
    "mutation CancelOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        ...OrderFields\n      }\n    }\n    ...MutationErrorFields\n  }\n}": types.CancelOrderDocument,
    "query Dashboard($marketTypes: [MarketType!]) {\n  markets(marketType: $marketTypes) {\n    symbol\n    marketType\n    baseAsset {\n      symbol\n      displayName\n    }\n    ticker {\n      lastPrice\n      priceChangePercent\n      volume\n      quoteVolume\n    }\n    markPrice {\n      markPrice\n      fundingRate\n      nextFundingTime\n    }\n  }\n}": types.DashboardDocument,
    "mutation ExecuteOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OrderFields\n        fills {\n          price\n          quantity\n          fee\n          feeSymbol\n        }\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on RateLimited {\n      retryAfter\n    }\n    ...MutationErrorFields\n  }\n}": types.ExecuteOrderDocument,
    "query Fills($symbol: String, $limit: Int, $offset: Int) {\n  account {\n    fills(symbol: $symbol, limit: $limit, offset: $offset) {\n      items {\n        tradeId\n        orderId\n        symbol\n        side\n        price\n        quantity\n        fee\n        feeSymbol\n        isMaker\n        timestamp\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}": types.FillsDocument,
    "query Klines($symbol: String!, $interval: KlineInterval!, $from: Timestamp!, $to: Timestamp) {\n  klines(symbol: $symbol, interval: $interval, from: $from, to: $to) {\n    start\n    end\n    open\n    high\n    low\n    close\n    volume\n    quoteVolume\n    trades\n  }\n}": types.KlinesDocument,
    "fragment MutationErrorFields on MutationError {\n  __typename\n  message\n  code\n}": types.MutationErrorFieldsFragmentDoc,
    "query OpenOrders($symbol: String) {\n  account {\n    openOrders(symbol: $symbol) {\n      ...OrderFields\n    }\n  }\n}": types.OpenOrdersDocument,
    "query OrderBook($symbol: String!, $limit: Int) {\n  orderBook(symbol: $symbol, limit: $limit) {\n    symbol\n    lastUpdateId\n    timestamp\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}": types.OrderBookDocument,
    "fragment OrderFields on Order {\n  id\n  clientId\n  symbol\n  side\n  orderType\n  status\n  price\n  quantity\n  executedQuantity\n  createdAt\n}": types.OrderFieldsFragmentDoc,
    "query Positions($symbol: String) {\n  account {\n    positions(symbol: $symbol) {\n      id\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n      estLiquidationPrice\n    }\n  }\n}": types.PositionsDocument,
    "mutation RequestWithdrawal($input: RequestWithdrawalInput!) {\n  requestWithdrawal(input: $input) {\n    __typename\n    ... on RequestWithdrawalSuccess {\n      withdrawal {\n        id\n        clientId\n        quantity\n        fee\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}": types.RequestWithdrawalDocument,
    "query Withdrawals($limit: Int) {\n  account {\n    withdrawals(limit: $limit) {\n      items {\n        id\n        clientId\n        symbol\n        quantity\n        fee\n        blockchain\n        toAddress\n        status\n        createdAt\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}": types.WithdrawalsDocument,
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
export function graphql(source: "query Balances {\n  account {\n    balances {\n      symbol\n      available\n      locked\n      staked\n      total\n    }\n  }\n}"): (typeof documents)["query Balances {\n  account {\n    balances {\n      symbol\n      available\n      locked\n      staked\n      total\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        ...OrderFields\n      }\n    }\n    ...MutationErrorFields\n  }\n}"): (typeof documents)["mutation CancelOrder($input: CancelOrderInput!) {\n  cancelOrder(input: $input) {\n    __typename\n    ... on CancelOrderSuccess {\n      order {\n        ...OrderFields\n      }\n    }\n    ...MutationErrorFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($marketTypes: [MarketType!]) {\n  markets(marketType: $marketTypes) {\n    symbol\n    marketType\n    baseAsset {\n      symbol\n      displayName\n    }\n    ticker {\n      lastPrice\n      priceChangePercent\n      volume\n      quoteVolume\n    }\n    markPrice {\n      markPrice\n      fundingRate\n      nextFundingTime\n    }\n  }\n}"): (typeof documents)["query Dashboard($marketTypes: [MarketType!]) {\n  markets(marketType: $marketTypes) {\n    symbol\n    marketType\n    baseAsset {\n      symbol\n      displayName\n    }\n    ticker {\n      lastPrice\n      priceChangePercent\n      volume\n      quoteVolume\n    }\n    markPrice {\n      markPrice\n      fundingRate\n      nextFundingTime\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExecuteOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OrderFields\n        fills {\n          price\n          quantity\n          fee\n          feeSymbol\n        }\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on RateLimited {\n      retryAfter\n    }\n    ...MutationErrorFields\n  }\n}"): (typeof documents)["mutation ExecuteOrder($input: ExecuteOrderInput!) {\n  executeOrder(input: $input) {\n    __typename\n    ... on ExecuteOrderSuccess {\n      order {\n        ...OrderFields\n        fills {\n          price\n          quantity\n          fee\n          feeSymbol\n        }\n      }\n    }\n    ... on InvalidOrder {\n      field\n    }\n    ... on RateLimited {\n      retryAfter\n    }\n    ...MutationErrorFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Fills($symbol: String, $limit: Int, $offset: Int) {\n  account {\n    fills(symbol: $symbol, limit: $limit, offset: $offset) {\n      items {\n        tradeId\n        orderId\n        symbol\n        side\n        price\n        quantity\n        fee\n        feeSymbol\n        isMaker\n        timestamp\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query Fills($symbol: String, $limit: Int, $offset: Int) {\n  account {\n    fills(symbol: $symbol, limit: $limit, offset: $offset) {\n      items {\n        tradeId\n        orderId\n        symbol\n        side\n        price\n        quantity\n        fee\n        feeSymbol\n        isMaker\n        timestamp\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Klines($symbol: String!, $interval: KlineInterval!, $from: Timestamp!, $to: Timestamp) {\n  klines(symbol: $symbol, interval: $interval, from: $from, to: $to) {\n    start\n    end\n    open\n    high\n    low\n    close\n    volume\n    quoteVolume\n    trades\n  }\n}"): (typeof documents)["query Klines($symbol: String!, $interval: KlineInterval!, $from: Timestamp!, $to: Timestamp) {\n  klines(symbol: $symbol, interval: $interval, from: $from, to: $to) {\n    start\n    end\n    open\n    high\n    low\n    close\n    volume\n    quoteVolume\n    trades\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MutationErrorFields on MutationError {\n  __typename\n  message\n  code\n}"): (typeof documents)["fragment MutationErrorFields on MutationError {\n  __typename\n  message\n  code\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OpenOrders($symbol: String) {\n  account {\n    openOrders(symbol: $symbol) {\n      ...OrderFields\n    }\n  }\n}"): (typeof documents)["query OpenOrders($symbol: String) {\n  account {\n    openOrders(symbol: $symbol) {\n      ...OrderFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderBook($symbol: String!, $limit: Int) {\n  orderBook(symbol: $symbol, limit: $limit) {\n    symbol\n    lastUpdateId\n    timestamp\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}"): (typeof documents)["query OrderBook($symbol: String!, $limit: Int) {\n  orderBook(symbol: $symbol, limit: $limit) {\n    symbol\n    lastUpdateId\n    timestamp\n    bids {\n      price\n      quantity\n    }\n    asks {\n      price\n      quantity\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrderFields on Order {\n  id\n  clientId\n  symbol\n  side\n  orderType\n  status\n  price\n  quantity\n  executedQuantity\n  createdAt\n}"): (typeof documents)["fragment OrderFields on Order {\n  id\n  clientId\n  symbol\n  side\n  orderType\n  status\n  price\n  quantity\n  executedQuantity\n  createdAt\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Positions($symbol: String) {\n  account {\n    positions(symbol: $symbol) {\n      id\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n      estLiquidationPrice\n    }\n  }\n}"): (typeof documents)["query Positions($symbol: String) {\n  account {\n    positions(symbol: $symbol) {\n      id\n      symbol\n      netQuantity\n      entryPrice\n      positionMarkPrice\n      pnlUnrealized\n      estLiquidationPrice\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestWithdrawal($input: RequestWithdrawalInput!) {\n  requestWithdrawal(input: $input) {\n    __typename\n    ... on RequestWithdrawalSuccess {\n      withdrawal {\n        id\n        clientId\n        quantity\n        fee\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}"): (typeof documents)["mutation RequestWithdrawal($input: RequestWithdrawalInput!) {\n  requestWithdrawal(input: $input) {\n    __typename\n    ... on RequestWithdrawalSuccess {\n      withdrawal {\n        id\n        clientId\n        quantity\n        fee\n        status\n      }\n    }\n    ... on MutationError {\n      message\n      code\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Withdrawals($limit: Int) {\n  account {\n    withdrawals(limit: $limit) {\n      items {\n        id\n        clientId\n        symbol\n        quantity\n        fee\n        blockchain\n        toAddress\n        status\n        createdAt\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}"): (typeof documents)["query Withdrawals($limit: Int) {\n  account {\n    withdrawals(limit: $limit) {\n      items {\n        id\n        clientId\n        symbol\n        quantity\n        fee\n        blockchain\n        toAddress\n        status\n        createdAt\n      }\n      pageInfo {\n        limit\n        offset\n        hasNextPage\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;