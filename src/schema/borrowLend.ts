// Borrow-lend, account side: positions, movements, interest, position history, liquidation estimate, borrowLend.
import type { BorrowLendPositionWithMargin, PositionEstimatedLiquidationPrice } from '../exchange/types/borrowLend.ts';
import type { BorrowLendMovement, BorrowLendPositionRow, InterestPayment } from '../exchange/types/history.ts';
import { AccountRef } from './account.ts';
import { AssetRef, MarginFunctionRef } from './asset.ts';
import { executeBorrowLend } from './borrowLendOutcome.ts';
import { builder } from './builder.ts';
import {
  BorrowLendEventTypeEnum,
  BorrowLendPositionStateEnum,
  BorrowLendSideEnum,
  BorrowLendSourceEnum,
  InterestPaymentSourceEnum,
  PaymentTypeEnum,
} from './enums.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact, mutate, reject, reread, resultOf } from './private.ts';
import { validateBorrowLend } from './validation/borrowLend.ts';
import { positiveAmount } from './validation/rules.ts';

const decimal = (description: string) => ({ type: 'Decimal' as const, description });

const BorrowLendPositionRef = builder.objectRef<BorrowLendPositionWithMargin>('BorrowLendPosition').implement({
  description: 'The net borrow-lend position of the account in one asset.',
  fields: (t) => ({
    id: t.id({ description: 'Position id.', resolve: (p) => p.id }),
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset.',
      resolve: (p, _, ctx) => ctx.loaders.asset.load(p.symbol),
    }),
    netQuantity: t.field({ ...decimal('Positive lent, negative borrowed.'), resolve: (p) => p.netQuantity }),
    netExposureQuantity: t.field({ ...decimal('Exposure (lends have none).'), resolve: (p) => p.netExposureQuantity }),
    netExposureNotional: t.field({ ...decimal('Exposure value in USDC.'), resolve: (p) => p.netExposureNotional }),
    markPrice: t.field({ ...decimal('Mark price of the asset.'), resolve: (p) => p.markPrice }),
    cumulativeInterest: t.field({
      ...decimal('Interest paid or earned so far.'),
      resolve: (p) => p.cumulativeInterest,
    }),
    imf: t.field({ ...decimal('Initial margin fraction.'), resolve: (p) => p.imf }),
    mmf: t.field({ ...decimal('Maintenance margin fraction.'), resolve: (p) => p.mmf }),
    imfFunction: t.field({
      type: MarginFunctionRef,
      description: 'Initial margin function.',
      resolve: (p) => p.imfFunction,
    }),
    mmfFunction: t.field({
      type: MarginFunctionRef,
      description: 'Maintenance margin function.',
      resolve: (p) => p.mmfFunction,
    }),
  }),
});

const BorrowLendMovementRef = builder.objectRef<BorrowLendMovement>('BorrowLendMovement').implement({
  description: 'One borrow, repay, lend or redeem.',
  fields: (t) => ({
    eventType: t.field({ type: BorrowLendEventTypeEnum, description: 'What happened.', resolve: (m) => m.eventType }),
    positionId: t.id({ description: 'Position concerned.', resolve: (m) => m.positionId }),
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    quantity: t.field({ ...decimal('Quantity moved.'), resolve: (m) => m.quantity }),
    positionQuantity: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Position size after it.',
      resolve: (m) => m.positionQuantity ?? null,
    }),
    source: t.field({ type: BorrowLendSourceEnum, description: 'What caused it.', resolve: (m) => m.source }),
    spotMarginOrderId: t.id({
      nullable: true,
      description: 'Order that caused it (spot margin).',
      resolve: (m) => m.spotMarginOrderId ?? null,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it happened.',
      resolve: (m) => m.timestamp,
    }),
  }),
});

const InterestPaymentRef = builder.objectRef<InterestPayment>('InterestPayment').implement({
  description: 'Interest paid or received on a borrow-lend position or on unrealized PnL.',
  fields: (t) => ({
    paymentType: t.field({ type: PaymentTypeEnum, description: 'Kind of payment.', resolve: (p) => p.paymentType }),
    symbol: t.exposeString('symbol', { description: 'Asset the interest was paid in.' }),
    marketSymbol: t.exposeString('marketSymbol', {
      description: 'Market concerned (spot for borrow-lend, futures for PnL interest).',
    }),
    positionId: t.id({ description: 'Position concerned.', resolve: (p) => p.positionId }),
    quantity: t.field({ ...decimal('Amount paid or received.'), resolve: (p) => p.quantity }),
    interestRate: t.field({ ...decimal('Rate applied.'), resolve: (p) => p.interestRate }),
    interval: t.float({
      description: 'Length of the accrual interval as the exchange reports it (unit undocumented, presumably ms).',
      resolve: (p) => p.interval,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it was paid.',
      resolve: (p) => p.timestamp,
    }),
  }),
});

