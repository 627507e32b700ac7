// RFQ desk: requests, quotes (from accounts and the built-in maker), acceptance and settlement through the ledger,
// refresh/cancel/expiry, and the `account.rfqUpdate` events of every transition.
import type { RfqExecutionMode, Side } from '../../exchange/types/enums/trading.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { insufficientFunds } from '../engine/ledger.ts';
import type { MarketSpec } from '../engine/markets.ts';
import { SandboxError } from '../engine/errors.ts';
import { invalidRequest, parsePositive } from './amounts.ts';
import type { ProductContext } from './context.ts';
import { BigSequence } from './ids.ts';
import { quoterEvent, rfqActive, rfqCandidate, rfqFilledRequester, rfqLifecycle } from './rfqEvents.ts';
import { RfqMaker } from './rfqMaker.ts';
import { priceFor } from './rfqTypes.ts';
import type { QuoteRecord, RfqFillRecord, RfqRecord } from './rfqTypes.ts';

/** Quotes are due this long after submission (`w`); the RFQ expires at twice that (`W`), like the docs' example. */
export const RFQ_QUOTE_WINDOW_MS = 60_000;
export const RFQ_EXPIRY_MS = 120_000;

export interface RfqSubmit {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity?: string;
  readonly quoteQuantity?: string;
  readonly price?: string;
  readonly executionMode?: RfqExecutionMode;
  readonly clientId?: number;
}

export interface QuoteSubmit {
  readonly rfqId: string;
  readonly bidPrice: string;
  readonly askPrice: string;
  readonly clientId?: number;
}

const STREAM = 'account.rfqUpdate';

export class RfqDesk {
  readonly rfqs: RfqRecord[] = [];
  readonly quotes: QuoteRecord[] = [];
  readonly fills: RfqFillRecord[] = [];
  private readonly rfqIds = new BigSequence(113_392_053_149_171_712n);
  private readonly quoteIds = new BigSequence(113_392_061_739_106_304n);
  private readonly maker: RfqMaker;

  constructor(private readonly ctx: ProductContext) {
    this.maker = new RfqMaker(ctx);
  }

  submit(accountId: number, request: RfqSubmit): RfqRecord {
    const market = this.rfqMarket(request.symbol);
    if ((request.quantity === undefined) === (request.quoteQuantity === undefined)) {
      throw invalidRequest('Must specify exactly one of `quantity` or `quoteQuantity`');
    }
    const mode = request.executionMode ?? 'AwaitAccept';
    if (mode === 'Immediate' && request.price === undefined)
      throw invalidRequest('Immediate execution requires a price');
    if (mode === 'AwaitAccept' && request.price !== undefined)
      throw invalidRequest('Price is only allowed with Immediate execution');
    const quantity = request.quantity === undefined ? null : this.baseQuantity(market, request.quantity);
    const quoteQuantity =
      request.quoteQuantity === undefined
        ? null
        : parsePositive(request.quoteQuantity, this.ctx.catalog.assetDecimals(market.quote));
    const price = request.price === undefined ? null : this.price(market, request.price);
    if (request.clientId !== undefined && this.active(accountId).some((r) => r.clientId === request.clientId)) {
      throw invalidRequest('Duplicate client id');
    }
    const now = this.ctx.now();
    const rfq: RfqRecord = {
      id: this.rfqIds.take(),
      accountId,
      clientId: request.clientId ?? null,
      symbol: market.symbol,
      side: request.side,
      price,
      quantity,
      quoteQuantity,
      executionMode: mode,
      createdAt: now,
      submissionTime: now + RFQ_QUOTE_WINDOW_MS,
      expiryTime: now + RFQ_EXPIRY_MS,
      status: 'New',
      makerDueAt: now,
    };
    this.rfqs.push(rfq);
    this.toRequester(rfq, rfqLifecycle('rfqAccepted', rfq, this.stamp()));
    this.broadcastActive(rfq);
    return rfq;
  }

