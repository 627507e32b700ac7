// Signed trading handlers: account, balances, limits, orders (single, batch, cancel), positions and trading history.
import { PositionState, SettlementSourceFilter } from '../../exchange/types/enums/capital.ts';
import { CancelOrderTypeEnum, FillType, Side } from '../../exchange/types/enums/trading.ts';
import { MAX_BATCH_ORDERS } from '../../exchange/limits.ts';
import * as D from '../engine/decimal.ts';
import type { HistoryFilter } from '../engine/accountQueries.ts';
import type { OrderRef, OrderRequest } from '../engine/engine.ts';
import { reply } from '../http/handler.ts';
import { SandboxError } from '../engine/errors.ts';
import type { HandlerRequest, HandlerTable, ParamValue } from '../http/handler.ts';
import { marketTypes } from './marketData.ts';
import {
  accountOf,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredString,
  withinRange,
} from './productsParams.ts';

type Params = HandlerRequest['params'];

const STRING_FIELDS = [
  'symbol',
  'side',
  'orderType',
  'price',
  'quantity',
  'quoteQuantity',
  'timeInForce',
  'selfTradePrevention',
  'triggerPrice',
  'triggerQuantity',
  'triggerBy',
  'takeProfitTriggerPrice',
  'takeProfitLimitPrice',
  'takeProfitTriggerBy',
  'stopLossTriggerPrice',
  'stopLossLimitPrice',
  'stopLossTriggerBy',
  'slippageTolerance',
  'slippageToleranceType',
] as const;
const BOOLEAN_FIELDS = [
  'postOnly',
  'reduceOnly',
  'autoLend',
  'autoLendRedeem',
  'autoBorrow',
  'autoBorrowRepay',
] as const;

function payloadError(name: string): SandboxError {
  return new SandboxError(
    400,
    null,
    `Bad Request parse request payload error: invalid type for \`${name}\` (occurred while parsing "OrderExecutePayload")`,
  );
}

/** The execute payload from parsed body keys (decimals stay the exact strings the client signed). */
export function orderRequestFrom(params: Readonly<Record<string, ParamValue>>): OrderRequest {
  const request: Record<string, unknown> = {};
  for (const name of STRING_FIELDS) {
    const value = params[name];
    if (value === undefined) continue;
    if (typeof value === 'string') request[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) request[name] = String(value);
    else throw payloadError(name);
  }
  for (const name of BOOLEAN_FIELDS) {
    const value = params[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw payloadError(name);
    request[name] = value;
  }
  for (const name of ['clientId', 'brokerId'] as const) {
    const value = params[name];
    if (value === undefined) continue;
    const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number)) throw payloadError(name);
    request[name] = number;
  }
  return request as unknown as OrderRequest;
}

function orderRef(params: Params): OrderRef {
  return { orderId: optionalString(params, 'orderId'), clientId: optionalInteger(params, 'clientId') };
}

/** symbol / orderId / strategyId / marketType filters shared by the history endpoints. */
function historyFilter(params: Params): HistoryFilter {
  return {
    symbol: optionalString(params, 'symbol'),
    orderId: optionalString(params, 'orderId'),
    strategyId: optionalString(params, 'strategyId'),
    marketTypes: marketTypes(params),
  };
}

