// Wire shapes of the /wapi/v1/history/* rows (orders, fills, funding, borrow-lend, dust, settlement) and their queries.
import type { AssetSymbol, Decimal, EpochMillis, MarketSymbol, NaiveDateTime, PageParams } from './common.ts';
import type {
  BorrowLendEventType,
  BorrowLendPositionState,
  BorrowLendSide,
  BorrowLendSource,
  InterestPaymentSource,
  PaymentType,
  PositionState,
  SettlementSource,
  SettlementSourceFilter,
} from './enums/capital.ts';
import type { MarketType, SortDirection } from './enums/markets.ts';
import type {
  FillType,
  OrderExpiryReason,
  OrderStatus,
  OrderTypeEnum,
  RfqFillType,
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  SystemOrderType,
  TimeInForce,
  TriggerBy,
} from './enums/trading.ts';

/** An order history row (OpenAPI `Order`): `createdAt` is a naive datetime, not ms. */
export interface OrderHistory {
  id: string;
  createdAt: NaiveDateTime;
  orderType: OrderTypeEnum;
  symbol: MarketSymbol;
  side: Side;
  status: OrderStatus;
  timeInForce: TimeInForce;
  selfTradePrevention: SelfTradePrevention;
  executedQuantity?: Decimal | null;
  executedQuoteQuantity?: Decimal | null;
  price?: Decimal | null;
  quantity?: Decimal | null;
  quoteQuantity?: Decimal | null;
  postOnly?: boolean | null;
  expiryReason?: OrderExpiryReason | null;
  triggerBy?: TriggerBy | null;
  triggerPrice?: string | null;
  triggerQuantity?: string | null;
  stopLossTriggerPrice?: string | null;
  stopLossLimitPrice?: Decimal | null;
  stopLossTriggerBy?: TriggerBy | null;
  takeProfitTriggerPrice?: string | null;
  takeProfitLimitPrice?: Decimal | null;
  takeProfitTriggerBy?: TriggerBy | null;
  clientId?: number | null;
  systemOrderType?: SystemOrderType | null;
  strategyId?: string | null;
  slippageTolerance?: Decimal | null;
  slippageToleranceType?: SlippageToleranceType | null;
}

export interface OrderFill {
  /** 0 on backstop-liquidation fills before 2025-11-12. */
  tradeId?: number | null;
  orderId: string;
  /** A string here (a u32 elsewhere). */
  clientId?: string | null;
  symbol: MarketSymbol;
  side: Side;
  price: Decimal;
  quantity: Decimal;
  fee: Decimal;
  feeSymbol: AssetSymbol;
  isMaker: boolean;
  /** null for user orders. */
  systemOrderType?: SystemOrderType | null;
  timestamp: NaiveDateTime;
}

export interface FundingPayment {
  userId: number;
  subaccountId?: number | null;
  symbol: MarketSymbol;
  /** Positive = received, negative = paid. */
  quantity: Decimal;
  intervalEndTimestamp: NaiveDateTime;
  fundingRate: Decimal;
}

export interface BorrowLendMovement {
  eventType: BorrowLendEventType;
  positionId: string;
  /** Running total. */
  positionQuantity?: Decimal | null;
  quantity: Decimal;
  source: BorrowLendSource;
  symbol: AssetSymbol;
  timestamp: NaiveDateTime;
  spotMarginOrderId?: string | null;
}

export interface InterestPayment {
  paymentType: PaymentType;
  interestRate: Decimal;
  /** Duration; unit undocumented (presumably ms). */
  interval: number;
  /** Spot symbol for borrow-lend, futures symbol for uPnL interest. */
  marketSymbol: MarketSymbol;
  positionId: string;
  quantity: Decimal;
  symbol: AssetSymbol;
  timestamp: NaiveDateTime;
}

export interface BorrowLendPositionRow {
  positionId: string;
  quantity: Decimal;
  symbol: AssetSymbol;
  source: BorrowLendSource;
  cumulativeInterest: Decimal;
  avgInterestRate: Decimal;
  side: BorrowLendSide;
  createdAt: NaiveDateTime;
}

export interface DustConversion {
  id: number;
  quantity: Decimal;
  symbol: AssetSymbol;
  usdcReceived: Decimal;
  timestamp: NaiveDateTime;
}

export interface Settlement {
  quantity: Decimal;
  source: SettlementSource;
  subaccountId?: number | null;
  timestamp: NaiveDateTime;
  userId: number;
  positionId?: string | null;
  engineSequence?: number | null;
}

interface SortedPage extends PageParams {
  sortDirection?: SortDirection;
}

export interface GetBorrowLendHistoryParams extends SortedPage {
  type?: BorrowLendEventType;
  /** One BorrowLendSource or a comma-separated list. */
  sources?: string;
  positionId?: string;
  symbol?: AssetSymbol;
}

export interface GetInterestHistoryParams extends SortedPage {
  asset?: AssetSymbol;
  symbol?: MarketSymbol;
  positionId?: string;
  source?: InterestPaymentSource;
}

export interface GetBorrowLendPositionHistoryParams extends SortedPage {
  symbol?: AssetSymbol;
  side?: BorrowLendSide;
  state?: BorrowLendPositionState;
}

export interface GetDustHistoryParams extends SortedPage {
  id?: number;
  symbol?: AssetSymbol;
}

export interface GetFillsParams extends SortedPage {
  orderId?: string;
  strategyId?: string;
  from?: EpochMillis;
  to?: EpochMillis;
  symbol?: MarketSymbol;
  fillType?: FillType;
  marketType?: MarketType[];
}

export interface GetFundingPaymentsParams extends SortedPage {
  subaccountId?: number;
  symbol?: MarketSymbol;
}

export interface GetOrderHistoryParams extends SortedPage {
  orderId?: string;
  strategyId?: string;
  symbol?: MarketSymbol;
  marketType?: MarketType[];
}

export interface GetPositionHistoryParams extends SortedPage {
  symbol?: MarketSymbol;
  state?: PositionState;
  marketType?: MarketType[];
}

export interface GetRfqHistoryParams extends SortedPage {
  rfqId?: string;
  symbol?: MarketSymbol;
  status?: OrderStatus;
  side?: Side;
}

export interface GetQuoteHistoryParams extends SortedPage {
  quoteId?: string;
  symbol?: MarketSymbol;
  status?: OrderStatus;
}

export interface GetRfqFillHistoryParams extends SortedPage {
  quoteId?: string;
  symbol?: MarketSymbol;
  side?: Side;
  fillType?: RfqFillType;
}

export interface GetQuoteFillHistoryParams extends SortedPage {
  quoteId?: string;
  symbol?: MarketSymbol;
  side?: Side;
}

export interface GetSettlementHistoryParams extends SortedPage {
  source?: SettlementSourceFilter;
}

export interface GetStrategiesHistoryParams extends SortedPage {
  strategyId?: string;
  symbol?: MarketSymbol;
  marketType?: MarketType[];
}
