// The sandbox catalog's markets, one seed row each. `MarketCatalog` (markets.ts) turns the seeds into exact-decimal
// specs and wire objects; keep the values here plain text.
import type { MarketType, RwaMarketType } from '../../exchange/types/enums/markets.ts';

export interface MarketSeed {
  symbol: string;
  base: string;
  quote?: string;
  marketType: MarketType;
  rwaMarketType?: RwaMarketType;
  tickSize: string;
  stepSize: string;
  minQuantity?: string;
  maxQuantity?: string;
  minPrice?: string;
  maxPrice?: string;
  initialPrice: string;
  indexSource?: string;
  hourlyVolatility?: number;
  openInterestLimit?: string;
  imf?: [string, string];
  mmf?: [string, string];
  createdAt: string;
}

export const PREDICTION_MARKET_SYMBOL = 'SOLWP123126A200_USDC';
export const RFQ_MARKET_SYMBOL = 'SOL_USDC_RFQ';

/** Altcoin perp margin: 20x (10x for the smallest names) where the majors allow 50x. */
const ALT_IMF: [string, string] = ['0.05', '0.00012'];
const ALT_MMF: [string, string] = ['0.025', '0.00007'];
const SMALL_IMF: [string, string] = ['0.1', '0.00015'];
const SMALL_MMF: [string, string] = ['0.05', '0.00009'];

