// The exchange's OpenAPI type names, used only to word plain-text parse errors the way the real framework does.
import type { EndpointDef, ParamDef } from '../../exchange/endpoint.ts';

// Enum parameters whose type name depends on the endpoint (keyed `<path>:<param>`, or `<METHOD> <path>:<param>`).
const ENUM_BY_PATH: Readonly<Record<string, string>> = {
  '/api/v1/depth:limit': 'DepthLimit',
  '/api/v1/klines:interval': 'KlineInterval',
  '/api/v1/ticker:interval': 'TickerInterval',
  '/api/v1/tickers:interval': 'TickerInterval',
  '/api/v1/borrowLend/markets/history:interval': 'BorrowLendMarketHistoryInterval',
  '/api/v1/vaults/history:interval': 'VaultHistoryInterval',
  '/api/v1/borrowLend:side': 'BorrowLendSide',
  '/wapi/v1/history/borrowLend/positions:side': 'BorrowLendSide',
  '/wapi/v1/history/borrowLend/positions:state': 'BorrowLendPositionState',
  '/wapi/v1/history/position:state': 'PositionState',
  '/wapi/v1/history/interest:source': 'InterestPaymentSource',
  '/wapi/v1/history/settlement:source': 'SettlementSourceFilter',
  '/wapi/v1/history/rfq/fill:fillType': 'RfqFillType',
  'DELETE /api/v1/orders:orderType': 'CancelOrderTypeEnum',
};

const ENUM_BY_PARAM: Readonly<Record<string, string>> = {
  side: 'Side',
  orderType: 'OrderTypeEnum',
  timeInForce: 'TimeInForce',
  selfTradePrevention: 'SelfTradePrevention',
  marketType: 'MarketType',
  blockchain: 'Blockchain',
  priceType: 'KlinePriceType',
  strategyType: 'StrategyTypeEnum',
  type: 'BorrowLendEventType',
  sortDirection: 'SortDirection',
  fillType: 'FillType',
  status: 'OrderStatus',
  triggerBy: 'TriggerBy',
  takeProfitTriggerBy: 'TriggerBy',
  stopLossTriggerBy: 'TriggerBy',
  slippageToleranceType: 'SlippageToleranceType',
  executionMode: 'RfqExecutionMode',
  interval: 'KlineInterval',
};

const PAYLOAD_BY_ROUTE: Readonly<Record<string, string>> = {
  'PATCH /api/v1/account': 'UpdateAccountSettingsRequest',
  'POST /api/v1/account/convertDust': 'AccountConvertDustPayload',
  'POST /api/v1/borrowLend': 'BorrowLendExecutePayload',
  'POST /api/v1/order': 'OrderExecutePayload',
  'DELETE /api/v1/order': 'OrderCancelPayload',
  'POST /api/v1/orders': 'OrderExecutePayload',
  'DELETE /api/v1/orders': 'OrderCancelAllPayload',
  'POST /api/v1/rfq': 'RequestForQuotePayload',
  'POST /api/v1/rfq/accept': 'QuoteAcceptPayload',
  'POST /api/v1/rfq/refresh': 'RequestForQuoteRefreshPayload',
  'POST /api/v1/rfq/cancel': 'RequestForQuoteCancelPayload',
  'POST /api/v1/rfq/quote': 'QuotePayload',
  'POST /api/v1/strategy': 'StrategyCreatePayload',
  'DELETE /api/v1/strategy': 'StrategyCancelPayload',
  'DELETE /api/v1/strategies': 'StrategyCancelAllPayload',
  'POST /wapi/v1/capital/withdrawals': 'AccountWithdrawalPayload',
  'POST /wapi/v1/capital/withdrawals/delay': 'CreateWithdrawalDelayRequest',
  'PATCH /wapi/v1/capital/withdrawals/delay': 'UpdateWithdrawalDelayRequest',
};

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `DepthLimit`, `integer(int64)`, `string(decimal)` … as in `failed to parse "DepthLimit": …`. */
export function paramTypeName(endpoint: Pick<EndpointDef, 'method' | 'path'>, param: ParamDef): string {
  switch (param.type) {
    case 'enum':
      return (
        ENUM_BY_PATH[`${endpoint.method} ${endpoint.path}:${param.name}`] ??
        ENUM_BY_PATH[`${endpoint.path}:${param.name}`] ??
        ENUM_BY_PARAM[param.name] ??
        pascal(param.name)
      );
    case 'integer':
      return 'integer(int64)';
    case 'boolean':
      return 'boolean';
    case 'decimal':
      return 'string(decimal)';
    case 'object':
      return pascal(param.name);
    case 'string':
      return 'string';
  }
}

/** `OrderExecutePayload` … as in `(occurred while parsing "OrderExecutePayload")`. */
export function payloadTypeName(endpoint: Pick<EndpointDef, 'method' | 'path' | 'name'>): string {
  return PAYLOAD_BY_ROUTE[`${endpoint.method} ${endpoint.path}`] ?? `${pascal(endpoint.name)}Payload`;
}
