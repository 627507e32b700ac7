// Rows of a list answer (markets, tickers, assets …) by symbol, built once per answer rather than once per request.
// CachedExchange hands every request the same deep-frozen array until the entry refreshes, so an index kept beside
// that array (keyed by its identity) stays right; an array that is not frozen could still change, so it is indexed
// afresh every time.

const indexes = new WeakMap<readonly object[], ReadonlyMap<string, object>>();

/** The rows by their `symbol` (the last row wins when two share one); an empty map for a missing answer. */
export function indexBySymbol<T extends { readonly symbol: string }>(
  rows: readonly T[] | null,
): ReadonlyMap<string, T> {
  if (rows === null) return new Map();
  let index = indexes.get(rows) as ReadonlyMap<string, T> | undefined;
  if (index === undefined) {
    index = new Map(rows.map((row) => [row.symbol, row]));
    if (Object.isFrozen(rows)) indexes.set(rows, index);
  }
  return index;
}
