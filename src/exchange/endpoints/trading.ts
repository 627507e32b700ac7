// Endpoint rows for trading: orders (single and batch), RFQs and quotes, scheduled strategies.
import { endpoint } from '../endpoint.ts';
import type { ParamDef } from '../endpoint.ts';
import {
  CancelOrderTypeEnum,
  MarketType,
  OrderTypeEnum,
  RfqExecutionMode,
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  StrategyTypeEnum,
  TimeInForce,
  TriggerBy,
} from '../types/enums.ts';
import type {
  BatchCommandOrderResult,
  GetOpenOrdersParams,
  GetOrderParams,
  Order,
  OrderCancelAllPayload,
  OrderCancelPayload,
  OrderExecutePayload,
} from '../types/orders.ts';
import type {
  GetRfqsParams,
  Quote,
  QuoteAcceptPayload,
  QuotePayload,
  RequestForQuote,
  RequestForQuoteCancelPayload,
  RequestForQuotePayload,
  RequestForQuoteRefreshPayload,
} from '../types/rfq.ts';
import type {
  GetOpenStrategiesParams,
  GetStrategyParams,
  Strategy,
  StrategyCancelAllPayload,
  StrategyCancelPayload,
  StrategyCreatePayload,
} from '../types/strategies.ts';
import { REQ, body, bodyEnum, marginFlags, query, queryEnum, signed } from './params.ts';

/** Keys of `OrderExecutePayload`: the body of POST /order and of each item of POST /orders. */
const orderExecuteParams: readonly ParamDef[] = [
  body('symbol', 'string', REQ),
  bodyEnum('side', Side, REQ),
  bodyEnum('orderType', OrderTypeEnum, REQ),
  body('price', 'decimal', { description: 'Limit price; required for Limit orders.' }),
  body('quantity', 'decimal', { description: 'Base quantity; a Market order may give quoteQuantity instead.' }),
  body('quoteQuantity', 'decimal', { description: 'Market orders only: quote to spend (Bid) or receive (Ask).' }),
  bodyEnum('timeInForce', TimeInForce, { description: 'Default GTC.' }),
  body('postOnly', 'boolean'),
  body('reduceOnly', 'boolean'),
  bodyEnum('selfTradePrevention', SelfTradePrevention, { description: 'Default RejectTaker.' }),
  body('clientId', 'integer', { description: 'Caller id (u32), echoed back.' }),
  body('brokerId', 'integer'),
  body('triggerPrice', 'decimal', { description: 'Makes it a trigger order; send with triggerQuantity.' }),
  body('triggerQuantity', 'string', { description: 'Absolute ("0.5") or percentage of position ("80%").' }),
  // The OpenAPI types the three *TriggerBy fields as free strings; the reference (D26) formalises TriggerBy.
  bodyEnum('triggerBy', TriggerBy),
  body('takeProfitTriggerPrice', 'decimal'),
  body('takeProfitLimitPrice', 'decimal'),
  bodyEnum('takeProfitTriggerBy', TriggerBy),
  body('stopLossTriggerPrice', 'decimal'),
  body('stopLossLimitPrice', 'decimal'),
  bodyEnum('stopLossTriggerBy', TriggerBy),
  ...marginFlags,
  body('slippageTolerance', 'decimal'),
  bodyEnum('slippageToleranceType', SlippageToleranceType),
];

