// Page-wide state shared by panels: the selected market and a price picked from the book for the order form.
import { signal } from '@preact/signals';
import type { DashboardMarketsQuery } from './generated/graphql.ts';

export type MarketInfo = NonNullable<DashboardMarketsQuery['markets']>[number];

export const DEFAULT_SYMBOL = 'SOL_USDC';

export const selectedSymbol = signal(DEFAULT_SYMBOL);

/** Set when a book level is clicked; the order form copies it into its price field. */
export const pickedPrice = signal<{ price: string } | null>(null);
