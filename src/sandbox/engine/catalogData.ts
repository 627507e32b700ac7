// The sandbox catalog's data: assets with their per-chain tokens, and one seed row per market. `MarketCatalog`
// (markets.ts) turns the seeds into exact-decimal specs and wire objects; keep the values here plain text.
import type { Token } from '../../exchange/types/assets.ts';
import type { Blockchain } from '../../exchange/types/enums/capital.ts';
import type { MarketType, RwaMarketType } from '../../exchange/types/enums/markets.ts';

export interface AssetSpec {
  readonly symbol: string;
  readonly displayName: string;
  readonly coingeckoId: string | null;
  /** Precision fees and settlements in this asset are rounded to. */
  readonly decimals: number;
  readonly tokens: readonly Token[];
  /** Collateral weight (haircut) and whether an inverse-sqrt penalty applies; null = not collateral. */
  readonly collateralWeight: string | null;
}

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

function token(
  blockchain: Blockchain,
  displayName: string,
  contractAddress: string | null,
  extra: Partial<Token> = {},
): Token {
  return {
    displayName,
    blockchain,
    contractAddress,
    depositEnabled: true,
    minimumDeposit: '0.01',
    withdrawEnabled: true,
    minimumWithdrawal: '0.02',
    maximumWithdrawal: null,
    withdrawalFee: '0.01',
    nativeDecimals: null,
    ...extra,
  };
}

/** An SPL token on Solana (most of the altcoins listed here exist only there). */
function spl(
  displayName: string,
  mint: string,
  nativeDecimals: number,
  withdrawalFee: string,
  minimumWithdrawal: string,
  minimumDeposit: string,
): Token {
  return token('Solana', displayName, mint, { nativeDecimals, withdrawalFee, minimumWithdrawal, minimumDeposit });
}

