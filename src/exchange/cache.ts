// CachedExchange: the one door to the exchange for the gateway — public GETs cached briefly and coalesced across
// requests, everything else passed straight to the REST client.
//
// - In-flight coalescing: identical concurrent public GETs (endpoint + canonical params) share one upstream call.
// - TTL per endpoint name (DEFAULT_TTLS_MS), overridable with GATEWAY_CACHE_TTL_MS="getTickers=1000,getMarkets=60000"
//   (`default=…` sets the TTL of public GETs not listed; 0 disables caching but keeps coalescing).
// - Catalog endpoints (markets, assets …) are served stale while one background refresh runs, so a warm gateway
//   never waits for them (`warmCatalog()` at startup).
// - Errors are never cached. Cached results are deep-frozen: they are shared by every request, never mutate them.
// - Several accounts: `forAccount(client)` gives a view that signs with that account's client but shares this cache,
//   so public reads stay coalesced across every caller.
import type { EndpointDef, RequestOf, ResponseOf } from './endpoint.ts';
import { endpoints, type EndpointName } from './endpoints.ts';
import { awaitWithin } from './deadline.ts';
import { endpointLabel } from './prepare.ts';
import type { RequestOptions, ResponseWithMeta } from './rest.ts';
import { MarketType } from './types/enums.ts';
import type { GetMarketsParams } from './types/markets.ts';

export type { EndpointName };
type Endpoints = typeof endpoints;
export type ParamsOf<N extends EndpointName> = RequestOf<Endpoints[N]>;
export type ResultOf<N extends EndpointName> = ResponseOf<Endpoints[N]>;

/** What the cache needs from the REST client (BackpackRest satisfies it; tests pass fakes). */
export interface Upstream {
  requestWithMeta<Req, Res>(
    def: EndpointDef<Req, Res>,
    params?: Req,
    options?: RequestOptions,
  ): Promise<ResponseWithMeta<Res>>;
}

export const CACHE_TTL_ENV = 'GATEWAY_CACHE_TTL_MS';

/** Freshness per endpoint, in ms; chosen below the exchange's own CDN max-age (reference §1.2). */
export const DEFAULT_TTLS_MS: Partial<Record<EndpointName, number>> = {
  getTicker: 1_000,
  getTickers: 1_000,
  getMarkPrices: 1_000,
  getDepth: 250,
  getRecentTrades: 500,
  getHistoricalTrades: 1_000,
  getKlines: 1_000,
  getOpenInterest: 5_000,
  getFundingIntervalRates: 10_000,
  getStatus: 1_000,
  getMarkets: 60_000,
  getMarket: 60_000,
  getAssets: 60_000,
  getCollateralParameters: 60_000,
  getWallets: 60_000,
  getSecurities: 60_000,
  getMarketSessions: 60_000,
  getMarketHolidays: 60_000,
  getBorrowLendMarkets: 5_000,
  getBorrowLendMarketsHistory: 30_000,
  getBorrowLendApy: 5_000,
  getPredictionEvents: 5_000,
  getPredictionTags: 60_000,
  getVaults: 5_000,
  getVaultsHistory: 30_000,
  // The clock and the liveness check must be live answers.
  getTime: 0,
  ping: 0,
};
const DEFAULT_TTL_MS = 1_000;

/** Served stale (up to this long past their TTL) while a background refresh runs. */
const STALE_WHILE_REVALIDATE_MS: Partial<Record<EndpointName, number>> = {
  getMarkets: 10 * 60_000,
  getMarket: 10 * 60_000,
  getAssets: 10 * 60_000,
  getCollateralParameters: 10 * 60_000,
};

/** Every market type, so one `/markets` call covers the types the exchange hides by default. */
export const ALL_MARKET_TYPES_PARAMS: GetMarketsParams = { marketType: [...MarketType] };

interface Entry {
  value?: ResponseWithMeta<unknown>;
  freshUntil: number;
  staleUntil: number;
  inflight?: Promise<ResponseWithMeta<unknown>>;
}

/**
 * Observes the exchange calls of one GraphQL operation, so a memoized response can live exactly as long as the cached
 * data it was built from (src/execution/responseCache.ts).
 */
export interface ReadRecorder {
  /** A public GET answered from a fresh cache entry (or one just stored), fresh until `freshUntil` (epoch ms). */
  read(freshUntil: number): void;
  /** Anything a memoized response could not reproduce: a private or non-GET call, a stale read, a failure. */
  uncacheable(): void;
}

