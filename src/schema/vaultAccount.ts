// Vaults, account side: mint and redeem history, pending redeems, NAV, and the mint / redeem / cancel mutations.
import type { Vault, VaultRedeem } from '../exchange/types/vaults.ts';
import type { VaultMint } from '../exchange/types/vaults.ts';
import { AccountRef } from './account.ts';
import { builder } from './builder.ts';
import { mintVault, requestVaultRedeem } from './vaultOutcome.ts';
import type { GatewayContext } from './context.ts';
import { VaultRedeemStatusEnum } from './enums.ts';
import { exchangePage, pageArgs, pageOf, pageWindow } from './pagination.ts';
import { compact, mutate, reject, resultOf, u32Arg } from './private.ts';
import { VaultRef } from './vault.ts';
import { unconfirmedDescription } from './unconfirmed.ts';
import { compareDecimal } from './validation/decimal.ts';
import { firstViolation, positiveDecimal, violation } from './validation/rules.ts';

const decimal = (description: string) => ({ type: 'Decimal' as const, description });
const optionalDecimal = (description: string) => ({ type: 'Decimal' as const, nullable: true as const, description });

const VaultMintRef = builder.objectRef<VaultMint>('VaultMint').implement({
  description: 'A deposit of an asset into a vault in exchange for vault tokens.',
  fields: (t) => ({
    id: t.id({ description: 'Mint id.', resolve: (m) => m.id }),
    vaultId: t.id({ description: 'Vault id.', resolve: (m) => String(m.vaultId) }),
    vaultToken: t.exposeString('vaultToken', { description: 'Vault token symbol.' }),
    symbol: t.exposeString('symbol', { description: 'Asset deposited.' }),
    quantity: t.field({ ...decimal('Quantity deposited.'), resolve: (m) => m.quantity }),
    vaultTokensMinted: t.field({ ...decimal('Vault tokens received.'), resolve: (m) => m.vaultTokensMinted }),
    nav: t.field({ ...decimal('NAV per token at the mint.'), resolve: (m) => m.nav }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'When it was minted.',
      resolve: (m) => m.timestamp,
    }),
  }),
});

const VaultRedeemRef = builder.objectRef<VaultRedeem>('VaultRedeem').implement({
  description: 'A redemption of vault tokens (requested, redeemed or cancelled).',
  fields: (t) => ({
    id: t.id({ description: 'Redeem id.', resolve: (r) => r.id }),
    vaultId: t.id({ description: 'Vault id.', resolve: (r) => String(r.vaultId) }),
    status: t.field({ type: VaultRedeemStatusEnum, description: 'State of the redemption.', resolve: (r) => r.status }),
    vaultTokenQuantity: t.field({ ...decimal('Vault tokens redeemed.'), resolve: (r) => r.vaultTokenQuantity }),
    vaultToken: t.string({ nullable: true, description: 'Vault token symbol.', resolve: (r) => r.vaultToken ?? null }),
    symbol: t.string({ nullable: true, description: 'Asset paid out.', resolve: (r) => r.symbol ?? null }),
    quantity: t.field({ ...optionalDecimal('Asset paid out, once redeemed.'), resolve: (r) => r.quantity ?? null }),
    nav: t.field({ ...optionalDecimal('NAV per token at redemption.'), resolve: (r) => r.nav ?? null }),
    reason: t.string({
      nullable: true,
      description: 'Why it was cancelled, if it was.',
      resolve: (r) => r.reason ?? null,
    }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'Last change.',
      resolve: (r) => r.timestamp,
    }),
  }),
});

/** `/vault/nav` is undocumented; its rows are read defensively (sandbox and third-party shape: vaultId, nav, timestamp). */
interface VaultNavRow {
  readonly vaultId: string | null;
  readonly vaultToken: string | null;
  readonly nav: string | null;
  readonly timestamp: number | string | null;
}

function navRows(data: unknown): VaultNavRow[] {
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : [];
  return rows
    .filter((row): row is Record<string, unknown> => !!row && typeof row === 'object')
    .map((row) => ({
      vaultId: row['vaultId'] == null ? null : String(row['vaultId']),
      vaultToken: typeof row['vaultToken'] === 'string' ? row['vaultToken'] : null,
      nav: typeof row['nav'] === 'string' ? row['nav'] : null,
      timestamp: typeof row['timestamp'] === 'number' || typeof row['timestamp'] === 'string' ? row['timestamp'] : null,
    }));
}

