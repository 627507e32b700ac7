// Lease: the one-holder rule of stream subscriptions, against a real redis-server: taken when free, renewed only by its
// holder, released only by its holder, and free again once the holder stops renewing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lease } from '../../src/redis/lease.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { until } from '../support/until.ts';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('Lease', () => {
  it('has one holder at a time, and only the holder renews or releases it', async () => {
    const client = redis.client();
    const [first, second] = ['replica-a', 'replica-b'].map((owner) => new Lease(client, 'test:lease:1', owner, 10_000));
    if (first === undefined || second === undefined) throw new Error('two leases expected');
    expect(await first.claim()).toBe(true);
    expect(await second.claim()).toBe(false);
    expect(await first.claim()).toBe(true); // a renewal
    await second.release(); // not the holder: nothing happens
    expect(await client.get('test:lease:1')).toBe('replica-a');
    await first.release();
    expect(await client.get('test:lease:1')).toBeNull();
    expect(await second.claim()).toBe(true);
    expect(await first.claim()).toBe(false);
  });

  it('lapses when its holder stops renewing, and another owner takes it', async () => {
    const client = redis.client();
    const holder = new Lease(client, 'test:lease:2', 'replica-a', 200);
    const next = new Lease(client, 'test:lease:2', 'replica-b', 200);
    expect(await holder.claim()).toBe(true);
    expect(await next.claim()).toBe(false);
    await until(() => next.claim(), 'the lapsed lease to be taken');
    expect(await holder.claim()).toBe(false);
  });
});
