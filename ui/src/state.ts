// Page-wide state shared by panels: the selected market and a price picked from the book for the order form.
import { signal } from '@preact/signals';
import type { DashboardMarketsQuery } from './generated/graphql.ts';

export type MarketInfo = NonNullable<DashboardMarketsQuery['markets']>[number];

export const DEFAULT_SYMBOL = 'SOL_USDC';

export const selectedSymbol = signal(DEFAULT_SYMBOL);

/** Set when a book level is clicked; the order form copies it into its price field. */
export const pickedPrice = signal<{ price: string } | null>(null);

/**
 * What the symbol alone says about a market (`SOL_USDC_PERP` → SOL, USDC, PERP), so that the selected market's live
 * panels subscribe at once instead of waiting for the market list; the list's rules and ticker replace it on arrival.
 */
export function marketFromSymbol(symbol: string): MarketInfo {
  const [base = symbol, quote = ''] = symbol.split('_');
  const perp = symbol.endsWith('_PERP');
  return {
    symbol,
    marketType: perp ? 'PERP' : 'SPOT',
    baseSymbol: base,
    quoteSymbol: quote,
    filters: null,
    ticker: null,
  };
}
