// Handlers for scheduled (TWAP) strategies: create, query, cancel (one or all) and history.
import { MarketType } from '../../exchange/types/enums/markets.ts';
import {
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  StrategyTypeEnum,
  TimeInForce,
} from '../../exchange/types/enums/trading.ts';
import type { HandlerRequest, HandlerTable } from '../http/handler.ts';
import type { SandboxServices } from '../services.ts';
import {
  accountOf,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredString,
} from './productsParams.ts';

export const strategyHandlers = {
  strategyCreate: (request, services) => {
    const { params } = request;
    requiredEnum(params, 'strategyType', StrategyTypeEnum);
    const strategies = services.products.strategies;
    const record = strategies.create(accountOf(request), {
      symbol: requiredString(params, 'symbol'),
      side: requiredEnum(params, 'side', Side),
      quantity: optionalString(params, 'quantity'),
      price: optionalString(params, 'price'),
      duration: optionalInteger(params, 'duration'),
      interval: optionalInteger(params, 'interval'),
      randomizedIntervalQuantity: optionalBoolean(params, 'randomizedIntervalQuantity'),
      postOnly: optionalBoolean(params, 'postOnly'),
      reduceOnly: optionalBoolean(params, 'reduceOnly'),
      timeInForce: optionalEnum(params, 'timeInForce', TimeInForce),
      selfTradePrevention: optionalEnum(params, 'selfTradePrevention', SelfTradePrevention),
      clientStrategyId: optionalInteger(params, 'clientStrategyId'),
      slippageTolerance: optionalString(params, 'slippageTolerance'),
      slippageToleranceType: optionalEnum(params, 'slippageToleranceType', SlippageToleranceType),
      autoLend: optionalBoolean(params, 'autoLend'),
      autoLendRedeem: optionalBoolean(params, 'autoLendRedeem'),
      autoBorrow: optionalBoolean(params, 'autoBorrow'),
      autoBorrowRepay: optionalBoolean(params, 'autoBorrowRepay'),
    });
    return strategies.activeWire(record);
  },
  getStrategy: (request, services) => services.products.strategies.activeWire(findStrategy(request, services)),
  cancelStrategy: (request, services) => {
    const strategies = services.products.strategies;
    return strategies.activeWire(strategies.cancel(findStrategy(request, services)));
  },
  getOpenStrategies: (request, services) => {
    const { params } = request;
    const symbol = optionalString(params, 'symbol');
    const marketType = optionalEnum(params, 'marketType', MarketType);
    optionalEnum(params, 'strategyType', StrategyTypeEnum);
    const strategies = services.products.strategies;
    return strategies
      .running(accountOf(request))
      .filter(
        (s) =>
          (symbol === undefined || s.market.symbol === symbol) &&
          (marketType === undefined || s.market.marketType === marketType),
      )
      .map((s) => strategies.activeWire(s));
  },
  cancelOpenStrategies: (request, services) => {
    const symbol = requiredString(request.params, 'symbol');
    optionalEnum(request.params, 'strategyType', StrategyTypeEnum);
    const strategies = services.products.strategies;
    return strategies
      .running(accountOf(request))
      .filter((s) => s.market.symbol === symbol)
      .map((s) => strategies.activeWire(strategies.cancel(s)));
  },
  getStrategiesHistory: (request, services) => {
    const { params } = request;
    const accountId = accountOf(request);
    const strategyId = optionalString(params, 'strategyId');
    const symbol = optionalString(params, 'symbol');
    const marketTypes = params['marketType'];
    const types =
      typeof marketTypes === 'string'
        ? [marketTypes]
        : Array.isArray(marketTypes)
          ? (marketTypes as readonly string[])
          : undefined;
    const strategies = services.products.strategies;
    const rows = strategies.records.filter(
      (s) =>
        s.accountId === accountId &&
        s.status !== 'Running' &&
        (strategyId === undefined || s.id === strategyId) &&
        (symbol === undefined || s.market.symbol === symbol) &&
        (types === undefined || types.includes(s.market.marketType)),
    );
    return paginate(
      params,
      rows,
      (s) => s.createdAt,
      (s) => strategies.historyWire(s),
    );
  },
} satisfies Partial<HandlerTable>;

/** The strategy a get or cancel names: by symbol and exactly one of strategyId / clientStrategyId. */
function findStrategy(request: HandlerRequest, services: SandboxServices) {
  const { params } = request;
  return services.products.strategies.find(
    accountOf(request),
    requiredString(params, 'symbol'),
    optionalString(params, 'strategyId'),
    optionalInteger(params, 'clientStrategyId'),
  );
}
