// Capital: balances per asset, the margin summary with collateral per asset, dust conversion and its history.
import type { Balance, Collateral, MarginAccountSummary } from '../exchange/types/capital.ts';
import type { DustConversion } from '../exchange/types/history.ts';
import { AccountRef } from './account.ts';
import { AssetRef } from './asset.ts';
import { builder } from './builder.ts';
import { exchangePage, pageArgs, pageOf, pageWindow, sortArg, sortParams } from './pagination.ts';
import { compact, intIdArg, mutate, reread, resultOf } from './private.ts';
import { addDecimals } from './validation/decimal.ts';

/** `/capital` is an object keyed by asset; each entry becomes a row that knows its asset. */
export type BalanceRow = Balance & { readonly symbol: string };

const decimal = (description: string) => ({ type: 'Decimal' as const, description });

export const BalanceRef = builder.objectRef<BalanceRow>('Balance').implement({
  description: 'Holdings of one asset.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset; null if the exchange no longer lists it.',
      resolve: (b, _, ctx) => ctx.loaders.asset.load(b.symbol),
    }),
    available: t.field({ ...decimal('Free to trade or withdraw.'), resolve: (b) => b.available }),
    locked: t.field({ ...decimal('Held by open orders.'), resolve: (b) => b.locked }),
    staked: t.field({ ...decimal('Staked.'), resolve: (b) => b.staked }),
    total: t.field({
      ...decimal('available + locked + staked, computed exactly.'),
      resolve: (b) => addDecimals(b.available, b.locked, b.staked),
    }),
  }),
});

const CollateralRef = builder.objectRef<Collateral>('Collateral').implement({
  description: 'How one asset counts towards the account margin.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    asset: t.field({
      type: AssetRef,
      nullable: true,
      description: 'The asset; null if the exchange no longer lists it.',
      resolve: (c, _, ctx) => ctx.loaders.asset.load(c.symbol),
    }),
    assetMarkPrice: t.field({ ...decimal('Mark price of the asset in USDC.'), resolve: (c) => c.assetMarkPrice }),
    totalQuantity: t.field({ ...decimal('Quantity held, before the haircut.'), resolve: (c) => c.totalQuantity }),
    balanceNotional: t.field({ ...decimal('Value of the quantity held, in USDC.'), resolve: (c) => c.balanceNotional }),
    collateralWeight: t.field({
      ...decimal('Haircut weight applied to the value.'),
      resolve: (c) => c.collateralWeight,
    }),
    collateralValue: t.field({
      ...decimal('Value counted as collateral, in USDC.'),
      resolve: (c) => c.collateralValue,
    }),
    openOrderQuantity: t.field({ ...decimal('Quantity held by open orders.'), resolve: (c) => c.openOrderQuantity }),
    lendQuantity: t.field({ ...decimal('Quantity lent out.'), resolve: (c) => c.lendQuantity }),
    availableQuantity: t.field({ ...decimal('Quantity free to use.'), resolve: (c) => c.availableQuantity }),
  }),
});

