// Listings through their handlers: prediction events/tags over the catalog, securities, sessions, holidays, 2FA.
import { describe, expect, it } from 'vitest';
import type { MarketHoliday, MarketSession, Security } from '../../src/exchange/types/markets.ts';
import type { PredictionEvent, PredictionTag } from '../../src/exchange/types/prediction.ts';
import { body, createWorld } from './productsFixture.ts';

describe('prediction listings', () => {
  it('builds events on the catalog PREDICTION markets with live prices and filters them', () => {
    const world = createWorld();
    const predictionSymbols = world.services.markets.list(['PREDICTION']).map((m) => m.symbol);
    const events = body<PredictionEvent[]>(world.call('getPredictionEvents', null));
    expect(events.length).toBe(predictionSymbols.length);
    const markets = events.flatMap((e) => e.predictionMarkets);
    expect(markets.map((m) => m.marketSymbol).sort()).toEqual([...predictionSymbols].sort());
    for (const market of markets) {
      expect(Number(market.activePrice)).toBeGreaterThan(0);
      expect(Number(market.activePrice)).toBeLessThan(1);
      expect(market).toMatchObject({ yesOutcomeLabel: 'Yes', noOutcomeLabel: 'No', resolvedAt: null });
    }
    const [first] = events;
    expect(first?.resolved).toBe(false);
    expect(
      body<PredictionEvent[]>(world.call('getPredictionEvents', null, { eventSlug: first?.slug ?? '' })),
    ).toHaveLength(1);
    expect(body<PredictionEvent[]>(world.call('getPredictionEvents', null, { resolved: true }))).toEqual([]);
    expect(body<PredictionEvent[]>(world.call('getPredictionEvents', null, { symbol: 'SOL_USDC' }))).toEqual([]);
    const tags = body<PredictionTag[]>(world.call('getPredictionTags', null));
    expect(tags.map((t) => t.slug)).toEqual(expect.arrayContaining(first?.tags.map((t) => t.slug) ?? []));
    expect(
      body<PredictionEvent[]>(world.call('getPredictionEvents', null, { tagSlug: tags[0]?.slug ?? '' })).length,
    ).toBeGreaterThan(0);
  });
});

describe('equity listings', () => {
  it('lists securities with per-session limits, the four US sessions and holidays', () => {
    const world = createWorld();
    const securities = body<Security[]>(world.call('getSecurities', null));
    const aapl = securities.find((s) => s.asset === 'AAPL.US');
    expect(aapl).toMatchObject({ cusip: '037833100', name: 'Apple Inc.' });
    expect(aapl?.sessions.map((s) => s.name)).toContain('US_EQUITIES_REGULAR');
    const sessions = body<MarketSession[]>(world.call('getMarketSessions', null));
    expect(sessions.find((s) => s.name === 'US_EQUITIES_OVERNIGHT')).toMatchObject({
      startWeekday: 7,
      endWeekday: 4,
      timezone: 'America/New_York',
    });
    const holidays = body<MarketHoliday[]>(world.call('getMarketHolidays', null));
    expect(holidays.every((h) => /^\d{4}-\d\d-\d\d$/.test(h.date) && h.market === 'US_EQUITIES')).toBe(true);
    expect(holidays.find((h) => h.date === '2026-11-27')?.startTime).toBe('13:00:00');
  });

  it('issues two-factor tokens', () => {
    const world = createWorld();
    const first = body<{ signature: string }>(world.call('issueTwoFactorToken', 'demo', { app: 'sandbox' }));
    const second = body<{ signature: string }>(world.call('issueTwoFactorToken', 'demo', { app: 'sandbox' }));
    expect(first.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(second.signature).not.toBe(first.signature);
  });
});
