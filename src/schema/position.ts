// Futures positions: open positions (with market and live mark price), position history, funding and settlements.
import type { MarketType } from '../exchange/types/enums/markets.ts';
import type { FundingPayment, Settlement } from '../exchange/types/history.ts';
import type { FuturePositionWithMargin, PositionHistoryRow } from '../exchange/types/positions.ts';
import { AccountRef } from './account.ts';
import { MarginFunctionRef } from './asset.ts';
import { builder } from './builder.ts';
import { MarketTypeEnum, PositionStateEnum, SettlementSourceEnum, SettlementSourceFilterEnum } from './enums.ts';
import { MarketRef } from './market.ts';
import { MarkPriceRef } from './markPrice.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact } from './private.ts';

const decimal = (description: string) => ({ type: 'Decimal' as const, description });

export const PositionRef = builder.objectRef<FuturePositionWithMargin>('Position').implement({
  description: 'An open futures position of the account.',
  fields: (t) => ({
    id: t.id({ description: 'Position id.', resolve: (p) => p.positionId }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market; null if it is no longer listed.',
      resolve: (p, _, ctx) => ctx.loaders.market.load(p.symbol),
    }),
    markPrice: t.field({
      type: MarkPriceRef,
      nullable: true,
      description: 'Live mark/index price and funding of the market (batched across positions).',
      resolve: (p, _, ctx) => ctx.loaders.markPrice.load(p.symbol),
    }),
    positionMarkPrice: t.field({
      ...decimal('The mark price the exchange valued this position at in this snapshot.'),
      resolve: (p) => p.markPrice,
    }),
    netQuantity: t.field({ ...decimal('Size: positive long, negative short.'), resolve: (p) => p.netQuantity }),
    netCost: t.field({ ...decimal('Cost basis: positive long, negative short.'), resolve: (p) => p.netCost }),
    entryPrice: t.field({ ...decimal('Average entry price.'), resolve: (p) => p.entryPrice }),
    breakEvenPrice: t.field({
      ...decimal('Price at which closing breaks even after fees and funding.'),
      resolve: (p) => p.breakEvenPrice,
    }),
    estLiquidationPrice: t.field({ ...decimal('Estimated liquidation price.'), resolve: (p) => p.estLiquidationPrice }),
    netExposureQuantity: t.field({
      ...decimal('Exposure including worst-case open orders.'),
      resolve: (p) => p.netExposureQuantity,
    }),
    netExposureNotional: t.field({ ...decimal('Exposure value in USDC.'), resolve: (p) => p.netExposureNotional }),
    pnlRealized: t.field({ ...decimal('Realized PnL.'), resolve: (p) => p.pnlRealized }),
    pnlUnrealized: t.field({ ...decimal('Unrealized PnL.'), resolve: (p) => p.pnlUnrealized }),
    cumulativeFundingPayment: t.field({
      ...decimal('Funding paid (negative) or received so far.'),
      resolve: (p) => p.cumulativeFundingPayment,
    }),
    cumulativeInterest: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Interest so far (the exchange is phasing this out).',
      resolve: (p) => p.cumulativeInterest ?? null,
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

const PositionHistoryRowRef = builder.objectRef<PositionHistoryRow>('PositionHistoryEntry').implement({
  description: 'An open or closed futures position from the position history.',
  fields: (t) => ({
    id: t.id({ description: 'Position id.', resolve: (p) => p.id }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market.',
      resolve: (p, _, ctx) => ctx.loaders.market.load(p.symbol),
    }),
    state: t.field({ type: PositionStateEnum, description: 'Open or closed.', resolve: (p) => p.state }),
    netQuantity: t.field({ ...decimal('Size: positive long, negative short.'), resolve: (p) => p.netQuantity }),
    netCost: t.field({ ...decimal('Cost basis.'), resolve: (p) => p.netCost }),
    entryPrice: t.field({ ...decimal('Average entry price.'), resolve: (p) => p.entryPrice }),
    closingPrice: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Average closing price.',
      resolve: (p) => p.closingPrice ?? null,
    }),
    markPrice: t.field({ ...decimal('Mark price of the snapshot.'), resolve: (p) => p.markPrice }),
    cumulativePnlRealized: t.field({ ...decimal('Realized PnL.'), resolve: (p) => p.cumulativePnlRealized }),
    unrealizedPnl: t.field({ ...decimal('Unrealized PnL.'), resolve: (p) => p.unrealizedPnl }),
    fundingQuantity: t.field({ ...decimal('Funding paid or received.'), resolve: (p) => p.fundingQuantity }),
    fees: t.field({ ...decimal('Trading fees paid.'), resolve: (p) => p.fees }),
    interest: t.field({ ...decimal('Interest paid or received.'), resolve: (p) => p.interest }),
    closedVolume: t.field({ ...decimal('Quantity closed.'), resolve: (p) => p.closedVolume }),
    liquidated: t.field({ ...decimal('Quantity liquidated.'), resolve: (p) => p.liquidated }),
    liquidationFees: t.field({ ...decimal('Liquidation fees paid.'), resolve: (p) => p.liquidationFees }),
    openedAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When it was opened.',
      resolve: (p) => p.openedAt,
    }),
    closedAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When it was closed.',
      resolve: (p) => p.closedAt,
    }),
  }),
});

