// The sandbox catalog's data: enough SPOT/PERP markets for the gateway's 20-market case, each spec self-consistent.
import { describe, expect, it } from 'vitest';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { MarketCatalog } from '../../src/sandbox/engine/markets.ts';

const catalog = new MarketCatalog();
const listed = catalog.list(['SPOT', 'PERP']);

const multipleOf = (value: D.Decimal, step: D.Decimal): boolean => value % step === 0n;

describe('sandbox market catalog', () => {
  it('has at least 22 SPOT and PERP markets with unique symbols following the exchange conventions', () => {
    expect(listed.length).toBeGreaterThanOrEqual(22);
    expect(new Set(listed.map((market) => market.symbol)).size).toBe(listed.length);
    for (const market of listed) {
      const expected = `${market.base}_${market.quote}${market.marketType === 'PERP' ? '_PERP' : ''}`;
      expect(market.symbol).toBe(expected);
    }
    // Per-1000 units keep their lowercase `k` (kBONK, not KBONK).
    expect(catalog.get('kBONK_USDC_PERP')?.base).toBe('kBONK');
  });

  it('prices every base and quote asset and puts the initial price and minimum size on the tick and step grid', () => {
    for (const market of listed) {
      expect(catalog.asset(market.base), market.symbol).toBeDefined();
      expect(catalog.asset(market.quote), market.symbol).toBeDefined();
      expect(market.tickSize > 0n && market.stepSize > 0n, market.symbol).toBe(true);
      expect(multipleOf(market.initialPrice, market.tickSize), market.symbol).toBe(true);
      expect(multipleOf(market.minQuantity, market.stepSize), market.symbol).toBe(true);
      expect(market.priceDecimals).toBe(D.decimalsOf(market.tickSize));
      expect(market.quantityDecimals).toBe(D.decimalsOf(market.stepSize));
      // Spot fees are charged in the received asset: its precision must hold a step.
      if (market.marketType === 'SPOT')
        expect(catalog.assetDecimals(market.base), market.symbol).toBeGreaterThanOrEqual(market.quantityDecimals);
      // The quoting flow's half spread (4 bps) should span at least a tick or so: no coarse ticks on small prices.
      expect(D.toNumber(market.tickSize) / D.toNumber(market.initialPrice), market.symbol).toBeLessThanOrEqual(0.001);
    }
  });

  it('gives perps margin functions and hourly funding, and an index source wherever a matching spot market exists', () => {
    for (const market of listed.filter((m) => m.marketType === 'PERP')) {
      expect(market.imfFunction, market.symbol).not.toBeNull();
      expect(market.mmfFunction, market.symbol).not.toBeNull();
      expect(Number(market.mmfFunction!.base)).toBeLessThan(Number(market.imfFunction!.base));
      expect(market.fundingInterval).toBe(3_600_000);
      expect(market.openInterestLimit > 0n, market.symbol).toBe(true);
      const spot = catalog.get(`${market.base}_${market.quote}`);
      expect(market.indexSource, market.symbol).toBe(spot?.marketType === 'SPOT' ? spot.symbol : null);
    }
  });
});
