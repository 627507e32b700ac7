// GraphQL enums for the exchange's wire enums (src/exchange/types/enums/), with an exact mapping back to the wire.
//
// How to use:
//   t.field({ type: SideEnum, resolve: (order) => order.side })     // resolvers return the WIRE value ('Bid')
//   t.arg({ type: OrderStatusEnum })                                 // args arrive as the WIRE value ('PartiallyFilled')
// GraphQL value names are SCREAMING_SNAKE of the wire value (`PartiallyFilled` → PARTIALLY_FILLED, `HyperEVM` →
// HYPER_EVM, `0G` → ZERO_G, `1m` → ONE_MINUTE, `1month` → ONE_MONTH); each value's description names its wire value.
// Open enums: the exchange adds values without notice, so every enum has an `UNKNOWN` value. A wire value this
// gateway does not know is served as UNKNOWN instead of failing the field (`openEnums(schema)` installs this at
// schema build time); UNKNOWN is rejected as input because it cannot be sent to the exchange.
// Case variants: the WS order stream says `LIMIT` where REST says `Limit`; pass such values through `wireValue()`.
import { GraphQLEnumType, GraphQLError, type GraphQLSchema } from 'graphql';
import * as capitalWire from '../exchange/types/enums/capital.ts';
import * as marketsWire from '../exchange/types/enums/markets.ts';
import * as tradingWire from '../exchange/types/enums/trading.ts';
import { builder, type BuilderTypes } from './builder.ts';

/** Internal value of `UNKNOWN`; never sent to the exchange. */
export const UNKNOWN_WIRE_VALUE = '__UNKNOWN__';
const OPEN_ENUM = 'gatewayOpenEnum';

const NUMBER_WORDS: Record<string, string> = {
  '0': 'ZERO',
  '1': 'ONE',
  '2': 'TWO',
  '3': 'THREE',
  '4': 'FOUR',
  '5': 'FIVE',
  '6': 'SIX',
  '7': 'SEVEN',
  '8': 'EIGHT',
  '9': 'NINE',
  '10': 'TEN',
  '12': 'TWELVE',
  '15': 'FIFTEEN',
  '30': 'THIRTY',
};
const UNITS: Record<string, string> = {
  s: 'SECOND',
  m: 'MINUTE',
  h: 'HOUR',
  d: 'DAY',
  w: 'WEEK',
  month: 'MONTH',
  year: 'YEAR',
};
/** Wire spellings whose mechanical conversion reads badly. */
const NAME_OVERRIDES: Record<string, string> = { xRP: 'XRP' };

/** The GraphQL name of a wire value (`/^[_a-zA-Z][_a-zA-Z0-9]*$/`). */
export function graphqlValueName(value: string): string {
  const override = NAME_OVERRIDES[value];
  if (override) return override;
  const interval = /^(\d+)(s|m|h|d|w|month|year)$/.exec(value);
  if (interval) {
    const [, count = '', unit = ''] = interval;
    const word = NUMBER_WORDS[count];
    const unitWord = UNITS[unit];
    if (word && unitWord) return `${word}_${unitWord}${count === '1' ? '' : 'S'}`;
  }
  const leading = /^(\d+)(.*)$/.exec(value);
  const spelled = leading ? `${NUMBER_WORDS[leading[1] ?? ''] ?? `N${leading[1]}`}_${leading[2]}` : value;
  const name = spelled
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .toUpperCase();
  if (!/^[_A-Za-z][_A-Za-z0-9]*$/.test(name)) throw new Error(`No GraphQL name for enum value ${value}`);
  return name;
}

export type WireEnumRef<T extends string> = PothosSchemaTypes.EnumRef<BuilderTypes, T, T>;

/** Declares a GraphQL enum over a wire const array; throws at startup if two wire values collide. */
export function wireEnum<const T extends readonly string[]>(
  name: string,
  values: T,
  description: string,
  valueDescriptions: Partial<Record<T[number], string>> = {},
): WireEnumRef<T[number]> {
  const config: Record<string, { value: string; description: string }> = {};
  for (const value of values) {
    const key = graphqlValueName(value);
    if (key in config) throw new Error(`Enum ${name}: ${value} collides as ${key}`);
    const extra = (valueDescriptions as Record<string, string | undefined>)[value];
    config[key] = { value, description: `${extra ? `${extra} ` : ''}Wire value \`${value}\`.` };
  }
  // Some wire enums have their own `Unknown`; it doubles as the fallback (and stays valid input).
  config.UNKNOWN = config.UNKNOWN
    ? { ...config.UNKNOWN, description: `${config.UNKNOWN.description} Also values this gateway does not know yet.` }
    : {
        value: UNKNOWN_WIRE_VALUE,
        description: 'A value the exchange sent that this gateway does not know yet (output only).',
      };
  const ref = builder.enumType(name, {
    description: `${description} Open: unknown wire values are served as UNKNOWN.`,
    values: config,
    extensions: { [OPEN_ENUM]: values },
  });
  return ref as unknown as WireEnumRef<T[number]>;
}