  quote(accountId: number, request: QuoteSubmit): QuoteRecord {
    const rfq = this.find(request.rfqId);
    const now = this.ctx.now();
    if (rfq.status !== 'New' || now > rfq.submissionTime) throw invalidRequest('RFQ is not accepting quotes');
    if (rfq.accountId === accountId) throw invalidRequest('Cannot quote your own RFQ');
    const market = this.rfqMarket(rfq.symbol);
    const bidPrice = this.price(market, request.bidPrice);
    const askPrice = this.price(market, request.askPrice);
    if (bidPrice > askPrice) throw new SandboxError(400, 'INVALID_PRICE', 'Bid price must not exceed ask price');
    return this.addQuote(rfq, accountId, bidPrice, askPrice, request.clientId ?? null);
  }

  /** Accepts `quoteId` on the caller's RFQ (by id or client id) and settles it at the quote's price. */
  accept(accountId: number, quoteId: string, rfqId: string | undefined, clientId: number | undefined): RfqRecord {
    const rfq = this.own(accountId, rfqId, clientId);
    const quote = this.quotes.find((q) => q.id.toString() === quoteId && q.rfqId === rfq.id);
    if (quote === undefined || quote.status !== 'New')
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Quote not found');
    if (rfq.status !== 'New') throw invalidRequest('RFQ is not open');
    this.settle(rfq, quote);
    return rfq;
  }

  /** Re-opens the RFQ for fresh quotes: new deadlines, existing quotes cancelled, makers notified again. */
  refresh(accountId: number, rfqId: string): RfqRecord {
    const rfq = this.own(accountId, rfqId, undefined);
    if (rfq.status !== 'New') throw invalidRequest('RFQ is not open');
    const now = this.ctx.now();
    this.cancelQuotes(rfq, null);
    rfq.submissionTime = now + RFQ_QUOTE_WINDOW_MS;
    rfq.expiryTime = now + RFQ_EXPIRY_MS;
    rfq.makerDueAt = now;
    this.toRequester(rfq, rfqLifecycle('rfqRefreshed', rfq, this.stamp()));
    this.broadcastActive(rfq);
    return rfq;
  }

  cancel(accountId: number, rfqId: string | undefined, clientId: number | undefined): RfqRecord {
    if (rfqId === undefined && clientId === undefined) throw invalidRequest('Must specify `rfqId` or `clientId`');
    const rfq = this.own(accountId, rfqId, clientId);
    if (rfq.status !== 'New') throw invalidRequest('RFQ is not open');
    this.close(rfq);
    return rfq;
  }

  /** The caller's RFQs still open for quotes or acceptance. */
  active(accountId: number, symbol?: string): RfqRecord[] {
    return this.rfqs.filter(
      (r) => r.accountId === accountId && r.status === 'New' && (symbol === undefined || r.symbol === symbol),
    );
  }

  /** Built-in maker quotes and expiry. */
  tick(now: number): void {
    for (const rfq of this.rfqs) {
      if (rfq.status !== 'New') continue;
      if (now >= rfq.expiryTime) {
        this.close(rfq);
        continue;
      }
      if (rfq.makerDueAt !== null && now >= rfq.makerDueAt && now <= rfq.submissionTime) {
        rfq.makerDueAt = null;
        const offer = this.maker.offer(rfq, this.rfqMarket(rfq.symbol));
        if (offer !== null && offer.accountId !== rfq.accountId) {
          this.addQuote(rfq, offer.accountId, offer.bidPrice, offer.askPrice, null);
        }
      }
    }
  }

