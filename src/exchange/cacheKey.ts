// The shared cache's key of one public GET: endpoint name + canonical params. Replicas share it in Redis, so its
// format is part of the wire between them.

/** Key of a request: endpoint + params with sorted keys, no null/undefined, primitive arrays as sets. */
export function cacheKey(name: string, params: unknown): string {
  const value = params ?? {};
  if (typeof value !== 'object') return `${name} ${JSON.stringify(value)}`;
  // Constant params (the catalog's) are frozen: their key is computed once.
  const frozen = Object.isFrozen(value);
  const known = frozen ? frozenKeys.get(value)?.get(name) : undefined;
  if (known !== undefined) return known;
  const key = `${name} ${flatJson(value as Record<string, unknown>) ?? JSON.stringify(canonical(value))}`;
  if (frozen) frozenKeys.set(value, (frozenKeys.get(value) ?? new Map<string, string>()).set(name, key));
  return key;
}

const frozenKeys = new WeakMap<object, Map<string, string>>();

/**
 * `"name":` per param name (the endpoint table's; bounded all the same), or null for an integer-like name: every JS
 * object puts those first, whatever the sort says, so such params take the canonical path.
 */
const quotedNames = new Map<string, string | null>();
const MAX_QUOTED_NAMES = 512;
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;
/** Strings JSON writes as they are, between quotes (symbols, intervals, ids, decimals …). */
const PLAIN = /^[\w .:/+-]*$/;

/** What JSON.stringify(canonical(params)) gives, for the common flat params (every value a primitive); else null. */
function flatJson(params: Record<string, unknown>): string | null {
  if (Array.isArray(params)) return null;
  const names = Object.keys(params);
  if (names.length > 1) names.sort();
  let json = '';
  for (const name of names) {
    let quoted = quotedNames.get(name);
    if (quoted === undefined) {
      quoted = INDEX_LIKE.test(name) ? null : `${JSON.stringify(name)}:`;
      if (quotedNames.size < MAX_QUOTED_NAMES) quotedNames.set(name, quoted);
    }
    if (quoted === null) return null;
    const value = params[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') return null;
    const text = typeof value === 'string' && PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
    json += json === '' ? quoted + text : `,${quoted}${text}`;
  }
  return `{${json}}`;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.every((item) => typeof item !== 'object') ? [...items].sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