const FundingPaymentRef = builder.objectRef<FundingPayment>('FundingPayment').implement({
  description: 'A funding payment on a perpetual position.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market.',
      resolve: (f, _, ctx) => ctx.loaders.market.load(f.symbol),
    }),
    quantity: t.field({ ...decimal('Amount: positive received, negative paid.'), resolve: (f) => f.quantity }),
    fundingRate: t.field({ ...decimal('Funding rate of the interval, as a fraction.'), resolve: (f) => f.fundingRate }),
    intervalEnd: t.field({
      type: 'Timestamp',
      description: 'End of the funding interval.',
      resolve: (f) => f.intervalEndTimestamp,
    }),
  }),
});

const SettlementRef = builder.objectRef<Settlement>('Settlement').implement({
  description: 'A settlement of the account: fees, funding, realized PnL, liquidation transfers.',
  fields: (t) => ({
    quantity: t.field({ ...decimal('Amount settled in USDC.'), resolve: (s) => s.quantity }),
    source: t.field({ type: SettlementSourceEnum, description: 'What was settled.', resolve: (s) => s.source }),
    positionId: t.id({
      nullable: true,
      description: 'Position concerned, when any.',
      resolve: (s) => s.positionId ?? null,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it was settled.',
      resolve: (s) => s.timestamp,
    }),
  }),
});

const PositionHistoryPageRef = pageOf('PositionHistoryPage', PositionHistoryRowRef, 'A page of position history.');
const FundingPaymentPageRef = pageOf('FundingPaymentPage', FundingPaymentRef, 'A page of funding payments.');
const SettlementPageRef = pageOf('SettlementPage', SettlementRef, 'A page of settlements.');
const marketTypes = (type: MarketType | null | undefined): MarketType[] | undefined => (type ? [type] : undefined);

builder.objectFields(AccountRef, (t) => ({
  positions: t.field({
    type: [PositionRef],
    description: 'Open futures positions.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
    },
    resolve: async (_, args, ctx) => [...((await ctx.exchange.call('getPositions', compact(args))) ?? [])],
  }),
  positionHistory: t.field({
    type: PositionHistoryPageRef,
    description: 'Open and closed futures positions over time.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      state: t.arg({ type: PositionStateEnum, description: 'Only open or only closed positions.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getPositionHistory',
        {
          ...compact({ symbol: args.symbol, state: args.state, marketType: marketTypes(args.marketType) }),
          ...sortParams(args),
        },
        pageWindow(args),
      ),
  }),
  fundingPayments: t.field({
    type: FundingPaymentPageRef,
    description: 'Funding paid and received on perpetual positions.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getFundingPayments',
        { ...compact({ symbol: args.symbol }), ...sortParams(args) },
        pageWindow(args),
      ),
  }),
  settlements: t.field({
    type: SettlementPageRef,
    description: 'Settlements of fees, funding, realized PnL and liquidations.',
    args: {
      source: t.arg({ type: SettlementSourceFilterEnum, description: 'Only this kind of settlement.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getSettlementHistory',
        { ...compact({ source: args.source }), ...sortParams(args) },
        pageWindow(args),
      ),
  }),
}));
