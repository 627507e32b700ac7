// Assets (coins and tokens), their per-chain tokens and collateral parameters.
import type {
  CollateralFunction,
  CollateralSummary,
  MarginFunction,
  MarketAsset,
  Token,
} from '../exchange/types/assets.ts';
import { ASSET_SYMBOL } from './symbols/plugin.ts';
import { builder } from './builder.ts';
import { BlockchainEnum, CollateralFunctionKindEnum, MarginFunctionTypeEnum } from './enums.ts';

export const AssetRef = builder.objectRef<MarketAsset>('Asset');
export const TokenRef = builder.objectRef<Token>('Token');
export const MarginFunctionRef = builder.objectRef<MarginFunction>('MarginFunction');
const CollateralFunctionRef = builder.objectRef<CollateralFunction>('CollateralFunction');
export const CollateralParametersRef = builder.objectRef<CollateralSummary>('CollateralParameters');

MarginFunctionRef.implement({
  description: 'Initial or maintenance margin fraction as a function of position size: base + factor × sqrt(size).',
  fields: (t) => ({
    type: t.field({ type: MarginFunctionTypeEnum, description: 'Shape of the function.', resolve: (f) => f.type }),
    base: t.field({ type: 'Decimal', description: 'Margin fraction at zero size.', resolve: (f) => f.base }),
    factor: t.field({ type: 'Decimal', description: 'Growth factor with position size.', resolve: (f) => f.factor }),
  }),
});

CollateralFunctionRef.implement({
  description: 'How much of an asset counts as collateral: weight, optionally reduced for large holdings.',
  fields: (t) => ({
    weight: t.field({
      type: 'Decimal',
      description: 'Collateral weight (haircut) at small sizes.',
      resolve: (f) => f.weight,
    }),
    kind: t.field({
      type: CollateralFunctionKindEnum,
      description: 'Shape of the function.',
      resolve: (f) => f.kind.type,
    }),
    base: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Base of the inverse-sqrt curve (null for identity).',
      resolve: (f) => (f.kind.type === 'inverseSqrt' ? f.kind.base : null),
    }),
    positiveCurvePenalty: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Penalty of the inverse-sqrt curve (null for identity).',
      resolve: (f) => (f.kind.type === 'inverseSqrt' ? f.kind.positiveCurvePenalty : null),
    }),
  }),
});

CollateralParametersRef.implement({
  description: 'Margin and haircut functions of one collateral asset.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol.' }),
    imfFunction: t.field({
      type: MarginFunctionRef,
      description: 'Initial margin fraction function.',
      resolve: (c) => c.imfFunction,
    }),
    mmfFunction: t.field({
      type: MarginFunctionRef,
      description: 'Maintenance margin fraction function.',
      resolve: (c) => c.mmfFunction,
    }),
    haircutFunction: t.field({
      type: CollateralFunctionRef,
      description: 'Collateral haircut function.',
      resolve: (c) => c.haircutFunction,
    }),
  }),
});

TokenRef.implement({
  description: 'An asset on one blockchain, with its deposit and withdrawal rules.',
  fields: (t) => ({
    displayName: t.exposeString('displayName', { description: 'Name shown in the app.' }),
    blockchain: t.field({ type: BlockchainEnum, description: 'The chain.', resolve: (tok) => tok.blockchain }),
    contractAddress: t.string({
      nullable: true,
      description: 'Token contract / mint address; null for native coins.',
      resolve: (tok) => tok.contractAddress ?? null,
    }),
    depositEnabled: t.exposeBoolean('depositEnabled', { description: 'Whether deposits are open.' }),
    minimumDeposit: t.field({
      type: 'Decimal',
      description: 'Smallest accepted deposit.',
      resolve: (tok) => tok.minimumDeposit,
    }),
    withdrawEnabled: t.exposeBoolean('withdrawEnabled', { description: 'Whether withdrawals are open.' }),
    minimumWithdrawal: t.field({
      type: 'Decimal',
      description: 'Smallest withdrawal.',
      resolve: (tok) => tok.minimumWithdrawal,
    }),
    maximumWithdrawal: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Largest withdrawal; null = no maximum.',
      resolve: (tok) => tok.maximumWithdrawal ?? null,
    }),
    withdrawalFee: t.field({
      type: 'Decimal',
      description: 'Fee per withdrawal, in the asset.',
      resolve: (tok) => tok.withdrawalFee,
    }),
    nativeDecimals: t.int({
      nullable: true,
      description: 'Decimals of the token on chain, when published.',
      resolve: (tok) => tok.nativeDecimals ?? null,
    }),
  }),
});

AssetRef.implement({
  description: 'A coin or token traded on the exchange (`SOL`, `USDC`, `AAPL.US`; `kPEPE` is per 1000 units).',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Asset symbol, case-sensitive.' }),
    displayName: t.exposeString('displayName', { description: 'Human-readable name.' }),
    coingeckoId: t.string({
      nullable: true,
      description: 'CoinGecko id, when listed there.',
      resolve: (a) => a.coingeckoId ?? null,
    }),
    tokens: t.field({
      type: [TokenRef],
      description: 'The asset on each supported blockchain.',
      resolve: (a) => [...a.tokens],
    }),
    collateral: t.field({
      type: CollateralParametersRef,
      nullable: true,
      description: 'Collateral parameters; null when the asset is not accepted as collateral.',
      resolve: async (a, _, ctx) =>
        (await ctx.exchange.call('getCollateralParameters', {}))?.find((c) => c.symbol === a.symbol) ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  assets: t.field({
    type: [AssetRef],
    description: 'Every asset with its tokens per blockchain.',
    resolve: async (_, __, ctx) => [...(await ctx.loaders.allAssets())],
  }),
  asset: t.field({
    type: AssetRef,
    nullable: true,
    extensions: { [ASSET_SYMBOL]: true },
    description: 'One asset by symbol (case-sensitive); null when unknown.',
    args: { symbol: t.arg.string({ required: true, description: 'Asset symbol, e.g. `SOL`.' }) },
    resolve: (_, { symbol }, ctx) => ctx.loaders.asset.load(symbol),
  }),
  collateralParameters: t.field({
    type: [CollateralParametersRef],
    description: 'Margin and haircut functions of every collateral asset.',
    resolve: async (_, __, ctx) => [...((await ctx.exchange.call('getCollateralParameters', {})) ?? [])],
  }),
}));
