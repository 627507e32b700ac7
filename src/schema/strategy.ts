// Scheduled (TWAP-like) strategies: the `Strategy` type, active and past strategies, create and cancel mutations.
import type { MarketType } from '../exchange/types/enums/markets.ts';
import type { Strategy, StrategyCreatePayload, StrategyHistory } from '../exchange/types/strategies.ts';
import { AccountRef } from './account.ts';
import { builder } from './builder.ts';
import type { GatewayContext } from './context.ts';
import {
  MarketTypeEnum,
  SelfTradePreventionEnum,
  SideEnum,
  SlippageToleranceTypeEnum,
  StrategyCancelReasonEnum,
  StrategyStatusEnum,
  StrategyTypeEnum,
  TimeInForceEnum,
} from './enums.ts';
import { badUserInput } from './errors.ts';
import { MarketRef } from './market.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact, mutate, orNull, reject, resultOf, u32Arg } from './private.ts';
import { exactlyOne, firstViolation, violation, type Violation } from './validation/rules.ts';
import { validateStrategy } from './validation/strategy.ts';

/** Active strategies (ms `createdAt`) and history rows (naive `createdAt`) share one type. */
type StrategyRow = Strategy | StrategyHistory;
const optionalDecimal = (description: string) => ({ type: 'Decimal' as const, nullable: true as const, description });
const idText = (value: string | number | null | undefined) => (value == null ? null : String(value));

const StrategyRef = builder.objectRef<StrategyRow>('Strategy').implement({
  description: 'A scheduled strategy that splits a quantity into child orders over a duration.',
  fields: (t) => ({
    id: t.id({ description: 'Strategy id.', resolve: (s) => s.id }),
    clientStrategyId: t.id({
      nullable: true,
      description: 'Your id for the strategy.',
      resolve: (s) => idText(s.clientStrategyId),
    }),
    strategyType: t.field({ type: StrategyTypeEnum, description: 'Kind of strategy.', resolve: (s) => s.strategyType }),
    status: t.field({ type: StrategyStatusEnum, description: 'Lifecycle state.', resolve: (s) => s.status }),
    cancelReason: t.field({
      type: StrategyCancelReasonEnum,
      nullable: true,
      description: 'Why the exchange cancelled it (history only).',
      resolve: (s) => ('cancelReason' in s ? (s.cancelReason ?? null) : null),
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The market.',
      resolve: (s, _, ctx) => ctx.loaders.market.load(s.symbol),
    }),
    side: t.field({ type: SideEnum, description: 'BID buys, ASK sells.', resolve: (s) => s.side }),
    quantity: t.field({ ...optionalDecimal('Total base quantity.'), resolve: (s) => s.quantity ?? null }),
    executedQuantity: t.field({
      type: 'Decimal',
      description: 'Base quantity executed so far.',
      resolve: (s) => s.executedQuantity ?? '0',
    }),
    executedQuoteQuantity: t.field({
      type: 'Decimal',
      description: 'Quote quantity executed so far.',
      resolve: (s) => s.executedQuoteQuantity ?? '0',
    }),
    timeInForce: t.field({
      type: TimeInForceEnum,
      description: 'Time in force of child orders.',
      resolve: (s) => s.timeInForce,
    }),
    selfTradePrevention: t.field({
      type: SelfTradePreventionEnum,
      description: 'Self-trade prevention of child orders.',
      resolve: (s) => s.selfTradePrevention,
    }),
    reduceOnly: t.boolean({
      nullable: true,
      description: 'Whether child orders only reduce a position.',
      resolve: (s) => ('reduceOnly' in s ? (s.reduceOnly ?? null) : null),
    }),
    durationMs: t.float({ description: 'Total duration in whole ms.', resolve: (s) => s.duration }),
    intervalMs: t.float({ description: 'Time between child orders in whole ms.', resolve: (s) => s.interval }),
    randomizedIntervalQuantity: t.boolean({
      nullable: true,
      description: 'Whether child sizes are randomized.',
      resolve: (s) => s.randomizedIntervalQuantity ?? null,
    }),
    slippageTolerance: t.field({
      ...optionalDecimal('Maximum slippage of child orders.'),
      resolve: (s) => s.slippageTolerance ?? null,
    }),
    slippageToleranceType: t.field({
      type: SlippageToleranceTypeEnum,
      nullable: true,
      description: 'Unit of slippageTolerance.',
      resolve: (s) => s.slippageToleranceType ?? null,
    }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When it was created.',
      resolve: (s) => s.createdAt,
    }),
  }),
});