const VaultNavRef = builder.objectRef<VaultNavRow>('VaultNav').implement({
  description: 'Current NAV of a vault (undocumented endpoint: fields the exchange omits are null).',
  fields: (t) => ({
    vaultId: t.id({ nullable: true, description: 'Vault id.', resolve: (n) => n.vaultId }),
    vaultToken: t.string({ nullable: true, description: 'Vault token symbol.', resolve: (n) => n.vaultToken }),
    nav: t.field({ ...optionalDecimal('Asset value per vault token.'), resolve: (n) => n.nav }),
    timestamp: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When it was computed.',
      resolve: (n) => n.timestamp,
    }),
  }),
});

const VaultMintPageRef = pageOf('VaultMintPage', VaultMintRef, 'A page of vault mints.');
const VaultRedeemPageRef = pageOf('VaultRedeemPage', VaultRedeemRef, 'A page of vault redemptions.');

builder.objectFields(AccountRef, (t) => ({
  vaultMints: t.field({
    type: VaultMintPageRef,
    description: 'Vault mints of the account.',
    args: { vaultId: t.arg.id({ description: 'Only this vault.' }), ...pageArgs(t.arg) },
    resolve: (_, args, ctx) =>
      exchangePage(ctx, 'getVaultMintHistory', compact({ vaultId: u32Arg('vaultId', args.vaultId) }), pageWindow(args)),
  }),
  vaultRedeems: t.field({
    type: VaultRedeemPageRef,
    description: 'Vault redemptions of the account.',
    args: { vaultId: t.arg.id({ description: 'Only this vault.' }), ...pageArgs(t.arg) },
    resolve: (_, args, ctx) =>
      exchangePage(
        ctx,
        'getVaultRedeemHistory',
        compact({ vaultId: u32Arg('vaultId', args.vaultId) }),
        pageWindow(args),
      ),
  }),
  vaultPendingRedeems: t.field({
    type: [VaultRedeemRef],
    description: unconfirmedDescription(
      'getVaultPendingRedeems',
      'Redemptions waiting for the vault redeem delay (reportedly admin-only).',
    ),
    args: { vaultId: t.arg.id({ required: true, description: 'The vault.' }) },
    resolve: async (_, { vaultId }, ctx) => {
      const rows = await ctx.exchange.call('getVaultPendingRedeems', { vaultId: u32Arg('vaultId', vaultId) as number });
      return Array.isArray(rows) ? (rows as VaultRedeem[]) : [];
    },
  }),
  vaultNav: t.field({
    type: [VaultNavRef],
    description: unconfirmedDescription('getVaultNav', 'Current NAV per vault.'),
    resolve: async (_, __, ctx) => navRows(await ctx.exchange.call('getVaultNav', {})),
  }),
}));

/** The vault behind an id argument, from the public vault list; InvalidInput when there is none. */
async function vaultFor(ctx: GatewayContext, id: string): Promise<Vault> {
  const vaultId = u32Arg('vaultId', id) as number;
  const vault = ((await ctx.exchange.call('getVaults', {})) ?? []).find((v) => v.id === vaultId);
  if (!vault) reject(violation('vaultId', `Unknown vault ${id}`));
  return vault as Vault;
}

interface VaultRequest {
  readonly vault: Vault;
  readonly quantity: string | null;
  /** True when the answer was lost and the request was found in the vault's history. */
  readonly recovered?: boolean;
}

const VaultRequestRef = builder.objectRef<VaultRequest>('VaultRequest').implement({
  description: 'A vault mint, redeem or cancel the exchange accepted (it answers these with an empty body).',
  fields: (t) => ({
    vault: t.field({ type: VaultRef, description: 'The vault.', resolve: (r) => r.vault }),
    quantity: t.field({
      ...optionalDecimal(
        'Quantity requested: asset for a mint, vault tokens for a redeem (null = all tokens or a cancel).',
      ),
      resolve: (r) => r.quantity,
    }),
  }),
});

