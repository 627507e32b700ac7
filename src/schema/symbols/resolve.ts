// Market symbols in arguments: ccxt's unified aliases, the catalog check, and the UNKNOWN_SYMBOL error.
import { GraphQLError } from 'graphql';
import { ALL_MARKET_TYPES_PARAMS, type CachedExchange } from '../../exchange/cache.ts';
import { indexBySymbol } from '../../exchange/symbolIndex.ts';

const MAX_SUGGESTIONS = 3;

/**
 * ccxt's unified symbols as Backpack symbols: `SOL/USDC` → `SOL_USDC`, `SOL/USDC:USDC` (a perpetual settled in
 * USDC) → `SOL_USDC_PERP`. Anything else is returned unchanged.
 */
export function backpackSymbol(raw: string): string {
  // Every unified symbol has a slash; Backpack's own spelling (the usual argument) skips the pattern.
  if (!raw.includes('/')) return raw;
  const unified = /^([^/:\s]+)\/([^/:\s]+)(?::([^/:\s]+))?$/.exec(raw.trim());
  if (!unified) return raw;
  const [, base = '', quote = '', settle] = unified;
  return settle === undefined ? `${base}_${quote}` : `${base}_${quote}_PERP`;
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known symbols closest to `symbol` (case-insensitive edit distance), best first. */
export function closestSymbols(symbol: string, known: Iterable<string>): string[] {
  const target = symbol.toUpperCase();
  return [...known]
    .map((candidate) => ({ candidate, score: distance(target, candidate.toUpperCase()) }))
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.candidate);
}

export function unknownSymbolError(symbol: string, suggestions: readonly string[]): GraphQLError {
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return new GraphQLError(`Unknown market symbol ${JSON.stringify(symbol.slice(0, 40))}.${hint}`, {
    extensions: { code: 'UNKNOWN_SYMBOL', symbol: symbol.slice(0, 40), suggestions },
  });
}

async function catalogSymbols(exchange: CachedExchange): Promise<ReadonlyMap<string, unknown>> {
  return indexBySymbol(await exchange.call('getMarkets', ALL_MARKET_TYPES_PARAMS));
}

/**
 * The Backpack symbol for a market argument, or an UNKNOWN_SYMBOL error raised before any other exchange call.
 * Synchronous while the cached catalog is fresh and lists the symbol (every query of a market pays this check, and its
 * index is built once per catalog snapshot); a promise otherwise. A symbol missing from the catalog triggers one
 * (rate-limited) catalog refresh first, so markets listed after startup work.
 */
export function knownSymbol(exchange: CachedExchange, raw: string): string | Promise<string> {
  const symbol = backpackSymbol(raw);
  const fresh = exchange.freshData('getMarkets', ALL_MARKET_TYPES_PARAMS);
  const known = fresh === undefined ? undefined : indexBySymbol(fresh);
  if (known?.has(symbol) === true) return symbol;
  return checkedAfterRefresh(exchange, raw, symbol, known);
}

async function checkedAfterRefresh(
  exchange: CachedExchange,
  raw: string,
  symbol: string,
  fresh: ReadonlyMap<string, unknown> | undefined,
): Promise<string> {
  const known = fresh ?? (await catalogSymbols(exchange));
  if (known.has(symbol)) return symbol;
  if (await exchange.refreshMarkets()) {
    const refreshed = await catalogSymbols(exchange);
    if (refreshed.has(symbol)) return symbol;
    throw unknownSymbolError(raw, closestSymbols(symbol, refreshed.keys()));
  }
  throw unknownSymbolError(raw, closestSymbols(symbol, known.keys()));
}
