// The private root: `Query.account` (UNAUTHENTICATED without keys), account settings, fees, limits and their mutation.
//
// Other private domain files add their fields to `Account` with `builder.objectFields(AccountRef, …)`.
import type {
  AccountSummary,
  MaxBorrowQuantity,
  MaxOrderQuantity,
  MaxWithdrawalQuantity,
} from '../exchange/types/account.ts';
import { builder } from './builder.ts';
import { requireAccount, type ConfiguredAccount } from './context.ts';
import { SideEnum } from './enums.ts';
import { toGraphQLError } from './errors.ts';
import { compact, mutate, reject, reread, resultOf } from './private.ts';
import { positiveDecimal } from './validation/rules.ts';

/** The value behind `Account`: the configured account (its fields read everything else from the context). */
export type AccountRoot = ConfiguredAccount;

export const AccountRef = builder.objectRef<AccountRoot>('Account');

const decimal = (description: string) => ({ type: 'Decimal' as const, description });

const AccountFeesRef = builder.objectRef<AccountSummary>('AccountFees').implement({
  description: 'Trading fee rates of the account, in basis points (negative = rebate).',
  fields: (t) => ({
    spotMaker: t.field({ ...decimal('Spot maker fee, bps.'), resolve: (s) => s.spotMakerFee }),
    spotTaker: t.field({ ...decimal('Spot taker fee, bps.'), resolve: (s) => s.spotTakerFee }),
    futuresMaker: t.field({ ...decimal('Futures maker fee, bps.'), resolve: (s) => s.futuresMakerFee }),
    futuresTaker: t.field({ ...decimal('Futures taker fee, bps.'), resolve: (s) => s.futuresTakerFee }),
  }),
});

const AccountLimitsRef = builder.objectRef<AccountSummary>('AccountLimits').implement({
  description: 'Risk limits of the account and how many orders it has open.',
  fields: (t) => ({
    borrowLimit: t.field({ ...decimal('Largest total borrow allowed.'), resolve: (s) => s.borrowLimit }),
    leverageLimit: t.field({ ...decimal('Maximum leverage.'), resolve: (s) => s.leverageLimit }),
    positionLimit: t.field({ ...decimal('Largest total position allowed.'), resolve: (s) => s.positionLimit }),
    openLimitOrders: t.int({ description: 'Open limit orders right now.', resolve: (s) => s.limitOrders }),
    openTriggerOrders: t.int({
      description: 'Open trigger (conditional) orders right now.',
      resolve: (s) => s.triggerOrders,
    }),
  }),
});

const AccountSettingsRef = builder.objectRef<AccountSummary>('AccountSettings').implement({
  description: 'Automatic behaviours the account has switched on.',
  fields: (t) => ({
    autoBorrowSettlements: t.exposeBoolean('autoBorrowSettlements', {
      description: 'Borrow during collateral reconciliation.',
    }),
    autoLend: t.exposeBoolean('autoLend', { description: 'Lend idle balances automatically.' }),
    autoRealizePnl: t.exposeBoolean('autoRealizePnl', { description: 'Realize futures PnL automatically.' }),
    autoRepayBorrows: t.exposeBoolean('autoRepayBorrows', {
      description: 'Repay borrows automatically from incoming funds.',
    }),
  }),
});

export const AccountSummaryRef = builder.objectRef<AccountSummary>('AccountSummary').implement({
  description: 'Fees, limits and settings of the account.',
  fields: (t) => ({
    fees: t.field({ type: AccountFeesRef, description: 'Fee rates.', resolve: (s) => s }),
    limits: t.field({ type: AccountLimitsRef, description: 'Risk limits and open-order counts.', resolve: (s) => s }),
    settings: t.field({ type: AccountSettingsRef, description: 'Automatic behaviours.', resolve: (s) => s }),
    liquidating: t.exposeBoolean('liquidating', {
      description: 'Whether the account is being liquidated (mutations are then rejected).',
    }),
  }),
});

const MaxBorrowQuantityRef = builder.objectRef<MaxBorrowQuantity>('MaxBorrowQuantity').implement({
  description: 'How much of an asset the account can borrow now.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    maxBorrowQuantity: t.field({ ...decimal('Largest borrow, in the asset.'), resolve: (r) => r.maxBorrowQuantity }),
  }),
});

const MaxOrderQuantityRef = builder.objectRef<MaxOrderQuantity>('MaxOrderQuantity').implement({
  description: 'How large an order the account can place now on one market and side.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    side: t.exposeString('side', {
      description: 'Side the limit applies to, as the exchange echoes it (`Bid` / `Ask`).',
    }),
    price: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Limit price the limit was computed for; null for market orders.',
      resolve: (r) => r.price ?? null,
    }),
    maxOrderQuantity: t.field({
      ...decimal('Largest order quantity, in the base asset.'),
      resolve: (r) => r.maxOrderQuantity,
    }),
  }),
});

