// CachedExchange: the one door to the exchange for the gateway — public GETs cached briefly and coalesced across
// requests, everything else passed straight to the REST client.
//
// - In-flight coalescing: identical concurrent public GETs (endpoint + canonical params) share one upstream call.
// - TTL per endpoint name (DEFAULT_TTLS_MS), overridable with GATEWAY_CACHE_TTL_MS="getTickers=1000,getMarkets=60000"
//   (`default=…` sets the TTL of public GETs not listed; 0 disables caching but keeps coalescing).
// - Catalog endpoints (markets, assets …) are served stale while one background refresh runs, so a warm gateway
//   never waits for them (`warmCatalog()` at startup).
// - Errors are never cached. Cached results are deep-frozen: they are shared by every request, never mutate them.
// - Per caller: `view({ signer, check, recorder })` gives one object that signs with that account's client, checks each
//   endpoint before calling it and reports reads to a recorder, while sharing this cache (public reads stay coalesced
//   across every caller). The gateway's context factory makes one per operation (src/requestContext.ts).
// - Replica mode: a `shared` cache (Redis, src/redis/sharedCache.ts) sits behind the in-process entries, so a local
//   miss first looks for another replica's answer and concurrent misses across replicas cost one upstream call.
import type { EndpointDef, RequestOf, ResponseOf } from './endpoint.ts';
import { endpoints, type EndpointName } from './endpoints.ts';
import { cacheKey } from './cacheKey.ts';
import { DEFAULT_TTL_MS, DEFAULT_TTLS_MS, STALE_WHILE_REVALIDATE_MS } from './cacheTtls.ts';
import { awaitWithin } from './deadline.ts';
import { endpointLabel } from './prepare.ts';
import type { RequestOptions, ResponseWithMeta } from './rest.ts';
import { MarketType } from './types/enums/markets.ts';
import type { GetMarketsParams } from './types/markets.ts';
import { tagOrigin } from './wireJson.ts';

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

/**
 * Every market type the spec lists, so one `/markets` call covers the types the exchange hides by default. (`MONAD`,
 * known only from a client's doc comment, is left out: a filter value the exchange refused would fail the catalog.)
 */
export const ALL_MARKET_TYPES_PARAMS: GetMarketsParams = Object.freeze({
  marketType: MarketType.filter((type) => type !== 'MONAD'),
});

/** A forced catalog refresh (a symbol listed after the catalog was loaded) runs at most this often. */
const MARKETS_REFRESH_MIN_INTERVAL_MS = 30_000;

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

/** How long a shared entry lives: fresh for `ttlMs`, then kept `staleMs` longer as a fallback. */
export interface SharedLifetime {
  readonly ttlMs: number;
  readonly staleMs: number;
}

/** A shared answer and how much longer it is fresh (relative, so replicas' clocks need not agree). */
export interface SharedAnswer {
  readonly value: ResponseWithMeta<unknown>;
  readonly freshForMs: number;
}

/**
 * A cache the replicas share (Redis in replica mode). `load` answers a local miss: a fresh entry another replica
 * stored, the result of the one fetch running cluster-wide for `key`, or `fetch()` run here. It rejects only with
 * `fetch`'s own error: its own trouble (store down or slow) falls back to `fetch`, and failures are never stored.
 */
export interface SharedCache {
  /** `refresh`: a stored answer is not new enough (a forced catalog refresh); fetch, or join a fetch running now. */
  load(
    key: string,
    lifetime: SharedLifetime,
    fetch: () => Promise<ResponseWithMeta<unknown>>,
    refresh?: boolean,
  ): Promise<SharedAnswer>;
}

/** Refuses a call before it is made (throws), e.g. the caller's scope check for the endpoint's row. */
export type EndpointCheck = (def: EndpointDef<unknown, unknown>) => void;

/** What a per-caller view replaces; fields left out are inherited from the exchange the view is made of. */
export interface ExchangeViewOptions {
  /** Where private and write calls go: the caller's account client. */
  readonly signer?: Upstream;
  /** Runs first on every call, before the recorder and the cache see it: a refused call reaches nothing. */
  readonly check?: EndpointCheck;
  /** Observes this operation's calls (src/execution/responseCache.ts). */
  readonly recorder?: ReadRecorder;
}

/** What a view holds of its own (everything else it reads from the shared exchange, its prototype). */
interface ViewFields {
  signer: Upstream;
  check: EndpointCheck | undefined;
  recorder: ReadRecorder | undefined;
  requestOptions: (() => RequestOptions) | undefined;
}

/** Row counts of the market and asset catalogs. */
export interface CatalogSizes {
  readonly markets: number;
  readonly assets: number;
}