const BorrowLendPositionHistoryRef = builder
  .objectRef<BorrowLendPositionRow>('BorrowLendPositionHistoryEntry')
  .implement({
    description: 'An open or closed borrow-lend position from the history.',
    fields: (t) => ({
      positionId: t.id({ description: 'Position id.', resolve: (p) => p.positionId }),
      symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
      side: t.field({ type: BorrowLendSideEnum, description: 'Borrow or lend.', resolve: (p) => p.side }),
      quantity: t.field({ ...decimal('Position size.'), resolve: (p) => p.quantity }),
      source: t.field({ type: BorrowLendSourceEnum, description: 'What opened it.', resolve: (p) => p.source }),
      cumulativeInterest: t.field({ ...decimal('Interest so far.'), resolve: (p) => p.cumulativeInterest }),
      avgInterestRate: t.field({ ...decimal('Average interest rate.'), resolve: (p) => p.avgInterestRate }),
      createdAt: t.field({
        type: 'Timestamp',
        description: 'When it was opened.',
        resolve: (p) => p.createdAt,
      }),
    }),
  });

const LiquidationEstimateRef = builder
  .objectRef<PositionEstimatedLiquidationPrice>('BorrowLendLiquidationEstimate')
  .implement({
    description: 'Estimated liquidation price after a hypothetical borrow.',
    fields: (t) => ({
      liquidationPrice: t.field({ ...decimal('Estimated liquidation price.'), resolve: (e) => e.liquidationPrice }),
      markPrice: t.field({ ...decimal('Current mark price.'), resolve: (e) => e.markPrice }),
    }),
  });

const MovementPageRef = pageOf('BorrowLendMovementPage', BorrowLendMovementRef, 'A page of borrow-lend movements.');
const InterestPageRef = pageOf('InterestPaymentPage', InterestPaymentRef, 'A page of interest payments.');
const PositionHistoryPageRef = pageOf(
  'BorrowLendPositionHistoryPage',
  BorrowLendPositionHistoryRef,
  'A page of borrow-lend position history.',
);

