// RFQ mutations: submitRfq, acceptQuote, refreshRfq, cancelRfq (requester) and submitQuote (maker).
import type { QuotePayload, RequestForQuotePayload } from '../exchange/types/rfq.ts';
import { builder } from './builder.ts';
import { acceptQuote, isRecoveredRfq } from './rfqOutcome.ts';
import type { GatewayContext } from './context.ts';
import { RfqExecutionModeEnum, SideEnum } from './enums.ts';
import { compact, mutate, reject, resultOf, u32Arg } from './private.ts';
import { QuoteRef, RfqRef } from './rfq.ts';
import { compareDecimal } from './validation/decimal.ts';
import { exactlyOne, firstViolation, positiveAmount, positiveDecimal, violation } from './validation/rules.ts';
import { validateRfqMarket } from './validation/rfq.ts';

const SubmitRfqInput = builder.inputType('SubmitRfqInput', {
  description: 'A request for quotes on an RFQ market, sized in base (quantity) or in quote (quoteQuantity).',
  fields: (t) => ({
    symbol: t.string({ required: true, description: 'RFQ market symbol, e.g. `SOL_USDC_RFQ`.' }),
    side: t.field({ type: SideEnum, required: true, description: 'BID buys, ASK sells.' }),
    quantity: t.field({ type: 'Decimal', description: 'Base quantity; give this or quoteQuantity.' }),
    quoteQuantity: t.field({ type: 'Decimal', description: 'Quote quantity; give this or quantity.' }),
    price: t.field({ type: 'Decimal', description: 'Limit price; required with IMMEDIATE, not allowed otherwise.' }),
    executionMode: t.field({ type: RfqExecutionModeEnum, description: 'Default AWAIT_ACCEPT.' }),
    clientId: t.id({ description: 'Your id for the RFQ, 0 to 4294967295.' }),
    autoLend: t.boolean({ description: 'Spot margin: lend the proceeds.' }),
    autoLendRedeem: t.boolean({ description: 'Spot margin: redeem lent funds to pay.' }),
    autoBorrow: t.boolean({ description: 'Spot margin: borrow to pay.' }),
    autoBorrowRepay: t.boolean({ description: 'Spot margin: repay borrows with the proceeds.' }),
  }),
});

const SubmitQuoteInput = builder.inputType('SubmitQuoteInput', {
  description: 'A two-sided quote answering an RFQ.',
  fields: (t) => ({
    rfqId: t.id({ required: true, description: 'The RFQ to quote.' }),
    bidPrice: t.field({ type: 'Decimal', required: true, description: 'Price you buy at.' }),
    askPrice: t.field({ type: 'Decimal', required: true, description: 'Price you sell at, not below bidPrice.' }),
    clientId: t.id({ description: 'Your id for the quote, 0 to 4294967295.' }),
    autoLend: t.boolean({ description: 'Spot margin: lend the proceeds.' }),
    autoLendRedeem: t.boolean({ description: 'Spot margin: redeem lent funds to pay.' }),
    autoBorrow: t.boolean({ description: 'Spot margin: borrow to pay.' }),
    autoBorrowRepay: t.boolean({ description: 'Spot margin: repay borrows with the proceeds.' }),
  }),
});

const idText = (value: string | number | null | undefined) => (value == null ? null : String(value));

async function rfqPayload(
  ctx: GatewayContext,
  input: typeof SubmitRfqInput.$inferInput,
): Promise<RequestForQuotePayload> {
  const immediate = input.executionMode === 'Immediate';
  reject(
    firstViolation(
      () => exactlyOne(['quantity', input.quantity], ['quoteQuantity', input.quoteQuantity]),
      () => positiveDecimal('quantity', input.quantity),
      () => positiveAmount('quoteQuantity', input.quoteQuantity),
      () =>
        immediate && input.price == null
          ? violation('price', 'price is required with the IMMEDIATE execution mode')
          : null,
      () =>
        !immediate && input.price != null
          ? violation('price', 'price is only allowed with the IMMEDIATE execution mode')
          : null,
      () => positiveDecimal('price', input.price),
    ),
  );
  const clientId = u32Arg('clientId', idText(input.clientId));
  reject(validateRfqMarket(input, await ctx.loaders.market.load(input.symbol)));
  return { ...compact({ ...input, clientId }), symbol: input.symbol, side: input.side };
}

