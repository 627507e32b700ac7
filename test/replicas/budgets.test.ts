// Replica mode's shared budgets: two gateways on one Redis and one sandbox together stay within the account's exchange
// budgets and each token's gateway budget, a 429 seen by one pauses both, and a Redis outage falls back to local shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import type { TestGateway, TokenName } from '../support/gateway.ts';
import { gql, type GqlResponse } from '../support/gql.ts';
import { startTwoReplicas, type RedisServer, type TwoReplicas } from '../support/redis.ts';
import { until } from '../support/until.ts';

const BALANCES = '{ account { balances { available } } }';
const ORDER_HISTORY = '{ account { orderHistory(limit: 5) { items { id } } } }';
/** Budgets small enough to exhaust in a test; a wait shorter than any slot's freeing, so callers beyond get refused. */
const BUDGET_ENV = {
  BACKPACK_RATE_LIMIT_PER_MIN: '40',
  BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN: '6',
  BACKPACK_RATE_LIMIT_MAX_WAIT_MS: '300',
};

interface Outcomes {
  readonly ok: number;
  readonly rateLimited: GqlResponse<unknown>[];
  readonly other: GqlResponse<unknown>[];
}

/** `count` queries, alternating between the replicas, all at once; sorted into answers, RATE_LIMITED and the rest. */
async function spread(
  replicas: readonly { url: string }[],
  env: TestGateway,
  query: string,
  count: number,
  token?: TokenName,
) {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      gql(
        { url: replicas[index % replicas.length]?.url ?? '', tokens: env.tokens },
        query,
        undefined,
        token ? { token } : {},
      ),
    ),
  );
  const codeOf = (answer: GqlResponse<unknown>): unknown => answer.body.errors?.[0]?.extensions?.['code'];
  return {
    ok: answers.filter((answer) => answer.body.errors === undefined).length,
    rateLimited: answers.filter((answer) => codeOf(answer) === 'RATE_LIMITED'),
    other: answers.filter((answer) => answer.body.errors !== undefined && codeOf(answer) !== 'RATE_LIMITED'),
  } satisfies Outcomes;
}

function sandboxCount(env: TestGateway, endpoint: string): number {
  return env.sandbox.stats.requests()[endpoint] ?? 0;
}

describe('two replicas share one exchange budget per account', () => {
  let env: TestGateway;
  let second: Gateway;

  let replicas: TwoReplicas;
  beforeAll(async () => {
    replicas = await startTwoReplicas({
      mode: 'tokens',
      sandbox: { seed: 15, flow: { enabled: false } },
      env: BUDGET_ENV,
    });
    ({ env, second } = replicas);
  });
  afterAll(() => replicas?.close());

  it('puts at most the standard budget of signed reads on the exchange; callers beyond it get RATE_LIMITED', async () => {
    const outcomes = await spread([env, second], env, BALANCES, 60, 'aliceRead');
    const reached = sandboxCount(env, 'getBalances');
    expect(reached).toBeLessThanOrEqual(40);
    expect(outcomes.ok).toBe(reached);
    expect(outcomes.other).toEqual([]);
    expect(outcomes.rateLimited.length).toBe(60 - outcomes.ok);
    expect(outcomes.rateLimited.length).toBeGreaterThanOrEqual(20);
    for (const refused of outcomes.rateLimited) {
      expect(refused.body.errors?.[0]?.extensions?.['retryAfter']).toBeGreaterThan(0);
    }
  });

  it('puts at most the historical budget of history reads on the exchange (another account, its own budget)', async () => {
    const outcomes = await spread([env, second], env, ORDER_HISTORY, 16, 'bobRead');
    const reached = sandboxCount(env, 'getOrderHistory');
    expect(reached).toBeLessThanOrEqual(6);
    expect(outcomes.ok).toBe(reached);
    expect(outcomes.other).toEqual([]);
    expect(outcomes.rateLimited.length).toBeGreaterThanOrEqual(10);
  });
});