  private addQuote(
    rfq: RfqRecord,
    accountId: number,
    bidPrice: Decimal,
    askPrice: Decimal,
    clientId: number | null,
  ): QuoteRecord {
    const previousBest = this.bestQuote(rfq);
    // A quoter's newer quote replaces its previous one on the same RFQ.
    this.cancelQuotes(rfq, accountId);
    const quote: QuoteRecord = {
      id: this.quoteIds.take(),
      rfqId: rfq.id,
      accountId,
      clientId,
      bidPrice,
      askPrice,
      createdAt: this.ctx.now(),
      status: 'New',
    };
    this.quotes.push(quote);
    const best = this.bestQuote(rfq);
    if (best === quote && (previousBest === null || priceFor(rfq, quote) !== priceFor(rfq, previousBest))) {
      this.toRequester(rfq, rfqCandidate(rfq, quote, priceFor(rfq, quote), this.stamp()));
    }
    if (rfq.executionMode === 'Immediate' && rfq.price !== null && this.withinLimit(rfq, priceFor(rfq, quote))) {
      try {
        this.settle(rfq, quote);
      } catch (error) {
        // The requester cannot pay: an Immediate RFQ has nothing left to wait for.
        if (!(error instanceof SandboxError) || error.code !== 'INSUFFICIENT_FUNDS') throw error;
        this.close(rfq);
      }
    }
    return quote;
  }

  private withinLimit(rfq: RfqRecord, price: Decimal): boolean {
    if (rfq.price === null) return true;
    return rfq.side === 'Bid' ? price <= rfq.price : price >= rfq.price;
  }

  private bestQuote(rfq: RfqRecord): QuoteRecord | null {
    let best: QuoteRecord | null = null;
    for (const quote of this.quotes) {
      if (quote.rfqId !== rfq.id || quote.status !== 'New') continue;
      if (best === null) best = quote;
      else if (rfq.side === 'Bid' ? quote.askPrice < best.askPrice : quote.bidPrice > best.bidPrice) best = quote;
    }
    return best;
  }

  /** Moves both legs through the ledger; nothing moves unless both sides can pay. */
  private settle(rfq: RfqRecord, quote: QuoteRecord): void {
    const market = this.rfqMarket(rfq.symbol);
    const price = priceFor(rfq, quote);
    const quoteDecimals = this.ctx.catalog.assetDecimals(market.quote);
    let quantity: Decimal;
    let amount: Decimal;
    if (rfq.quantity !== null) {
      quantity = rfq.quantity;
      amount = D.round(D.mul(quantity, price, 'halfEven'), quoteDecimals, 'halfEven');
    } else {
      amount = rfq.quoteQuantity ?? 0n;
      quantity = D.toStep(D.div(amount, price, 'floor'), market.stepSize, 'floor');
      if (quantity <= 0n) throw new SandboxError(400, 'INVALID_QUANTITY', 'Quote quantity too small for the price');
    }
    const buyer = rfq.side === 'Bid' ? rfq.accountId : quote.accountId;
    const seller = rfq.side === 'Bid' ? quote.accountId : rfq.accountId;
    const ledger = this.ctx.ledger;
    if (
      ledger.balance(rfq.accountId, rfq.side === 'Bid' ? market.quote : market.base).available <
      (rfq.side === 'Bid' ? amount : quantity)
    ) {
      throw insufficientFunds();
    }
    if (
      ledger.balance(buyer, market.quote).available < amount ||
      ledger.balance(seller, market.base).available < quantity
    ) {
      // Only the quoter can be short here: its quote is withdrawn and the RFQ stays open for others.
      quote.status = 'Cancelled';
      this.toQuoter(rfq, quote, quoterEvent('quoteCancelled', rfq, quote, null, this.stamp()));
      throw new SandboxError(400, 'INSUFFICIENT_FUNDS', 'Quoter has insufficient funds');
    }
    ledger.transfer(buyer, seller, market.quote, amount);
    ledger.transfer(seller, buyer, market.base, quantity);
    const now = this.ctx.now();
    rfq.status = 'Filled';
    rfq.makerDueAt = null;
    quote.status = 'Filled';
    this.fills.push({ rfq, quote, quantity, quoteAmount: amount, price, filledAt: now });
    this.toQuoter(rfq, quote, quoterEvent('quoteAccepted', rfq, quote, price, this.stamp()));
    this.toRequester(rfq, rfqFilledRequester(rfq, quote, price, this.stamp()));
    this.toQuoter(rfq, quote, quoterEvent('rfqFilled', rfq, quote, price, this.stamp()));
    this.cancelQuotes(rfq, null);
  }

