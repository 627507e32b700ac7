// Wire shapes of RFQs and quotes: live objects, historical rows, fills and the submit/accept/cancel payloads.
import type { Decimal, EpochMillis, MarketSymbol, NaiveDateTime } from './common.ts';
import type { OrderStatus, RfqExecutionMode, Side, SystemOrderType } from './enums/trading.ts';

export interface RequestForQuote {
  rfqId: string;
  clientId?: number | null;
  symbol: MarketSymbol;
  side: Side;
  /** Immediate mode only. */
  price?: Decimal | null;
  quantity?: Decimal | null;
  quoteQuantity?: Decimal | null;
  /** When quotes are due. */
  submissionTime: EpochMillis;
  expiryTime: EpochMillis;
  status: OrderStatus;
  executionMode: RfqExecutionMode;
  createdAt: EpochMillis;
  /** Set on system-initiated RFQs (collateral conversion). */
  systemOrderType?: SystemOrderType | null;
}

export interface Quote {
  rfqId: string;
  quoteId: string;
  clientId?: number | null;
  bidPrice: Decimal;
  askPrice: Decimal;
  status: OrderStatus;
  createdAt: EpochMillis;
}

/** As `RequestForQuote` but with naive-datetime timestamps and no `systemOrderType`. */
export interface RequestForQuoteHistorical {
  rfqId: string;
  clientId?: number | null;
  symbol: MarketSymbol;
  side: Side;
  price?: Decimal | null;
  quantity?: Decimal | null;
  quoteQuantity?: Decimal | null;
  submissionTime: NaiveDateTime;
  expiryTime: NaiveDateTime;
  status: OrderStatus;
  executionMode: RfqExecutionMode;
  createdAt: NaiveDateTime;
  userId?: number | null;
  subaccountId?: number | null;
}

export interface QuoteHistorical {
  rfqId: string;
  quoteId: string;
  clientId?: number | null;
  bidPrice: Decimal;
  askPrice: Decimal;
  status: OrderStatus;
  createdAt: NaiveDateTime;
  userId?: number | null;
  subaccountId?: number | null;
}

export interface RequestForQuoteFillHistorical {
  rfqId: string;
  clientId?: number | null;
  quoteId: string;
  symbol: MarketSymbol;
  side: Side;
  quantity?: Decimal | null;
  quoteQuantity?: Decimal | null;
  fillPrice: Decimal;
  createdAt: NaiveDateTime;
  filledAt: NaiveDateTime;
  systemOrderType?: SystemOrderType | null;
}

export interface QuoteFillHistorical {
  clientId?: number | null;
  quoteId: string;
  rfqId: string;
  symbol: MarketSymbol;
  side: Side;
  quantity: Decimal;
  fillPrice: Decimal;
  fee: Decimal;
  feeSymbol: string;
  createdAt: NaiveDateTime;
  filledAt: NaiveDateTime;
}

/** Exactly one of `quantity` / `quoteQuantity`; `price` only with `Immediate`. */
export interface RequestForQuotePayload {
  symbol: MarketSymbol;
  side: Side;
  quantity?: Decimal;
  quoteQuantity?: Decimal;
  price?: Decimal;
  executionMode?: RfqExecutionMode;
  clientId?: number;
  autoLend?: boolean;
  autoLendRedeem?: boolean;
  autoBorrow?: boolean;
  autoBorrowRepay?: boolean;
}

export interface QuotePayload {
  rfqId: string;
  bidPrice: Decimal;
  askPrice: Decimal;
  clientId?: number;
  autoLend?: boolean;
  autoLendRedeem?: boolean;
  autoBorrow?: boolean;
  autoBorrowRepay?: boolean;
}

/** Identify the RFQ by `rfqId` or its `clientId`. */
export interface QuoteAcceptPayload {
  quoteId: string;
  rfqId?: string;
  clientId?: number;
}

export interface RequestForQuoteRefreshPayload {
  rfqId: string;
}

/** One of `rfqId` / `clientId`. */
export interface RequestForQuoteCancelPayload {
  rfqId?: string;
  clientId?: number;
}

/** Undocumented; only `symbol` is guessed (no client documents its fields). */
export interface GetRfqsParams {
  symbol?: MarketSymbol;
}
