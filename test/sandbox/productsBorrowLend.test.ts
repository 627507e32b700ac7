// Borrow-lend through its handlers: net position rules, pool consistency, interest, limits, histories.
import { describe, expect, it } from 'vitest';
import type {
  ApyRates,
  BorrowLendHistory,
  BorrowLendMarket,
  BorrowLendPositionWithMargin,
} from '../../src/exchange/types/borrowLend.ts';
import type { MarginAccountSummary } from '../../src/exchange/types/capital.ts';
import type { BorrowLendMovement, BorrowLendPositionRow, InterestPayment } from '../../src/exchange/types/history.ts';
import { body, createWorld, failure } from './productsFixture.ts';

const market = (rows: BorrowLendMarket[], symbol: string): BorrowLendMarket => {
  const row = rows.find((m) => m.symbol === symbol);
  if (row === undefined) throw new Error(`no ${symbol} market`);
  return row;
};

describe('borrow-lend markets', () => {
  it('lists one market per collateral asset with utilization = borrowed / lent and rates on the curve', () => {
    const world = createWorld();
    const rows = body<BorrowLendMarket[]>(world.call('getBorrowLendMarkets', null));
    expect(rows.map((m) => m.symbol)).toEqual(expect.arrayContaining(['USDC', 'SOL', 'BTC', 'ETH']));
    for (const row of rows) {
      expect(Number(row.utilization)).toBeCloseTo(Number(row.borrowedQuantity) / Number(row.lentQuantity), 6);
      expect(Number(row.lendInterestRate)).toBeLessThan(Number(row.borrowInterestRate));
      expect(row.state).toBe('Open');
    }
    const apy = body<ApyRates>(world.call('getBorrowLendApy', null));
    expect(apy.borrowLend.find((r) => r.symbol === 'USDC')).toEqual({
      symbol: 'USDC',
      borrowRate: market(rows, 'USDC').borrowInterestRate,
      lendRate: market(rows, 'USDC').lendInterestRate,
    });
    expect(apy.staking[0]).toMatchObject({ symbol: 'SOL' });
  });

  it('answers market history per interval, ending at the current state', () => {
    const world = createWorld();
    const day = body<BorrowLendHistory[]>(
      world.call('getBorrowLendMarketsHistory', null, { interval: '1d', symbol: 'USDC' }),
    );
    expect(day).toHaveLength(24);
    const usdc = market(body<BorrowLendMarket[]>(world.call('getBorrowLendMarkets', null)), 'USDC');
    expect(day[day.length - 1]).toMatchObject({ lentQuantity: usdc.lentQuantity, utilization: usdc.utilization });
    expect(
      body<BorrowLendHistory[]>(world.call('getBorrowLendMarketsHistory', null, { interval: '1year', symbol: 'SOL' })),
    ).toHaveLength(52);
    expect(failure(() => world.call('getBorrowLendMarketsHistory', null, { interval: '2d' }))).toMatchObject({
      status: 400,
      code: null,
    });
  });
});

describe('net positions', () => {
  it('lends (debit), then Borrow redeems the lend before borrowing, then Lend repays before lending', () => {
    const world = createWorld();
    const lentBefore = Number(
      market(body<BorrowLendMarket[]>(world.call('getBorrowLendMarkets', null)), 'USDC').lentQuantity,
    );

    expect(world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Lend', quantity: '1000' })).toMatchObject({
      status: 200,
      json: undefined,
    });
    expect(world.available('demo', 'USDC')).toBe('99000');
    const [lend] = body<BorrowLendPositionWithMargin[]>(world.call('getBorrowLendPositions', 'demo'));
    expect(lend).toMatchObject({
      symbol: 'USDC',
      netQuantity: '1000',
      netExposureQuantity: '0',
      netExposureNotional: '0',
      markPrice: '1',
    });
    expect(
      Number(market(body<BorrowLendMarket[]>(world.call('getBorrowLendMarkets', null)), 'USDC').lentQuantity),
    ).toBe(lentBefore + 1000);

    world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Borrow', quantity: '1500' });
    expect(world.available('demo', 'USDC')).toBe('100500');
    const [borrow] = body<BorrowLendPositionWithMargin[]>(world.call('getBorrowLendPositions', 'demo'));
    expect(borrow).toMatchObject({ netQuantity: '-500', netExposureQuantity: '500' });
    expect(borrow?.id).not.toBe(lend?.id);

    world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Lend', quantity: '200' });
    expect(world.available('demo', 'USDC')).toBe('100300');
    expect(body<BorrowLendPositionWithMargin[]>(world.call('getBorrowLendPositions', 'demo'))[0]).toMatchObject({
      id: borrow?.id,
      netQuantity: '-300',
    });

    const movements = body<BorrowLendMovement[]>(world.call('getBorrowLendHistory', 'demo', { sortDirection: 'Asc' }));
    expect(movements.map((m) => [m.eventType, m.quantity, m.positionQuantity])).toEqual([
      ['Lend', '1000', '1000'],
      ['LendRedeem', '1000', '0'],
      ['Borrow', '500', '500'],
      ['BorrowRepay', '200', '300'],
    ]);
    expect(movements.every((m) => m.source === 'Manual')).toBe(true);
    expect(body<BorrowLendMovement[]>(world.call('getBorrowLendHistory', 'demo', { type: 'Borrow' }))).toHaveLength(1);

    const closed = body<BorrowLendPositionRow[]>(
      world.call('getBorrowLendPositionHistory', 'demo', { state: 'Closed' }),
    );
    expect(closed).toEqual([
      expect.objectContaining({ positionId: lend?.id, side: 'Lend', quantity: '1000', symbol: 'USDC' }),
    ]);
    const open = body<BorrowLendPositionRow[]>(world.call('getBorrowLendPositionHistory', 'demo', { state: 'Open' }));
    expect(open).toEqual([expect.objectContaining({ positionId: borrow?.id, side: 'Borrow', quantity: '300' })]);

    const summary = body<MarginAccountSummary>(world.call('getCollateral', 'demo'));
    expect(summary.borrowLiability).toBe('300');
    expect(summary.marginFraction).not.toBeNull();
  });

  it('refuses lends beyond the balance and borrows beyond the margin', () => {
    const world = createWorld();
    expect(
      failure(() => world.call('executeBorrowLend', 'demo', { symbol: 'SOL', side: 'Lend', quantity: '501' })),
    ).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    const max = body<{ maxBorrowQuantity: string; symbol: string }>(
      world.call('getMaxBorrowQuantity', 'demo', { symbol: 'USDC' }),
    );
    expect(Number(max.maxBorrowQuantity)).toBeGreaterThan(0);
    const beyond = String(Number(max.maxBorrowQuantity) + 1);
    expect(
      failure(() => world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Borrow', quantity: beyond })),
    ).toMatchObject({
      code: 'INSUFFICIENT_MARGIN',
    });
    world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Borrow', quantity: max.maxBorrowQuantity });
    expect(
      body<{ maxBorrowQuantity: string }>(world.call('getMaxBorrowQuantity', 'demo', { symbol: 'USDC' }))
        .maxBorrowQuantity,
    ).toBe('0');
    expect(
      failure(() => world.call('executeBorrowLend', 'demo', { symbol: 'DOGE', side: 'Lend', quantity: '1' })),
    ).toMatchObject({ code: 'INVALID_ASSET' });
  });
});

