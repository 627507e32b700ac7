// SharedRateLimiter against a real Redis: two replicas' limiters on one account key wait in order for a shared slot, give
// up at the longest wait with a retry hint, honour a pause set by either, and fall back to their share when Redis stalls
// or goes away.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../src/exchange/errors.ts';
import { connectReplicaLink, type ReplicaLink } from '../../src/redis/connection.ts';
import { SharedRateLimiter, type SharedBudgetOptions } from '../../src/redis/exchangeBudget.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { until } from '../support/until.ts';

describe('SharedRateLimiter', () => {
  let redis: RedisServer;
  const links: ReplicaLink[] = [];
  let accounts = 0;

  /** Two replicas' limiters for a fresh account. */
  const pair = (options: SharedBudgetOptions): [SharedRateLimiter, SharedRateLimiter] => {
    const apiKey = `account-${(accounts += 1)}`;
    return [
      new SharedRateLimiter(links[0] as ReplicaLink, apiKey, options),
      new SharedRateLimiter(links[1] as ReplicaLink, apiKey, options),
    ];
  };

  beforeAll(async () => {
    redis = await startRedis();
    for (let replica = 0; replica < 2; replica += 1) {
      links.push(
        await connectReplicaLink({ redisUrl: redis.url, count: 2, prefix: 'limiter-test:' }, pino({ level: 'silent' })),
      );
    }
  });
  afterAll(async () => {
    for (const link of links) await link.close();
    await redis?.stop();
  });

  it('grants waiting callers in arrival order as shared slots free up', async () => {
    const [first, second] = pair({ perMinute: 2, historicalPerMinute: 2, maxWaitMs: 10_000, windowMs: 300 });
    const order: string[] = [];
    const callers = ['a1', 'b1', 'a2', 'b2', 'a3', 'b3'].map((name) =>
      (name.startsWith('a') ? first : second).acquire('standard', 'GET /api/v1/capital').then(() => order.push(name)),
    );
    await Promise.all(callers);
    expect(order.filter((name) => name.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(order.filter((name) => name.startsWith('b'))).toEqual(['b1', 'b2', 'b3']);
  });

  it('refuses a caller that cannot get a slot within the longest wait, with the wait until one frees', async () => {
    const [first, second] = pair({ perMinute: 3, historicalPerMinute: 1, maxWaitMs: 50, windowMs: 60_000 });
    await first.acquire('historical', 'GET /wapi/v1/history/orders');
    // The historical budget (1) is spent for both replicas; the standard one still has room.
    const refused = await second.acquire('historical', 'GET /wapi/v1/history/orders').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ExchangeError);
    expect(refused).toMatchObject({ kind: 'rateLimited', retryable: true });
    expect((refused as ExchangeError).retryAfterMs).toBeGreaterThan(50);
    await second.acquire('standard', 'GET /api/v1/capital');
    // A historical call counted against the standard budget too: 3 = 1 historical + 2 standard.
    await first.acquire('standard', 'GET /api/v1/capital');
    await expect(second.acquire('standard', 'GET /api/v1/capital')).rejects.toMatchObject({ kind: 'rateLimited' });
  });

  it("holds both replicas' calls while a 429 pause set by one lasts", async () => {
    const [first, second] = pair({ perMinute: 100, historicalPerMinute: 10, maxWaitMs: 50 });
    first.pauseFor(30_000);
    await expect(second.acquire('standard', 'GET /api/v1/capital')).rejects.toMatchObject({ kind: 'rateLimited' });
    await expect(first.acquire('standard', 'GET /api/v1/capital')).rejects.toMatchObject({ kind: 'rateLimited' });
  });

  it('grants from the local share when Redis stalls past the command timeout, and says so', async () => {
    const [first] = pair({ perMinute: 100, historicalPerMinute: 10, maxWaitMs: 10_000 });
    expect(first.shared).toBe(true);
    await redis.client().call('CLIENT', 'PAUSE', '2000', 'ALL');
    await first.acquire('standard', 'GET /api/v1/capital');
    expect(first.shared).toBe(false);
  });

  it('an idle replica knows how full the window is when Redis is lost, and spends only its part of what was left', async () => {
    const [first, second] = pair({ perMinute: 10, historicalPerMinute: 10, maxWaitMs: 50 });
    const endpoint = 'GET /api/v1/capital';
    await redis.client().ping(); // answered once an earlier CLIENT PAUSE is over
    // Only the first replica calls: it spends the whole window; the second never asks Redis for this account.
    for (let call = 0; call < 10; call += 1) await first.acquire('standard', endpoint);
    await until(() => second.knownWindow?.spent === 10, 'the idle replica to read the window');
    await redis.kill();
    await until(() => links.every((link) => !link.healthy), 'both replicas see Redis go');
    const attempts = Array.from({ length: 5 }, () =>
      second.acquire('standard', endpoint).then(
        () => 'granted',
        () => 'refused',
      ),
    );
    // With its knowledge as old as its last call (never), it would have granted its whole share (10 ÷ 2): 15 in all.
    expect(await Promise.all(attempts)).toEqual(Array.from({ length: 5 }, () => 'refused'));
    await redis.restart();
    await until(() => links.every((link) => link.healthy), 'both replicas see Redis back', 10_000);
  });

  it('splits what was left of the historical window too when Redis is lost; other calls keep their part', async () => {
    const [first, second] = pair({ perMinute: 100, historicalPerMinute: 4, maxWaitMs: 50 });
    const history = 'GET /wapi/v1/history/orders';
    for (let call = 0; call < 4; call += 1) await first.acquire('historical', history);
    await until(() => second.knownWindow?.historical === 4, 'the idle replica to read the historical window');
    await redis.kill();
    await until(() => links.every((link) => !link.healthy), 'both replicas see Redis go');
    // Its share alone (4 ÷ 2) would let it send two more history calls: six in the window.
    await expect(second.acquire('historical', history)).rejects.toMatchObject({ kind: 'rateLimited' });
    // The standard window had 96 left: this replica may still send its part of them.
    await second.acquire('standard', 'GET /api/v1/capital');
    await redis.restart();
    await until(() => links.every((link) => link.healthy), 'both replicas see Redis back', 10_000);
  });

  it('splits what was left of the shared window between the replicas when Redis is lost (never a whole share more)', async () => {
    const [first, second] = pair({ perMinute: 10, historicalPerMinute: 10, maxWaitMs: 50 });
    const endpoint = 'GET /api/v1/capital';
    await redis.client().ping(); // answered once an earlier CLIENT PAUSE is over
    await second.acquire('standard', endpoint);
    for (let call = 0; call < 8; call += 1) await first.acquire('standard', endpoint);
    await second.acquire('standard', endpoint); // the tenth: the window is full, and both replicas have seen it
    await redis.kill();
    await until(() => links.every((link) => !link.healthy), 'both replicas see Redis go');
    const attempts = [first, second].flatMap((limiter) =>
      Array.from({ length: 4 }, () =>
        limiter.acquire('standard', endpoint).then(
          () => 'granted',
          () => 'refused',
        ),
      ),
    );
    // Alone, each replica's share (10 ÷ 2) would let the second, which had spent 2, send 3 more: 13 in the window.
    expect(await Promise.all(attempts)).toEqual(Array.from({ length: 8 }, () => 'refused'));
  });
});