export interface CachedExchangeOptions {
  /** TTL overrides by endpoint name (e.g. from `GATEWAY_CACHE_TTL_MS`). */
  readonly ttlsMs?: Partial<Record<EndpointName, number>>;
  /** TTL of public GETs without an entry in DEFAULT_TTLS_MS or `ttlsMs`. */
  readonly defaultTtlMs?: number;
  /** Bound on distinct cached keys (klines with arbitrary ranges would otherwise grow without end). */
  readonly maxEntries?: number;
  readonly now?: () => number;
  /** Sees how each public GET was answered (the cache metric). */
  readonly onLookup?: (name: EndpointName, result: CacheLookup) => void;
  /** Replica mode: the cache the replicas share, asked on every local miss of a public GET with a TTL. */
  readonly shared?: SharedCache;
}

/** `hit`: fresh entry; `stale`: served stale while refreshing; `coalesced`: joined an in-flight fetch; `miss`: fetched. */
export type CacheLookup = 'hit' | 'stale' | 'coalesced' | 'miss';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class CachedExchange {
  private readonly entries = new Map<string, Entry>();
  /** Shared by every view (`forAccount`, `recording`): views read it through the prototype and mutate it in place. */
  private readonly marketsRefresh: { at: number; inflight: Promise<boolean> | null } = {
    at: Number.NEGATIVE_INFINITY,
    inflight: null,
  };
  private readonly ttls: Partial<Record<EndpointName, number>>;
  private readonly defaultTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Where uncached (signed, non-GET) calls go: `upstream`, or an account's client in a per-caller `view`. */
  private readonly onLookup: ((name: EndpointName, result: CacheLookup) => void) | undefined;
  private readonly shared: SharedCache | undefined;
  private readonly signer: Upstream;
  /** Set only on per-operation views (`view`): the caller's endpoint check and the response cache's recorder. */
  private readonly check: EndpointCheck | undefined;
  private readonly recorder: ReadRecorder | undefined;
  /** Set only on the per-operation views `bounded()` makes: the operation's deadline and abort signal. */
  private readonly requestOptions: (() => RequestOptions) | undefined;
  /** The exchange every view is made from (itself; views inherit it). */
  private readonly root: CachedExchange = this;

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
    this.shared = options.shared;
  }

  /** The parsed body of one call (null for empty successes, as the REST client returns it). */
  async call<N extends EndpointName>(name: N, params: ParamsOf<N>): Promise<ResultOf<N>> {
    return (await this.callWithMeta(name, params)).data;
  }

  /** The body plus status, headers and pagination (`page.total` from X-TOTAL). */
  callWithMeta<N extends EndpointName>(name: N, params: ParamsOf<N>): Promise<ResponseWithMeta<ResultOf<N>>> {
    const def = endpoints[name] as EndpointDef<unknown, unknown>;
    try {
      this.check?.(def);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    if (def.method !== 'GET' || def.auth.kind !== 'public') {
      this.recorder?.uncacheable();
      return this.signer.requestWithMeta(def, params, this.requestOptions?.()) as Promise<
        ResponseWithMeta<ResultOf<N>>
      >;
    }
    return this.cached(name, def, params) as Promise<ResponseWithMeta<ResultOf<N>>>;
  }

  /**
   * This exchange as seen by one caller: `signer` for private and write calls, `check` before every call, `recorder`
   * told about every call; public GETs still use this instance's entries, in-flight calls and upstream. A view of a
   * view keeps what it does not replace.
   */
  view(options: ExchangeViewOptions): CachedExchange {
    return this.derive({
      signer: options.signer ?? this.signer,
      check: options.check ?? this.check,
      recorder: options.recorder ?? this.recorder,
      requestOptions: this.requestOptions,
    });
  }

  /** `view({ recorder })`: this exchange (with its signer and check) reporting each call of one operation. */
  recording(recorder: ReadRecorder): CachedExchange {
    return this.view({ recorder });
  }

  /**
   * This exchange bounded by one operation's deadline and abort signal (read at each call): its own calls carry them
   * to the REST client; shared cached fetches are waited on no longer than they allow. Keeps this view's signer,
   * check and recorder.
   */
  bounded(options: () => RequestOptions): CachedExchange {
    return this.derive({ signer: this.signer, check: this.check, recorder: this.recorder, requestOptions: options });
  }

  /**
   * A view: an object whose prototype is the shared exchange itself (never another view), holding the per-caller
   * fields, always all four in the same order. Views are made for every operation (the caller's, then the deadline's):
   * a view made from a view would become a prototype, and V8 would build a new hidden class and prototype record for
   * it in the old generation on every request (measured: ~600 bytes of old space and 10–20 µs per operation).
   */
  private derive(fields: ViewFields): CachedExchange {
    const view = Object.create(this.root) as CachedExchange;
    const own = view as unknown as ViewFields;
    own.signer = fields.signer;
    own.check = fields.check;
    own.recorder = fields.recorder;
    own.requestOptions = fields.requestOptions;
    return view;
  }

  /**
   * The data of a fresh cached answer to a public GET, synchronously, counted and recorded as the cache hit `call`
   * would have been; undefined, with no effect, when `call` would have to wait (no fresh entry) or would refuse it.
   */
  freshData<N extends EndpointName>(name: N, params: ParamsOf<N>): ResultOf<N> | undefined {
    const def = endpoints[name] as EndpointDef<unknown, unknown>;
    if (def.method !== 'GET' || def.auth.kind !== 'public') return undefined;
    try {
      this.check?.(def);
    } catch {
      return undefined;
    }
    return this.freshHit(name, this.entries.get(cacheKey(name, params)), this.now())?.data as ResultOf<N> | undefined;
  }

  /** A fresh entry's answer, counted and recorded as a hit; undefined when the entry is missing or not fresh. */
  private freshHit(name: EndpointName, entry: Entry | undefined, now: number): ResponseWithMeta<unknown> | undefined {
    if (!entry?.value || now >= entry.freshUntil) return undefined;
    this.onLookup?.(name, 'hit');
    this.recorder?.read(entry.freshUntil);
    return entry.value;
  }

  /** Whether `name` is answered from the shared cache (public GET). */
  isCached(name: EndpointName): boolean {
    const def = endpoints[name] as EndpointDef<unknown, unknown>;
    return def.method === 'GET' && def.auth.kind === 'public';
  }

  ttlFor(name: EndpointName): number {
    return this.ttls[name] ?? this.defaultTtlMs;
  }

  /**
   * Refetches the market catalog now, unless one was forced within the last 30 s (then the current one stands);
   * concurrent callers share one call. Resolves false when nothing new was fetched.
   */
  refreshMarkets(): Promise<boolean> {
    const state = this.marketsRefresh;
    if (state.inflight) return state.inflight;
    const now = this.now();
    if (now - state.at < MARKETS_REFRESH_MIN_INTERVAL_MS) return Promise.resolve(false);
    state.at = now;
    const def = endpoints.getMarkets as EndpointDef<unknown, unknown>;
    const key = cacheKey('getMarkets', ALL_MARKET_TYPES_PARAMS);
    const entry = this.entries.get(key) ?? { freshUntil: 0, staleUntil: 0 };
    const refresh = { refresh: true };
    const inflight = (
      entry.inflight ?? this.fetch('getMarkets', def, ALL_MARKET_TYPES_PARAMS, key, entry, refresh)
    ).then(
      () => true,
      () => false,
    );
    state.inflight = inflight.finally(() => {
      state.inflight = null;
    });
    return state.inflight;
  }

  /** Loads the market and asset catalogs the schema relies on for every query; failures are left to later calls. */
  async warmCatalog(): Promise<void> {
    await Promise.allSettled([this.call('getMarkets', ALL_MARKET_TYPES_PARAMS), this.call('getAssets', {})]);
  }

  /**
   * How many markets and assets the cached catalogs list (null until they were first loaded): the cost of a query is
   * estimated synchronously before it runs, from the same catalogs its list fields will return.
   */
  catalogSizes(): CatalogSizes | null {
    const markets = this.entries.get(cacheKey('getMarkets', ALL_MARKET_TYPES_PARAMS))?.value?.data;
    const assets = this.entries.get(cacheKey('getAssets', {}))?.value?.data;
    if (!Array.isArray(markets) || !Array.isArray(assets)) return null;
    return { markets: markets.length, assets: assets.length };
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
    const hit = this.freshHit(name, entry, now);
    if (hit !== undefined) return Promise.resolve(hit);
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
      this.fetch(name, def, params, key, entry ?? { freshUntil: 0, staleUntil: 0 }, { deadline: options.deadline });
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
    { deadline, refresh = false }: { deadline?: number | undefined; refresh?: boolean } = {},
  ): Promise<ResponseWithMeta<unknown>> {
    const options = deadline === undefined ? undefined : { deadline };
    const ttl = this.ttlFor(name);
    const staleMs = STALE_WHILE_REVALIDATE_MS[name] ?? 0;
    const request = (): Promise<ResponseWithMeta<unknown>> => this.upstream.requestWithMeta(def, params, options);
    const loaded: Promise<SharedAnswer> =
      this.shared !== undefined && ttl > 0
        ? this.shared.load(key, { ttlMs: ttl, staleMs }, request, refresh).then((answer) => {
            // An answer parsed from the shared store is a new object: tag it like a REST answer before it is shared.
            tagOrigin(answer.value.data, endpointLabel(def));
            return answer;
          })
        : request().then((value) => ({ value, freshForMs: ttl }));
    const inflight = loaded.then(
      ({ value: response, freshForMs }) => {
        const stored = { ...response, data: deepFreeze(response.data) };
        entry.value = stored;
        entry.freshUntil = this.now() + freshForMs;
        entry.staleUntil = entry.freshUntil + staleMs;
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