describe('interest', () => {
  it('pays hourly interest into lends and charges borrows, with interest history rows', () => {
    const world = createWorld();
    world.call('executeBorrowLend', 'alice', { symbol: 'USDC', side: 'Lend', quantity: '10000' });
    world.call('executeBorrowLend', 'bob', { symbol: 'SOL', side: 'Borrow', quantity: '10' });
    world.advance(30 * 60_000);
    expect(body<InterestPayment[]>(world.call('getInterestHistory', 'alice'))).toEqual([]);
    world.advance(30 * 60_000);

    const [lendPayment] = body<InterestPayment[]>(world.call('getInterestHistory', 'alice'));
    expect(lendPayment).toMatchObject({
      paymentType: 'Lend',
      symbol: 'USDC',
      marketSymbol: 'USDC',
      interval: 3_600_000,
    });
    const rate = Number(lendPayment?.interestRate);
    expect(Number(lendPayment?.quantity)).toBeCloseTo((10_000 * rate) / (365 * 24), 4);
    const [alicePosition] = body<BorrowLendPositionWithMargin[]>(world.call('getBorrowLendPositions', 'alice'));
    expect(alicePosition?.cumulativeInterest).toBe(lendPayment?.quantity);
    expect(Number(alicePosition?.netQuantity)).toBeCloseTo(10_000 + Number(lendPayment?.quantity), 8);

    const [borrowPayment] = body<InterestPayment[]>(world.call('getInterestHistory', 'bob', { asset: 'SOL' }));
    expect(borrowPayment).toMatchObject({ paymentType: 'Borrow', marketSymbol: 'SOL_USDC' });
    expect(Number(borrowPayment?.quantity)).toBeLessThan(0);
    expect(body<InterestPayment[]>(world.call('getInterestHistory', 'bob', { source: 'UnrealizedPnl' }))).toEqual([]);
  });
});

describe('liquidation price estimate', () => {
  it('decodes the base64 borrow parameter for public and signed calls', () => {
    const world = createWorld();
    const borrow = Buffer.from(JSON.stringify({ quantity: '1', side: 'Borrow', symbol: 'BTC' })).toString('base64');
    const estimate = body<{ liquidationPrice: string; markPrice: string }>(
      world.call('getBorrowLendEstimatedLiquidationPrice', null, { borrow }),
    );
    expect(Number(estimate.markPrice)).toBeGreaterThan(0);
    expect(estimate.liquidationPrice).toBe('0');

    // Bob borrows BTC against USDC: the BTC price that would liquidate him is well above today's.
    world.call('requestWithdrawal', 'bob', {
      address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      blockchain: 'Bitcoin',
      symbol: 'BTC',
      quantity: '0.99998',
    });
    world.call('executeBorrowLend', 'bob', { symbol: 'BTC', side: 'Borrow', quantity: '0.2' });
    world.call('requestWithdrawal', 'bob', {
      address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      blockchain: 'Bitcoin',
      symbol: 'BTC',
      quantity: '0.19',
    });
    const signed = body<{ liquidationPrice: string; markPrice: string }>(
      world.call('getBorrowLendEstimatedLiquidationPrice', 'bob', { borrow }),
    );
    expect(Number(signed.liquidationPrice)).toBeGreaterThan(Number(signed.markPrice));
    expect(
      failure(() => world.call('getBorrowLendEstimatedLiquidationPrice', null, { borrow: 'not-json' })),
    ).toMatchObject({ status: 400 });
  });
});
