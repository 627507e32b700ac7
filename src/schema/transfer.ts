// Deposits and withdrawals: history, deposit address, withdrawal delay, requestWithdrawal and the 2FA token.
import type { Deposit, Withdrawal, WithdrawalDelay } from '../exchange/types/capital.ts';
import type { TwoFactorToken } from '../exchange/types/user.ts';
import { AccountRef } from './account.ts';
import { AssetRef } from './asset.ts';
import { builder } from './builder.ts';
import {
  BlockchainEnum,
  DepositSourceEnum,
  DepositStatusEnum,
  FiatAssetEnum,
  FiatWithdrawalStateEnum,
  WithdrawalStatusEnum,
} from './enums.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, timeRangeArgs, timeRangeParams } from './pagination.ts';
import { compact, mutate, reject, reread, resultOf } from './private.ts';
import { isRecoveredWithdrawal, requestWithdrawal } from './withdrawalOutcome.ts';
import { firstViolation, maxLength, positiveAmount, violation } from './validation/rules.ts';
import { validateWithdrawal } from './validation/withdrawal.ts';

const decimal = (description: string) => ({ type: 'Decimal' as const, description });

const DepositRef = builder.objectRef<Deposit>('Deposit').implement({
  description: 'A deposit into the account.',
  fields: (t) => ({
    id: t.id({ description: 'Deposit id.', resolve: (d) => String(d.id) }),
    symbol: t.exposeString('symbol', { description: 'Asset deposited.' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset.',
      resolve: (d, _, ctx) => ctx.loaders.asset.load(d.symbol),
    }),
    quantity: t.field({ ...decimal('Quantity deposited.'), resolve: (d) => d.quantity }),
    source: t.field({ type: DepositSourceEnum, description: 'Where it came from.', resolve: (d) => d.source }),
    status: t.field({ type: DepositStatusEnum, description: 'State of the deposit.', resolve: (d) => d.status }),
    fromAddress: t.string({ nullable: true, description: 'Sending address.', resolve: (d) => d.fromAddress ?? null }),
    toAddress: t.string({ nullable: true, description: 'Receiving address.', resolve: (d) => d.toAddress ?? null }),
    transactionHash: t.string({
      nullable: true,
      description: 'On-chain transaction hash.',
      resolve: (d) => d.transactionHash ?? null,
    }),
    // The only amount the exchange sends as a JSON number; passed on as text, never re-rounded.
    fiatAmount: t.string({
      nullable: true,
      description: 'Fiat amount of a fiat deposit, as the exchange reports it.',
      resolve: (d) => (d.fiatAmount == null ? null : String(d.fiatAmount)),
    }),
    fiatCurrency: t.field({
      type: FiatAssetEnum,
      nullable: true,
      description: 'Currency of a fiat deposit.',
      resolve: (d) => d.fiatCurrency ?? null,
    }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When the deposit was created.',
      resolve: (d) => d.createdAt,
    }),
  }),
});

const WithdrawalRef = builder.objectRef<Withdrawal>('Withdrawal').implement({
  description: 'A withdrawal from the account.',
  fields: (t) => ({
    id: t.id({ description: 'Withdrawal id.', resolve: (w) => String(w.id) }),
    clientId: t.string({
      nullable: true,
      description: 'Your reference given when requesting it.',
      resolve: (w) => w.clientId ?? null,
    }),
    symbol: t.exposeString('symbol', { description: 'Asset withdrawn.' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset.',
      resolve: (w, _, ctx) => ctx.loaders.asset.load(w.symbol),
    }),
    blockchain: t.field({ type: BlockchainEnum, description: 'Chain it is sent on.', resolve: (w) => w.blockchain }),
    quantity: t.field({ ...decimal('Quantity withdrawn.'), resolve: (w) => w.quantity }),
    fee: t.field({ ...decimal('Fee charged, in the asset.'), resolve: (w) => w.fee }),
    status: t.field({ type: WithdrawalStatusEnum, description: 'State of the withdrawal.', resolve: (w) => w.status }),
    toAddress: t.exposeString('toAddress', { description: 'Destination address.' }),
    transactionHash: t.string({
      nullable: true,
      description: 'On-chain transaction hash once sent.',
      resolve: (w) => w.transactionHash ?? w.identifier ?? null,
    }),
    isInternal: t.exposeBoolean('isInternal', { description: 'Whether it went to another exchange account.' }),
    fiatFee: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Fee of a fiat withdrawal.',
      resolve: (w) => w.fiatFee ?? null,
    }),
    fiatState: t.field({
      type: FiatWithdrawalStateEnum,
      nullable: true,
      description: 'State of a fiat withdrawal.',
      resolve: (w) => w.fiatState ?? null,
    }),
    createdAt: t.field({
      type: 'Timestamp',
      description: 'When it was requested.',
      resolve: (w) => w.createdAt,
    }),
    triggerAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When a delayed withdrawal will be sent.',
      resolve: (w) => (w.triggerAt ? w.triggerAt : null),
    }),
  }),
});

