// RFQs and quotes, read side: the `Rfq`, `Quote` and fill types, active RFQs and the four RFQ history fields.
import type {
  Quote,
  QuoteFillHistorical,
  QuoteHistorical,
  RequestForQuote,
  RequestForQuoteFillHistorical,
  RequestForQuoteHistorical,
} from '../exchange/types/rfq.ts';
import { AccountRef } from './account.ts';
import { builder } from './builder.ts';
import { OrderStatusEnum, RfqExecutionModeEnum, RfqFillTypeEnum, SideEnum, SystemOrderTypeEnum } from './enums.ts';
import { MarketRef } from './market.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact } from './private.ts';
import { unconfirmedDescription } from './unconfirmed.ts';

/** Live RFQs carry ms timestamps, history rows naive datetimes; one type serves both. */
export type RfqRow = RequestForQuote | RequestForQuoteHistorical;
export type QuoteRow = Quote | QuoteHistorical;

const optionalDecimal = (description: string) => ({ type: 'Decimal' as const, nullable: true as const, description });
const decimal = (description: string) => ({ type: 'Decimal' as const, description });
const idText = (value: string | number | null | undefined) => (value == null ? null : String(value));

export const RfqRef = builder.objectRef<RfqRow>('Rfq').implement({
  description: 'A request for quote of the account: asks makers to quote a quantity on an RFQ market.',
  fields: (t) => ({
    id: t.id({ description: 'RFQ id.', resolve: (r) => r.rfqId }),
    clientId: t.id({ nullable: true, description: 'Your id for the RFQ.', resolve: (r) => idText(r.clientId) }),
    symbol: t.exposeString('symbol', { description: 'RFQ market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market.',
      resolve: (r, _, ctx) => ctx.loaders.market.load(r.symbol),
    }),
    side: t.field({ type: SideEnum, description: 'BID buys, ASK sells.', resolve: (r) => r.side }),
    quantity: t.field({ ...optionalDecimal('Base quantity, when sized in base.'), resolve: (r) => r.quantity ?? null }),
    quoteQuantity: t.field({
      ...optionalDecimal('Quote quantity, when sized in quote.'),
      resolve: (r) => r.quoteQuantity ?? null,
    }),
    price: t.field({ ...optionalDecimal('Limit price (IMMEDIATE mode).'), resolve: (r) => r.price ?? null }),
    status: t.field({ type: OrderStatusEnum, description: 'Lifecycle state.', resolve: (r) => r.status }),
    executionMode: t.field({
      type: RfqExecutionModeEnum,
      description: 'How the RFQ executes.',
      resolve: (r) => r.executionMode,
    }),
    systemOrderType: t.field({
      type: SystemOrderTypeEnum,
      nullable: true,
      description: 'Set on system-initiated RFQs.',
      resolve: (r) => ('systemOrderType' in r ? (r.systemOrderType ?? null) : null),
    }),
    submissionTime: t.field({
      type: 'Timestamp',
      description: 'Deadline for quotes.',
      resolve: (r) => r.submissionTime,
    }),
    expiryTime: t.field({ type: 'Timestamp', description: 'When the RFQ expires.', resolve: (r) => r.expiryTime }),
    createdAt: t.field({ type: 'Timestamp', description: 'When it was submitted.', resolve: (r) => r.createdAt }),
  }),
});

export const QuoteRef = builder.objectRef<QuoteRow>('Quote').implement({
  description: 'A two-sided quote the account (as a maker) gave on an RFQ.',
  fields: (t) => ({
    id: t.id({ description: 'Quote id.', resolve: (q) => q.quoteId }),
    rfqId: t.id({ description: 'The RFQ quoted.', resolve: (q) => q.rfqId }),
    clientId: t.id({ nullable: true, description: 'Your id for the quote.', resolve: (q) => idText(q.clientId) }),
    bidPrice: t.field({ ...decimal('Price you buy at.'), resolve: (q) => q.bidPrice }),
    askPrice: t.field({ ...decimal('Price you sell at.'), resolve: (q) => q.askPrice }),
    status: t.field({ type: OrderStatusEnum, description: 'Lifecycle state.', resolve: (q) => q.status }),
    createdAt: t.field({ type: 'Timestamp', description: 'When it was submitted.', resolve: (q) => q.createdAt }),
  }),
});

const RfqFillRef = builder.objectRef<RequestForQuoteFillHistorical>('RfqFill').implement({
  description: 'The execution of one of the account RFQs.',
  fields: (t) => ({
    rfqId: t.id({ description: 'The RFQ.', resolve: (f) => f.rfqId }),
    quoteId: t.id({ description: 'The quote it filled against.', resolve: (f) => f.quoteId }),
    clientId: t.id({ nullable: true, description: 'Your id for the RFQ.', resolve: (f) => idText(f.clientId) }),
    symbol: t.exposeString('symbol', { description: 'RFQ market symbol.' }),
    side: t.field({ type: SideEnum, description: 'Side of the account.', resolve: (f) => f.side }),
    quantity: t.field({ ...optionalDecimal('Base quantity.'), resolve: (f) => f.quantity ?? null }),
    quoteQuantity: t.field({ ...optionalDecimal('Quote quantity.'), resolve: (f) => f.quoteQuantity ?? null }),
    fillPrice: t.field({ ...decimal('Execution price.'), resolve: (f) => f.fillPrice }),
    systemOrderType: t.field({
      type: SystemOrderTypeEnum,
      nullable: true,
      description: 'Set on system-initiated RFQs.',
      resolve: (f) => f.systemOrderType ?? null,
    }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When the RFQ was created.',
      resolve: (f) => f.createdAt,
    }),
    filledAt: t.field({
      type: 'Timestamp',
      description: 'When it filled.',
      resolve: (f) => f.filledAt,
    }),
  }),
});

