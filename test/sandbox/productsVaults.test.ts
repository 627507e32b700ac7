// Vaults through their handlers: mint at NAV, delayed redeem at NAV, cancel, histories, pending redeems, NAV.
import { describe, expect, it } from 'vitest';
import type { Vault, VaultHistory, VaultMint, VaultRedeem } from '../../src/exchange/types/vaults.ts';
import { body, createWorld, failure } from './productsFixture.ts';

describe('vaults', () => {
  it('mints vault tokens at NAV and redeems them after the delay at the later NAV', () => {
    const world = createWorld();
    const [usdcVault] = body<Vault[]>(world.call('getVaults', null));
    expect(usdcVault).toMatchObject({
      id: 1,
      vaultToken: 'bpUSDC',
      symbol: 'USDC',
      mintsEnabled: true,
      redeemDelayMs: 60_000,
    });

    expect(world.call('vaultMint', 'demo', { vaultId: 1, symbol: 'USDC', quantity: '1000' })).toMatchObject({
      status: 200,
      json: undefined,
    });
    expect(world.available('demo', 'USDC')).toBe('99000');
    const [mint] = body<VaultMint[]>(world.call('getVaultMintHistory', 'demo'));
    expect(mint).toMatchObject({
      vaultId: 1,
      vaultToken: 'bpUSDC',
      symbol: 'USDC',
      quantity: '1000',
      timestamp: world.now(),
    });
    const nav = Number(mint?.nav);
    expect(nav).toBeGreaterThan(1);
    expect(Number(mint?.vaultTokensMinted)).toBeCloseTo(1000 / nav, 5);
    expect(world.available('demo', 'bpUSDC')).toBe(mint?.vaultTokensMinted);

    world.call('vaultRedeem', 'demo', { vaultId: 1 });
    expect(world.available('demo', 'bpUSDC')).toBe('0');
    expect(world.locked('demo', 'bpUSDC')).toBe(mint?.vaultTokensMinted);
    expect(body<VaultRedeem[]>(world.call('getVaultPendingRedeems', 'demo', { vaultId: 1 }))).toEqual([
      expect.objectContaining({ status: 'Requested', vaultTokenQuantity: mint?.vaultTokensMinted }),
    ]);

    world.advance(59_000);
    expect(world.locked('demo', 'bpUSDC')).toBe(mint?.vaultTokensMinted);
    world.advance(1_000);
    const [redeem] = body<VaultRedeem[]>(world.call('getVaultRedeemHistory', 'demo'));
    expect(redeem).toMatchObject({ status: 'Redeemed', vaultId: 1, symbol: 'USDC' });
    expect(Number(redeem?.nav)).toBeGreaterThanOrEqual(nav);
    expect(world.locked('demo', 'bpUSDC')).toBe('0');
    expect(Number(world.available('demo', 'USDC'))).toBeCloseTo(99_000 + Number(redeem?.quantity), 6);
    expect(Number(redeem?.quantity)).toBeGreaterThan(999.99);
    expect(Number(redeem?.quantity)).toBeLessThanOrEqual(1000.01);
  });

  it('cancels a pending redeem, unlocking the tokens', () => {
    const world = createWorld();
    world.call('vaultMint', 'alice', { vaultId: 2, symbol: 'SOL', quantity: '10' });
    const tokens = world.available('alice', 'bpSOL');
    world.call('vaultRedeem', 'alice', { vaultId: 2, vaultTokenQuantity: '1' });
    expect(failure(() => world.call('vaultRedeem', 'alice', { vaultId: 2, vaultTokenQuantity: '1' }))).toMatchObject({
      status: 400,
    });
    expect(world.call('cancelVaultRedeem', 'alice', { vaultId: 2 })).toMatchObject({ status: 200 });
    expect(world.available('alice', 'bpSOL')).toBe(tokens);
    world.advance(10 * 60_000);
    expect(body<VaultRedeem[]>(world.call('getVaultRedeemHistory', 'alice', { vaultId: 2 }))[0]?.status).toBe(
      'Cancelled',
    );
    expect(failure(() => world.call('cancelVaultRedeem', 'alice', { vaultId: 2 }))).toMatchObject({ status: 400 });
  });

  it('rejects mints in the wrong asset, below the minimum or beyond the balance', () => {
    const world = createWorld();
    expect(failure(() => world.call('vaultMint', 'demo', { vaultId: 1, symbol: 'SOL', quantity: '10' }))).toMatchObject(
      { code: 'INVALID_ASSET' },
    );
    expect(
      failure(() => world.call('vaultMint', 'demo', { vaultId: 1, symbol: 'USDC', quantity: '0.5' })),
    ).toMatchObject({ code: 'INVALID_QUANTITY' });
    expect(
      failure(() => world.call('vaultMint', 'demo', { vaultId: 1, symbol: 'USDC', quantity: '100001' })),
    ).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(
      failure(() => world.call('vaultMint', 'demo', { vaultId: 9, symbol: 'USDC', quantity: '10' })),
    ).toMatchObject({ status: 404 });
    expect(world.available('demo', 'USDC')).toBe('100000');
  });

  it('reports NAV history per interval and the supply minted by accounts', () => {
    const world = createWorld();
    const before = body<VaultHistory[]>(world.call('getVaultsHistory', null, { interval: '1d', vaultId: 1 }));
    expect(before).toHaveLength(24);
    expect(Number(before[23]?.nav)).toBeGreaterThan(Number(before[0]?.nav));
    world.call('vaultMint', 'demo', { vaultId: 1, symbol: 'USDC', quantity: '5000' });
    const after = body<VaultHistory[]>(world.call('getVaultsHistory', null, { interval: '1w', vaultId: 1 }));
    expect(Number(after[after.length - 1]?.tokenCirculatingSupply)).toBeCloseTo(
      Number(before[23]?.tokenCirculatingSupply) + 5000 / Number(after[after.length - 1]?.nav),
      2,
    );
    expect(body<VaultHistory[]>(world.call('getVaultsHistory', null, { interval: '1month' }))).toHaveLength(60);
    const nav = body<{ vaultId: number; nav: string }[]>(world.call('getVaultNav', 'demo'));
    expect(nav.map((row) => row.vaultId)).toEqual([1, 2]);
  });
});