// The original eight SPOT/PERP markets come first and the additions after them (before RFQ and prediction), so the
// seeded ids and flow draws of the original books stay as they were.
export const SEEDS: readonly MarketSeed[] = [
  {
    symbol: 'SOL_USDC',
    base: 'SOL',
    marketType: 'SPOT',
    tickSize: '0.01',
    stepSize: '0.01',
    initialPrice: '150',
    createdAt: '2024-01-15T10:00:00.000000',
  },
  {
    symbol: 'BTC_USDC',
    base: 'BTC',
    marketType: 'SPOT',
    tickSize: '0.1',
    stepSize: '0.00001',
    initialPrice: '95000',
    createdAt: '2024-01-15T10:00:01.000000',
  },
  {
    symbol: 'ETH_USDC',
    base: 'ETH',
    marketType: 'SPOT',
    tickSize: '0.01',
    stepSize: '0.0001',
    initialPrice: '3500',
    createdAt: '2024-01-15T10:00:02.000000',
  },
  {
    symbol: 'USDT_USDC',
    base: 'USDT',
    marketType: 'SPOT',
    tickSize: '0.0001',
    stepSize: '0.01',
    minQuantity: '1',
    initialPrice: '1.0001',
    hourlyVolatility: 0.0002,
    createdAt: '2024-02-01T09:30:00.000000',
  },
  {
    symbol: 'SOL_USDC_PERP',
    base: 'SOL',
    marketType: 'PERP',
    tickSize: '0.01',
    stepSize: '0.01',
    initialPrice: '150',
    indexSource: 'SOL_USDC',
    openInterestLimit: '2000000',
    imf: ['0.02', '0.0000935'],
    mmf: ['0.0125', '0.0000561'],
    createdAt: '2024-09-10T14:00:00.000000',
  },
  {
    symbol: 'BTC_USDC_PERP',
    base: 'BTC',
    marketType: 'PERP',
    tickSize: '0.1',
    stepSize: '0.00001',
    initialPrice: '95000',
    indexSource: 'BTC_USDC',
    openInterestLimit: '500',
    imf: ['0.02', '0.00006'],
    mmf: ['0.0125', '0.000036'],
    createdAt: '2024-09-10T14:00:01.000000',
  },
  {
    symbol: 'ETH_USDC_PERP',
    base: 'ETH',
    marketType: 'PERP',
    tickSize: '0.01',
    stepSize: '0.0001',
    initialPrice: '3500',
    indexSource: 'ETH_USDC',
    openInterestLimit: '20000',
    imf: ['0.02', '0.00006'],
    mmf: ['0.0125', '0.000036'],
    createdAt: '2024-09-10T14:00:02.000000',
  },
  {
    symbol: 'AAPL.US_USDC_PERP',
    base: 'AAPL.US',
    marketType: 'PERP',
    rwaMarketType: 'STOCK',
    tickSize: '0.01',
    stepSize: '0.001',
    initialPrice: '230',
    hourlyVolatility: 0.004,
    openInterestLimit: '50000',
    imf: ['0.1', '0.0002'],
    mmf: ['0.05', '0.0001'],
    createdAt: '2025-10-01T13:30:00.000000',
  },
  // Altcoin spot: ticks give 4–5 significant digits at the starting price; steps are worth well under a dollar.
  {
    symbol: 'JUP_USDC',
    base: 'JUP',
    marketType: 'SPOT',
    tickSize: '0.0001',
    stepSize: '0.1',
    initialPrice: '0.45',
    hourlyVolatility: 0.01,
    createdAt: '2024-01-31T15:00:00.000000',
  },
  {
    symbol: 'BONK_USDC',
    base: 'BONK',
    marketType: 'SPOT',
    tickSize: '0.000000001',
    stepSize: '1',
    minQuantity: '1000',
    initialPrice: '0.000022',
    hourlyVolatility: 0.012,
    createdAt: '2024-01-15T10:00:03.000000',
  },
  {
    symbol: 'WIF_USDC',
    base: 'WIF',
    marketType: 'SPOT',
    tickSize: '0.0001',
    stepSize: '0.01',
    initialPrice: '0.9',
    hourlyVolatility: 0.012,
    createdAt: '2024-01-15T10:00:04.000000',
  },
  {
    symbol: 'PYTH_USDC',
    base: 'PYTH',
    marketType: 'SPOT',
    tickSize: '0.00001',
    stepSize: '1',
    initialPrice: '0.12',
    hourlyVolatility: 0.01,
    createdAt: '2024-01-15T10:00:05.000000',
  },
  {
    symbol: 'JTO_USDC',
    base: 'JTO',
    marketType: 'SPOT',
    tickSize: '0.001',
    stepSize: '0.01',
    initialPrice: '1.8',
    hourlyVolatility: 0.01,
    createdAt: '2024-01-15T10:00:06.000000',
  },
  {
    symbol: 'RAY_USDC',
    base: 'RAY',
    marketType: 'SPOT',
    tickSize: '0.001',
    stepSize: '0.01',
    initialPrice: '2.2',
    hourlyVolatility: 0.01,
    createdAt: '2024-06-20T12:00:00.000000',
  },
  {
    symbol: 'DOGE_USDC',
    base: 'DOGE',
    marketType: 'SPOT',
    tickSize: '0.00001',
    stepSize: '1',
    initialPrice: '0.18',
    hourlyVolatility: 0.009,
    createdAt: '2024-11-14T12:00:00.000000',
  },
  {
    symbol: 'XRP_USDC',
    base: 'XRP',
    marketType: 'SPOT',
    tickSize: '0.0001',
    stepSize: '0.1',
    initialPrice: '2.3',
    hourlyVolatility: 0.008,
    createdAt: '2025-01-09T12:00:00.000000',
  },
  // Altcoin perps: those with a spot market above take it as index; SUI, AVAX and kBONK random-walk theirs.
  {
    symbol: 'JUP_USDC_PERP',
    base: 'JUP',
    marketType: 'PERP',
    tickSize: '0.0001',
    stepSize: '1',
    initialPrice: '0.45',
    indexSource: 'JUP_USDC',
    openInterestLimit: '100000000',
    imf: SMALL_IMF,
    mmf: SMALL_MMF,
    createdAt: '2024-11-21T14:00:00.000000',
  },
  {
    symbol: 'WIF_USDC_PERP',
    base: 'WIF',
    marketType: 'PERP',
    tickSize: '0.0001',
    stepSize: '1',
    initialPrice: '0.9',
    indexSource: 'WIF_USDC',
    openInterestLimit: '50000000',
    imf: SMALL_IMF,
    mmf: SMALL_MMF,
    createdAt: '2024-11-21T14:00:01.000000',
  },
  {
    symbol: 'DOGE_USDC_PERP',
    base: 'DOGE',
    marketType: 'PERP',
    tickSize: '0.00001',
    stepSize: '1',
    initialPrice: '0.18',
    indexSource: 'DOGE_USDC',
    openInterestLimit: '300000000',
    imf: ALT_IMF,
    mmf: ALT_MMF,
    createdAt: '2024-11-21T14:00:02.000000',
  },
  {
    symbol: 'XRP_USDC_PERP',
    base: 'XRP',
    marketType: 'PERP',
    tickSize: '0.0001',
    stepSize: '0.1',
    initialPrice: '2.3',
    indexSource: 'XRP_USDC',
    openInterestLimit: '30000000',
    imf: ALT_IMF,
    mmf: ALT_MMF,
    createdAt: '2025-01-09T14:00:00.000000',
  },
  {
    symbol: 'SUI_USDC_PERP',
    base: 'SUI',
    marketType: 'PERP',
    tickSize: '0.0001',
    stepSize: '0.1',
    initialPrice: '3.4',
    hourlyVolatility: 0.009,
    openInterestLimit: '20000000',
    imf: ALT_IMF,
    mmf: ALT_MMF,
    createdAt: '2024-11-21T14:00:03.000000',
  },
  {
    symbol: 'AVAX_USDC_PERP',
    base: 'AVAX',
    marketType: 'PERP',
    tickSize: '0.001',
    stepSize: '0.01',
    initialPrice: '22',
    hourlyVolatility: 0.008,
    openInterestLimit: '3000000',
    imf: ALT_IMF,
    mmf: ALT_MMF,
    createdAt: '2025-02-18T14:00:00.000000',
  },
  // Priced per 1000 BONK; no kBONK spot market, so its index walks on its own rather than tracking BONK_USDC.
  {
    symbol: 'kBONK_USDC_PERP',
    base: 'kBONK',
    marketType: 'PERP',
    tickSize: '0.000001',
    stepSize: '1',
    initialPrice: '0.022',
    hourlyVolatility: 0.012,
    openInterestLimit: '3000000000',
    imf: SMALL_IMF,
    mmf: SMALL_MMF,
    createdAt: '2025-03-05T14:00:00.000000',
  },
  {
    symbol: RFQ_MARKET_SYMBOL,
    base: 'SOL',
    marketType: 'RFQ',
    tickSize: '0.01',
    stepSize: '0.01',
    initialPrice: '150',
    createdAt: '2024-11-05T12:00:00.000000',
  },
  {
    symbol: PREDICTION_MARKET_SYMBOL,
    base: 'SOLWP123126A200',
    marketType: 'PREDICTION',
    tickSize: '0.001',
    stepSize: '1',
    minQuantity: '1',
    minPrice: '0.001',
    maxPrice: '0.999',
    initialPrice: '0.42',
    hourlyVolatility: 0.01,
    createdAt: '2025-12-01T00:00:00.000000',
  },
];
