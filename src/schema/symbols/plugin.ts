// Pothos plugin: every field, mutation and subscription that takes a market symbol (a `symbol` argument, or a
// `symbol` in an input object) checks it against the market catalog the same way before its resolver runs, and
// hands the resolver Backpack's spelling (ccxt's `SOL/USDC` arrives as `SOL_USDC`).
import SchemaBuilder, {
  BasePlugin,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { CachedExchange } from '../../exchange/cache.ts';
import { knownSymbol } from './resolve.ts';

/** Field option `extensions: { [ASSET_SYMBOL]: true }`: this field's `symbol` names an asset, not a market. */
export const ASSET_SYMBOL = 'assetSymbol';
/** Field option: the resolver checks symbols itself (with `knownSymbol`) after cheaper checks that need no catalog. */
export const RESOLVER_CHECKS_SYMBOLS = 'resolverChecksSymbols';

type Args = Record<string, unknown>;

const ALIAS_NOTE =
  " ccxt's unified symbols are accepted too (`SOL/USDC` for `SOL_USDC`, `SOL/USDC:USDC` for `SOL_USDC_PERP`); an " +
  'unknown symbol is an `UNKNOWN_SYMBOL` error with `extensions.suggestions`.';

function described(description: string | undefined | null): string {
  return `${description ?? 'Market symbol.'}${ALIAS_NOTE}`;
}

function isRecord(value: unknown): value is Args {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exchangeOf(context: unknown): CachedExchange | undefined {
  return isRecord(context) ? (context['exchange'] as CachedExchange | undefined) : undefined;
}

async function withSymbol(exchange: CachedExchange, value: Args): Promise<Args> {
  const symbol = value['symbol'];
  return typeof symbol === 'string' ? { ...value, symbol: await knownSymbol(exchange, symbol) } : value;
}

function hasInputObjects(value: unknown): boolean {
  return isRecord(value) || (Array.isArray(value) && value.some(isRecord));
}

/**
 * The arguments with every market symbol checked and in Backpack's spelling (throws UNKNOWN_SYMBOL). Without a promise
 * in the usual case, a top-level `symbol` the fresh catalog lists and no input objects: then the arguments
 * themselves, when the symbol already has Backpack's spelling.
 */
function checkedArgs(exchange: CachedExchange, args: Args): Args | Promise<Args> {
  for (const name in args) {
    if (name !== 'symbol' && hasInputObjects(args[name])) return checkedWithInputs(exchange, args);
  }
  const symbol = args['symbol'];
  if (typeof symbol !== 'string') return args;
  const known = knownSymbol(exchange, symbol);
  if (typeof known !== 'string') return known.then((checked) => ({ ...args, symbol: checked }));
  return known === symbol ? args : { ...args, symbol: known };
}

/** `checkedArgs` when input objects (or lists of them) may carry symbols too. */
async function checkedWithInputs(exchange: CachedExchange, args: Args): Promise<Args> {
  const checked: Args = await withSymbol(exchange, args);
  for (const [name, value] of Object.entries(args)) {
    if (name === 'symbol') continue;
    if (isRecord(value)) checked[name] = await withSymbol(exchange, value);
    else if (Array.isArray(value) && value.some(isRecord)) {
      checked[name] = await Promise.all(value.map((item) => (isRecord(item) ? withSymbol(exchange, item) : item)));
    }
  }
  return checked;
}

function takesSymbol<Types extends SchemaTypes>(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
  if (fieldConfig.extensions?.[ASSET_SYMBOL] === true) return false;
  if (fieldConfig.extensions?.[RESOLVER_CHECKS_SYMBOLS] === true) return false;
  return Object.entries(fieldConfig.args).some(([name, arg]) => {
    const type = arg.type.kind === 'List' ? arg.type.type : arg.type;
    return name === 'symbol' || type.kind === 'InputObject';
  });
}

export class MarketSymbolPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const symbol = fieldConfig.args['symbol'];
    if (!symbol || fieldConfig.extensions?.[ASSET_SYMBOL] === true) return fieldConfig;
    return {
      ...fieldConfig,
      args: { ...fieldConfig.args, symbol: { ...symbol, description: described(symbol.description) } },
    };
  }

  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    if (fieldConfig.kind !== 'InputObject' || fieldConfig.name !== 'symbol') return fieldConfig;
    return { ...fieldConfig, description: described(fieldConfig.description) };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind === 'Subscription' || !takesSymbol(fieldConfig)) return resolver;
    return this.checking(resolver);
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!subscribe || !takesSymbol(fieldConfig)) return subscribe;
    return this.checking(subscribe);
  }

  private checking(
    inner: GraphQLFieldResolver<unknown, Types['Context'], object>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    return (parent, args, context, info) => {
      const exchange = exchangeOf(context);
      if (!exchange) return inner(parent, args, context, info);
      const checked = checkedArgs(exchange, args as Args);
      if (checked instanceof Promise) return checked.then((ready) => inner(parent, ready, context, info));
      return inner(parent, checked, context, info);
    };
  }
}

declare global {
  // Pothos plugins are registered by declaration merging into this namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      marketSymbol: MarketSymbolPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('marketSymbol', MarketSymbolPlugin);

export const marketSymbolPlugin = 'marketSymbol' as const;
