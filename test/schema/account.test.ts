// The account root, settings, limits, balances, collateral and dust, with a fake exchange.
import { describe, expect, it } from 'vitest';
import { harness } from './accountHarness.ts';

const summary = {
  autoBorrowSettlements: true,
  autoLend: false,
  autoRealizePnl: true,
  autoRepayBorrows: false,
  borrowLimit: '100000',
  futuresMakerFee: '-0.5',
  futuresTakerFee: '4',
  spotMakerFee: '8',
  spotTakerFee: '10',
  leverageLimit: '10',
  limitOrders: 3,
  triggerOrders: 1,
  liquidating: false,
  positionLimit: '1000000',
};

describe('Query.account', () => {
  it('fails with UNAUTHENTICATED (not a 500) when no keys are configured, without calling the exchange', async () => {
    const h = harness({}, { keys: false });
    const result = await h.run(`{ account { balances { symbol } } }`);
    expect(result.data).toEqual({ account: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(result.errors?.[0]?.message).toContain('API keys');
    expect(h.upstream.count()).toBe(0);
  });

  it('groups fees, limits and settings in the summary', async () => {
    const h = harness({ getAccount: () => summary });
    const result = await h.run(
      `{ account { summary { fees { spotMaker futuresMaker } limits { leverageLimit openLimitOrders openTriggerOrders } settings { autoLend autoRealizePnl } liquidating } } }`,
    );
    expect(result.data.account.summary).toEqual({
      fees: { spotMaker: '8', futuresMaker: '-0.5' },
      limits: { leverageLimit: '10', openLimitOrders: 3, openTriggerOrders: 1 },
      settings: { autoLend: false, autoRealizePnl: true },
      liquidating: false,
    });
  });

  it('asks the limit endpoints with wire parameters', async () => {
    const h = harness({
      getMaxBorrowQuantity: ({ symbol }) => ({ symbol, maxBorrowQuantity: '12.5' }),
      getMaxOrderQuantity: ({ symbol, side, price }) => ({ symbol, side, price, maxOrderQuantity: '3.21' }),
      getMaxWithdrawalQuantity: ({ symbol }) => ({ symbol, maxWithdrawalQuantity: '99.9' }),
    });
    const result = await h.run(`{ account {
      maxBorrowQuantity(asset: "USDC") { symbol maxBorrowQuantity }
      maxOrderQuantity(symbol: "SOL_USDC", side: BID, price: "100.5", autoBorrow: true) { side price maxOrderQuantity }
      maxWithdrawalQuantity(asset: "SOL", autoLendRedeem: false) { maxWithdrawalQuantity }
    } }`);
    expect(result.data.account).toEqual({
      maxBorrowQuantity: { symbol: 'USDC', maxBorrowQuantity: '12.5' },
      maxOrderQuantity: { side: 'Bid', price: '100.5', maxOrderQuantity: '3.21' },
      maxWithdrawalQuantity: { maxWithdrawalQuantity: '99.9' },
    });
    expect(h.paramsOf('getMaxOrderQuantity')).toEqual([
      { symbol: 'SOL_USDC', side: 'Bid', price: '100.5', autoBorrow: true },
    ]);
    expect(h.paramsOf('getMaxWithdrawalQuantity')).toEqual([{ symbol: 'SOL', autoLendRedeem: false }]);
  });

  it('updates settings and returns the refreshed summary', async () => {
    let current = summary;
    const h = harness({
      getAccount: () => current,
      updateAccountSettings: (params) => {
        current = { ...current, ...params };
        return null;
      },
    });
    const result = await h.run(
      `mutation { updateAccountSettings(input: { autoLend: true, leverageLimit: "5" }) { __typename ... on UpdateAccountSettingsSuccess { summary { settings { autoLend } limits { leverageLimit } } } } }`,
    );
    expect(result.data.updateAccountSettings).toEqual({
      __typename: 'UpdateAccountSettingsSuccess',
      summary: { settings: { autoLend: true }, limits: { leverageLimit: '5' } },
    });
    expect(h.paramsOf('updateAccountSettings')).toEqual([{ autoLend: true, leverageLimit: '5' }]);
    const empty = await h.run(
      `mutation { updateAccountSettings(input: {}) { __typename ... on InvalidInput { field } } }`,
    );
    expect(empty.data.updateAccountSettings).toEqual({ __typename: 'InvalidInput', field: 'input' });
  });
});

describe('capital', () => {
  const balances = {
    USDC: { available: '120.1', locked: '0.2', staked: '0' },
    SOL: { available: '0.1', locked: '0.2', staked: '0.000000001' },
  };

  it('turns the asset-keyed /capital object into balances with exact totals and their asset', async () => {
    const h = harness({ getBalances: () => balances });
    const result = await h.run(
      `{ account { balances { symbol available locked staked total asset { displayName } } } }`,
    );
    expect(result.data.account.balances).toEqual([
      {
        symbol: 'USDC',
        available: '120.1',
        locked: '0.2',
        staked: '0',
        total: '120.3',
        asset: { displayName: 'USD Coin' },
      },
      {
        symbol: 'SOL',
        available: '0.1',
        locked: '0.2',
        staked: '0.000000001',
        total: '0.300000001',
        asset: { displayName: 'Solana' },
      },
    ]);
    expect(h.upstream.count('getAssets')).toBe(1);
  });

  it('exposes the margin summary with collateral per asset', async () => {
    const h = harness({
      getCollateral: () => ({
        assetsValue: '1000',
        borrowLiability: '0',
        liabilitiesValue: '0',
        imf: '0.02',
        mmf: '0.01',
        marginFraction: null,
        netEquity: '1000',
        netEquityAvailable: '900',
        netEquityLocked: '100',
        netExposureFutures: '0',
        pnlUnrealized: '0',
        unsettledEquity: '0',
        collateral: [
          {
            symbol: 'SOL',
            assetMarkPrice: '100',
            totalQuantity: '10',
            balanceNotional: '1000',
            collateralWeight: '0.9',
            collateralValue: '900',
            openOrderQuantity: '0',
            lendQuantity: '0',
            availableQuantity: '10',
          },
        ],
      }),
    });
    const result = await h.run(
      `{ account { collateral { netEquity marginFraction collateral { symbol collateralValue asset { symbol } } } } }`,
    );
    expect(result.data.account.collateral).toEqual({
      netEquity: '1000',
      marginFraction: null,
      collateral: [{ symbol: 'SOL', collateralValue: '900', asset: { symbol: 'SOL' } }],
    });
  });

  it('converts dust and answers with the balances afterwards', async () => {
    const h = harness({
      convertDust: () => null,
      getBalances: () => ({ USDC: { available: '120.5', locked: '0', staked: '0' } }),
    });
    const result = await h.run(
      `mutation { convertDust(asset: "SOL") { ... on ConvertDustSuccess { balances { symbol total } } } }`,
    );
    expect(result.data.convertDust.balances).toEqual([{ symbol: 'USDC', total: '120.5' }]);
    expect(h.paramsOf('convertDust')).toEqual([{ symbol: 'SOL' }]);
  });

  it('pages the dust history', async () => {
    const h = harness({
      getDustHistory: () => [
        { id: 7, quantity: '0.001', symbol: 'SOL', usdcReceived: '0.1', timestamp: '2026-09-01T10:00:00' },
      ],
    });
    const result = await h.run(
      `{ account { dustHistory(asset: "SOL") { items { id usdcReceived timestamp } pageInfo { hasNextPage } } } }`,
    );
    expect(result.data.account.dustHistory).toEqual({
      items: [{ id: '7', usdcReceived: '0.1', timestamp: '2026-09-01T10:00:00Z' }],
      pageInfo: { hasNextPage: false },
    });
    expect(h.paramsOf('getDustHistory')).toEqual([{ symbol: 'SOL', limit: 101, offset: 0 }]);
  });
});