describe('an exchange 429 seen by one replica', () => {
  let env: TestGateway;
  let second: Gateway;
  let throttleNext = false;
  let replicas: TwoReplicas;

  beforeAll(async () => {
    // The exchange answers the next balances read with 429 and Retry-After (30 s), as Backpack does when pushed.
    const throttling: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (throttleNext && url.includes('/api/v1/capital')) {
        throttleNext = false;
        const body = JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests' });
        return Promise.resolve(
          new Response(body, { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' } }),
        );
      }
      return globalThis.fetch(input, init);
    };
    replicas = await startTwoReplicas({
      sandbox: { seed: 16, flow: { enabled: false } },
      fetch: throttling,
      env: BUDGET_ENV,
    });
    ({ env, second } = replicas);
  });
  afterAll(() => replicas?.close());

  it("pauses that account's calls on the other replica too, without sending them", async () => {
    throttleNext = true;
    const throttled = await gql(env, BALANCES);
    expect(throttled.body.errors).toBeDefined();
    expect(throttleNext).toBe(false);

    const paused = await gql(second, BALANCES);
    expect(paused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(paused.body.errors?.[0]?.extensions?.['retryAfter']).toBeGreaterThan(1);
    expect(sandboxCount(env, 'getBalances')).toBe(0);
  });
});

describe('two replicas share each token’s gateway budget', () => {
  let env: TestGateway;
  let second: Gateway;

  let replicas: TwoReplicas;
  beforeAll(async () => {
    replicas = await startTwoReplicas({
      mode: 'tokens',
      sandbox: { seed: 17, flow: { enabled: false } },
      env: { GATEWAY_RATE_LIMIT_PER_MIN: '6' },
    });
    ({ env, second } = replicas);
  });
  afterAll(() => replicas?.close());

  it('admits GATEWAY_RATE_LIMIT_PER_MIN operations per token across both replicas, not per replica', async () => {
    const outcomes = await spread([env, second], env, '{ __typename }', 16, 'aliceRead');
    // Six, plus at most one refilled while the requests run (alone, each replica would admit six: twelve).
    expect(outcomes.ok).toBeGreaterThanOrEqual(6);
    expect(outcomes.ok).toBeLessThanOrEqual(7);
    expect(outcomes.other).toEqual([]);
    for (const refused of outcomes.rateLimited) {
      expect(refused.body.errors?.[0]?.extensions?.['retryAfterMs']).toBeGreaterThan(0);
    }
    // Another token has its own budget.
    const bob = await gql(second, '{ __typename }', undefined, { token: env.tokens.bobRead });
    expect(bob.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('budgets while Redis is away and after it returns', () => {
  let redis: RedisServer;
  let env: TestGateway;
  let second: Gateway;

  let replicas: TwoReplicas;
  beforeAll(async () => {
    replicas = await startTwoReplicas({
      mode: 'tokens',
      sandbox: { seed: 18, flow: { enabled: false } },
      env: { GATEWAY_REPLICAS: '2', ...BUDGET_ENV },
    });
    ({ redis, env, second } = replicas);
  });
  afterAll(() => replicas?.close());

  it('each replica spends its share (budget ÷ 2) while Redis is down, and the shared window is whole once it is back', async () => {
    await redis.kill();
    await until(() => env.gateway.replica?.healthy === false && second.replica?.healthy === false, 'both see Redis go');
    const during = await spread([env, second], env, BALANCES, 60, 'aliceRead');
    const reachedDuring = sandboxCount(env, 'getBalances');
    expect(reachedDuring).toBeLessThanOrEqual(40);
    expect(during.ok).toBe(reachedDuring);
    expect(during.other).toEqual([]);
    expect(during.rateLimited.length).toBe(60 - during.ok);

    await redis.restart();
    await until(() => env.gateway.replica?.healthy === true && second.replica?.healthy === true, 'both see Redis back');
    // The grants made while Redis was away are written back into the (restarted, empty) shared window.
    const client = redis.client();
    await until(async () => {
      const keys = await client.keys('*budget:*:standard');
      const counts = await Promise.all(keys.map((key) => client.zcard(key)));
      return counts.reduce((sum, count) => sum + count, 0) >= reachedDuring;
    }, 'the local grants are back in Redis');
    const after = await spread([env, second], env, BALANCES, 20, 'aliceRead');
    expect(sandboxCount(env, 'getBalances')).toBeLessThanOrEqual(40);
    expect(after.ok).toBe(sandboxCount(env, 'getBalances') - reachedDuring);
    expect(after.other).toEqual([]);
  });
});