export interface CachedExchangeOptions {
  /** TTL overrides by endpoint name (e.g. from `parseCacheTtls(process.env.GATEWAY_CACHE_TTL_MS)`). */
  readonly ttlsMs?: Partial<Record<EndpointName, number>>;
  /** TTL of public GETs without an entry in DEFAULT_TTLS_MS or `ttlsMs`. */
  readonly defaultTtlMs?: number;
  /** Bound on distinct cached keys (klines with arbitrary ranges would otherwise grow without end). */
  readonly maxEntries?: number;
  readonly now?: () => number;
  /** Sees how each public GET was answered (the cache metric). */
  readonly onLookup?: (name: EndpointName, result: CacheLookup) => void;
}

/** `hit`: fresh entry; `stale`: served stale while refreshing; `coalesced`: joined an in-flight fetch; `miss`: fetched. */
export type CacheLookup = 'hit' | 'stale' | 'coalesced' | 'miss';

/** Parses GATEWAY_CACHE_TTL_MS; throws a message naming the variable on any malformed entry. */
export function parseCacheTtls(text: string | undefined): {
  ttlsMs: Partial<Record<EndpointName, number>>;
  defaultTtlMs?: number;
} {
  const ttlsMs: Partial<Record<EndpointName, number>> = {};
  let defaultTtlMs: number | undefined;
  for (const item of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]+)\s*=\s*(\d+)$/.exec(item);
    if (!match) throw new Error(`${CACHE_TTL_ENV}: expected name=milliseconds, got "${item}"`);
    const [, name = '', ms = '0'] = match;
    if (name === 'default') defaultTtlMs = Number(ms);
    else if (name in endpoints) ttlsMs[name as EndpointName] = Number(ms);
    else throw new Error(`${CACHE_TTL_ENV}: unknown endpoint "${name}"`);
  }
  return defaultTtlMs === undefined ? { ttlsMs } : { ttlsMs, defaultTtlMs };
}