/** The canonical wire spelling of a case variant (`LIMIT` → `Limit`); unknown values pass through unchanged. */
export function wireValue<T extends string>(values: readonly T[], raw: string): T | string {
  return values.find((value) => value.toLowerCase() === raw.toLowerCase()) ?? raw;
}

/** Makes the enums declared with `wireEnum` open: unknown outputs → UNKNOWN, UNKNOWN inputs rejected. */
export function openEnums(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLEnumType) || !type.extensions[OPEN_ENUM]) continue;
    const known = new Set(type.getValues().map((value) => value.value as unknown));
    const serialize = type.serialize.bind(type);
    const parseValue = type.parseValue.bind(type);
    const parseLiteral = type.parseLiteral.bind(type);
    const rejectUnknown = (value: unknown): unknown => {
      if (value === UNKNOWN_WIRE_VALUE) {
        throw new GraphQLError(`${type.name}.UNKNOWN is output-only`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return value;
    };
    type.serialize = (value) => (known.has(value) ? serialize(value) : 'UNKNOWN');
    type.parseValue = (value) => rejectUnknown(parseValue(value));
    type.parseLiteral = (node, variables) => rejectUnknown(parseLiteral(node, variables));
  }
  return schema;
}

// --- Trading ----------------------------------------------------------------------------------------------------
export const SideEnum = wireEnum('Side', tradingWire.Side, 'Order or trade side.', { Bid: 'Buy.', Ask: 'Sell.' });
export const OrderTypeEnum = wireEnum('OrderType', tradingWire.OrderTypeEnum, 'Order type.');
export const TimeInForceEnum = wireEnum('TimeInForce', tradingWire.TimeInForce, 'How long an order stays active.', {
  GTC: 'Good till cancelled.',
  IOC: 'Immediate or cancel.',
  FOK: 'Fill or kill.',
});
export const SelfTradePreventionEnum = wireEnum(
  'SelfTradePrevention',
  tradingWire.SelfTradePrevention,
  'What happens when an order would trade against the same account.',
);
export const OrderStatusEnum = wireEnum(
  'OrderStatus',
  tradingWire.OrderStatus,
  'Lifecycle state of an order, RFQ or quote.',
);
export const TriggerByEnum = wireEnum(
  'TriggerBy',
  tradingWire.TriggerBy,
  'Reference price a trigger (stop / take-profit) order watches.',
);
export const SlippageToleranceTypeEnum = wireEnum(
  'SlippageToleranceType',
  tradingWire.SlippageToleranceType,
  'Unit of a slippage tolerance.',
);
export const CancelOrderTypeEnum = wireEnum(
  'CancelOrderType',
  tradingWire.CancelOrderTypeEnum,
  'Which orders a cancel-all affects.',
);
export const OrderExpiryReasonEnum = wireEnum(
  'OrderExpiryReason',
  tradingWire.OrderExpiryReason,
  'Why the exchange expired an order.',
);
export const SystemOrderTypeEnum = wireEnum(
  'SystemOrderType',
  tradingWire.SystemOrderType,
  'Why the system (not the user) created an order.',
);
export const FillTypeEnum = wireEnum('FillType', tradingWire.FillType, 'Filter for fill history by origin.');
export const RfqFillTypeEnum = wireEnum(
  'RfqFillType',
  tradingWire.RfqFillType,
  'Filter for RFQ fill history by origin.',
);
export const RfqExecutionModeEnum = wireEnum(
  'RfqExecutionMode',
  tradingWire.RfqExecutionMode,
  'How an RFQ is executed.',
);
export const StrategyTypeEnum = wireEnum(
  'StrategyType',
  tradingWire.StrategyTypeEnum,
  'Kind of algorithmic order strategy.',
);
export const StrategyStatusEnum = wireEnum(
  'StrategyStatus',
  tradingWire.StrategyStatus,
  'Lifecycle state of a strategy.',
);
export const StrategyCancelReasonEnum = wireEnum(
  'StrategyCancelReason',
  tradingWire.StrategyCrankCancelReason,
  'Why the exchange cancelled a strategy.',
);
export const OrderUpdateOriginEnum = wireEnum(
  'OrderUpdateOrigin',
  tradingWire.OrderUpdateOrigin,
  'What caused a live order update.',
);

