// Replica mode's connection to Redis: refuses to start without it, reports it in /ready when it goes away, keeps
// answering queries meanwhile, and is ready again once Redis returns. Against a real redis-server and the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ReplicaStartError } from '../../src/redis/connection.ts';
import { createGateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { startRedis, type RedisServer } from '../support/redis.ts';
import { until } from '../support/until.ts';

interface ReadyBody {
  readonly ready: boolean;
  readonly failing: readonly { readonly check: string; readonly detail: string }[];
}

async function ready(env: TestGateway): Promise<{ status: number; body: ReadyBody }> {
  const response = await fetch(new URL('/ready', env.url));
  return { status: response.status, body: (await response.json()) as ReadyBody };
}

describe('replica mode without Redis', () => {
  it('refuses to start, naming the variable and not the password', async () => {
    const redis = await startRedis();
    const port = redis.port;
    await redis.stop();
    const config = loadConfig({ PORT: '0', GATEWAY_REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` });
    const started = createGateway(config, { env: {}, warmCatalog: false });
    await expect(started).rejects.toBeInstanceOf(ReplicaStartError);
    const message = await started.then(
      () => '',
      (error: unknown) => (error as Error).message,
    );
    expect(message).toMatch(/GATEWAY_REDIS_URL/);
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).not.toContain('hunter2');
  });

  it('rejects a URL that is not redis:// at configuration time', () => {
    expect(() => loadConfig({ GATEWAY_REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/GATEWAY_REDIS_URL/);
  });
});

describe('replica mode when Redis goes away and comes back', () => {
  let redis: RedisServer;
  let env: TestGateway;

  beforeAll(async () => {
    redis = await startRedis();
    env = await startGateway({
      sandbox: { seed: 5, flow: { enabled: false } },
      env: { GATEWAY_REDIS_URL: redis.url, GATEWAY_READY_PROBE_MS: '200' },
    });
  });
  afterAll(async () => {
    await env?.close();
    await redis?.stop();
  });

  it('is ready with Redis, not ready without it (still answering queries), ready again after a restart', async () => {
    await until(async () => (await ready(env)).status === 200, 'ready with Redis');
    expect(env.gateway.replica?.healthy).toBe(true);

    await redis.kill();
    await until(
      async () => (await ready(env)).body.failing.some((each) => each.check === 'redis'),
      'redis check fails',
    );
    const down = await ready(env);
    expect(down.status).toBe(503);
    expect(down.body.failing.find((each) => each.check === 'redis')?.detail).toMatch(/unreachable/);
    const answer = await gql(env, '{ market(symbol: "SOL_USDC") { symbol } }');
    expect(answer.body).toEqual({ data: { market: { symbol: 'SOL_USDC' } } });

    await redis.restart();
    await until(async () => (await ready(env)).status === 200, 'ready again after Redis restarts');
    expect(env.gateway.replica?.healthy).toBe(true);
  });
});
