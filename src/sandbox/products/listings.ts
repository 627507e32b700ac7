// Static reference data for tokenized equities: securities, US trading sessions and market holidays.
import type { MarketHoliday, MarketSession, Security, SecuritySession } from '../../exchange/types/markets.ts';

const NEW_YORK = 'America/New_York';

export const MARKET_SESSIONS: readonly MarketSession[] = [
  {
    name: 'US_EQUITIES_PRE_MARKET',
    description: 'US equities pre-market session',
    startTime: '04:00:00',
    endTime: '09:30:00',
    timezone: NEW_YORK,
    startWeekday: 1,
    endWeekday: 5,
  },
  {
    name: 'US_EQUITIES_REGULAR',
    description: 'US equities regular trading hours',
    startTime: '09:30:00',
    endTime: '16:00:00',
    timezone: NEW_YORK,
    startWeekday: 1,
    endWeekday: 5,
  },
  {
    name: 'US_EQUITIES_POST_MARKET',
    description: 'US equities post-market session',
    startTime: '16:00:00',
    endTime: '20:00:00',
    timezone: NEW_YORK,
    startWeekday: 1,
    endWeekday: 5,
  },
  {
    // Runs Sunday 20:00 through Friday 04:00, hence the 7 → 4 weekday span.
    name: 'US_EQUITIES_OVERNIGHT',
    description: 'US equities overnight session',
    startTime: '20:00:00',
    endTime: '04:00:00',
    timezone: NEW_YORK,
    startWeekday: 7,
    endWeekday: 4,
  },
];

/** Each security trades in every session; extended sessions get a tighter cap. */
function sessionsFor(minQuantity: string, stepSize: string, regularMax: string): SecuritySession[] {
  return MARKET_SESSIONS.map((session) => ({
    name: session.name,
    minQuantity,
    maxQuantity: session.name === 'US_EQUITIES_REGULAR' ? regularMax : '1000',
    stepSize,
  }));
}

export const SECURITIES: readonly Security[] = [
  { asset: 'AAPL.US', cusip: '037833100', name: 'Apple Inc.', sessions: sessionsFor('0.001', '0.001', '5000') },
  { asset: 'NVDA.US', cusip: '67066G104', name: 'NVIDIA Corporation', sessions: sessionsFor('0.001', '0.001', '5000') },
  { asset: 'TSLA.US', cusip: '88160R101', name: 'Tesla, Inc.', sessions: sessionsFor('0.001', '0.001', '5000') },
  {
    asset: 'SPY.US',
    cusip: '78462F103',
    name: 'SPDR S&P 500 ETF Trust',
    sessions: sessionsFor('0.001', '0.001', '10000'),
  },
  { asset: 'QQQ.US', cusip: '46090E103', name: 'Invesco QQQ Trust', sessions: sessionsFor('0.001', '0.001', '10000') },
];

type HolidayRow = readonly [date: string, name: string, earlyClose?: boolean];

// NYSE calendar; early closes shut at 13:00 New York time, so the closure window starts there.
const US_HOLIDAYS: readonly HolidayRow[] = [
  ['2025-01-01', "New Year's Day"],
  ['2025-01-20', 'Martin Luther King Jr. Day'],
  ['2025-02-17', "Washington's Birthday"],
  ['2025-04-18', 'Good Friday'],
  ['2025-05-26', 'Memorial Day'],
  ['2025-06-19', 'Juneteenth National Independence Day'],
  ['2025-07-04', 'Independence Day'],
  ['2025-09-01', 'Labor Day'],
  ['2025-11-27', 'Thanksgiving Day'],
  ['2025-11-28', 'Day after Thanksgiving (early close)', true],
  ['2025-12-24', 'Christmas Eve (early close)', true],
  ['2025-12-25', 'Christmas Day'],
  ['2026-01-01', "New Year's Day"],
  ['2026-01-19', 'Martin Luther King Jr. Day'],
  ['2026-02-16', "Washington's Birthday"],
  ['2026-04-03', 'Good Friday'],
  ['2026-05-25', 'Memorial Day'],
  ['2026-06-19', 'Juneteenth National Independence Day'],
  ['2026-07-03', 'Independence Day (observed)'],
  ['2026-09-07', 'Labor Day'],
  ['2026-11-26', 'Thanksgiving Day'],
  ['2026-11-27', 'Day after Thanksgiving (early close)', true],
  ['2026-12-24', 'Christmas Eve (early close)', true],
  ['2026-12-25', 'Christmas Day'],
  ['2027-01-01', "New Year's Day"],
  ['2027-01-18', 'Martin Luther King Jr. Day'],
  ['2027-02-15', "Washington's Birthday"],
  ['2027-03-26', 'Good Friday'],
  ['2027-05-31', 'Memorial Day'],
  ['2027-06-18', 'Juneteenth National Independence Day (observed)'],
  ['2027-07-05', 'Independence Day (observed)'],
  ['2027-09-06', 'Labor Day'],
  ['2027-11-25', 'Thanksgiving Day'],
  ['2027-11-26', 'Day after Thanksgiving (early close)', true],
  ['2027-12-24', 'Christmas Day (observed)'],
];

export const MARKET_HOLIDAYS: readonly MarketHoliday[] = US_HOLIDAYS.map(([date, name, earlyClose]) => ({
  market: 'US_EQUITIES',
  name,
  date,
  startTime: earlyClose === true ? '13:00:00' : '00:00:00',
  endTime: '23:59:59',
  timezone: NEW_YORK,
}));
