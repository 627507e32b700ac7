// Handlers for RFQs: submit/accept/refresh/cancel, quotes, active RFQs and the four RFQ histories.
import { OrderStatus, RfqExecutionMode, RfqFillType, Side } from '../../exchange/types/enums/trading.ts';
import type { HandlerTable } from '../http/handler.ts';
import {
  quoteFillWire,
  quoteHistoricalWire,
  quoterSide,
  quoteWire,
  rfqFillWire,
  rfqHistoricalWire,
  rfqWire,
} from '../products/rfqTypes.ts';
import {
  accountOf,
  optionalEnum,
  optionalInteger,
  optionalString,
  paginate,
  requiredEnum,
  requiredString,
} from './productsParams.ts';

export const rfqHandlers = {
  submitRfq: (request, services) => {
    const { params } = request;
    const rfq = services.products.rfq.submit(accountOf(request), {
      symbol: requiredString(params, 'symbol'),
      side: requiredEnum(params, 'side', Side),
      quantity: optionalString(params, 'quantity'),
      quoteQuantity: optionalString(params, 'quoteQuantity'),
      price: optionalString(params, 'price'),
      executionMode: optionalEnum(params, 'executionMode', RfqExecutionMode),
      clientId: optionalInteger(params, 'clientId'),
    });
    return rfqWire(rfq);
  },
  acceptQuote: (request, services) => {
    const { params } = request;
    const rfq = services.products.rfq.accept(
      accountOf(request),
      requiredString(params, 'quoteId'),
      optionalString(params, 'rfqId'),
      optionalInteger(params, 'clientId'),
    );
    return rfqWire(rfq);
  },
  refreshRfq: (request, services) =>
    rfqWire(services.products.rfq.refresh(accountOf(request), requiredString(request.params, 'rfqId'))),
  cancelRfq: (request, services) =>
    rfqWire(
      services.products.rfq.cancel(
        accountOf(request),
        optionalString(request.params, 'rfqId'),
        optionalInteger(request.params, 'clientId'),
      ),
    ),
  submitQuote: (request, services) => {
    const { params } = request;
    const quote = services.products.rfq.quote(accountOf(request), {
      rfqId: requiredString(params, 'rfqId'),
      bidPrice: requiredString(params, 'bidPrice'),
      askPrice: requiredString(params, 'askPrice'),
      clientId: optionalInteger(params, 'clientId'),
    });
    return quoteWire(quote);
  },
  // Undocumented endpoint: the caller's RFQs still open (status New), optionally for one symbol.
  getRfqs: (request, services) =>
    services.products.rfq.active(accountOf(request), optionalString(request.params, 'symbol')).map(rfqWire),
  getRfqHistory: (request, services) => {
    const { params } = request;
    const accountId = accountOf(request);
    const rfqId = optionalString(params, 'rfqId');
    const symbol = optionalString(params, 'symbol');
    const status = optionalEnum(params, 'status', OrderStatus);
    const side = optionalEnum(params, 'side', Side);
    const rows = services.products.rfq.rfqs.filter(
      (r) =>
        r.accountId === accountId &&
        (rfqId === undefined || r.id.toString() === rfqId) &&
        (symbol === undefined || r.symbol === symbol) &&
        (status === undefined || r.status === status) &&
        (side === undefined || r.side === side),
    );
    return paginate(params, rows, (r) => r.createdAt, rfqHistoricalWire);
  },
  getQuoteHistory: (request, services) => {
    const { params } = request;
    const accountId = accountOf(request);
    const quoteId = optionalString(params, 'quoteId');
    const symbol = optionalString(params, 'symbol');
    const status = optionalEnum(params, 'status', OrderStatus);
    const desk = services.products.rfq;
    const rows = desk.quotes.filter(
      (q) =>
        q.accountId === accountId &&
        (quoteId === undefined || q.id.toString() === quoteId) &&
        (symbol === undefined || desk.rfqs.some((r) => r.id === q.rfqId && r.symbol === symbol)) &&
        (status === undefined || q.status === status),
    );
    return paginate(params, rows, (q) => q.createdAt, quoteHistoricalWire);
  },
  getRfqFillHistory: (request, services) => {
    const { params } = request;
    const accountId = accountOf(request);
    const quoteId = optionalString(params, 'quoteId');
    const symbol = optionalString(params, 'symbol');
    const side = optionalEnum(params, 'side', Side);
    // Every sandbox RFQ is user-initiated: a CollateralConversion filter matches nothing.
    const fillType = optionalEnum(params, 'fillType', RfqFillType);
    const rows = services.products.rfq.fills.filter(
      (f) =>
        f.rfq.accountId === accountId &&
        fillType !== 'CollateralConversion' &&
        (quoteId === undefined || f.quote.id.toString() === quoteId) &&
        (symbol === undefined || f.rfq.symbol === symbol) &&
        (side === undefined || f.rfq.side === side),
    );
    return paginate(params, rows, (f) => f.filledAt, rfqFillWire);
  },
  getQuoteFillHistory: (request, services) => {
    const { params } = request;
    const accountId = accountOf(request);
    const quoteId = optionalString(params, 'quoteId');
    const symbol = optionalString(params, 'symbol');
    const side = optionalEnum(params, 'side', Side);
    const rows = services.products.rfq.fills.filter(
      (f) =>
        f.quote.accountId === accountId &&
        (quoteId === undefined || f.quote.id.toString() === quoteId) &&
        (symbol === undefined || f.rfq.symbol === symbol) &&
        (side === undefined || quoterSide(f.rfq.side) === side),
    );
    // The quoter receives the base when it buys, the quote asset when it sells.
    return paginate(
      params,
      rows,
      (f) => f.filledAt,
      (f) => {
        const market = services.markets.require(f.rfq.symbol);
        return quoteFillWire(f, quoterSide(f.rfq.side) === 'Bid' ? market.base : market.quote);
      },
    );
  },
} satisfies Partial<HandlerTable>;
