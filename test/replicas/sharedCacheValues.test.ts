// What one replica stores in the shared cache is what another reads back: exact number texts (long integers, trailing
// zeros), strings, status, headers and page info, and a stored catalog outlives a failed refresh. Real Redis; the
// exchange is a tiny HTTP server answering crafted bodies the sandbox would never produce.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ALL_MARKET_TYPES_PARAMS, CachedExchange } from '../../src/exchange/cache.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { connectReplicaLink, type ReplicaLink } from '../../src/redis/connection.ts';
import { RedisSharedCache } from '../../src/redis/sharedCache.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { until } from '../support/until.ts';

const TICKER_BODY =
  '{"symbol":"SOL_USDC","lastPrice":"142.10000000","firstPrice":1.10,"trades":12345678901234567890,' +
  '"volume":"0.00000001","quoteVolume":1E5,"high":7,"priceChange":"-0.5","low":0.1234567890123456789}';

describe('values through the shared cache', () => {
  let redis: RedisServer;
  let exchange: Server;
  let calls: Record<string, number>;
  let marketsFail = false;
  let marketsBody = '[{"symbol":"SOL_USDC","tickSize":"0.010"}]';
  const links: ReplicaLink[] = [];

  async function replica(): Promise<CachedExchange> {
    const config = loadConfig({ GATEWAY_REDIS_URL: redis.url, BACKPACK_API_URL: exchangeUrl() });
    const link = await connectReplicaLink(config.replicas!, pino({ level: 'silent' }));
    links.push(link);
    const rest = BackpackRest.fromConfig(config, { maxRetries: 0 });
    return new CachedExchange(rest, { shared: new RedisSharedCache(link) });
  }
  const exchangeUrl = (): string => `http://127.0.0.1:${(exchange.address() as AddressInfo).port}`;

  beforeAll(async () => {
    redis = await startRedis();
    calls = {};
    exchange = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://exchange').pathname;
      calls[path] = (calls[path] ?? 0) + 1;
      if (path === '/api/v1/ticker') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-exchange-note': 'kept' }).end(TICKER_BODY);
      } else if (path === '/api/v1/markets' && !marketsFail) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(marketsBody);
      } else {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"SERVICE_UNAVAILABLE"}');
      }
    });
    await new Promise<void>((resolve) => exchange.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const link of links) await link.close();
    exchange?.closeAllConnections();
    await new Promise<void>((resolve) => exchange?.close(() => resolve()));
    await redis?.stop();
  });

  it('reads back on another replica exactly what the exchange sent, fetched once', async () => {
    const first = await replica();
    const second = await replica();
    const stored = await first.callWithMeta('getTicker', { symbol: 'SOL_USDC' });
    const read = await second.callWithMeta('getTicker', { symbol: 'SOL_USDC' });
    expect(calls['/api/v1/ticker']).toBe(1);
    expect(read.data).toEqual(stored.data);
    expect(read.data).toMatchObject({
      lastPrice: '142.10000000',
      firstPrice: '1.10',
      trades: '12345678901234567890',
      volume: '0.00000001',
      quoteVolume: '1E5',
      high: 7,
      priceChange: '-0.5',
      low: '0.1234567890123456789',
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-exchange-note')).toBe('kept');
    // Shared answers are frozen like local ones: no request can change what the others read.
    expect(Object.isFrozen(read.data)).toBe(true);
  });

  it('stores no failure: a failed read leaves nothing for the other replica', async () => {
    const first = await replica();
    const second = await replica();
    await expect(first.call('getMarket', { symbol: 'SOL_USDC' })).rejects.toThrow();
    await expect(second.call('getMarket', { symbol: 'SOL_USDC' })).rejects.toThrow();
    expect(calls['/api/v1/market']).toBe(2);
  });

  it('fetches a forced catalog refresh even when another replica stored one moments ago', async () => {
    const first = await replica();
    const second = await replica();
    await first.call('getMarkets', ALL_MARKET_TYPES_PARAMS);
    const fetched = calls['/api/v1/markets'] ?? 0;
    marketsBody = '[{"symbol":"SOL_USDC","tickSize":"0.010"},{"symbol":"NEW_USDC","tickSize":"0.1"}]';
    // Within the catalog's TTL the second replica reads what the first stored …
    expect(await second.call('getMarkets', ALL_MARKET_TYPES_PARAMS)).toHaveLength(1);
    expect(calls['/api/v1/markets']).toBe(fetched);
    // … and a symbol it does not know makes it ask the exchange, not Redis.
    expect(await second.refreshMarkets()).toBe(true);
    expect(calls['/api/v1/markets']).toBe(fetched + 1);
    expect((await second.call('getMarkets', ALL_MARKET_TYPES_PARAMS))?.map((market) => market.symbol)).toEqual([
      'SOL_USDC',
      'NEW_USDC',
    ]);
  });

  it('serves a stored catalog past its TTL when the refresh fails, on a replica that never had it', async () => {
    const first = new CachedExchange(
      BackpackRest.fromConfig(loadConfig({ BACKPACK_API_URL: exchangeUrl() }), { maxRetries: 0 }),
      { shared: new RedisSharedCache(links[0]!), ttlsMs: { getMarkets: 1 } },
    );
    const stored = await first.call('getMarkets', {});
    const fetched = calls['/api/v1/markets'];
    // Stored with 1 ms of freshness, then kept for the catalog's stale window (10 min): wait until it is only stale.
    const key = 'bpgw:cache:getMarkets {}';
    await until(async () => {
      const left = await redis.client().pttl(key);
      return left > 0 && left < 10 * 60_000;
    }, 'the stored catalog past its TTL');
    marketsFail = true;
    const late = new CachedExchange(
      BackpackRest.fromConfig(loadConfig({ BACKPACK_API_URL: exchangeUrl() }), { maxRetries: 0 }),
      { shared: new RedisSharedCache(links[1]!), ttlsMs: { getMarkets: 1 } },
    );
    expect(await late.call('getMarkets', {})).toEqual(stored);
    expect(stored).toContainEqual({ symbol: 'SOL_USDC', tickSize: '0.010' });
    expect(calls['/api/v1/markets']).toBe((fetched ?? 0) + 1);
  });
});