const StrategyPageRef = pageOf('StrategyPage', StrategyRef, 'A page of finished strategies.');
const marketTypes = (type: MarketType | null | undefined): MarketType[] | undefined => (type ? [type] : undefined);

builder.objectFields(AccountRef, (t) => ({
  strategy: t.field({
    type: StrategyRef,
    nullable: true,
    description: 'One active strategy by id or client id; null when it is not active (finished or unknown).',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      id: t.arg.id({ description: 'Strategy id; give this or clientStrategyId.' }),
      clientStrategyId: t.arg.id({ description: 'Your id of the strategy; give this or id.' }),
    },
    resolve: (_, { symbol, id, clientStrategyId }, ctx) => {
      const problem = exactlyOne(['id', id], ['clientStrategyId', clientStrategyId]);
      if (problem) throw badUserInput(problem.message, problem.field);
      const client = u32Arg('clientStrategyId', idText(clientStrategyId));
      return orNull(() =>
        ctx.exchange.call(
          'getStrategy',
          id != null ? { symbol, strategyId: String(id) } : { symbol, clientStrategyId: client as number },
        ),
      );
    },
  }),
  openStrategies: t.field({
    type: [StrategyRef],
    description: 'Active strategies.',
    args: {
      symbol: t.arg.string({ description: 'Only this market.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
      strategyType: t.arg({ type: StrategyTypeEnum, description: 'Only this kind of strategy.' }),
    },
    resolve: async (_, args, ctx) => [...((await ctx.exchange.call('getOpenStrategies', compact(args))) ?? [])],
  }),
  strategyHistory: t.field({
    type: StrategyPageRef,
    description: 'Completed, cancelled and terminated strategies.',
    args: {
      strategyId: t.arg.id({ description: 'Only this strategy.' }),
      symbol: t.arg.string({ description: 'Only this market.' }),
      marketType: t.arg({ type: MarketTypeEnum, description: 'Only markets of this type.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getStrategiesHistory',
        {
          ...compact({
            strategyId: idText(args.strategyId),
            symbol: args.symbol,
            marketType: marketTypes(args.marketType),
          }),
          ...sortParams(args),
        },
        pageWindow(args),
      ),
  }),
}));

const CreateStrategyInput = builder.inputType('CreateStrategyInput', {
  description: 'A scheduled strategy: quantity split into child orders every interval over the duration.',
  fields: (t) => ({
    symbol: t.string({ required: true, description: 'Market symbol.' }),
    side: t.field({ type: SideEnum, required: true, description: 'BID buys, ASK sells.' }),
    quantity: t.field({ type: 'Decimal', required: true, description: 'Total base quantity, on the market stepSize.' }),
    durationMs: t.float({ required: true, description: 'Total duration in whole ms.' }),
    intervalMs: t.float({ required: true, description: 'Time between child orders in whole ms, at most durationMs.' }),
    price: t.field({
      type: 'Decimal',
      description: 'Limit price of the child orders, on the market tickSize (omitted = market).',
    }),
    randomizedIntervalQuantity: t.boolean({ description: 'Randomize child sizes.' }),
    postOnly: t.boolean({ description: 'Child orders only rest.' }),
    reduceOnly: t.boolean({ description: 'Child orders only reduce a position (futures).' }),
    timeInForce: t.field({ type: TimeInForceEnum, description: 'Time in force of child orders.' }),
    selfTradePrevention: t.field({
      type: SelfTradePreventionEnum,
      description: 'Self-trade prevention of child orders.',
    }),
    clientStrategyId: t.id({ description: 'Your id for the strategy, 0 to 4294967295.' }),
    slippageTolerance: t.field({ type: 'Decimal', description: 'Maximum slippage of child orders.' }),
    slippageToleranceType: t.field({ type: SlippageToleranceTypeEnum, description: 'Unit of slippageTolerance.' }),
    autoLend: t.boolean({ description: 'Spot margin: lend the proceeds.' }),
    autoLendRedeem: t.boolean({ description: 'Spot margin: redeem lent funds to pay.' }),
    autoBorrow: t.boolean({ description: 'Spot margin: borrow to pay.' }),
    autoBorrowRepay: t.boolean({ description: 'Spot margin: repay borrows with the proceeds.' }),
  }),
});

const wholeMs = (field: string, value: number): Violation | null =>
  Number.isSafeInteger(value) && value > 0
    ? null
    : violation(field, `${field} must be a whole number of milliseconds above 0`);

async function strategyPayload(
  ctx: GatewayContext,
  input: typeof CreateStrategyInput.$inferInput,
): Promise<StrategyCreatePayload> {
  reject(validateStrategy(input, await ctx.loaders.market.load(input.symbol)), 'order');
  reject(
    firstViolation(
      () => wholeMs('durationMs', input.durationMs),
      () => wholeMs('intervalMs', input.intervalMs),
      () =>
        input.intervalMs > input.durationMs ? violation('intervalMs', 'intervalMs must not exceed durationMs') : null,
    ),
    'order',
  );
  const clientStrategyId = u32Arg('clientStrategyId', idText(input.clientStrategyId), 'order');
  const { durationMs, intervalMs, ...rest } = input;
  return {
    ...compact({ ...rest, clientStrategyId }),
    symbol: input.symbol,
    side: input.side,
    quantity: input.quantity,
    strategyType: 'Scheduled',
    duration: durationMs,
    interval: intervalMs,
  };
}

builder.mutationFields((t) => ({
  createStrategy: t.field({
    authScopes: { trade: true },
    type: StrategyRef,
    description: 'Starts a scheduled strategy. Checked against the market filters first; never retried.',
    errors: resultOf('CreateStrategy', 'strategy', 'The strategy as the exchange accepted it.'),
    args: { input: t.arg({ type: CreateStrategyInput, required: true, description: 'The strategy.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => ctx.exchange.call('strategyCreate', await strategyPayload(ctx, input))),
  }),
  cancelStrategy: t.field({
    authScopes: { trade: true },
    type: StrategyRef,
    nullable: true,
    description: 'Cancels one active strategy by id or client id.',
    errors: resultOf(
      'CancelStrategy',
      'strategy',
      'The cancelled strategy; null when the cancel is accepted but still pending (HTTP 202).',
    ),
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      id: t.arg.id({ description: 'Strategy id; give this or clientStrategyId.' }),
      clientStrategyId: t.arg.id({ description: 'Your id of the strategy; give this or id.' }),
    },
    resolve: (_, { symbol, id, clientStrategyId }, ctx) =>
      mutate(ctx, async () => {
        reject(exactlyOne(['id', id], ['clientStrategyId', clientStrategyId]));
        const client = u32Arg('clientStrategyId', idText(clientStrategyId));
        const payload =
          id != null ? { symbol, strategyId: String(id) } : { symbol, clientStrategyId: client as number };
        return (await ctx.exchange.call('cancelStrategy', payload)) ?? null;
      }),
  }),
  cancelOpenStrategies: t.field({
    authScopes: { trade: true },
    type: [StrategyRef],
    description: 'Cancels every active strategy of one market.',
    errors: resultOf(
      'CancelOpenStrategies',
      'strategies',
      'The cancelled strategies (empty when none or still pending).',
    ),
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
      strategyType: t.arg({ type: StrategyTypeEnum, description: 'Only this kind of strategy.' }),
    },
    resolve: (_, { symbol, strategyType }, ctx) =>
      mutate(ctx, async () => [
        ...((await ctx.exchange.call('cancelOpenStrategies', strategyType ? { symbol, strategyType } : { symbol })) ??
          []),
      ]),
  }),
}));
