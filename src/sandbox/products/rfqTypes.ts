// RFQ records and their REST renderings (live objects with ms times, historical rows with naive datetimes).
import type { OrderStatus, RfqExecutionMode, Side } from '../../exchange/types/enums/trading.ts';
import type {
  Quote,
  QuoteFillHistorical,
  QuoteHistorical,
  RequestForQuote,
  RequestForQuoteFillHistorical,
  RequestForQuoteHistorical,
} from '../../exchange/types/rfq.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { naiveDateTime } from './time.ts';

export interface RfqRecord {
  readonly id: bigint;
  readonly accountId: number;
  readonly clientId: number | null;
  readonly symbol: string;
  readonly side: Side;
  readonly price: Decimal | null;
  readonly quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  readonly executionMode: RfqExecutionMode;
  readonly createdAt: number;
  submissionTime: number;
  expiryTime: number;
  status: OrderStatus;
  /** When the built-in maker answers (null once it has, or when it must not). */
  makerDueAt: number | null;
}

export interface QuoteRecord {
  readonly id: bigint;
  readonly rfqId: bigint;
  readonly accountId: number;
  readonly clientId: number | null;
  readonly bidPrice: Decimal;
  readonly askPrice: Decimal;
  readonly createdAt: number;
  status: OrderStatus;
}

export interface RfqFillRecord {
  readonly rfq: RfqRecord;
  readonly quote: QuoteRecord;
  /** Base quantity exchanged and the quote-asset amount paid for it. */
  readonly quantity: Decimal;
  readonly quoteAmount: Decimal;
  readonly price: Decimal;
  readonly filledAt: number;
}

const text = (value: Decimal | null): string | null => (value === null ? null : D.toString(value));

/** The side the quoter takes: opposite of the requester's. */
export function quoterSide(side: Side): Side {
  return side === 'Bid' ? 'Ask' : 'Bid';
}

/** The quote price a requester trades at: it buys at the ask, sells at the bid. */
export function priceFor(rfq: RfqRecord, quote: QuoteRecord): Decimal {
  return rfq.side === 'Bid' ? quote.askPrice : quote.bidPrice;
}

export function rfqWire(rfq: RfqRecord): RequestForQuote {
  return {
    rfqId: rfq.id.toString(),
    clientId: rfq.clientId,
    symbol: rfq.symbol,
    side: rfq.side,
    price: text(rfq.price),
    quantity: text(rfq.quantity),
    quoteQuantity: text(rfq.quoteQuantity),
    submissionTime: rfq.submissionTime,
    expiryTime: rfq.expiryTime,
    status: rfq.status,
    executionMode: rfq.executionMode,
    createdAt: rfq.createdAt,
    systemOrderType: null,
  };
}

export function rfqHistoricalWire(rfq: RfqRecord): RequestForQuoteHistorical {
  return {
    rfqId: rfq.id.toString(),
    clientId: rfq.clientId,
    symbol: rfq.symbol,
    side: rfq.side,
    price: text(rfq.price),
    quantity: text(rfq.quantity),
    quoteQuantity: text(rfq.quoteQuantity),
    submissionTime: naiveDateTime(rfq.submissionTime),
    expiryTime: naiveDateTime(rfq.expiryTime),
    status: rfq.status,
    executionMode: rfq.executionMode,
    createdAt: naiveDateTime(rfq.createdAt),
    userId: rfq.accountId,
    subaccountId: null,
  };
}

export function quoteWire(quote: QuoteRecord): Quote {
  return {
    rfqId: quote.rfqId.toString(),
    quoteId: quote.id.toString(),
    clientId: quote.clientId,
    bidPrice: D.toString(quote.bidPrice),
    askPrice: D.toString(quote.askPrice),
    status: quote.status,
    createdAt: quote.createdAt,
  };
}

export function quoteHistoricalWire(quote: QuoteRecord): QuoteHistorical {
  return {
    rfqId: quote.rfqId.toString(),
    quoteId: quote.id.toString(),
    clientId: quote.clientId,
    bidPrice: D.toString(quote.bidPrice),
    askPrice: D.toString(quote.askPrice),
    status: quote.status,
    createdAt: naiveDateTime(quote.createdAt),
    userId: quote.accountId,
    subaccountId: null,
  };
}

/** The requester's fill row; `quantity`/`quoteQuantity` mirror how the RFQ was sized. */
export function rfqFillWire(fill: RfqFillRecord): RequestForQuoteFillHistorical {
  return {
    rfqId: fill.rfq.id.toString(),
    clientId: fill.rfq.clientId,
    quoteId: fill.quote.id.toString(),
    symbol: fill.rfq.symbol,
    side: fill.rfq.side,
    quantity: D.toString(fill.quantity),
    quoteQuantity: D.toString(fill.quoteAmount),
    fillPrice: D.toString(fill.price),
    createdAt: naiveDateTime(fill.rfq.createdAt),
    filledAt: naiveDateTime(fill.filledAt),
    systemOrderType: null,
  };
}

/** The quoter's fill row: its own side, and no fee (the sandbox charges none on RFQ fills). */
export function quoteFillWire(fill: RfqFillRecord, feeSymbol: string): QuoteFillHistorical {
  return {
    clientId: fill.quote.clientId,
    quoteId: fill.quote.id.toString(),
    rfqId: fill.rfq.id.toString(),
    symbol: fill.rfq.symbol,
    side: quoterSide(fill.rfq.side),
    quantity: D.toString(fill.quantity),
    fillPrice: D.toString(fill.price),
    fee: '0',
    feeSymbol,
    createdAt: naiveDateTime(fill.quote.createdAt),
    filledAt: naiveDateTime(fill.filledAt),
  };
}