builder.mutationFields((t) => ({
  mintVault: t.field({
    authScopes: { trade: true },
    type: VaultRequestRef,
    description:
      'Deposits an asset into a vault for vault tokens. Never retried blindly: when the answer is lost it is looked ' +
      'up in the mint history (vault, quantity, within the signed window): found is a success flagged `recovered`, ' +
      'surely absent is RequestNotApplied, otherwise OutcomeUnknown (check `account.vaultMints`).',
    errors: {
      ...resultOf('MintVault', 'request', 'The accepted mint.'),
      result: {
        name: 'MintVaultSuccess',
        description: 'MintVault succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description: "True when the exchange's answer was lost and the request was found in the vault's history.",
            resolve: (request) => request.recovered === true,
          }),
        }),
      },
    },
    args: {
      vaultId: t.arg.id({ required: true, description: 'The vault.' }),
      quantity: t.arg({
        type: 'Decimal',
        required: true,
        description: 'Asset quantity, at least the vault minMintQuantity.',
      }),
      autoBorrow: t.arg.boolean({ description: 'Borrow to fund the mint.' }),
      autoLendRedeem: t.arg.boolean({ description: 'Redeem lent funds to fund the mint.' }),
    },
    resolve: (_, { vaultId, quantity, autoBorrow, autoLendRedeem }, ctx) =>
      mutate(ctx, async () => {
        reject(positiveDecimal('quantity', quantity));
        const vault = await vaultFor(ctx, vaultId);
        reject(
          firstViolation(
            () =>
              vault.mintsEnabled ? null : violation('vaultId', `Vault ${vault.id} does not accept mints right now`),
            () =>
              compareDecimal(quantity, vault.minMintQuantity) < 0
                ? violation('quantity', `quantity is below the vault minimum ${vault.minMintQuantity}`)
                : null,
          ),
        );
        const { recovered } = await mintVault(ctx, {
          vaultId: vault.id,
          symbol: vault.symbol,
          quantity,
          ...compact({ autoBorrow, autoLendRedeem }),
        });
        return { vault, quantity, recovered };
      }),
  }),
  requestVaultRedeem: t.field({
    authScopes: { trade: true },
    type: VaultRequestRef,
    description:
      'Requests redemption of vault tokens; it completes after the vault redeem delay. Never retried blindly: when ' +
      'the answer is lost it is looked up in the redeem history: found is a success flagged `recovered`, surely ' +
      'absent is RequestNotApplied, otherwise OutcomeUnknown (check `account.vaultRedeems`).',
    errors: {
      ...resultOf('RequestVaultRedeem', 'request', 'The accepted redeem request.'),
      result: {
        name: 'RequestVaultRedeemSuccess',
        description: 'RequestVaultRedeem succeeded.',
        fields: (r) => ({
          recovered: r.boolean({
            description: "True when the exchange's answer was lost and the request was found in the vault's history.",
            resolve: (request) => request.recovered === true,
          }),
        }),
      },
    },
    args: {
      vaultId: t.arg.id({ required: true, description: 'The vault.' }),
      vaultTokenQuantity: t.arg({ type: 'Decimal', description: 'Vault tokens to redeem; omitted = all.' }),
    },
    resolve: (_, { vaultId, vaultTokenQuantity }, ctx) =>
      mutate(ctx, async () => {
        reject(positiveDecimal('vaultTokenQuantity', vaultTokenQuantity));
        const vault = await vaultFor(ctx, vaultId);
        const { recovered } = await requestVaultRedeem(ctx, { vaultId: vault.id, ...compact({ vaultTokenQuantity }) });
        return { vault, quantity: vaultTokenQuantity ?? null, recovered };
      }),
  }),
  cancelVaultRedeem: t.field({
    authScopes: { trade: true },
    type: VaultRequestRef,
    description: 'Cancels the pending redeem request on a vault.',
    errors: resultOf('CancelVaultRedeem', 'request', 'The vault whose redeem was cancelled.'),
    args: { vaultId: t.arg.id({ required: true, description: 'The vault.' }) },
    resolve: (_, { vaultId }, ctx) =>
      mutate(ctx, async () => {
        const vault = await vaultFor(ctx, vaultId);
        await ctx.exchange.call('cancelVaultRedeem', { vaultId: vault.id });
        return { vault, quantity: null };
      }),
  }),
}));