const MarginAccountSummaryRef = builder.objectRef<MarginAccountSummary>('MarginAccountSummary').implement({
  description: 'Equity, margin and collateral of the account (values in USDC).',
  fields: (t) => ({
    assetsValue: t.field({ ...decimal('Value of all assets.'), resolve: (m) => m.assetsValue }),
    borrowLiability: t.field({ ...decimal('Value of all borrows.'), resolve: (m) => m.borrowLiability }),
    liabilitiesValue: t.field({ ...decimal('Value of all liabilities.'), resolve: (m) => m.liabilitiesValue }),
    collateral: t.field({
      type: [CollateralRef],
      description: 'Collateral per asset.',
      resolve: (m) => [...m.collateral],
    }),
    imf: t.field({ ...decimal('Initial margin fraction required.'), resolve: (m) => m.imf }),
    mmf: t.field({ ...decimal('Maintenance margin fraction required.'), resolve: (m) => m.mmf }),
    marginFraction: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Current margin fraction; null without liabilities.',
      resolve: (m) => m.marginFraction ?? null,
    }),
    netEquity: t.field({ ...decimal('Equity after liabilities.'), resolve: (m) => m.netEquity }),
    netEquityAvailable: t.field({ ...decimal('Equity free for new positions.'), resolve: (m) => m.netEquityAvailable }),
    netEquityLocked: t.field({ ...decimal('Equity held by orders and positions.'), resolve: (m) => m.netEquityLocked }),
    netExposureFutures: t.field({ ...decimal('Net futures exposure.'), resolve: (m) => m.netExposureFutures }),
    pnlUnrealized: t.field({ ...decimal('Unrealized PnL of open positions.'), resolve: (m) => m.pnlUnrealized }),
    unsettledEquity: t.field({ ...decimal('Equity not yet settled.'), resolve: (m) => m.unsettledEquity }),
  }),
});

const DustConversionRef = builder.objectRef<DustConversion>('DustConversion').implement({
  description: 'A small balance converted into USDC.',
  fields: (t) => ({
    id: t.id({ description: 'Conversion id.', resolve: (d) => String(d.id) }),
    symbol: t.exposeString('symbol', { description: 'Asset converted.' }),
    quantity: t.field({ ...decimal('Quantity converted.'), resolve: (d) => d.quantity }),
    usdcReceived: t.field({ ...decimal('USDC received.'), resolve: (d) => d.usdcReceived }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it was converted.',
      resolve: (d) => d.timestamp,
    }),
  }),
});

const DustConversionPageRef = pageOf('DustConversionPage', DustConversionRef, 'A page of dust conversions.');

/** Balances as rows, in the exchange's key order. */
export function balanceRows(balances: Readonly<Record<string, Balance>> | null): BalanceRow[] {
  return Object.entries(balances ?? {}).map(([symbol, balance]) => ({ ...balance, symbol }));
}

builder.objectFields(AccountRef, (t) => ({
  balances: t.field({
    type: [BalanceRef],
    description: 'Holdings per asset.',
    resolve: async (_, __, ctx) => balanceRows(await ctx.exchange.call('getBalances', {})),
  }),
  collateral: t.field({
    type: MarginAccountSummaryRef,
    description: 'Margin summary with collateral per asset.',
    args: { subaccountId: t.arg.int({ description: 'A subaccount instead of the main account.' }) },
    resolve: (_, { subaccountId }, ctx) => ctx.exchange.call('getCollateral', compact({ subaccountId })),
  }),
  dustHistory: t.field({
    type: DustConversionPageRef,
    description: 'Past dust conversions.',
    args: {
      asset: t.arg.string({ description: 'Only this asset.' }),
      id: t.arg.id({ description: 'Only this conversion.' }),
      ...pageArgs(t.arg),
      sortDirection: sortArg(t.arg),
    },
    resolve: (_, args, ctx) => {
      const filters = compact({ symbol: args.asset, id: intIdArg('id', args.id) });
      return exchangePage(ctx, 'getDustHistory', { ...filters, ...sortParams(args) }, pageWindow(args));
    },
  }),
}));

builder.mutationField('convertDust', (t) =>
  t.field({
    authScopes: { trade: true },
    type: [BalanceRef],
    nullable: true,
    description:
      'Converts small balances (dust) of one asset, or of all assets, into USDC; returns the balances afterwards.',
    errors: resultOf(
      'ConvertDust',
      'balances',
      'Holdings per asset after the conversion; null if they could not be re-read (the conversion was done).',
    ),
    args: { asset: t.arg.string({ description: 'Asset to convert; omitted = all dust.' }) },
    resolve: (_, { asset }, ctx) =>
      mutate(ctx, async () => {
        await ctx.exchange.call('convertDust', compact({ symbol: asset }));
        return reread(async () => balanceRows(await ctx.exchange.call('getBalances', {})));
      }),
  }),
);
