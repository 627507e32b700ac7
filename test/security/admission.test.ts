import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/security/mintToken.ts';
import { TokenBuckets } from '../../src/security/rateLimit.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { codes, post } from '../support/gql.ts';
import { tempDir, toyGateway } from './support.ts';

describe('token buckets', () => {
  it('allows the budget, then says how long until the next request fits', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now); // one per second
    for (let index = 0; index < 60; index += 1) expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(buckets.take('b').ok).toBe(true); // other callers are unaffected
    now = 500;
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterMs: 500 });
    now = 1000;
    expect(buckets.take('a').ok).toBe(true);
  });

  it('forgets idle callers to bound memory', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now, 100);
    for (let index = 0; index < 100; index += 1) buckets.take(`ip:${index}`);
    now = 120_000;
    buckets.take('ip:new');
    expect(buckets.size).toBe(1);
  });
});

describe('per-caller request budget on a gateway', () => {
  const files = tempDir();
  const bot = mintToken('bot', 'default', ['read', 'trade']);
  const dashboard = mintToken('dashboard', 'default', ['read']);
  let gateway: TestGateway;
  let now = 1_000_000;
  beforeAll(async () => {
    const tokens = files.write('tokens.json', JSON.stringify([bot.entry, dashboard.entry]));
    gateway = await startGateway(
      toyGateway(
        { GATEWAY_TOKENS_FILE: tokens, GATEWAY_RATE_LIMIT_PER_MIN: '3', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN: '2' },
        () => now,
      ),
    );
  });
  afterAll(async () => {
    await gateway.close();
    files.cleanup();
  });

  it('answers RATE_LIMITED with retryAfterMs and HTTP 429 once a token spends its budget, per token', async () => {
    const auth = { token: bot.token };
    for (let index = 0; index < 3; index += 1) {
      expect((await post(gateway, { query: 'mutation { placeOrder }' }, auth)).body).toEqual({
        data: { placeOrder: 'order for default' },
      });
    }
    const limited = await post(gateway, { query: 'mutation { placeOrder }' }, auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(limited.body.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterMs: 20_000,
      requestId: expect.any(String), // the real gateway tags every error with its request id
    });
    // Another token has its own budget.
    const other = await post(gateway, { query: '{ balance }' }, { token: dashboard.token });
    expect(other.body).toEqual({ data: { balance: 'balance of default' } });
    now += 20_000;
    expect((await post(gateway, { query: 'mutation { placeOrder }' }, auth)).status).toBe(200);
  });

  it('counts every operation of a batch', async () => {
    const auth = { token: dashboard.token };
    now += 60_000; // a full bucket of 3
    const batch = await post(
      gateway,
      Array.from({ length: 4 }, () => ({ query: '{ balance }' })),
      auth,
    );
    expect(
      (batch.body as unknown as { errors?: { extensions?: { code?: string } }[] }[]).map(
        (item) => item.errors?.[0]?.extensions?.code ?? 'ok',
      ),
    ).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('budgets anonymous callers per IP', async () => {
    expect((await post(gateway, { query: '{ markets { symbol } }' })).status).toBe(200);
    expect((await post(gateway, { query: '{ markets { symbol } }' })).status).toBe(200);
    const limited = await post(gateway, { query: '{ markets { symbol } }' });
    expect(codes(limited.body)).toEqual(['RATE_LIMITED']);
  });

  it('rejects an unknown token with 401 instead of serving it as anonymous', async () => {
    const response = await post(gateway, { query: '{ markets { symbol } }' }, { token: `${bot.token}x` });
    expect(response.status).toBe(401);
    expect(codes(response.body)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('token mode on a gateway', () => {
  const files = tempDir();
  const reader = mintToken('dashboard', 'default', ['read']);
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      toyGateway({
        GATEWAY_TOKENS_FILE: files.write('tokens.json', JSON.stringify([reader.entry])),
      }),
    );
  });
  afterAll(async () => {
    await gateway.close();
    files.cleanup();
  });

  it('serves public data but no account to anonymous callers', async () => {
    const { body } = await post(gateway, { query: '{ markets { symbol } whoami balance }' });
    expect(body.data).toBeNull(); // balance is non-null, so the UNAUTHENTICATED error nulls the whole result
    expect(codes(body)).toEqual(['UNAUTHENTICATED']);
    expect((await post(gateway, { query: '{ whoami }' })).body).toEqual({ data: { whoami: 'anonymous:-' } });
  });

  it('lets a read token read but not trade', async () => {
    const auth = { token: reader.token };
    expect((await post(gateway, { query: '{ balance }' }, auth)).body).toEqual({
      data: { balance: 'balance of default' },
    });
    const trade = await post(gateway, { query: 'mutation { placeOrder }' }, auth);
    expect(trade.status).toBe(200);
    expect(codes(trade.body)).toEqual(['FORBIDDEN']);
  });

  it('requires a token even for public data when GATEWAY_PUBLIC_REQUIRES_TOKEN=true', async () => {
    const strict = await startGateway(
      toyGateway({
        GATEWAY_TOKENS_FILE: files.write('tokens2.json', JSON.stringify([reader.entry])),
        GATEWAY_PUBLIC_REQUIRES_TOKEN: 'true',
      }),
    );
    try {
      const anonymous = await post(strict, { query: '{ markets { symbol } }' });
      expect(anonymous.status).toBe(401);
      expect(codes(anonymous.body)).toEqual(['UNAUTHENTICATED']);
      const withToken = await post(strict, { query: '{ markets { symbol } }' }, { token: reader.token });
      expect(withToken.body).toEqual({ data: { markets: [{ symbol: 'SOL_USDC' }] } });
    } finally {
      await strict.close();
    }
  });
});

describe('local mode on a gateway', () => {
  it('lets the local caller act as the one account with every scope', async () => {
    const gateway = await startGateway(toyGateway({}));
    try {
      const { body } = await post(gateway, { query: 'mutation { placeOrder withdraw }' });
      expect(body).toEqual({ data: { placeOrder: 'order for default', withdraw: 'withdrawal for default' } });
      expect(gateway.gateway.security.mode).toBe('local');
    } finally {
      await gateway.close();
    }
  });
});

describe('per-caller cost budget on a gateway', () => {
  const files = tempDir();
  const bot = mintToken('bot', 'default', ['read']);
  let gateway: TestGateway;
  let now = 5_000_000;
  beforeAll(async () => {
    gateway = await startGateway(
      toyGateway(
        {
          GATEWAY_TOKENS_FILE: files.write('tokens.json', JSON.stringify([bot.entry])),
          GATEWAY_MAX_COST: '100',
          GATEWAY_COST_PER_MIN: '120',
          GATEWAY_ANONYMOUS_COST_PER_MIN: '100',
        },
        () => now,
      ),
    );
  });
  afterAll(async () => {
    await gateway.close();
    files.cleanup();
  });

  // `{ markets { symbol ticker { lastPrice } } }` costs 31 (a toy list counts 10 rows); `{ whoami }` costs 1.
  const listing = { query: '{ markets { symbol ticker { lastPrice } } }' };

  it('charges each operation its estimated cost, so a few expensive ones spend what many cheap ones would not', async () => {
    const auth = { token: bot.token };
    for (let index = 0; index < 3; index += 1) expect((await post(gateway, listing, auth)).body.errors).toBeUndefined();
    const limited = await post(gateway, listing, auth); // 93 of 120 spent: 31 more does not fit
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', budget: 'cost' });
    // (31 − 27 left) at 120 per minute: 2 s until it fits; a cheap operation still fits now.
    expect(limited.body.errors?.[0]?.extensions?.['retryAfterMs']).toBe(2_000);
    expect((await post(gateway, { query: '{ whoami }' }, auth)).body.errors).toBeUndefined();
    now += 2_500;
    expect((await post(gateway, listing, auth)).body.errors).toBeUndefined();
  });

  it('keeps the anonymous cost budget per IP, apart from the tokens', async () => {
    for (let index = 0; index < 3; index += 1) expect((await post(gateway, listing)).body.errors).toBeUndefined();
    expect(codes((await post(gateway, listing)).body)).toEqual(['RATE_LIMITED']);
  });
});
