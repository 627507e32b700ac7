// Vaults, public part: the vault list and NAV history. (Minting and redeeming live with the account domain.)
import type { Vault, VaultHistory } from '../exchange/types/vaults.ts';
import { builder } from './builder.ts';
import { VaultHistoryIntervalEnum } from './enums.ts';
import { badUserInput } from './errors.ts';

export const VaultRef = builder.objectRef<Vault>('Vault').implement({
  description: 'A vault: deposit an asset, receive vault tokens that track its NAV.',
  fields: (t) => ({
    id: t.id({ description: 'Vault id.', resolve: (v) => String(v.id) }),
    vaultToken: t.exposeString('vaultToken', { description: 'Symbol of the vault token.' }),
    symbol: t.exposeString('symbol', { description: 'Asset used to mint and redeem.' }),
    mintsEnabled: t.exposeBoolean('mintsEnabled', { description: 'Whether minting is open.' }),
    redeemsEnabled: t.exposeBoolean('redeemsEnabled', { description: 'Whether redeeming is open.' }),
    minMintQuantity: t.field({
      type: 'Decimal',
      description: 'Smallest mint, in `symbol`.',
      resolve: (v) => v.minMintQuantity,
    }),
    minRedeemTokens: t.field({
      type: 'Decimal',
      description: 'Smallest redeem, in vault tokens.',
      resolve: (v) => v.minRedeemTokens,
    }),
    redeemDelayMs: t.float({
      description: 'Delay between a redeem request and its execution, in whole ms.',
      resolve: (v) => v.redeemDelayMs,
    }),
    tokenStepSize: t.field({
      type: 'Decimal',
      description: 'Vault token quantities are multiples of this.',
      resolve: (v) => v.tokenStepSize,
    }),
    remainingMintQuantity: t.field({
      type: 'Decimal',
      description: 'How much more can be minted.',
      resolve: (v) => v.remainingMintQuantity,
    }),
  }),
});

const VaultSnapshotRef = builder.objectRef<VaultHistory>('VaultSnapshot').implement({
  description: 'NAV, equity and supply of a vault at one point in time.',
  fields: (t) => ({
    vaultId: t.id({ description: 'Vault id.', resolve: (h) => String(h.vaultId) }),
    timestamp: t.field({
      type: 'Timestamp',
      description: 'Time of the snapshot.',
      resolve: (h) => h.timestamp,
    }),
    nav: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Net asset value per vault token.',
      resolve: (h) => h.nav ?? null,
    }),
    vaultEquity: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Total vault equity in USDC.',
      resolve: (h) => h.vaultEquity ?? null,
    }),
    tokenCirculatingSupply: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Vault tokens in circulation.',
      resolve: (h) => h.tokenCirculatingSupply ?? null,
    }),
  }),
});

function vaultIdArg(id: string | null | undefined): number | undefined {
  if (id == null) return undefined;
  if (!/^\d{1,10}$/.test(id) || Number(id) > 0xffffffff)
    throw badUserInput('vaultId must be a vault id such as "1"', 'vaultId');
  return Number(id);
}

builder.queryFields((t) => ({
  vaults: t.field({
    type: [VaultRef],
    description: 'Every vault with its mint and redeem limits.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getVaults', {})) ?? [])],
  }),
  vaultHistory: t.field({
    type: [VaultSnapshotRef],
    description: 'NAV, equity and supply history of vaults over a window.',
    args: {
      interval: t.arg({ type: VaultHistoryIntervalEnum, required: true, description: 'How far back to look.' }),
      vaultId: t.arg.id({ description: 'One vault; omitted = all vaults.' }),
    },
    resolve: async (_, { interval, vaultId }, ctx) => {
      const id = vaultIdArg(vaultId === undefined || vaultId === null ? null : String(vaultId));
      return [
        ...((await ctx.exchange.call(
          'getVaultsHistory',
          id === undefined ? { interval } : { interval, vaultId: id },
        )) ?? []),
      ];
    },
  }),
}));