builder.objectFields(AccountRef, (t) => ({
  borrowLendPositions: t.field({
    type: [BorrowLendPositionRef],
    description: 'Net borrow-lend positions per asset.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getBorrowLendPositions', {})) ?? [])],
  }),
  borrowLendHistory: t.field({
    type: MovementPageRef,
    description: 'Borrows, repays, lends and redeems.',
    args: {
      type: t.arg({ type: BorrowLendEventTypeEnum, description: 'Only this kind of movement.' }),
      sources: t.arg({ type: [BorrowLendSourceEnum], description: 'Only movements with one of these sources.' }),
      positionId: t.arg.id({ description: 'Only this position.' }),
      asset: t.arg.string({ description: 'Only this asset.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) => {
      const filters = compact({
        type: args.type,
        // The exchange takes several sources as one comma-separated value.
        sources: args.sources && args.sources.length > 0 ? [...new Set(args.sources)].join(',') : null,
        positionId: args.positionId == null ? null : String(args.positionId),
        symbol: args.asset,
      });
      return exchangePage(ctx, 'getBorrowLendHistory', { ...filters, ...sortParams(args) }, pageWindow(args));
    },
  }),
  interestHistory: t.field({
    type: InterestPageRef,
    description: 'Interest paid and received.',
    args: {
      asset: t.arg.string({ description: 'Only interest paid in this asset.' }),
      symbol: t.arg.string({ description: 'Only this market (spot: borrow-lend interest; futures: PnL interest).' }),
      positionId: t.arg.id({ description: 'Only this position.' }),
      source: t.arg({ type: InterestPaymentSourceEnum, description: 'Only this kind of interest.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) => {
      const filters = compact({
        asset: args.asset,
        symbol: args.symbol,
        positionId: args.positionId == null ? null : String(args.positionId),
        source: args.source,
      });
      return exchangePage(ctx, 'getInterestHistory', { ...filters, ...sortParams(args) }, pageWindow(args));
    },
  }),
  borrowLendPositionHistory: t.field({
    type: PositionHistoryPageRef,
    description: 'Open and closed borrow-lend positions over time.',
    args: {
      asset: t.arg.string({ description: 'Only this asset.' }),
      side: t.arg({ type: BorrowLendSideEnum, description: 'Only borrows or only lends.' }),
      state: t.arg({ type: BorrowLendPositionStateEnum, description: 'Only open or only closed positions.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getBorrowLendPositionHistory',
        { ...compact({ symbol: args.asset, side: args.side, state: args.state }), ...sortParams(args) },
        pageWindow(args),
      ),
  }),
  borrowLendLiquidationPrice: t.field({
    type: LiquidationEstimateRef,
    description:
      'Liquidation price after a hypothetical borrow. The exchange serves it to web sessions only, so API keys get an error.',
    args: {
      asset: t.arg.string({ required: true, description: 'Asset to borrow or lend.' }),
      side: t.arg({ type: BorrowLendSideEnum, required: true, description: 'Borrow or lend.' }),
      quantity: t.arg({ type: 'Decimal', required: true, description: 'Quantity.' }),
    },
    resolve: (_, { asset, side, quantity }, ctx) => {
      const borrow = Buffer.from(JSON.stringify({ quantity, side, symbol: asset })).toString('base64');
      return ctx.exchange.call('getBorrowLendEstimatedLiquidationPrice', { borrow });
    },
  }),
}));

const BorrowLendInput = builder.inputType('BorrowLendInput', {
  description:
    'Borrow or lend an asset. Positions are net per asset: borrowing first redeems a lend, lending first repays a borrow.',
  fields: (t) => ({
    asset: t.string({ required: true, description: 'Asset symbol, e.g. `USDC`.' }),
    side: t.field({ type: BorrowLendSideEnum, required: true, description: 'BORROW or LEND.' }),
    quantity: t.field({ type: 'Decimal', required: true, description: 'Quantity, greater than zero.' }),
  }),
});

/** What `borrowLend` did, with the net position re-read afterwards. */
interface BorrowLendDone {
  readonly asset: string;
  readonly side: 'Borrow' | 'Lend';
  readonly quantity: string;
  readonly position: BorrowLendPositionWithMargin | null;
  /** True when the answer was lost and the borrow or lend was found in the borrow-lend history. */
  readonly recovered: boolean;
}

const BorrowLendDoneRef = builder.objectRef<BorrowLendDone>('BorrowLendExecution').implement({
  description: 'A borrow or lend the exchange executed (it answers with an empty body), and the position afterwards.',
  fields: (t) => ({
    asset: t.exposeString('asset', { description: 'Asset borrowed or lent.' }),
    side: t.field({ type: BorrowLendSideEnum, description: 'BORROW or LEND.', resolve: (d) => d.side }),
    quantity: t.field({ ...decimal('Quantity borrowed or lent.'), resolve: (d) => d.quantity }),
    position: t.field({
      type: BorrowLendPositionRef,
      nullable: true,
      description: 'The net position in the asset afterwards; null when it is flat or could not be re-read.',
      resolve: (d) => d.position,
    }),
  }),
});

builder.mutationField('borrowLend', (t) =>
  t.field({
    authScopes: { trade: true },
    type: BorrowLendDoneRef,
    description:
      'Borrows or lends an asset. Never retried blindly: when the answer is lost it is looked up in the borrow-lend ' +
      'history (asset, direction, quantity, within the signed window): found is a success flagged `recovered`, ' +
      'surely absent is RequestNotApplied, otherwise OutcomeUnknown (check `account.borrowLendHistory`).',
    errors: {
      ...resultOf('BorrowLend', 'execution', 'What was executed and the position afterwards.'),
      result: {
        name: 'BorrowLendSuccess',
        description: 'BorrowLend succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the borrow or lend was found in the borrow-lend history.",
            resolve: (done) => done.recovered,
          }),
        }),
      },
    },
    args: { input: t.arg({ type: BorrowLendInput, required: true, description: 'What to borrow or lend.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        reject(positiveAmount('quantity', input.quantity));
        const markets = (await ctx.exchange.call('getBorrowLendMarkets', {})) ?? [];
        reject(validateBorrowLend(input.asset, input.quantity, markets));
        const { recovered } = await executeBorrowLend(ctx, {
          symbol: input.asset,
          side: input.side,
          quantity: input.quantity,
        });
        const positions = await reread(() => ctx.exchange.call('getBorrowLendPositions', {}));
        const position = (positions ?? []).find((p) => p.symbol === input.asset) ?? null;
        return { asset: input.asset, side: input.side, quantity: input.quantity, position, recovered };
      }),
  }),
);