const WithdrawalDelayRef = builder.objectRef<WithdrawalDelay>('WithdrawalDelay').implement({
  description: 'The delay between requesting and sending withdrawals.',
  fields: (t) => ({
    currentHours: t.int({
      nullable: true,
      description: 'Delay in force now, in hours.',
      resolve: (d) => d.currentWithdrawalDelayHours ?? null,
    }),
    pendingHours: t.int({
      nullable: true,
      description: 'Delay that takes over later, in hours.',
      resolve: (d) => d.pendingWithdrawalDelayHours ?? null,
    }),
    pendingEnabledAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When the pending delay takes over.',
      resolve: (d) => (d.pendingWithdrawalDelayHoursEnabledAt ? d.pendingWithdrawalDelayHoursEnabledAt : null),
    }),
  }),
});

const DepositAddressRef = builder.objectRef<{ address: string; blockchain: string }>('DepositAddress').implement({
  description: 'Where to send funds to deposit them.',
  fields: (t) => ({
    blockchain: t.exposeString('blockchain', { description: 'Chain of the address (wire spelling).' }),
    address: t.exposeString('address', { description: 'The address.' }),
  }),
});

const TwoFactorTokenRef = builder.objectRef<TwoFactorToken>('TwoFactorToken').implement({
  description: 'A signature issued by the exchange (semantics undocumented; presumably usable as a twoFactorToken).',
  fields: (t) => ({ signature: t.exposeString('signature', { description: 'The issued signature.' }) }),
});

const DepositPageRef = pageOf('DepositPage', DepositRef, 'A page of deposits.');
const WithdrawalPageRef = pageOf('WithdrawalPage', WithdrawalRef, 'A page of withdrawals.');

builder.objectFields(AccountRef, (t) => ({
  deposits: t.field({
    type: DepositPageRef,
    description: 'Deposits into the account.',
    args: { ...timeRangeArgs(t.arg), ...pageArgs(t.arg) },
    resolve: (_, args, ctx) => exchangePage(ctx, 'getDeposits', timeRangeParams(args), pageWindow(args)),
  }),
  depositAddress: t.field({
    type: DepositAddressRef,
    description: 'The account deposit address on a blockchain.',
    args: { blockchain: t.arg({ type: BlockchainEnum, required: true, description: 'The chain.' }) },
    resolve: async (_, { blockchain }, ctx) => ({
      ...(await ctx.exchange.call('getDepositAddress', { blockchain })),
      blockchain,
    }),
  }),
  withdrawals: t.field({
    type: WithdrawalPageRef,
    description: 'Withdrawals from the account.',
    args: { ...timeRangeArgs(t.arg), ...pageArgs(t.arg) },
    resolve: (_, args, ctx) => exchangePage(ctx, 'getWithdrawals', timeRangeParams(args), pageWindow(args)),
  }),
  withdrawalDelay: t.field({
    type: WithdrawalDelayRef,
    description:
      'The configured withdrawal delay. The exchange serves it to web sessions only, so API keys get an error.',
    resolve: (_, __, ctx) => ctx.exchange.call('getWithdrawalDelay', {}),
  }),
}));

const WithdrawalInput = builder.inputType('RequestWithdrawalInput', {
  description: 'A withdrawal to an address.',
  fields: (t) => ({
    asset: t.string({ required: true, description: 'Asset to withdraw, e.g. `USDC`.' }),
    quantity: t.field({ type: 'Decimal', required: true, description: 'Quantity, greater than zero.' }),
    blockchain: t.field({ type: BlockchainEnum, required: true, description: 'Chain to send it on.' }),
    address: t.string({ required: true, description: 'Destination address.' }),
    clientId: t.string({ description: 'Your reference, at most 255 characters.' }),
    twoFactorToken: t.string({ description: 'One-time 2FA token; required unless the address is 2FA-exempt.' }),
    autoBorrow: t.boolean({ description: 'Borrow to fund the withdrawal.' }),
    autoLendRedeem: t.boolean({ description: 'Redeem lent funds to fund the withdrawal.' }),
  }),
});

