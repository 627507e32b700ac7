// Futures positions, position history, funding payments and settlements, with a fake exchange.
import { describe, expect, it } from 'vitest';
import { harness, wire } from './accountHarness.ts';

describe('positions', () => {
  it('lists open positions linked to their market and live mark price (batched)', async () => {
    const h = harness({
      getPositions: () => [wire.position('SOL_USDC_PERP'), wire.position('BTC_USDC_PERP', { netQuantity: '0.01' })],
    });
    const result = await h.run(`{ account { positions(marketType: PERP) {
      id symbol netQuantity positionMarkPrice estLiquidationPrice market { marketType } markPrice { markPrice fundingRate } imfFunction { base }
    } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account.positions).toEqual([
      {
        id: '5411399049',
        symbol: 'SOL_USDC_PERP',
        netQuantity: '-0.5',
        positionMarkPrice: '100.69',
        estLiquidationPrice: '180.5',
        market: { marketType: 'PERP' },
        markPrice: { markPrice: '100.69', fundingRate: '0.0000125' },
        imfFunction: { base: '0.02' },
      },
      {
        id: '5411399049',
        symbol: 'BTC_USDC_PERP',
        netQuantity: '0.01',
        positionMarkPrice: '100.69',
        estLiquidationPrice: '180.5',
        market: { marketType: 'PERP' },
        markPrice: { markPrice: '86710', fundingRate: '-0.00001' },
        imfFunction: { base: '0.02' },
      },
    ]);
    expect(h.paramsOf('getPositions')).toEqual([{ marketType: 'PERP' }]);
    expect(h.upstream.count('getMarkPrices')).toBe(1);
  });

  it('pages position history, funding payments and settlements with their filters', async () => {
    const h = harness({
      getPositionHistory: () => [
        {
          id: '9',
          symbol: 'SOL_USDC_PERP',
          state: 'Closed',
          netQuantity: '0',
          netExposureQuantity: '0',
          netExposureNotional: '0',
          netCost: '0',
          markPrice: '101',
          entryPrice: '100',
          cumulativePnlRealized: '1.5',
          unrealizedPnl: '0',
          fundingQuantity: '-0.01',
          interest: '0',
          liquidated: '0',
          imf: '0.02',
          fees: '0.04',
          closedVolume: '1',
          liquidationFees: '0',
          closingPrice: '101.5',
          openedAt: '2026-09-01T10:00:00',
          closedAt: null,
        },
      ],
      getFundingPayments: () => [
        {
          userId: 1,
          symbol: 'SOL_USDC_PERP',
          quantity: '-0.0012',
          intervalEndTimestamp: '2026-09-01T11:00:00',
          fundingRate: '0.0000125',
        },
      ],
      getSettlementHistory: () => [
        { quantity: '-0.04', source: 'TradingFees', timestamp: '2026-09-01T10:00:01', userId: 1 },
      ],
    });
    const result = await h.run(`{ account {
      positionHistory(symbol: "SOL_USDC_PERP", state: CLOSED, marketType: PERP) { items { id state cumulativePnlRealized closingPrice openedAt closedAt market { symbol } } }
      fundingPayments(symbol: "SOL_USDC_PERP", sortDirection: ASC) { items { quantity fundingRate intervalEnd } }
      settlements(source: TRADING_FEES) { items { quantity source positionId timestamp } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      positionHistory: {
        items: [
          {
            id: '9',
            state: 'CLOSED',
            cumulativePnlRealized: '1.5',
            closingPrice: '101.5',
            openedAt: '2026-09-01T10:00:00Z',
            closedAt: null,
            market: { symbol: 'SOL_USDC_PERP' },
          },
        ],
      },
      fundingPayments: {
        items: [{ quantity: '-0.0012', fundingRate: '0.0000125', intervalEnd: '2026-09-01T11:00:00Z' }],
      },
      settlements: {
        items: [{ quantity: '-0.04', source: 'TRADING_FEES', positionId: null, timestamp: '2026-09-01T10:00:01Z' }],
      },
    });
    expect(h.paramsOf('getPositionHistory')).toEqual([
      { symbol: 'SOL_USDC_PERP', state: 'Closed', marketType: ['PERP'], limit: 101, offset: 0 },
    ]);
    expect(h.paramsOf('getFundingPayments')).toEqual([
      { symbol: 'SOL_USDC_PERP', sortDirection: 'Asc', limit: 101, offset: 0 },
    ]);
    expect(h.paramsOf('getSettlementHistory')).toEqual([{ source: 'TradingFees', limit: 101, offset: 0 }]);
  });
});