/** Key of a request: endpoint + params with sorted keys, no null/undefined, primitive arrays as sets. */
export function cacheKey(name: string, params: unknown): string {
  const canonical = (value: unknown): unknown => {
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
  };
  return `${name} ${JSON.stringify(canonical(params ?? {}))}`;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class CachedExchange {
  private readonly entries = new Map<string, Entry>();
  private readonly ttls: Partial<Record<EndpointName, number>>;
  private readonly defaultTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly onLookup: ((name: EndpointName, result: CacheLookup) => void) | undefined;
  /** Where uncached (signed, non-GET) calls go: `upstream`, or an account's client in a `forAccount` view. */
  private readonly signer: Upstream;
  /** Set only on the per-operation views `recording()` makes (src/execution/responseCache.ts). */
  private readonly recorder: ReadRecorder | undefined;
  /** Set only on the per-operation views `bounded()` makes: the operation's deadline and abort signal. */
  private readonly requestOptions: (() => RequestOptions) | undefined;

  constructor(
    private readonly upstream: Upstream,
    options: CachedExchangeOptions = {},
  ) {
    this.signer = upstream;
    this.ttls = { ...DEFAULT_TTLS_MS, ...options.ttlsMs };
    this.defaultTtlMs = options.defaultTtlMs ?? DEFAULT_TTL_MS;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
    this.onLookup = options.onLookup;
  }

  /** The parsed body of one call (null for empty successes, as the REST client returns it). */
  async call<N extends EndpointName>(name: N, params: ParamsOf<N>): Promise<ResultOf<N>> {
    return (await this.callWithMeta(name, params)).data;
  }

  /** The body plus status, headers and pagination (`page.total` from X-TOTAL). */
  callWithMeta<N extends EndpointName>(name: N, params: ParamsOf<N>): Promise<ResponseWithMeta<ResultOf<N>>> {
    const def = endpoints[name] as EndpointDef<unknown, unknown>;
    if (def.method !== 'GET' || def.auth.kind !== 'public') {
      this.recorder?.uncacheable();
      return this.signer.requestWithMeta(def, params, this.requestOptions?.()) as Promise<
        ResponseWithMeta<ResultOf<N>>
      >;
    }
    return this.cached(name, def, params) as Promise<ResponseWithMeta<ResultOf<N>>>;
  }

  /**
   * This exchange as seen by one account: private and write calls go to `signer` (that account's client), public
   * GETs still use this instance's entries, in-flight calls and upstream, so every account shares one public cache.
   */
  forAccount(signer: Upstream): CachedExchange {
    // A prototype view: every field but `signer` (the entries map included) is read from this instance.
    const view = Object.create(this) as CachedExchange;
    Object.defineProperty(view, 'signer', { value: signer, enumerable: false, writable: false });
    return view;
  }

  /**
   * This exchange reporting each call of one operation to `recorder` (same entries, upstream and signer): a
   * prototype view like `forAccount`, so it costs two property writes, not a wrapper around every method.
   */
  recording(recorder: ReadRecorder): CachedExchange {
    const view = Object.create(this) as CachedExchange;
    Object.defineProperty(view, 'recorder', { value: recorder, enumerable: false, writable: false });
    return view;
  }

  /**
   * This exchange bounded by one operation's deadline and abort signal (read at each call): its own calls carry them
   * to the REST client; shared cached fetches are waited on no longer than they allow. A prototype view like
   * `recording`.
   */
  bounded(options: () => RequestOptions): CachedExchange {
    const view = Object.create(this) as CachedExchange;
    Object.defineProperty(view, 'requestOptions', { value: options, enumerable: false, writable: false });
    return view;
  }

  /** Whether `name` is answered from the shared cache (public GET). */
  isCached(name: EndpointName): boolean {
    const def = endpoints[name] as EndpointDef<unknown, unknown>;
    return def.method === 'GET' && def.auth.kind === 'public';
  }

  ttlFor(name: EndpointName): number {
    return this.ttls[name] ?? this.defaultTtlMs;
  }

  /** Loads the market and asset catalogs the schema relies on for every query; failures are left to later calls. */
  async warmCatalog(): Promise<void> {
    await Promise.allSettled([this.call('getMarkets', ALL_MARKET_TYPES_PARAMS), this.call('getAssets', {})]);
  }

  clear(): void {
    this.entries.clear();
  }

  private cached(
    name: EndpointName,
    def: EndpointDef<unknown, unknown>,
    params: unknown,
  ): Promise<ResponseWithMeta<unknown>> {
    const key = cacheKey(name, params);
    const now = this.now();
    const entry = this.entries.get(key);
    const recorder = this.recorder;
    if (entry?.value && now < entry.freshUntil) {
      this.onLookup?.(name, 'hit');
      recorder?.read(entry.freshUntil);
      return Promise.resolve(entry.value);
    }
    if (entry?.value && now < entry.staleUntil) {
      this.onLookup?.(name, 'stale');
      recorder?.uncacheable();
      if (!entry.inflight) this.fetch(name, def, params, key, entry).catch(() => undefined);
      return Promise.resolve(entry.value);
    }
    const options = this.requestOptions?.() ?? {};
    this.onLookup?.(name, entry?.inflight ? 'coalesced' : 'miss');
    const shared =
      entry?.inflight ??
      // The fetch serves every request that joins it: it keeps the first caller's deadline, never its abort signal.
      this.fetch(name, def, params, key, entry ?? { freshUntil: 0, staleUntil: 0 }, options.deadline);
    const pending = awaitWithin(shared, options, endpointLabel(def), this.now);
    if (recorder === undefined) return pending;
    return pending.then(
      (value) => {
        // A TTL-0 entry is gone by now: freshness 0, and the recorder keeps nothing.
        recorder.read(this.freshUntilOf(key, value));
        return value;
      },
      (error: unknown) => {
        recorder.uncacheable();
        throw error;
      },
    );
  }

  /** Freshness of the entry holding `value` (0 when it is gone or was replaced). */
  private freshUntilOf(key: string, value: ResponseWithMeta<unknown>): number {
    const entry = this.entries.get(key);
    return entry?.value === value ? entry.freshUntil : 0;
  }

  private fetch(
    name: EndpointName,
    def: EndpointDef<unknown, unknown>,
    params: unknown,
    key: string,
    entry: Entry,
    deadline?: number,
  ): Promise<ResponseWithMeta<unknown>> {
    const options = deadline === undefined ? undefined : { deadline };
    const inflight = this.upstream.requestWithMeta(def, params, options).then(
      (response) => {
        const ttl = this.ttlFor(name);
        const stored = { ...response, data: deepFreeze(response.data) };
        entry.value = stored;
        entry.freshUntil = this.now() + ttl;
        entry.staleUntil = entry.freshUntil + (STALE_WHILE_REVALIDATE_MS[name] ?? 0);
        delete entry.inflight;
        if (ttl <= 0 && entry.staleUntil <= this.now()) this.entries.delete(key);
        return stored;
      },
      (error: unknown) => {
        delete entry.inflight;
        // A stale value survives a failed refresh until it ages out; a failure itself is never stored.
        if (!entry.value) this.entries.delete(key);
        throw error;
      },
    );
    entry.inflight = inflight;
    this.entries.delete(key); // re-insert: Map order doubles as least-recently-fetched order
    this.entries.set(key, entry);
    this.evict();
    return inflight;
  }

  private evict(): void {
    if (this.entries.size <= this.maxEntries) return;
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (!entry.inflight && now >= entry.staleUntil && now >= entry.freshUntil) this.entries.delete(key);
    }
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) break;
      if (!entry.inflight) this.entries.delete(key);
    }
  }
}