export const tradingHandlers = {
  getAccount: (request, services) => services.engine.accounts.summary(accountOf(request)),

  updateAccountSettings: (request, services) => {
    const accountId = accountOf(request);
    const leverageText = optionalString(request.params, 'leverageLimit');
    const leverage = leverageText === undefined ? undefined : D.tryParse(leverageText);
    if (leverage === null || (leverage !== undefined && (leverage < D.ONE || leverage > D.fromInt(100)))) {
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Invalid leverage limit');
    }
    const patch = {
      autoBorrowSettlements: optionalBoolean(request.params, 'autoBorrowSettlements'),
      autoLend: optionalBoolean(request.params, 'autoLend'),
      autoRepayBorrows: optionalBoolean(request.params, 'autoRepayBorrows'),
      leverageLimit: leverage,
    };
    services.ledger.updateSettings(
      accountId,
      Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
    );
    return reply({ status: 200 });
  },

  getBalances: (request, services) => services.ledger.balancesWire(accountOf(request)),

  getMaxOrderQuantity: (request, services) => {
    const accountId = accountOf(request);
    const params = request.params;
    const market = services.engine.marketData.market(requiredString(params, 'symbol'));
    const price = optionalString(params, 'price');
    if (price !== undefined && D.tryParse(price) === null)
      throw new SandboxError(400, null, 'failed to parse parameter `price`: invalid decimal');
    const flags = Object.fromEntries(
      (['reduceOnly', 'autoBorrow', 'autoBorrowRepay', 'autoLendRedeem'] as const).flatMap((name) => {
        const value = optionalBoolean(params, name);
        return value === undefined ? [] : [[name, value]];
      }),
    );
    return services.engine.accounts.maxOrderQuantity(accountId, market, {
      symbol: market.spec.symbol,
      side: requiredEnum(params, 'side', Side),
      price,
      ...flags,
    });
  },

  getOrder: (request, services) =>
    services.engine.getOrder(accountOf(request), requiredString(request.params, 'symbol'), orderRef(request.params)),

  executeOrder: (request, services) =>
    services.engine.executeOrder(accountOf(request), orderRequestFrom(request.params)),

  cancelOrder: (request, services) =>
    services.engine.cancelOrder(accountOf(request), requiredString(request.params, 'symbol'), orderRef(request.params)),

  executeOrderBatch: (request, services) => {
    // The whole batch is refused, before any order is placed, when it is over the exchange's cap.
    if (request.items.length > MAX_BATCH_ORDERS) {
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', `Batch exceeds the maximum of ${MAX_BATCH_ORDERS} orders`);
    }
    return services.engine.executeOrders(accountOf(request), request.items.map(orderRequestFrom));
  },

  getOpenOrders: (request, services) =>
    services.engine.openOrders(
      accountOf(request),
      optionalString(request.params, 'symbol'),
      marketTypes(request.params)?.[0],
    ),

  cancelOpenOrders: (request, services) =>
    services.engine.cancelOpenOrders(
      accountOf(request),
      requiredString(request.params, 'symbol'),
      optionalEnum(request.params, 'orderType', CancelOrderTypeEnum),
    ),

  getPositions: (request, services) => {
    const symbol = optionalString(request.params, 'symbol');
    const positions = services.engine.accounts.positions(accountOf(request), symbol, marketTypes(request.params)?.[0]);
    if (symbol !== undefined && positions.length === 0)
      throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Position not found');
    return positions;
  },

  getFills: (request, services) => {
    const fillType = optionalEnum(request.params, 'fillType', FillType);
    // Every sandbox fill comes from a user order: liquidation/conversion filters match nothing.
    const userOnly = fillType === undefined || fillType === 'User';
    const all = userOnly ? services.engine.accounts.fills(accountOf(request), historyFilter(request.params)) : [];
    const rows = withinRange(request.params, all, (row) => row.at);
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
    );
  },

  getOrderHistory: (request, services) => {
    const accountId = accountOf(request);
    const rows = services.engine.accounts.orderHistory(accountId, historyFilter(request.params));
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
    );
  },

  getFundingPayments: (request, services) => {
    const rows = services.engine.accounts.fundingPayments(accountOf(request), historyFilter(request.params));
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
    );
  },

  getPositionHistory: (request, services) => {
    const state = optionalEnum(request.params, 'state', PositionState);
    const rows = services.engine.accounts.positionHistory(accountOf(request), {
      ...historyFilter(request.params),
      state,
    });
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
    );
  },

  getSettlementHistory: (request, services) => {
    const source = optionalEnum(request.params, 'source', SettlementSourceFilter);
    const rows = services.engine.accounts.settlements(accountOf(request), { source });
    return paginate(
      request.params,
      rows,
      (row) => row.at,
      (row) => row.row,
    );
  },

  /** Removed 2025-08-07; kept answering an empty list. */
  getPnlHistory: (request) => {
    accountOf(request);
    return [];
  },
} satisfies Partial<HandlerTable>;
