// Vaults on the account side: mint, redeem, cancel (empty-body endpoints) and the mint/redeem/NAV reads.
import { describe, expect, it } from 'vitest';
import { harness } from './accountHarness.ts';

const vault = {
  id: 1,
  vaultToken: 'bpUSDC',
  symbol: 'USDC',
  mintsEnabled: true,
  redeemsEnabled: true,
  minMintQuantity: '10',
  minRedeemTokens: '1',
  redeemDelayMs: 86_400_000,
  tokenStepSize: '0.000001',
  remainingMintQuantity: '1000000',
};
const redeem = {
  status: 'Requested',
  id: 'r-1',
  vaultId: 1,
  vaultTokenQuantity: '5',
  vaultToken: 'bpUSDC',
  symbol: 'USDC',
  quantity: null,
  nav: null,
  reason: null,
  timestamp: 1788285244094,
};

describe('vault mutations', () => {
  it('mints into a vault in the vault asset and echoes what was accepted', async () => {
    const h = harness({ getVaults: () => [vault], vaultMint: () => null });
    const result = await h.run(
      `mutation { mintVault(vaultId: "1", quantity: "25.5", autoBorrow: false) { __typename ... on MintVaultSuccess { request { quantity vault { id vaultToken } } } } }`,
    );
    expect(result.data.mintVault).toEqual({
      __typename: 'MintVaultSuccess',
      request: { quantity: '25.5', vault: { id: '1', vaultToken: 'bpUSDC' } },
    });
    expect(h.paramsOf('vaultMint')).toEqual([{ vaultId: 1, symbol: 'USDC', quantity: '25.5', autoBorrow: false }]);
  });

  it('refuses unknown vaults and mints below the minimum without calling', async () => {
    const h = harness({ getVaults: () => [vault] });
    const small = await h.run(
      `mutation { mintVault(vaultId: "1", quantity: "9.99") { __typename ... on InvalidInput { field } } }`,
    );
    expect(small.data.mintVault).toEqual({ __typename: 'InvalidInput', field: 'quantity' });
    const unknown = await h.run(
      `mutation { mintVault(vaultId: "7", quantity: "100") { __typename ... on InvalidInput { field } } }`,
    );
    expect(unknown.data.mintVault).toEqual({ __typename: 'InvalidInput', field: 'vaultId' });
    expect(h.upstream.count('vaultMint')).toBe(0);
  });

  it('requests a redeem (all tokens when no quantity) and cancels it', async () => {
    const h = harness({ getVaults: () => [vault], vaultRedeem: () => null, cancelVaultRedeem: () => null });
    const result = await h.run(`mutation {
      some: requestVaultRedeem(vaultId: "1", vaultTokenQuantity: "5") { ... on RequestVaultRedeemSuccess { request { quantity } } }
      all: requestVaultRedeem(vaultId: "1") { ... on RequestVaultRedeemSuccess { request { quantity } } }
      cancelVaultRedeem(vaultId: "1") { ... on CancelVaultRedeemSuccess { request { vault { id } quantity } } }
    }`);
    expect(result.data).toEqual({
      some: { request: { quantity: '5' } },
      all: { request: { quantity: null } },
      cancelVaultRedeem: { request: { vault: { id: '1' }, quantity: null } },
    });
    expect(h.paramsOf('vaultRedeem')).toEqual([{ vaultId: 1, vaultTokenQuantity: '5' }, { vaultId: 1 }]);
    expect(h.paramsOf('cancelVaultRedeem')).toEqual([{ vaultId: 1 }]);
  });
});

describe('vault reads', () => {
  it('pages mints and redeems, lists pending redeems and reads the NAV defensively', async () => {
    const h = harness({
      getVaultMintHistory: () => [
        {
          id: 'm-1',
          vaultId: 1,
          vaultToken: 'bpUSDC',
          symbol: 'USDC',
          quantity: '25.5',
          vaultTokensMinted: '25.1',
          nav: '1.0159',
          timestamp: 1788285244094,
        },
      ],
      getVaultRedeemHistory: () => [redeem],
      getVaultPendingRedeems: () => [redeem],
      getVaultNav: () => [
        { vaultId: 1, vaultToken: 'bpUSDC', nav: '1.0159', timestamp: 1788285244094 },
        { unexpected: true },
      ],
    });
    const result = await h.run(`{ account {
      vaultMints(vaultId: "1") { items { id vaultTokensMinted timestamp } }
      vaultRedeems { items { id status vaultTokenQuantity } }
      vaultPendingRedeems(vaultId: "1") { id status }
      vaultNav { vaultId nav timestamp }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      vaultMints: { items: [{ id: 'm-1', vaultTokensMinted: '25.1', timestamp: '2026-09-01T17:54:04.094Z' }] },
      vaultRedeems: { items: [{ id: 'r-1', status: 'REQUESTED', vaultTokenQuantity: '5' }] },
      vaultPendingRedeems: [{ id: 'r-1', status: 'REQUESTED' }],
      vaultNav: [
        { vaultId: '1', nav: '1.0159', timestamp: '2026-09-01T17:54:04.094Z' },
        { vaultId: null, nav: null, timestamp: null },
      ],
    });
    expect(h.paramsOf('getVaultMintHistory')).toEqual([{ vaultId: 1, limit: 101, offset: 0 }]);
    expect(h.paramsOf('getVaultPendingRedeems')).toEqual([{ vaultId: 1 }]);
  });
});