const QuoteFillRef = builder.objectRef<QuoteFillHistorical>('QuoteFill').implement({
  description: 'The execution of one of the account quotes.',
  fields: (t) => ({
    quoteId: t.id({ description: 'The quote.', resolve: (f) => f.quoteId }),
    rfqId: t.id({ description: 'The RFQ it answered.', resolve: (f) => f.rfqId }),
    clientId: t.id({ nullable: true, description: 'Your id for the quote.', resolve: (f) => idText(f.clientId) }),
    symbol: t.exposeString('symbol', { description: 'RFQ market symbol.' }),
    side: t.field({ type: SideEnum, description: 'Side of the account.', resolve: (f) => f.side }),
    quantity: t.field({ ...decimal('Base quantity.'), resolve: (f) => f.quantity }),
    fillPrice: t.field({ ...decimal('Execution price.'), resolve: (f) => f.fillPrice }),
    fee: t.field({ ...decimal('Fee charged.'), resolve: (f) => f.fee }),
    feeSymbol: t.exposeString('feeSymbol', { description: 'Asset of the fee.' }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When the quote was created.',
      resolve: (f) => f.createdAt,
    }),
    filledAt: t.field({
      type: 'Timestamp',
      description: 'When it filled.',
      resolve: (f) => f.filledAt,
    }),
  }),
});

const RfqPageRef = pageOf('RfqPage', RfqRef, 'A page of RFQ history.');
const QuotePageRef = pageOf('QuotePage', QuoteRef, 'A page of quote history.');
const RfqFillPageRef = pageOf('RfqFillPage', RfqFillRef, 'A page of RFQ fills.');
const QuoteFillPageRef = pageOf('QuoteFillPage', QuoteFillRef, 'A page of quote fills.');

builder.objectFields(AccountRef, (t) => ({
  rfqs: t.field({
    type: [RfqRef],
    description: unconfirmedDescription('getRfqs', 'Active RFQs of the account.'),
    args: { symbol: t.arg.string({ description: 'Only this market.' }) },
    resolve: async (_, args, ctx) => [...((await ctx.exchange.call('getRfqs', compact(args))) ?? [])],
  }),
  rfqHistory: t.field({
    type: RfqPageRef,
    description: 'Past RFQs of the account.',
    args: {
      rfqId: t.arg.id({ description: 'Only this RFQ.' }),
      symbol: t.arg.string({ description: 'Only this market.' }),
      status: t.arg({ type: OrderStatusEnum, description: 'Only RFQs in this state.' }),
      side: t.arg({ type: SideEnum, description: 'Only this side.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getRfqHistory',
        {
          ...compact({ rfqId: idText(args.rfqId), symbol: args.symbol, status: args.status, side: args.side }),
          ...sortParams(args),
        },
        pageWindow(args),
      ),
  }),
  quoteHistory: t.field({
    type: QuotePageRef,
    description: 'Past quotes of the account.',
    args: {
      quoteId: t.arg.id({ description: 'Only this quote.' }),
      symbol: t.arg.string({ description: 'Only this market.' }),
      status: t.arg({ type: OrderStatusEnum, description: 'Only quotes in this state.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getQuoteHistory',
        {
          ...compact({ quoteId: idText(args.quoteId), symbol: args.symbol, status: args.status }),
          ...sortParams(args),
        },
        pageWindow(args),
      ),
  }),
  rfqFillHistory: t.field({
    type: RfqFillPageRef,
    description: 'Fills of the account RFQs.',
    args: {
      quoteId: t.arg.id({ description: 'Only fills against this quote.' }),
      symbol: t.arg.string({ description: 'Only this market.' }),
      side: t.arg({ type: SideEnum, description: 'Only this side.' }),
      fillType: t.arg({ type: RfqFillTypeEnum, description: 'Only this origin.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getRfqFillHistory',
        {
          ...compact({ quoteId: idText(args.quoteId), symbol: args.symbol, side: args.side, fillType: args.fillType }),
          ...sortParams(args),
        },
        pageWindow(args),
      ),
  }),
  quoteFillHistory: t.field({
    type: QuoteFillPageRef,
    description: 'Fills of the account quotes.',
    args: {
      quoteId: t.arg.id({ description: 'Only this quote.' }),
      symbol: t.arg.string({ description: 'Only this market.' }),
      side: t.arg({ type: SideEnum, description: 'Only this side.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getQuoteFillHistory',
        { ...compact({ quoteId: idText(args.quoteId), symbol: args.symbol, side: args.side }), ...sortParams(args) },
        pageWindow(args),
      ),
  }),
}));
