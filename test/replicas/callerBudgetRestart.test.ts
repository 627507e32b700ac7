// Replica mode, each token's gateway budget across a Redis outage and restart: a replica's share during the outage
// starts from its part of what was left; what callers spent before the outage (which the restarted, empty Redis has
// forgotten) and what each replica admitted on its own share is written back, so a restart does not hand every token a
// full budget again. Real redis-server killed and restarted, two gateways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import type { TestGateway, TokenName } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';
import { startTwoReplicas, type RedisServer, type TwoReplicas } from '../support/redis.ts';
import { until } from '../support/until.ts';

const PER_MINUTE = 6;

let replicas: TwoReplicas;
let redis: RedisServer;
let env: TestGateway;
let second: Gateway;

beforeAll(async () => {
  replicas = await startTwoReplicas({
    mode: 'tokens',
    sandbox: { seed: 19, flow: { enabled: false } },
    env: { GATEWAY_RATE_LIMIT_PER_MIN: String(PER_MINUTE), GATEWAY_REPLICAS: '2' },
  });
  ({ redis, env, second } = replicas);
});
afterAll(() => replicas?.close());

/** `count` operations for `token`, alternating between the replicas: how many were answered; any other error fails. */
async function admitted(token: TokenName, count: number): Promise<number> {
  const answers = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      gql({ url: [env.url, second.url][index % 2] ?? '', tokens: env.tokens }, '{ __typename }', undefined, { token }),
    ),
  );
  for (const answer of answers) {
    if (answer.body.errors !== undefined) expect(answer.body.errors[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  }
  return answers.filter((answer) => answer.body.errors === undefined).length;
}

/** What a bucket emptied at `since` can have refilled by now (one operation per 10 s), plus the one in progress. */
const refilledSince = (since: number): number => Math.floor(((Date.now() - since) * PER_MINUTE) / 60_000) + 1;

describe('per-token budgets across a Redis restart', () => {
  it('keeps what tokens spent before and during the outage: the restarted Redis does not refill their budgets', async () => {
    // bob spends his whole budget while Redis is up.
    const bobSince = Date.now();
    expect(await admitted('bobRead', PER_MINUTE + 4)).toBeGreaterThanOrEqual(PER_MINUTE);

    await redis.kill();
    await until(() => env.gateway.replica?.healthy === false && second.replica?.healthy === false, 'both see Redis go');
    // alice spends during the outage: each replica admits its share (6 ÷ 2).
    const aliceSince = Date.now();
    const duringOutage = await admitted('aliceRead', 16);
    expect(duringOutage).toBeGreaterThanOrEqual(PER_MINUTE);
    expect(duringOutage).toBeLessThanOrEqual(PER_MINUTE + 2 * (refilledSince(aliceSince) - 1));

    await redis.restart();
    await until(() => env.gateway.replica?.healthy === true && second.replica?.healthy === true, 'both see Redis back');
    // Without the write-back both would get a full budget (6 each) from the empty Redis.
    expect(await admitted('aliceRead', 16)).toBeLessThanOrEqual(refilledSince(aliceSince));
    expect(await admitted('bobRead', 16)).toBeLessThanOrEqual(refilledSince(bobSince));
    // A token that spent nothing still has its whole budget.
    expect(await admitted('aliceReadTrade', PER_MINUTE)).toBe(PER_MINUTE);
  });

  it('a token that spent its budget just before Redis went away gets no fresh share during the outage', async () => {
    const since = Date.now();
    expect(await admitted('bobReadTrade', PER_MINUTE + 4)).toBeGreaterThanOrEqual(PER_MINUTE);
    await redis.kill();
    await until(() => env.gateway.replica?.healthy === false && second.replica?.healthy === false, 'both see Redis go');
    // Alone, each replica's share (6 ÷ 2) would admit three more on each: twelve in the minute.
    expect(await admitted('bobReadTrade', 16)).toBeLessThanOrEqual(refilledSince(since));
    await redis.restart();
    await until(() => env.gateway.replica?.healthy === true && second.replica?.healthy === true, 'both see Redis back');
  });
});