function quotePayload(input: typeof SubmitQuoteInput.$inferInput): QuotePayload {
  reject(
    firstViolation(
      () => positiveAmount('bidPrice', input.bidPrice),
      () => positiveAmount('askPrice', input.askPrice),
      () =>
        compareDecimal(input.bidPrice, input.askPrice) > 0
          ? violation('askPrice', 'askPrice must not be below bidPrice')
          : null,
    ),
  );
  const clientId = u32Arg('clientId', idText(input.clientId));
  return {
    ...compact({ ...input, clientId }),
    rfqId: String(input.rfqId),
    bidPrice: input.bidPrice,
    askPrice: input.askPrice,
  };
}

builder.mutationFields((t) => ({
  submitRfq: t.field({
    authScopes: { trade: true },
    type: RfqRef,
    description: 'Asks makers for quotes. Never retried.',
    errors: resultOf('SubmitRfq', 'rfq', 'The RFQ as the exchange accepted it.'),
    args: { input: t.arg({ type: SubmitRfqInput, required: true, description: 'What to request.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => ctx.exchange.call('submitRfq', await rfqPayload(ctx, input))),
  }),
  acceptQuote: t.field({
    authScopes: { trade: true },
    type: RfqRef,
    description:
      'Accepts a quote on one of your RFQs (identified by its id or client id). Never retried blindly: when the ' +
      'answer is lost the quote is looked up in the RFQ fill history: found is a success flagged `recovered`, ' +
      'surely absent is RequestNotApplied, otherwise OutcomeUnknown (check `account.rfqFillHistory`).',
    errors: {
      ...resultOf('AcceptQuote', 'rfq', 'The RFQ after accepting.'),
      result: {
        name: 'AcceptQuoteSuccess',
        description: 'AcceptQuote succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the quote's fill was found in the RFQ fill history.",
            resolve: (rfq) => isRecoveredRfq(rfq),
          }),
        }),
      },
    },
    args: {
      quoteId: t.arg.id({ required: true, description: 'The quote to accept.' }),
      rfqId: t.arg.id({ description: 'The RFQ; give this or clientId.' }),
      clientId: t.arg.id({ description: 'Your id of the RFQ; give this or rfqId.' }),
    },
    resolve: (_, args, ctx) =>
      mutate(ctx, () => {
        reject(exactlyOne(['rfqId', args.rfqId], ['clientId', args.clientId]));
        const clientId = u32Arg('clientId', idText(args.clientId));
        return acceptQuote(ctx, {
          ...compact({ rfqId: idText(args.rfqId), clientId }),
          quoteId: String(args.quoteId),
        });
      }),
  }),
  refreshRfq: t.field({
    authScopes: { trade: true },
    type: RfqRef,
    description: 'Re-opens one of your RFQs for fresh quotes.',
    errors: resultOf('RefreshRfq', 'rfq', 'The refreshed RFQ.'),
    args: { rfqId: t.arg.id({ required: true, description: 'The RFQ (client ids are not accepted here).' }) },
    resolve: (_, { rfqId }, ctx) => mutate(ctx, () => ctx.exchange.call('refreshRfq', { rfqId: String(rfqId) })),
  }),
  cancelRfq: t.field({
    authScopes: { trade: true },
    type: RfqRef,
    description: 'Cancels one of your RFQs by id or client id.',
    errors: resultOf('CancelRfq', 'rfq', 'The cancelled RFQ.'),
    args: {
      rfqId: t.arg.id({ description: 'The RFQ; give this or clientId.' }),
      clientId: t.arg.id({ description: 'Your id of the RFQ; give this or rfqId.' }),
    },
    resolve: (_, args, ctx) =>
      mutate(ctx, () => {
        reject(exactlyOne(['rfqId', args.rfqId], ['clientId', args.clientId]));
        const clientId = u32Arg('clientId', idText(args.clientId));
        return ctx.exchange.call('cancelRfq', compact({ rfqId: idText(args.rfqId), clientId }));
      }),
  }),
  submitQuote: t.field({
    authScopes: { trade: true },
    type: QuoteRef,
    description: 'Answers an RFQ with a two-sided quote (as a maker). Never retried.',
    errors: resultOf('SubmitQuote', 'quote', 'The quote as the exchange accepted it.'),
    args: { input: t.arg({ type: SubmitQuoteInput, required: true, description: 'The quote.' }) },
    resolve: (_, { input }, ctx) => mutate(ctx, () => ctx.exchange.call('submitQuote', quotePayload(input))),
  }),
}));