export const ASSETS: readonly AssetSpec[] = [
  {
    symbol: 'USDC',
    displayName: 'USD Coin',
    coingeckoId: 'usd-coin',
    decimals: 6,
    collateralWeight: '1',
    tokens: [
      token('Solana', 'USD Coin', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', {
        withdrawalFee: '1',
        minimumWithdrawal: '2',
        nativeDecimals: 6,
      }),
      token('Ethereum', 'USD Coin', '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', {
        withdrawalFee: '5',
        minimumWithdrawal: '10',
        nativeDecimals: 6,
      }),
      token('Base', 'USD Coin', '0x833589fcd6edb6e08f4c7c32d4f71b54bda02913', {
        withdrawalFee: '1',
        minimumWithdrawal: '2',
        nativeDecimals: 6,
      }),
    ],
  },
  {
    symbol: 'USDT',
    displayName: 'Tether USD',
    coingeckoId: 'tether',
    decimals: 6,
    collateralWeight: '0.95',
    tokens: [
      token('Solana', 'Tether USD', 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', {
        withdrawalFee: '1',
        minimumWithdrawal: '2',
        nativeDecimals: 6,
      }),
      token('Ethereum', 'Tether USD', '0xdac17f958d2ee523a2206206994597c13d831ec7', {
        withdrawalFee: '5',
        minimumWithdrawal: '10',
        nativeDecimals: 6,
      }),
      token('Tron', 'Tether USD', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', {
        withdrawalFee: '2',
        minimumWithdrawal: '5',
        nativeDecimals: 6,
      }),
    ],
  },
  {
    symbol: 'SOL',
    displayName: 'Solana',
    coingeckoId: 'solana',
    decimals: 9,
    collateralWeight: '0.85',
    tokens: [token('Solana', 'Solana', null, { withdrawalFee: '0.002', minimumWithdrawal: '0.01', nativeDecimals: 9 })],
  },
  {
    symbol: 'BTC',
    displayName: 'Bitcoin',
    coingeckoId: 'bitcoin',
    decimals: 8,
    collateralWeight: '0.9',
    tokens: [
      token('Bitcoin', 'Bitcoin', null, {
        withdrawalFee: '0.00002',
        minimumWithdrawal: '0.0001',
        minimumDeposit: '0.00001',
        nativeDecimals: 8,
      }),
      token('Solana', 'Wrapped Bitcoin (Portal)', '3NZ9JMVBmGAqocybic2c7LQCJScmgsAZ6vQqTDzcqmJh', {
        withdrawalFee: '0.00001',
        minimumWithdrawal: '0.0001',
        minimumDeposit: '0.00001',
        nativeDecimals: 8,
      }),
    ],
  },
  {
    symbol: 'ETH',
    displayName: 'Ethereum',
    coingeckoId: 'ethereum',
    decimals: 8,
    collateralWeight: '0.9',
    tokens: [
      token('Ethereum', 'Ethereum', null, {
        withdrawalFee: '0.0015',
        minimumWithdrawal: '0.003',
        minimumDeposit: '0.001',
        nativeDecimals: 18,
      }),
      token('Arbitrum', 'Ethereum', null, {
        withdrawalFee: '0.0002',
        minimumWithdrawal: '0.001',
        minimumDeposit: '0.001',
        nativeDecimals: 18,
      }),
      token('Base', 'Ethereum', null, {
        withdrawalFee: '0.0002',
        minimumWithdrawal: '0.001',
        minimumDeposit: '0.001',
        nativeDecimals: 18,
      }),
    ],
  },
  { symbol: 'AAPL.US', displayName: 'Apple Inc.', coingeckoId: null, decimals: 8, collateralWeight: null, tokens: [] },
  {
    symbol: 'SOLWP123126A200',
    displayName: 'SOL above 200 on Dec 31 2026',
    coingeckoId: null,
    decimals: 6,
    collateralWeight: null,
    tokens: [],
  },
  // Altcoins. Not collateral here, so the collateral, borrow-lend and margin figures stay those of the majors above.
  {
    symbol: 'JUP',
    displayName: 'Jupiter',
    coingeckoId: 'jupiter-exchange-solana',
    decimals: 6,
    collateralWeight: null,
    tokens: [spl('Jupiter', 'JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN', 6, '0.5', '1', '0.1')],
  },
  {
    symbol: 'BONK',
    displayName: 'Bonk',
    coingeckoId: 'bonk',
    decimals: 5,
    collateralWeight: null,
    tokens: [spl('Bonk', 'DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263', 5, '25000', '50000', '1000')],
  },
  {
    symbol: 'WIF',
    displayName: 'dogwifhat',
    coingeckoId: 'dogwifcoin',
    decimals: 6,
    collateralWeight: null,
    tokens: [spl('dogwifhat', 'EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm', 6, '0.2', '0.5', '0.1')],
  },
  {
    symbol: 'PYTH',
    displayName: 'Pyth Network',
    coingeckoId: 'pyth-network',
    decimals: 6,
    collateralWeight: null,
    tokens: [spl('Pyth Network', 'HZ1JovNiVvGrGNiiYvEozEVgZ58xaU3RKwX8eACQBCt3', 6, '2', '4', '1')],
  },
  {
    symbol: 'JTO',
    displayName: 'Jito',
    coingeckoId: 'jito-governance-token',
    decimals: 9,
    collateralWeight: null,
    tokens: [spl('Jito', 'jtojtomepa8beP8AuQc6eXt5FriJwfFMwQx2v2f9mCL', 9, '0.1', '0.2', '0.01')],
  },
  {
    symbol: 'RAY',
    displayName: 'Raydium',
    coingeckoId: 'raydium',
    decimals: 6,
    collateralWeight: null,
    tokens: [spl('Raydium', '4k3Dyjzvzp8eMZWUXbBCjEvwSkkk59S5iCNLY3QrkX6R', 6, '0.1', '0.2', '0.01')],
  },
  {
    symbol: 'DOGE',
    displayName: 'Dogecoin',
    coingeckoId: 'dogecoin',
    decimals: 8,
    collateralWeight: null,
    tokens: [
      token('Dogecoin', 'Dogecoin', null, {
        withdrawalFee: '5',
        minimumWithdrawal: '10',
        minimumDeposit: '1',
        nativeDecimals: 8,
      }),
    ],
  },
  {
    symbol: 'XRP',
    displayName: 'XRP',
    coingeckoId: 'ripple',
    decimals: 6,
    collateralWeight: null,
    tokens: [
      token('XRP', 'XRP', null, {
        withdrawalFee: '0.25',
        minimumWithdrawal: '1',
        minimumDeposit: '0.1',
        nativeDecimals: 6,
      }),
    ],
  },
  {
    symbol: 'SUI',
    displayName: 'Sui',
    coingeckoId: 'sui',
    decimals: 9,
    collateralWeight: null,
    tokens: [
      token('Sui', 'Sui', null, {
        withdrawalFee: '0.05',
        minimumWithdrawal: '0.1',
        minimumDeposit: '0.01',
        nativeDecimals: 9,
      }),
    ],
  },
  {
    symbol: 'AVAX',
    displayName: 'Avalanche',
    coingeckoId: 'avalanche-2',
    // Native AVAX has 18 decimals; the exchange books it to 8 like ETH.
    decimals: 8,
    collateralWeight: null,
    tokens: [
      token('Avalanche', 'Avalanche', null, {
        withdrawalFee: '0.01',
        minimumWithdrawal: '0.05',
        minimumDeposit: '0.01',
        nativeDecimals: 18,
      }),
    ],
  },
  // Per-1000 BONK, a perp-only unit (the lowercase `k` is part of the symbol, e.g. kBONK): nothing to deposit.
  { symbol: 'kBONK', displayName: '1000 Bonk', coingeckoId: null, decimals: 5, collateralWeight: null, tokens: [] },
];

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
