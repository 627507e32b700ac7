// Capital products through their handlers: system, deposit addresses, deposits, withdrawals, delay, dust, collateral.
import { describe, expect, it } from 'vitest';
import type { Deposit, MarginAccountSummary, Withdrawal, WithdrawalDelay } from '../../src/exchange/types/capital.ts';
import type { DustConversion } from '../../src/exchange/types/history.ts';
import { body, createWorld, failure, START } from './productsFixture.ts';

describe('system endpoints', () => {
  it('answers status, ping, time and the exchange wallets', () => {
    const world = createWorld();
    expect(world.call('getStatus', null).json).toEqual({ status: 'Ok', message: null });
    expect(world.call('ping', null)).toMatchObject({ status: 200, text: 'pong' });
    expect(world.call('getTime', null).text).toBe(String(START));
    const wallets = body<{ blockchain: string; address: string }[]>(world.call('getWallets', null));
    expect(wallets.map((w) => w.blockchain)).toEqual(expect.arrayContaining(['Solana', 'Ethereum', 'Bitcoin']));
    expect(wallets.find((w) => w.blockchain === 'Ethereum')?.address).toMatch(/^0x[0-9a-f]{40}$/);
  });
});

describe('deposit addresses', () => {
  it('gives each account a fixed, chain-shaped address and refuses unsupported chains', () => {
    const world = createWorld();
    const sol = body<{ address: string }>(world.call('getDepositAddress', 'demo', { blockchain: 'Solana' })).address;
    expect(sol).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(body<{ address: string }>(world.call('getDepositAddress', 'demo', { blockchain: 'Solana' })).address).toBe(
      sol,
    );
    expect(
      body<{ address: string }>(world.call('getDepositAddress', 'alice', { blockchain: 'Solana' })).address,
    ).not.toBe(sol);
    expect(
      body<{ address: string }>(world.call('getDepositAddress', 'demo', { blockchain: 'Ethereum' })).address,
    ).toMatch(/^0x[0-9a-f]{40}$/);
    expect(
      body<{ address: string }>(world.call('getDepositAddress', 'demo', { blockchain: 'Bitcoin' })).address,
    ).toMatch(/^bc1q[02-9ac-hj-np-z]{38}$/);
    expect(body<{ address: string }>(world.call('getDepositAddress', 'demo', { blockchain: 'Tron' })).address).toMatch(
      /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
    );
    expect(failure(() => world.call('getDepositAddress', 'demo', { blockchain: 'Cardano' }))).toMatchObject({
      status: 400,
    });
  });
});

describe('deposits', () => {
  it('explains the starting balances and records sandbox credits, with filters and pagination headers', () => {
    const world = createWorld();
    const seeded = body<Deposit[]>(world.call('getDeposits', 'demo'));
    expect(seeded.map((d) => [d.symbol, d.quantity]).sort()).toEqual([
      ['BTC', '2'],
      ['ETH', '25'],
      ['SOL', '500'],
      ['USDC', '100000'],
    ]);
    expect(
      seeded.every((d) => d.status === 'confirmed' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/.test(d.createdAt)),
    ).toBe(true);

    world.advance(1_000);
    const credited = world.services.products.capital.creditDeposit(world.ids['demo'] ?? 0, 'USDC', '250.5', 'Solana');
    expect(credited).toMatchObject({ source: 'solana', status: 'confirmed', symbol: 'USDC', quantity: '250.5' });
    expect(world.available('demo', 'USDC')).toBe('100250.5');

    const recent = world.call('getDeposits', 'demo', { from: START, limit: 10 });
    expect(body<Deposit[]>(recent)).toEqual([credited]);
    expect(recent.headers).toMatchObject({
      'X-TOTAL': '1',
      'X-PAGE-SIZE': '10',
      'X-CURRENT-PAGE': '1',
      'X-PAGE-COUNT': '1',
    });
    const page = world.call('getDeposits', 'demo', { limit: 2, offset: 2, sortDirection: 'Asc' });
    expect(body<Deposit[]>(page)).toHaveLength(2);
    expect(page.headers).toMatchObject({ 'X-TOTAL': '5', 'X-CURRENT-PAGE': '2', 'X-PAGE-COUNT': '3' });
    expect(failure(() => world.call('getDeposits', 'demo', { limit: 1001 }))).toMatchObject({ status: 400 });
    expect(
      failure(() => world.services.products.capital.creditDeposit(world.ids['demo'] ?? 0, 'USDC', '-1')),
    ).toMatchObject({ status: 400 });
  });
});

