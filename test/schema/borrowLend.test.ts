// Borrow-lend on the account side: positions, history, interest, liquidation estimate and the borrowLend mutation.
import { describe, expect, it } from 'vitest';
import { exchangeError, harness } from './accountHarness.ts';

const position = (symbol: string, netQuantity: string) => ({
  id: `p-${symbol}`,
  symbol,
  netQuantity,
  netExposureQuantity: '0',
  netExposureNotional: '0',
  markPrice: '1',
  imf: '0.1',
  mmf: '0.05',
  imfFunction: { type: 'sqrt', base: '0.1', factor: '0' },
  mmfFunction: { type: 'sqrt', base: '0.05', factor: '0' },
  cumulativeInterest: '0.01',
});

describe('borrow-lend', () => {
  it('borrows or lends and returns the net position afterwards', async () => {
    const h = harness({
      executeBorrowLend: () => null,
      getBorrowLendPositions: () => [position('SOL', '1'), position('USDC', '-50')],
    });
    const result = await h.run(`mutation { borrowLend(input: { asset: "USDC", side: BORROW, quantity: "50" }) {
      __typename ... on BorrowLendSuccess { execution { asset side quantity position { symbol netQuantity asset { symbol } } } }
    } }`);
    expect(result.data.borrowLend).toEqual({
      __typename: 'BorrowLendSuccess',
      execution: {
        asset: 'USDC',
        side: 'BORROW',
        quantity: '50',
        position: { symbol: 'USDC', netQuantity: '-50', asset: { symbol: 'USDC' } },
      },
    });
    expect(h.paramsOf('executeBorrowLend')).toEqual([{ symbol: 'USDC', side: 'Borrow', quantity: '50' }]);
  });

  it('still reports success when only the re-read afterwards fails, so clients do not borrow twice', async () => {
    const h = harness({
      executeBorrowLend: () => null,
      getBorrowLendPositions: () => {
        throw exchangeError('GET /api/v1/borrowLend/positions', 503, 'MAINTENANCE', 'Maintenance');
      },
    });
    const result = await h.run(
      `mutation { borrowLend(input: { asset: "USDC", side: BORROW, quantity: "50" }) { __typename ... on BorrowLendSuccess { execution { quantity position { symbol } } } } }`,
    );
    expect(result.data.borrowLend).toEqual({
      __typename: 'BorrowLendSuccess',
      execution: { quantity: '50', position: null },
    });
    expect(h.upstream.count('executeBorrowLend')).toBe(1);
  });

  it('rejects a zero quantity before calling and maps a borrow limit to ExchangeRejected with its code', async () => {
    const h = harness({
      executeBorrowLend: () => {
        throw exchangeError('POST /api/v1/borrowLend', 400, 'BORROW_LIMIT', 'Borrow limit reached');
      },
    });
    const zero = await h.run(
      `mutation { borrowLend(input: { asset: "USDC", side: LEND, quantity: "0" }) { __typename ... on InvalidInput { field } } }`,
    );
    expect(zero.data.borrowLend).toEqual({ __typename: 'InvalidInput', field: 'quantity' });
    expect(h.upstream.count('executeBorrowLend')).toBe(0);
    const limited = await h.run(
      `mutation { borrowLend(input: { asset: "USDC", side: BORROW, quantity: "1" }) { __typename ... on MutationError { code } } }`,
    );
    expect(limited.data.borrowLend).toEqual({ __typename: 'ExchangeRejected', code: 'BORROW_LIMIT' });
  });

  it('lists positions and pages movements, interest and position history with wire filters', async () => {
    const h = harness({
      getBorrowLendPositions: () => [position('SOL', '2.5')],
      getBorrowLendHistory: () => [
        {
          eventType: 'Lend',
          positionId: 'p-SOL',
          quantity: '2.5',
          source: 'Manual',
          symbol: 'SOL',
          timestamp: '2026-09-01T10:00:00',
          positionQuantity: '2.5',
        },
      ],
      getInterestHistory: () => [
        {
          paymentType: 'Lend',
          interestRate: '0.05',
          interval: 3600000,
          marketSymbol: 'SOL_USDC',
          positionId: 'p-SOL',
          quantity: '0.0001',
          symbol: 'SOL',
          timestamp: '2026-09-01T11:00:00',
        },
      ],
      getBorrowLendPositionHistory: () => [
        {
          positionId: 'p-SOL',
          quantity: '2.5',
          symbol: 'SOL',
          source: 'Manual',
          cumulativeInterest: '0.0001',
          avgInterestRate: '0.05',
          side: 'Lend',
          createdAt: '2026-09-01T10:00:00',
        },
      ],
    });
    const result = await h.run(`{ account {
      borrowLendPositions { symbol netQuantity cumulativeInterest }
      borrowLendHistory(asset: "SOL", type: LEND, sources: [MANUAL, AUTO_LEND]) { items { eventType quantity source timestamp } }
      interestHistory(asset: "SOL", source: BORROW_LEND) { items { paymentType quantity interval } }
      borrowLendPositionHistory(side: LEND, state: OPEN) { items { positionId side avgInterestRate } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      borrowLendPositions: [{ symbol: 'SOL', netQuantity: '2.5', cumulativeInterest: '0.01' }],
      borrowLendHistory: {
        items: [{ eventType: 'LEND', quantity: '2.5', source: 'MANUAL', timestamp: '2026-09-01T10:00:00Z' }],
      },
      interestHistory: { items: [{ paymentType: 'LEND', quantity: '0.0001', interval: 3600000 }] },
      borrowLendPositionHistory: { items: [{ positionId: 'p-SOL', side: 'LEND', avgInterestRate: '0.05' }] },
    });
    expect(h.paramsOf('getBorrowLendHistory')).toEqual([
      { type: 'Lend', sources: 'Manual,AutoLend', symbol: 'SOL', limit: 101, offset: 0 },
    ]);
    expect(h.paramsOf('getInterestHistory')).toEqual([{ asset: 'SOL', source: 'BorrowLend', limit: 101, offset: 0 }]);
    expect(h.paramsOf('getBorrowLendPositionHistory')).toEqual([
      { side: 'Lend', state: 'Open', limit: 101, offset: 0 },
    ]);
  });

  it('explains that the liquidation estimate needs a web session', async () => {
    const h = harness();
    const result = await h.run(
      `{ account { borrowLendLiquidationPrice(asset: "BTC", side: BORROW, quantity: "1") { liquidationPrice } } }`,
    );
    expect(result.errors?.[0]?.message).toContain('web sessions');
    expect(h.upstream.count()).toBe(0);
  });
});