// --- Markets and market data ------------------------------------------------------------------------------------
export const MarketTypeEnum = wireEnum('MarketType', marketsWire.MarketType, 'Kind of market.', {
  SPOT: 'Spot.',
  PERP: 'Perpetual future.',
  IPERP: 'Index perpetual.',
  DATED: 'Dated future.',
  PREDICTION: 'Prediction market.',
  RFQ: 'Request-for-quote market.',
  MONAD: 'Named by the official Rust client without explanation.',
});
export const RwaMarketTypeEnum = wireEnum(
  'RwaMarketType',
  marketsWire.RwaMarketType,
  'Real-world-asset class of a market.',
);
export const OrderBookStateEnum = wireEnum(
  'OrderBookState',
  marketsWire.OrderBookState,
  'Which orders a market currently accepts.',
);
export const KlineIntervalEnum = wireEnum('KlineInterval', marketsWire.KlineInterval, 'Candle length.');
export const KlinePriceTypeEnum = wireEnum(
  'KlinePriceType',
  marketsWire.KlinePriceType,
  'Which price candles are built from.',
);
export const TickerIntervalEnum = wireEnum(
  'TickerInterval',
  marketsWire.TickerInterval,
  'Ticker window (default: rolling 24 h).',
);
/** @public In the SDL for clients; no field takes it yet. */
export const TickerSourceEnum = wireEnum(
  'TickerSource',
  marketsWire.TickerSource,
  'Where prices come from: trades on the exchange itself (default) or an external feed (stock markets only).',
);
export const BorrowLendHistoryIntervalEnum = wireEnum(
  'BorrowLendHistoryInterval',
  marketsWire.BorrowLendMarketHistoryInterval,
  'Window of borrow-lend market history.',
);
export const VaultHistoryIntervalEnum = wireEnum(
  'VaultHistoryInterval',
  marketsWire.VaultHistoryInterval,
  'Window of vault history.',
);
export const SeriesRecurrenceEnum = wireEnum(
  'SeriesRecurrence',
  marketsWire.SeriesRecurrence,
  'How often a prediction series recurs.',
);
export const ResolutionConditionTypeEnum = wireEnum(
  'ResolutionConditionType',
  marketsWire.ResolutionConditionType,
  'Kind of prediction resolution condition.',
);
export const SystemStateEnum = wireEnum('SystemState', marketsWire.Status, 'Exchange-wide operating state.');
export const MarginFunctionTypeEnum = wireEnum(
  'MarginFunctionType',
  marketsWire.MarginFunctionType,
  'Shape of a margin-fraction function.',
);
export const CollateralFunctionKindEnum = wireEnum(
  'CollateralFunctionKind',
  marketsWire.CollateralFunctionKindType,
  'Shape of a collateral haircut function.',
);
export const SortDirectionEnum = wireEnum(
  'SortDirection',
  marketsWire.SortDirection,
  'Sort order of history results.',
  {
    Asc: 'Oldest first.',
    Desc: 'Newest first.',
  },
);

// --- Capital, borrow-lend, positions ----------------------------------------------------------------------------
export const BlockchainEnum = wireEnum(
  'Blockchain',
  capitalWire.Blockchain,
  'A blockchain the exchange supports for deposits and withdrawals.',
);
export const DepositSourceEnum = wireEnum('DepositSource', capitalWire.DepositSource, 'Where a deposit came from.');
export const DepositStatusEnum = wireEnum('DepositStatus', capitalWire.DepositStatus, 'State of a deposit.');
export const WithdrawalStatusEnum = wireEnum(
  'WithdrawalStatus',
  capitalWire.WithdrawalStatus,
  'State of a withdrawal.',
);
export const FiatWithdrawalStateEnum = wireEnum(
  'FiatWithdrawalState',
  capitalWire.EqualsMoneyWithdrawalState,
  'State of a fiat (Equals Money) withdrawal.',
);
export const FiatAssetEnum = wireEnum('FiatAsset', capitalWire.FiatAsset, 'A fiat currency.');
export const BorrowLendSideEnum = wireEnum('BorrowLendSide', capitalWire.BorrowLendSide, 'Borrow or lend.');
export const BorrowLendEventTypeEnum = wireEnum(
  'BorrowLendEventType',
  capitalWire.BorrowLendEventType,
  'Kind of borrow-lend movement.',
);
export const BorrowLendPositionStateEnum = wireEnum(
  'BorrowLendPositionState',
  capitalWire.BorrowLendPositionState,
  'Whether a borrow-lend position is open.',
);
export const BorrowLendBookStateEnum = wireEnum(
  'BorrowLendBookState',
  capitalWire.BorrowLendBookState,
  'Which operations a borrow-lend market accepts.',
);
export const BorrowLendSourceEnum = wireEnum(
  'BorrowLendSource',
  capitalWire.BorrowLendSource,
  'What caused a borrow-lend movement.',
);
export const InterestPaymentSourceEnum = wireEnum(
  'InterestPaymentSource',
  capitalWire.InterestPaymentSource,
  'Filter for interest history by source.',
);
export const PaymentTypeEnum = wireEnum('PaymentType', capitalWire.PaymentType, 'Kind of interest payment.');
export const PositionStateEnum = wireEnum(
  'PositionState',
  capitalWire.PositionState,
  'Whether a futures position is open.',
);
export const SettlementSourceEnum = wireEnum(
  'SettlementSource',
  capitalWire.SettlementSource,
  'What caused a settlement.',
);
export const SettlementSourceFilterEnum = wireEnum(
  'SettlementSourceFilter',
  capitalWire.SettlementSourceFilter,
  'Filter for settlement history by source.',
);
export const VaultRedeemStatusEnum = wireEnum(
  'VaultRedeemStatus',
  capitalWire.VaultRedeemStatus,
  'State of a vault redemption.',
);