  /** Cancelled or expired (both reported as `Cancelled`, as the docs' rfqCancelled row says). */
  private close(rfq: RfqRecord): void {
    rfq.status = 'Cancelled';
    rfq.makerDueAt = null;
    this.cancelQuotes(rfq, null);
    this.toRequester(rfq, rfqLifecycle('rfqCancelled', rfq, this.stamp()));
  }

  /** Cancels the RFQ's open quotes (only `quoterId`'s when given), telling each quoter. */
  private cancelQuotes(rfq: RfqRecord, quoterId: number | null): void {
    for (const quote of this.quotes) {
      if (quote.rfqId !== rfq.id || quote.status !== 'New' || (quoterId !== null && quote.accountId !== quoterId))
        continue;
      quote.status = 'Cancelled';
      this.toQuoter(rfq, quote, quoterEvent('quoteCancelled', rfq, quote, null, this.stamp()));
    }
  }

  private broadcastActive(rfq: RfqRecord): void {
    const payload = rfqActive(rfq, this.stamp());
    for (const accountId of this.ctx.ledger.accountIds()) {
      if (accountId !== rfq.accountId) this.ctx.sink.publishPrivate(accountId, STREAM, rfq.symbol, payload);
    }
  }

  private toRequester(rfq: RfqRecord, payload: object): void {
    this.ctx.sink.publishPrivate(rfq.accountId, STREAM, rfq.symbol, payload);
  }

  private toQuoter(rfq: RfqRecord, quote: QuoteRecord, payload: object): void {
    this.ctx.sink.publishPrivate(quote.accountId, STREAM, rfq.symbol, payload);
  }

  private stamp(): { engineTime: number } {
    return { engineTime: this.ctx.clock.micros() };
  }

  private find(rfqId: string): RfqRecord {
    const rfq = this.rfqs.find((r) => r.id.toString() === rfqId);
    if (rfq === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'RFQ not found');
    return rfq;
  }

  private own(accountId: number, rfqId: string | undefined, clientId: number | undefined): RfqRecord {
    const rfq =
      rfqId !== undefined
        ? this.rfqs.find((r) => r.id.toString() === rfqId && r.accountId === accountId)
        : [...this.rfqs].reverse().find((r) => r.clientId === clientId && r.accountId === accountId);
    if (rfq === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'RFQ not found');
    return rfq;
  }

  private rfqMarket(symbol: string): MarketSpec {
    const market = this.ctx.catalog.require(symbol);
    if (market.marketType !== 'RFQ')
      throw new SandboxError(400, 'INVALID_MARKET', 'RFQ is only available on RFQ markets');
    if (market.orderBookState === 'Closed') throw new SandboxError(400, 'INVALID_MARKET', 'Market is closed');
    return market;
  }

  private baseQuantity(market: MarketSpec, text: string): Decimal {
    const quantity = parsePositive(text, market.quantityDecimals);
    if (quantity < market.minQuantity) throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is below the minimum');
    if (market.maxQuantity !== null && quantity > market.maxQuantity)
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is above the maximum');
    return quantity;
  }

  private price(market: MarketSpec, text: string): Decimal {
    const value = D.tryParse(text);
    if (value === null || value <= 0n) throw new SandboxError(400, 'INVALID_PRICE', 'Invalid price');
    if (D.fractionDigits(text) > market.priceDecimals)
      throw new SandboxError(400, 'INVALID_PRICE', 'Price decimal too long');
    return value;
  }
}
