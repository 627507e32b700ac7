// Equity listings: tokenized securities, weekly trading sessions and holiday closures.
import type { MarketHoliday, MarketSession, Security, SecuritySession } from '../exchange/types/markets.ts';
import { builder } from './builder.ts';

const SecuritySessionRef = builder.objectRef<SecuritySession>('SecuritySession').implement({
  description: 'Quantity limits of a security during one trading session.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Session name, e.g. `US_EQUITIES_REGULAR`.' }),
    minQuantity: t.field({ type: 'Decimal', description: 'Smallest order quantity.', resolve: (s) => s.minQuantity }),
    maxQuantity: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Largest order quantity; null = none.',
      resolve: (s) => s.maxQuantity ?? null,
    }),
    stepSize: t.field({
      type: 'Decimal',
      description: 'Quantities must be multiples of this.',
      resolve: (s) => s.stepSize,
    }),
  }),
});

const SecurityRef = builder.objectRef<Security>('Security').implement({
  description: 'A tokenized equity (`AAPL.US`).',
  fields: (t) => ({
    asset: t.exposeString('asset', { description: 'Asset symbol of the token.' }),
    name: t.exposeString('name', { description: 'Company or fund name.' }),
    cusip: t.string({ nullable: true, description: 'CUSIP identifier.', resolve: (s) => s.cusip ?? null }),
    sessions: t.field({
      type: [SecuritySessionRef],
      description: 'Limits per trading session.',
      resolve: (s) => [...s.sessions],
    }),
  }),
});

const MarketSessionRef = builder.objectRef<MarketSession>('MarketSession').implement({
  description: 'A weekly trading session of equity markets, in local time of `timezone`.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Session name, e.g. `US_EQUITIES_PRE_MARKET`.' }),
    description: t.string({
      nullable: true,
      description: 'What the session is.',
      resolve: (s) => s.description ?? null,
    }),
    startTime: t.exposeString('startTime', { description: 'Local start `HH:MM:SS`.' }),
    endTime: t.exposeString('endTime', { description: 'Local end `HH:MM:SS`.' }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone, e.g. `America/New_York`.' }),
    startWeekday: t.exposeInt('startWeekday', { description: 'First weekday, 1 = Monday … 7 = Sunday.' }),
    endWeekday: t.exposeInt('endWeekday', { description: 'Last weekday, 1 = Monday … 7 = Sunday.' }),
  }),
});

const MarketHolidayRef = builder.objectRef<MarketHoliday>('MarketHoliday').implement({
  description: 'A closure (or early close) of equity markets on one date.',
  fields: (t) => ({
    market: t.exposeString('market', { description: 'Market group, e.g. `US_EQUITIES`.' }),
    name: t.exposeString('name', { description: 'Holiday name.' }),
    date: t.exposeString('date', { description: 'Local date `YYYY-MM-DD`.' }),
    startTime: t.exposeString('startTime', { description: 'Local start of the closure `HH:MM:SS`.' }),
    endTime: t.exposeString('endTime', { description: 'Local end of the closure `HH:MM:SS`.' }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone.' }),
  }),
});

builder.queryFields((t) => ({
  securities: t.field({
    type: [SecurityRef],
    description: 'Tokenized equities with their per-session quantity limits.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getSecurities', {})) ?? [])],
  }),
  marketSessions: t.field({
    type: [MarketSessionRef],
    description: 'Weekly trading sessions of equity markets.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getMarketSessions', {})) ?? [])],
  }),
  marketHolidays: t.field({
    type: [MarketHolidayRef],
    description: 'Holiday closures and early closes of equity markets.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getMarketHolidays', {})) ?? [])],
  }),
}));