const WithdrawalDelayInput = builder.inputType('WithdrawalDelayInput', {
  description: 'A withdrawal delay change (needs 2FA).',
  fields: (t) => ({
    hours: t.int({ required: true, description: 'Delay in hours, 0 or more.' }),
    twoFactorToken: t.string({ required: true, description: 'One-time 2FA token.' }),
  }),
});

function delayPayload(input: { hours: number; twoFactorToken: string }) {
  if (input.hours < 0) reject(violation('hours', 'hours must be 0 or more'));
  return { withdrawalDelayHours: input.hours, twoFactorToken: input.twoFactorToken };
}

builder.mutationFields((t) => ({
  requestWithdrawal: t.field({
    authScopes: { withdraw: true },
    type: WithdrawalRef,
    description:
      'Requests a withdrawal. Never retried blindly: it is sent with a clientId (a random one when none is given) ' +
      'and, when the answer is lost, looked up in the withdrawal history: found is a success flagged `recovered`, ' +
      'surely absent is RequestNotApplied, otherwise OutcomeUnknown (check `account.withdrawals`).',
    errors: {
      ...resultOf('RequestWithdrawal', 'withdrawal', 'The withdrawal as the exchange recorded it.'),
      result: {
        name: 'RequestWithdrawalSuccess',
        description: 'RequestWithdrawal succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description:
              "True when the exchange's answer was lost and the withdrawal was found in the history by clientId.",
            resolve: (withdrawal) => isRecoveredWithdrawal(withdrawal),
          }),
        }),
      },
    },
    args: { input: t.arg({ type: WithdrawalInput, required: true, description: 'What to withdraw and where.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        reject(
          firstViolation(
            () => positiveAmount('quantity', input.quantity),
            () => (input.address.trim() === '' ? violation('address', 'address must not be empty') : null),
            () => maxLength('clientId', input.clientId, 255),
          ),
        );
        reject(validateWithdrawal(input, await ctx.loaders.asset.load(input.asset)));
        const { asset, ...rest } = input;
        return requestWithdrawal(ctx, {
          ...compact(rest),
          symbol: asset,
          quantity: input.quantity,
          blockchain: input.blockchain,
          address: input.address,
        });
      }),
  }),
  createWithdrawalDelay: t.field({
    authScopes: { withdraw: true },
    type: WithdrawalDelayRef,
    nullable: true,
    description:
      'Sets a withdrawal delay. The exchange accepts this from web sessions only, so API keys get ExchangeRejected.',
    errors: resultOf(
      'CreateWithdrawalDelay',
      'withdrawalDelay',
      'The delay after the change; null if it could not be re-read (the change was applied).',
    ),
    args: { input: t.arg({ type: WithdrawalDelayInput, required: true, description: 'The delay and a 2FA token.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        const payload = delayPayload(input);
        await ctx.exchange.call('createWithdrawalDelay', payload);
        return reread(() => ctx.exchange.call('getWithdrawalDelay', {}));
      }),
  }),
  updateWithdrawalDelay: t.field({
    authScopes: { withdraw: true },
    type: WithdrawalDelayRef,
    description:
      'Changes the withdrawal delay (applies after the current delay). Web sessions only: API keys get ExchangeRejected.',
    errors: resultOf('UpdateWithdrawalDelay', 'withdrawalDelay', 'The delay after the change.'),
    args: { input: t.arg({ type: WithdrawalDelayInput, required: true, description: 'The delay and a 2FA token.' }) },
    resolve: (_, { input }, ctx) =>
      mutate(ctx, async () => {
        const payload = delayPayload(input);
        return ctx.exchange.call('updateWithdrawalDelay', payload);
      }),
  }),
  issueTwoFactorToken: t.field({
    authScopes: { withdraw: true },
    type: TwoFactorTokenRef,
    description: 'Asks the exchange to issue a two-factor token signature (undocumented semantics).',
    errors: resultOf('IssueTwoFactorToken', 'token', 'The issued token.'),
    args: {
      app: t.arg.string({ description: 'Authenticator app identifier, if any.' }),
      email: t.arg.string({ description: 'Email to send a code to, if any.' }),
    },
    resolve: (_, args, ctx) => mutate(ctx, () => ctx.exchange.call('issueTwoFactorToken', compact(args))),
  }),
}));