const MaxWithdrawalQuantityRef = builder.objectRef<MaxWithdrawalQuantity>('MaxWithdrawalQuantity').implement({
  description: 'How much of an asset the account can withdraw now.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    maxWithdrawalQuantity: t.field({
      ...decimal('Largest withdrawal, in the asset.'),
      resolve: (r) => r.maxWithdrawalQuantity,
    }),
  }),
});

AccountRef.implement({
  description: 'The account whose API keys the gateway is configured with: balances, orders, positions and history.',
  fields: (t) => ({
    summary: t.field({
      type: AccountSummaryRef,
      description: 'Fees, limits and settings.',
      resolve: (_, __, ctx) => ctx.exchange.call('getAccount', {}),
    }),
    maxBorrowQuantity: t.field({
      type: MaxBorrowQuantityRef,
      description: 'How much of an asset the account can borrow now.',
      args: { asset: t.arg.string({ required: true, description: 'Asset symbol, e.g. `USDC`.' }) },
      resolve: (_, { asset }, ctx) => ctx.exchange.call('getMaxBorrowQuantity', { symbol: asset }),
    }),
    maxOrderQuantity: t.field({
      type: MaxOrderQuantityRef,
      description: 'How large an order the account can place now.',
      args: {
        symbol: t.arg.string({ required: true, description: 'Market symbol.' }),
        side: t.arg({ type: SideEnum, required: true, description: 'Order side.' }),
        price: t.arg({ type: 'Decimal', description: 'Limit price; omit for a market order.' }),
        reduceOnly: t.arg.boolean({ description: 'Only reduce an existing position.' }),
        autoBorrow: t.arg.boolean({ description: 'Allow borrowing to fund the order.' }),
        autoBorrowRepay: t.arg.boolean({ description: 'Repay borrows with the proceeds.' }),
        autoLendRedeem: t.arg.boolean({ description: 'Redeem lent funds to fund the order.' }),
      },
      resolve: (_, args, ctx) =>
        ctx.exchange.call('getMaxOrderQuantity', { ...compact(args), symbol: args.symbol, side: args.side }),
    }),
    maxWithdrawalQuantity: t.field({
      type: MaxWithdrawalQuantityRef,
      description: 'How much of an asset the account can withdraw now.',
      args: {
        asset: t.arg.string({ required: true, description: 'Asset symbol.' }),
        autoBorrow: t.arg.boolean({ description: 'Allow borrowing to fund the withdrawal.' }),
        autoLendRedeem: t.arg.boolean({ description: 'Redeem lent funds to fund the withdrawal.' }),
      },
      resolve: (_, { asset, ...flags }, ctx) =>
        ctx.exchange.call('getMaxWithdrawalQuantity', { symbol: asset, ...compact(flags) }),
    }),
  }),
});

builder.queryField('account', (t) =>
  t.field({
    authScopes: { read: true },
    type: AccountRef,
    description: 'The configured account. Fails with UNAUTHENTICATED when the gateway has no API keys.',
    resolve: (_, __, ctx) => {
      try {
        return requireAccount(ctx);
      } catch (error) {
        // A GraphQLError with its code here, so the client sees UNAUTHENTICATED whatever the server's masking does.
        throw toGraphQLError(error) ?? error;
      }
    },
  }),
);

const AccountSettingsInput = builder.inputType('AccountSettingsInput', {
  description: 'Settings to change; omitted fields keep their current value.',
  fields: (t) => ({
    autoBorrowSettlements: t.boolean({ description: 'Borrow during collateral reconciliation.' }),
    autoLend: t.boolean({ description: 'Lend idle balances automatically.' }),
    autoRepayBorrows: t.boolean({ description: 'Repay borrows automatically.' }),
    leverageLimit: t.field({ type: 'Decimal', description: 'Maximum leverage, e.g. `"10"`.' }),
  }),
});

builder.mutationField('updateAccountSettings', (t) =>
  t.field({
    authScopes: { trade: true },
    type: AccountSummaryRef,
    nullable: true,
    description: 'Changes account settings and returns the refreshed summary.',
    errors: resultOf(
      'UpdateAccountSettings',
      'summary',
      'The account summary after the change; null if it could not be re-read (the change was applied).',
    ),
    args: { input: t.arg({ type: AccountSettingsInput, required: true, description: 'Settings to change.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        reject(positiveDecimal('leverageLimit', input.leverageLimit));
        const changes = compact(input);
        if (Object.keys(changes).length === 0)
          reject({ field: 'input', message: 'Give at least one setting to change' });
        await ctx.exchange.call('updateAccountSettings', changes);
        return reread(() => ctx.exchange.call('getAccount', {}));
      }),
  }),
);
