import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSetting } from '../../src/config/settings.ts';
import { ALL_MARKET_TYPES_PARAMS, CachedExchange } from '../../src/exchange/cache.ts';
import { cacheKey } from '../../src/exchange/cacheKey.ts';
import { FakeUpstream, fixtures, marketHandlers } from './fakeUpstream.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('CachedExchange', () => {
  it('coalesces 100 concurrent identical public GETs into one upstream call', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const exchange = new CachedExchange(upstream);
    const results = await Promise.all(Array.from({ length: 100 }, () => exchange.call('getTickers', {})));
    expect(upstream.count('getTickers')).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toEqual(fixtures.tickers);
  });

  it('serves from cache within the TTL and calls again after it expires', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const time = clock();
    const exchange = new CachedExchange(upstream, { now: time.now, ttlsMs: { getTickers: 1_000 } });
    await exchange.call('getTickers', {});
    time.advance(999);
    await exchange.call('getTickers', {});
    expect(upstream.count('getTickers')).toBe(1);
    time.advance(1);
    await exchange.call('getTickers', {});
    expect(upstream.count('getTickers')).toBe(2);
  });

  it('hands out fresh data synchronously as a counted, recorded hit, and nothing without a fresh entry', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const time = clock();
    const lookups: string[] = [];
    const exchange = new CachedExchange(upstream, {
      now: time.now,
      ttlsMs: { getTickers: 1_000 },
      onLookup: (name, result) => lookups.push(`${name} ${result}`),
    });
    const reads: number[] = [];
    const view = exchange.recording({ read: (until) => reads.push(until), uncacheable: () => reads.push(-1) });
    expect(view.freshData('getTickers', {})).toBeUndefined();
    expect([lookups, reads, upstream.count('getTickers')]).toEqual([[], [], 0]);
    await view.call('getTickers', {});
    expect(view.freshData('getTickers', {})).toEqual(fixtures.tickers);
    expect(lookups).toEqual(['getTickers miss', 'getTickers hit']);
    expect(reads).toEqual([1_001_000, 1_001_000]);
    time.advance(1_000);
    expect(view.freshData('getTickers', {})).toBeUndefined();
    expect(lookups).toHaveLength(2);
    expect(view.freshData('getAccount', {})).toBeUndefined();
    expect(upstream.count('getTickers')).toBe(1);
  });

  it('keys flat and frozen params exactly as the canonical JSON (the format replicas share in Redis)', () => {
    const canonical = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(canonical).every((item) => typeof item !== 'object')
          ? [...value.map(canonical)].sort()
          : value.map(canonical)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([, v]) => v !== undefined && v !== null)
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([k, v]) => [k, canonical(v)]),
            )
          : value;
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    fc.assert(
      // Integer-like keys too: every JS object puts those first, whatever order they were added in.
      fc.property(
        fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String)), fc.oneof(scalar, fc.array(fc.string()))),
        (params) => {
          const expected = `getDepth ${JSON.stringify(canonical(params))}`;
          expect(cacheKey('getDepth', params)).toBe(expected);
          expect(cacheKey('getDepth', Object.freeze({ ...params }))).toBe(expected);
        },
      ),
    );
    expect(cacheKey('getMarkets', ALL_MARKET_TYPES_PARAMS)).toBe(
      cacheKey('getMarkets', { ...ALL_MARKET_TYPES_PARAMS }),
    );
  });

  it('keys by canonical params: key order and nulls do not matter, values do', async () => {
    expect(cacheKey('getDepth', { symbol: 'SOL_USDC', limit: '5' })).toBe(
      cacheKey('getDepth', { limit: '5', symbol: 'SOL_USDC', x: null }),
    );
    expect(cacheKey('getMarkets', { marketType: ['PERP', 'SPOT'] })).toBe(
      cacheKey('getMarkets', { marketType: ['SPOT', 'PERP'] }),
    );
    const upstream = new FakeUpstream({
      getDepth: ({ symbol }) => ({ asks: [], bids: [], lastUpdateId: String(symbol), timestamp: 1 }),
    });
    const exchange = new CachedExchange(upstream);
    await Promise.all([
      exchange.call('getDepth', { symbol: 'A', limit: '5' }),
      exchange.call('getDepth', { symbol: 'B', limit: '5' }),
    ]);
    expect(upstream.count('getDepth')).toBe(2);
  });

  it('does not cache errors: the next call tries again', async () => {
    let fail = true;
    const upstream = new FakeUpstream({
      getStatus: () => {
        if (fail) throw new Error('boom');
        return { status: 'Ok', message: null };
      },
    });
    const exchange = new CachedExchange(upstream);
    await expect(exchange.call('getStatus', {})).rejects.toThrow('boom');
    fail = false;
    await expect(exchange.call('getStatus', {})).resolves.toEqual({ status: 'Ok', message: null });
    expect(upstream.count('getStatus')).toBe(2);
  });

  it('serves the market catalog stale while one background refresh runs', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const time = clock();
    const exchange = new CachedExchange(upstream, { now: time.now });
    await exchange.warmCatalog();
    expect(upstream.count()).toBe(2);
    time.advance(61_000);
    const stale = await Promise.all([
      exchange.call('getMarkets', ALL_MARKET_TYPES_PARAMS),
      exchange.call('getMarkets', ALL_MARKET_TYPES_PARAMS),
    ]);
    expect(stale[0]).toEqual(fixtures.markets);
    expect(upstream.count('getMarkets')).toBe(2); // one refresh for both callers, answered from stale meanwhile
  });

  it("freezes shared results so no request can mutate another's data", async () => {
    const exchange = new CachedExchange(new FakeUpstream(marketHandlers()));
    const tickers = await exchange.call('getTickers', {});
    expect(() => (tickers as unknown as unknown[]).reverse()).toThrow(TypeError);
  });

  it('passes signed calls straight through, uncached', async () => {
    const upstream = new FakeUpstream({ getAccount: () => ({ leverageLimit: '10' }) });
    const exchange = new CachedExchange(upstream);
    await exchange.call('getAccount', {});
    await exchange.call('getAccount', {});
    expect(upstream.count('getAccount')).toBe(2);
    expect(exchange.isCached('getAccount')).toBe(false);
  });

  it('gives each caller its own signer, check and recorder through views of views, over one shared cache', async () => {
    const exchange = new CachedExchange(new FakeUpstream({ ...marketHandlers(), getAccount: () => ({ who: 'none' }) }));
    const alice = new FakeUpstream({ getAccount: () => ({ who: 'alice' }) });
    const bob = new FakeUpstream({ getAccount: () => ({ who: 'bob' }) });
    const reads: string[] = [];
    const recorderOf = (name: string) => ({ read: () => reads.push(name), uncacheable: () => reads.push(`${name}!`) });
    const refuseOrders = (def: { name: string }) => {
      if (def.name === 'executeOrder') throw new Error(`refused ${def.name}`);
    };
    // Per operation, as the gateway builds them: the caller's view, then its deadline's view of that view.
    const aliceOperation = exchange
      .view({ signer: alice, check: refuseOrders, recorder: recorderOf('alice') })
      .bounded(() => ({ deadline: Date.now() + 60_000 }));
    const bobOperation = exchange.view({ signer: bob, recorder: recorderOf('bob') }).bounded(() => ({}));

    await expect(aliceOperation.call('getAccount', {})).resolves.toEqual({ who: 'alice' });
    await expect(bobOperation.call('getAccount', {})).resolves.toEqual({ who: 'bob' });
    await expect(exchange.call('getAccount', {})).resolves.toEqual({ who: 'none' });
    const order = { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', quantity: '1', price: '1' } as const;
    await expect(aliceOperation.call('executeOrder', order)).rejects.toThrow('refused executeOrder');
    expect(alice.count()).toBe(1);
    // One public read shared by both callers (one upstream call), each told on its own recorder.
    const [forAlice, forBob] = await Promise.all([
      aliceOperation.call('getTickers', {}),
      bobOperation.recording(recorderOf('bob again')).call('getTickers', {}),
    ]);
    expect(forAlice).toBe(forBob);
    expect(reads.sort()).toEqual(['alice!', 'bob again', 'bob!', 'alice'].sort());
  });

  it('keeps the operation deadline on a view made from a bounded view', async () => {
    const upstream = new FakeUpstream(marketHandlers());
    const exchange = new CachedExchange(upstream);
    const overdue = exchange
      .bounded(() => ({ deadline: Date.now() - 1 }))
      .recording({
        read: () => undefined,
        uncacheable: () => undefined,
      });
    await expect(overdue.call('getTickers', {})).rejects.toMatchObject({ kind: 'timeout' });
    await expect(exchange.call('getTickers', {})).resolves.toEqual(fixtures.tickers);
  });
});

const parseCacheTtls = (text: string | undefined) =>
  readSetting({ GATEWAY_CACHE_TTL_MS: text }, 'GATEWAY_CACHE_TTL_MS');

describe('GATEWAY_CACHE_TTL_MS', () => {
  it('parses per-endpoint TTLs and a default', () => {
    expect(parseCacheTtls('getTickers=1000, getMarkets=60000,default=500')).toEqual({
      byName: { getTickers: 1000, getMarkets: 60000 },
      default: 500,
    });
    expect(parseCacheTtls(undefined)).toEqual({ byName: {} });
  });

  it('names the variable on malformed input', () => {
    expect(() => parseCacheTtls('getTickers')).toThrow(/GATEWAY_CACHE_TTL_MS/);
    expect(() => parseCacheTtls('getNothing=5')).toThrow(/unknown endpoint/);
    expect(() => parseCacheTtls('getTickers=-1')).toThrow(/GATEWAY_CACHE_TTL_MS/);
  });
});