export const tradingEndpoints = {
  // Orders
  getOrder: endpoint<GetOrderParams, Order>({
    name: 'getOrder', operationId: 'get_order', method: 'GET', path: '/api/v1/order', auth: signed('orderQuery'),
    params: [
      query('symbol', 'string', REQ),
      query('orderId', 'string', { description: 'Give exactly one of orderId and clientId.' }),
      query('clientId', 'integer'),
    ],
    body: 'none', response: 'json', responseType: 'Order', rateClass: 'standard', status: 'current',
    description: 'Returns one open order by id or client id; 404 once it is no longer open.',
  }),
  executeOrder: endpoint<OrderExecutePayload, Order>({
    name: 'executeOrder', operationId: 'execute_order', method: 'POST', path: '/api/v1/order', auth: signed('orderExecute'),
    params: orderExecuteParams, body: 'object', response: 'json', responseType: 'Order', rateClass: 'standard',
    status: 'current',
    description: 'Places an order and returns its state after matching.',
  }),
  cancelOrder: endpoint<OrderCancelPayload, Order>({
    name: 'cancelOrder', operationId: 'cancel_order', method: 'DELETE', path: '/api/v1/order', auth: signed('orderCancel'),
    params: [
      body('symbol', 'string', REQ),
      body('orderId', 'string', { description: 'Give exactly one of orderId and clientId.' }),
      body('clientId', 'integer'),
    ],
    body: 'object', response: 'json', responseType: 'Order', rateClass: 'standard', status: 'current',
    description: 'Cancels one open order by id or client id.',
  }),
  getOpenOrders: endpoint<GetOpenOrdersParams, Order[]>({
    name: 'getOpenOrders', operationId: 'get_open_orders', method: 'GET', path: '/api/v1/orders',
    auth: signed('orderQueryAll'), params: [query('symbol', 'string'), queryEnum('marketType', MarketType)],
    body: 'none', response: 'json', responseType: 'Order[]', rateClass: 'standard', status: 'current',
    description: 'Lists the open orders of the account, resting and trigger-pending.',
  }),
  executeOrderBatch: endpoint<OrderExecutePayload[], BatchCommandOrderResult[]>({
    name: 'executeOrderBatch', operationId: 'execute_order_batch', method: 'POST', path: '/api/v1/orders',
    auth: signed('orderExecute'), params: orderExecuteParams, body: 'array', response: 'json',
    responseType: 'BatchCommandOrderResult[]', rateClass: 'standard', status: 'current',
    description: 'Places several orders at once; each result is aligned with its request item.',
  }),
  cancelOpenOrders: endpoint<OrderCancelAllPayload, Order[]>({
    name: 'cancelOpenOrders', operationId: 'cancel_open_orders', method: 'DELETE', path: '/api/v1/orders',
    auth: signed('orderCancelAll'),
    params: [
      body('symbol', 'string', REQ),
      bodyEnum('orderType', CancelOrderTypeEnum, { description: 'Omitted = resting and conditional orders.' }),
    ],
    body: 'object', response: 'json', responseType: 'Order[]', rateClass: 'standard', status: 'current',
    description: 'Cancels all open orders of one market and returns them.',
  }),
  // RFQ
  submitRfq: endpoint<RequestForQuotePayload, RequestForQuote>({
    name: 'submitRfq', operationId: 'submit_rfq', method: 'POST', path: '/api/v1/rfq', auth: signed('rfqSubmit'),
    params: [
      body('clientId', 'integer'),
      body('quantity', 'decimal', { description: 'Give exactly one of quantity and quoteQuantity.' }),
      body('quoteQuantity', 'decimal'),
      body('price', 'decimal', { description: 'Only with the Immediate execution mode.' }),
      body('symbol', 'string', REQ),
      bodyEnum('side', Side, REQ),
      bodyEnum('executionMode', RfqExecutionMode, { description: 'Default AwaitAccept.' }),
      ...marginFlags,
    ],
    body: 'object', response: 'json', responseType: 'RequestForQuote', rateClass: 'standard', status: 'current',
    description: 'Requests quotes from makers for a quantity on an RFQ market.',
  }),
  acceptQuote: endpoint<QuoteAcceptPayload, RequestForQuote>({
    name: 'acceptQuote', operationId: 'accept_quote', method: 'POST', path: '/api/v1/rfq/accept', auth: signed('quoteAccept'),
    params: [body('rfqId', 'string'), body('clientId', 'integer'), body('quoteId', 'string', REQ)],
    body: 'object', response: 'json', responseType: 'RequestForQuote', rateClass: 'standard', status: 'current',
    description: 'Accepts a quote on one of the account RFQs.',
  }),
  refreshRfq: endpoint<RequestForQuoteRefreshPayload, RequestForQuote>({
    name: 'refreshRfq', operationId: 'refresh_rfq', method: 'POST', path: '/api/v1/rfq/refresh', auth: signed('rfqRefresh'),
    params: [body('rfqId', 'string', REQ)],
    body: 'object', response: 'json', responseType: 'RequestForQuote', rateClass: 'standard', status: 'current',
    description: 'Extends an RFQ so that it collects quotes again.',
  }),
  cancelRfq: endpoint<RequestForQuoteCancelPayload, RequestForQuote>({
    name: 'cancelRfq', operationId: 'cancel_rfq', method: 'POST', path: '/api/v1/rfq/cancel', auth: signed('rfqCancel'),
    params: [body('rfqId', 'string', { description: 'Give one of rfqId and clientId.' }), body('clientId', 'integer')],
    body: 'object', response: 'json', responseType: 'RequestForQuote', rateClass: 'standard', status: 'current',
    description: 'Cancels one of the account RFQs.',
  }),
  submitQuote: endpoint<QuotePayload, Quote>({
    name: 'submitQuote', operationId: 'submit_quote', method: 'POST', path: '/api/v1/rfq/quote', auth: signed('quoteSubmit'),
    params: [
      body('rfqId', 'string', REQ),
      body('clientId', 'integer'),
      body('bidPrice', 'decimal', REQ),
      body('askPrice', 'decimal', REQ),
      ...marginFlags,
    ],
    body: 'object', response: 'json', responseType: 'Quote', rateClass: 'standard', status: 'current',
    description: 'Answers an RFQ with a two-sided quote (as a maker).',
  }),
  getRfqs: endpoint<GetRfqsParams, RequestForQuote[]>({
    name: 'getRfqs', method: 'GET', path: '/api/v1/rfqs', auth: signed('rfqQuery'),
    // Parameters and response are undocumented (third-party only); `symbol` is the reference's guess.
    params: [query('symbol', 'string')],
    body: 'none', response: 'json', responseType: 'RequestForQuote[]', rateClass: 'standard', status: 'unverified',
    description: 'Presumably lists the active RFQs (unverified: only third-party sources).',
  }),
  // Strategies
  getStrategy: endpoint<GetStrategyParams, Strategy>({
    name: 'getStrategy', operationId: 'get_strategy', method: 'GET', path: '/api/v1/strategy', auth: signed('strategyQuery'),
    params: [
      query('symbol', 'string', REQ),
      query('strategyId', 'string', { description: 'Give one of strategyId and clientStrategyId.' }),
      query('clientStrategyId', 'integer'),
    ],
    body: 'none', response: 'json', responseType: 'Strategy', rateClass: 'standard', status: 'current',
    description: 'Returns one active strategy by id or client id.',
  }),
  strategyCreate: endpoint<StrategyCreatePayload, Strategy>({
    name: 'strategyCreate', operationId: 'strategy_create', method: 'POST', path: '/api/v1/strategy',
    auth: signed('strategyCreate'),
    params: [
      ...marginFlags,
      body('brokerId', 'integer'),
      body('clientStrategyId', 'integer'),
      bodyEnum('strategyType', StrategyTypeEnum, REQ),
      body('quantity', 'decimal'),
      body('price', 'decimal', { description: 'Limit price of the child orders.' }),
      body('postOnly', 'boolean'),
      body('reduceOnly', 'boolean'),
      bodyEnum('selfTradePrevention', SelfTradePrevention),
      bodyEnum('side', Side, REQ),
      body('symbol', 'string', REQ),
      bodyEnum('timeInForce', TimeInForce),
      body('duration', 'integer', { description: 'Total duration in ms.' }),
      body('interval', 'integer', { description: 'Time between child orders in ms.' }),
      body('randomizedIntervalQuantity', 'boolean'),
      body('slippageTolerance', 'decimal'),
      bodyEnum('slippageToleranceType', SlippageToleranceType),
    ],
    body: 'object', response: 'json', responseType: 'Strategy', rateClass: 'standard', status: 'current',
    description: 'Starts a scheduled strategy that splits a quantity into child orders over a duration.',
  }),
  cancelStrategy: endpoint<StrategyCancelPayload, Strategy>({
    name: 'cancelStrategy', operationId: 'cancel_strategy', method: 'DELETE', path: '/api/v1/strategy',
    auth: signed('strategyCancel'),
    params: [
      body('clientStrategyId', 'integer'),
      body('strategyId', 'string', { description: 'Give one of strategyId and clientStrategyId.' }),
      body('symbol', 'string', REQ),
    ],
    body: 'object', response: 'json', responseType: 'Strategy', rateClass: 'standard', status: 'current',
    description: 'Cancels one active strategy.',
  }),
  getOpenStrategies: endpoint<GetOpenStrategiesParams, Strategy[]>({
    name: 'getOpenStrategies', operationId: 'get_open_strategies', method: 'GET', path: '/api/v1/strategies',
    auth: signed('strategyQueryAll'),
    params: [queryEnum('marketType', MarketType), queryEnum('strategyType', StrategyTypeEnum), query('symbol', 'string')],
    body: 'none', response: 'json', responseType: 'Strategy[]', rateClass: 'standard', status: 'current',
    description: 'Lists the active strategies of the account.',
  }),
  cancelOpenStrategies: endpoint<StrategyCancelAllPayload, Strategy[]>({
    name: 'cancelOpenStrategies', operationId: 'cancel_open_strategies', method: 'DELETE', path: '/api/v1/strategies',
    auth: signed('strategyCancelAll'),
    params: [body('symbol', 'string', REQ), bodyEnum('strategyType', StrategyTypeEnum)],
    body: 'object', response: 'json', responseType: 'Strategy[]', rateClass: 'standard', status: 'current',
    description: 'Cancels all active strategies of one market and returns them.',
  }),
} as const;