describe('withdrawals', () => {
  it('debits quantity plus the token fee, shows pending, then confirms with a tx hash', () => {
    const world = createWorld();
    const address = '0x52908400098527886E0F7030069857D2E4169EE7';
    const withdrawal = body<Withdrawal>(
      world.call('requestWithdrawal', 'demo', {
        address,
        blockchain: 'Ethereum',
        symbol: 'USDC',
        quantity: '100',
        clientId: 'w-1',
      }),
    );
    expect(withdrawal).toMatchObject({
      status: 'pending',
      quantity: '100',
      fee: '5',
      symbol: 'USDC',
      toAddress: address,
      isInternal: false,
      clientId: 'w-1',
    });
    expect(world.available('demo', 'USDC')).toBe('99895');
    expect(world.events.some((e) => e.stream === 'account.balanceUpdate' && e.data['A'] === '99895')).toBe(true);

    world.advance(5_000);
    const [row] = body<Withdrawal[]>(world.call('getWithdrawals', 'demo'));
    expect(row).toMatchObject({ id: withdrawal.id, status: 'confirmed' });
    expect(row?.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(body<Withdrawal[]>(world.call('getWithdrawals', 'demo', { to: START - 1 }))).toEqual([]);
  });

  it('rejects bad addresses, unsupported chains and amounts beyond the balance', () => {
    const world = createWorld();
    expect(
      failure(() =>
        world.call('requestWithdrawal', 'demo', {
          address: 'nope',
          blockchain: 'Solana',
          symbol: 'SOL',
          quantity: '1',
        }),
      ),
    ).toMatchObject({
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
    });
    expect(
      failure(() =>
        world.call('requestWithdrawal', 'demo', {
          address: '0x52908400098527886E0F7030069857D2E4169EE7',
          blockchain: 'Ethereum',
          symbol: 'SOL',
          quantity: '1',
        }),
      ),
    ).toMatchObject({ status: 400 });
    expect(
      failure(() =>
        world.call('requestWithdrawal', 'demo', {
          address: '9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM',
          blockchain: 'Solana',
          symbol: 'SOL',
          quantity: '499.999',
        }),
      ),
    ).toMatchObject({ status: 400, code: 'INSUFFICIENT_FUNDS' });
    expect(world.available('demo', 'SOL')).toBe('500');
    const max = body<{ maxWithdrawalQuantity: string }>(
      world.call('getMaxWithdrawalQuantity', 'demo', { symbol: 'SOL' }),
    );
    expect(max).toEqual({ maxWithdrawalQuantity: '499.998', symbol: 'SOL', autoBorrow: null, autoLendRedeem: null });
    world.call('requestWithdrawal', 'demo', {
      address: '9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM',
      blockchain: 'Solana',
      symbol: 'SOL',
      quantity: max.maxWithdrawalQuantity,
    });
    expect(world.available('demo', 'SOL')).toBe('0');
  });

  it('settles a withdrawal to another account deposit address internally, without fee', () => {
    const world = createWorld();
    const aliceAddress = body<{ address: string }>(
      world.call('getDepositAddress', 'alice', { blockchain: 'Solana' }),
    ).address;
    const withdrawal = body<Withdrawal>(
      world.call('requestWithdrawal', 'demo', {
        address: aliceAddress,
        blockchain: 'Solana',
        symbol: 'SOL',
        quantity: '3',
      }),
    );
    expect(withdrawal).toMatchObject({ isInternal: true, fee: '0', status: 'confirmed' });
    expect(world.available('demo', 'SOL')).toBe('497');
    expect(world.available('alice', 'SOL')).toBe('203');
    const aliceDeposits = body<Deposit[]>(world.call('getDeposits', 'alice', { from: START }));
    expect(aliceDeposits).toEqual([
      expect.objectContaining({ source: 'internal', symbol: 'SOL', quantity: '3', fromAddress: aliceAddress }),
    ]);
  });

  it('manages the withdrawal delay: 404 before, create, 409 twice, update pending after the current delay', () => {
    const world = createWorld();
    expect(failure(() => world.call('getWithdrawalDelay', 'demo'))).toMatchObject({
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
    });
    expect(
      world.call('createWithdrawalDelay', 'demo', { withdrawalDelayHours: 24, twoFactorToken: '123456' }),
    ).toMatchObject({ status: 200, json: undefined });
    expect(body<WithdrawalDelay>(world.call('getWithdrawalDelay', 'demo'))).toEqual({
      currentWithdrawalDelayHours: 24,
      pendingWithdrawalDelayHours: null,
      pendingWithdrawalDelayHoursEnabledAt: null,
    });
    expect(
      failure(() => world.call('createWithdrawalDelay', 'demo', { withdrawalDelayHours: 1, twoFactorToken: '1' })),
    ).toMatchObject({ status: 409 });
    const updated = body<WithdrawalDelay>(
      world.call('updateWithdrawalDelay', 'demo', { withdrawalDelayHours: 48, twoFactorToken: '1' }),
    );
    expect(updated).toEqual({
      currentWithdrawalDelayHours: 24,
      pendingWithdrawalDelayHours: 48,
      pendingWithdrawalDelayHoursEnabledAt: '2026-01-06T12:00:00.000',
    });

    const withdrawal = body<Withdrawal>(
      world.call('requestWithdrawal', 'demo', {
        address: '9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM',
        blockchain: 'Solana',
        symbol: 'SOL',
        quantity: '1',
      }),
    );
    expect(withdrawal.triggerAt).toBe('2026-01-06T12:00:00.000');
    world.advance(60_000);
    expect(body<Withdrawal[]>(world.call('getWithdrawals', 'demo'))[0]?.status).toBe('pending');
    world.advance(24 * 3_600_000);
    expect(body<Withdrawal[]>(world.call('getWithdrawals', 'demo'))[0]?.status).toBe('confirmed');
    expect(body<WithdrawalDelay>(world.call('getWithdrawalDelay', 'demo')).currentWithdrawalDelayHours).toBe(48);
  });
});

describe('dust and collateral', () => {
  it('refuses to convert a balance that is not dust', () => {
    const world = createWorld();
    expect(failure(() => world.call('convertDust', 'bob', { symbol: 'BTC' }))).toMatchObject({
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
    });
    expect(world.available('bob', 'BTC')).toBe('1');
    expect(body<DustConversion[]>(world.call('getDustHistory', 'bob'))).toEqual([]);
  });

  it('summarises collateral from balances at mark prices', () => {
    const world = createWorld();
    const summary = body<MarginAccountSummary>(world.call('getCollateral', 'demo'));
    const usdc = summary.collateral.find((c) => c.symbol === 'USDC');
    expect(usdc).toMatchObject({
      totalQuantity: '100000',
      collateralWeight: '1',
      collateralValue: '100000',
      availableQuantity: '100000',
    });
    const sol = summary.collateral.find((c) => c.symbol === 'SOL');
    expect(sol?.totalQuantity).toBe('500');
    const assets = summary.collateral.reduce((total, c) => total + Number(c.balanceNotional), 0);
    expect(Number(summary.assetsValue)).toBeCloseTo(assets, 6);
    expect(summary).toMatchObject({
      borrowLiability: '0',
      liabilitiesValue: '0',
      marginFraction: null,
      pnlUnrealized: '0',
    });
    expect(summary.netEquity).toBe(summary.assetsValue);
  });
});

describe('dust conversion', () => {
  it('swaps a balance worth under 1 USDC and records the conversion', () => {
    const world = createWorld();
    world.services.products.capital.creditDeposit(world.ids['alice'] ?? 0, 'BTC', '0.000005');
    const btcBefore = world.available('alice', 'BTC');
    expect(btcBefore).toBe('1.000005');
    // Only a small balance is dust: move most BTC away first.
    world.call('requestWithdrawal', 'alice', {
      address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      blockchain: 'Bitcoin',
      symbol: 'BTC',
      quantity: '0.99998',
    });
    expect(world.available('alice', 'BTC')).toBe('0.000005');
    const usdcBefore = Number(world.available('alice', 'USDC'));
    expect(world.call('convertDust', 'alice')).toMatchObject({ status: 200, json: undefined });
    expect(world.available('alice', 'BTC')).toBe('0');
    const [row] = body<DustConversion[]>(world.call('getDustHistory', 'alice'));
    expect(row).toMatchObject({ symbol: 'BTC', quantity: '0.000005' });
    expect(Number(world.available('alice', 'USDC'))).toBeCloseTo(usdcBefore + Number(row?.usdcReceived), 6);
    expect(Number(row?.usdcReceived)).toBeGreaterThan(0);
  });
});

describe('collateral with futures and lends', () => {
  it('counts perp exposure and unrealized PnL, and lends as collateral', () => {
    const world = createWorld();
    const maker = world.ids['maker'] ?? 0;
    const demo = world.ids['demo'] ?? 0;
    world.services.engine.executeOrder(maker, {
      symbol: 'SOL_USDC_PERP',
      side: 'Ask',
      orderType: 'Limit',
      price: '150.5',
      quantity: '10',
    });
    world.services.engine.executeOrder(demo, {
      symbol: 'SOL_USDC_PERP',
      side: 'Bid',
      orderType: 'Market',
      quantity: '4',
    });
    world.call('executeBorrowLend', 'demo', { symbol: 'SOL', side: 'Lend', quantity: '100' });

    const summary = body<MarginAccountSummary>(world.call('getCollateral', 'demo'));
    const position = world.services.engine.accounts.positions(demo)[0];
    expect(position?.netQuantity).toBe('4');
    expect(Number(summary.netExposureFutures)).toBeCloseTo(4 * Number(position?.markPrice), 6);
    expect(Number(summary.pnlUnrealized)).toBeCloseTo(Number(position?.pnlUnrealized), 6);
    expect(Number(summary.imf)).toBeGreaterThan(0);
    expect(summary.marginFraction).not.toBeNull();
    expect(summary.collateral.find((c) => c.symbol === 'SOL')).toMatchObject({
      lendQuantity: '100',
      availableQuantity: '400',
      totalQuantity: '500',
    });
    expect(Number(summary.netEquityLocked)).toBeGreaterThan(0);
  });

  it('redeems a lend to cover a withdrawal when autoLendRedeem is set', () => {
    const world = createWorld();
    world.call('executeBorrowLend', 'alice', { symbol: 'USDC', side: 'Lend', quantity: '49000' });
    const address = '0x52908400098527886E0F7030069857D2E4169EE7';
    expect(
      failure(() =>
        world.call('requestWithdrawal', 'alice', { address, blockchain: 'Ethereum', symbol: 'USDC', quantity: '2000' }),
      ),
    ).toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
    });
    world.call('requestWithdrawal', 'alice', {
      address,
      blockchain: 'Ethereum',
      symbol: 'USDC',
      quantity: '2000',
      autoLendRedeem: true,
    });
    expect(world.available('alice', 'USDC')).toBe('0');
    expect(world.services.products.borrowLend.net(world.ids['alice'] ?? 0, 'USDC')).toBe(47_995n * 10n ** 18n);
  });
});
