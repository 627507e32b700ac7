// The sandbox catalog's assets with their per-chain tokens. `MarketCatalog` (markets.ts) turns them into wire
// objects; keep the values here plain text.
import type { Token } from '../../exchange/types/assets.ts';
import type { Blockchain } from '../../exchange/types/enums/capital.ts';

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
