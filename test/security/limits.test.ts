import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLimits } from '../../src/security/limits.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { codes, post } from '../support/gql.ts';
import { toyGateway } from './support.ts';

describe('limit defaults', () => {
  it('states its defaults and reads overrides from the environment', () => {
    expect(loadLimits({})).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxCost: 20_000,
      costPerMinute: 200_000,
      anonymousCostPerMinute: 100_000,
      maxResponseBytes: 5_000_000,
      maxSubscriptionsPerConnection: 100,
      maxExecutionMs: 10_000,
      maxTokens: 2000,
      maxDirectives: 20,
      maxBatch: 10,
      maxBodyBytes: 100_000,
      perMinute: 600,
      anonymousPerMinute: 300,
      introspection: true,
      graphiql: true,
      publicRequiresToken: false,
    });
    expect(loadLimits({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, graphiql: false });
    expect(loadLimits({ NODE_ENV: 'production', GATEWAY_INTROSPECTION: 'true' })).toMatchObject({
      introspection: true,
      graphiql: false,
    });
    expect(loadLimits({ GATEWAY_MAX_DEPTH: '5', GATEWAY_MAX_BATCH: '0' })).toMatchObject({ maxDepth: 5, maxBatch: 0 });
    expect(() => loadLimits({ GATEWAY_MAX_DEPTH: 'deep' })).toThrow(/GATEWAY_MAX_DEPTH must be a whole number/);
    // A larger operation limit raises the default budgets with it; a budget below it could never admit one.
    expect(loadLimits({ GATEWAY_MAX_COST: '500000' })).toMatchObject({
      costPerMinute: 500_000,
      anonymousCostPerMinute: 500_000,
    });
    expect(() => loadLimits({ GATEWAY_MAX_COST: '1000', GATEWAY_COST_PER_MIN: '999' })).toThrow(
      /GATEWAY_COST_PER_MIN \(999\) must be at least GATEWAY_MAX_COST \(1000\)/,
    );
  });
});

describe('query limits on a gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway(toyGateway({}));
  });
  afterAll(() => gateway.close());

  it('serves an ordinary query', async () => {
    const { status, body } = await post(gateway, { query: '{ markets { symbol ticker { lastPrice } } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { markets: [{ symbol: 'SOL_USDC', ticker: { lastPrice: '1.0' } }] } });
  });

  it('rejects a query nested deeper than 12', async () => {
    const query = `{ markets { ${'market { '.repeat(12)}symbol${' }'.repeat(12)} } }`;
    const { body } = await post(gateway, { query });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('rejects an alias flood', async () => {
    const query = `{ ${Array.from({ length: 31 }, (_, index) => `m${index}: markets { symbol }`).join(' ')} }`;
    const { body } = await post(gateway, { query });
    expect(body.errors?.[0]?.message).toMatch(/aliases limit/i);
  });

  it('counts aliased __typename too (graphql-armor exempts it by default), but not plain __typename', async () => {
    const flood = await post(gateway, {
      query: `{ ${Array.from({ length: 31 }, (_, index) => `t${index}: __typename`).join(' ')} }`,
    });
    expect(flood.body.data ?? null).toBeNull();
    expect(flood.body.errors?.[0]?.message).toMatch(/aliases limit/i);
    const ok = await post(gateway, {
      query: `{ ${Array.from({ length: 30 }, (_, index) => `t${index}: __typename`).join(' ')} markets { __typename symbol } }`,
    });
    expect(ok.body.errors).toBeUndefined();
  });

  it('rejects a query with too many tokens', async () => {
    const query = `{ markets { ${'symbol '.repeat(2000)}} }`;
    const { body } = await post(gateway, { query });
    expect(body.errors?.[0]?.message).toMatch(/token limit/i);
  });

  it('rejects a directive flood', async () => {
    const query = `{ markets { symbol ${'@include(if: true) '.repeat(21)}} }`;
    const { body } = await post(gateway, { query });
    expect(body.errors?.[0]?.message).toMatch(/directives limit/i);
  });

  it('answers 413 to a body over 100 kB before parsing it', async () => {
    const { status, body } = await post(gateway, {
      query: '{ markets { symbol } }',
      variables: { pad: 'x'.repeat(100_001) },
    });
    expect(status).toBe(413);
    expect(codes(body)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('answers 413 to a chunked body over the limit too', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 30; index += 1) controller.enqueue(new TextEncoder().encode(' '.repeat(5_000)));
        controller.enqueue(new TextEncoder().encode('{"query":"{ markets { symbol } }"}'));
        controller.close();
      },
    });
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('accepts a batch of 10 operations and refuses 11', async () => {
    const one = { query: '{ markets { symbol } }' };
    const ok = await post(
      gateway,
      Array.from({ length: 10 }, () => one),
    );
    expect(ok.status).toBe(200);
    const tooMany = await post(
      gateway,
      Array.from({ length: 11 }, () => one),
    );
    expect(JSON.stringify(tooMany.body)).toMatch(/Batching is limited to 10 operations per request/);
  });

  it('allows introspection outside production', async () => {
    const { body } = await post(gateway, { query: '{ __schema { queryType { name } } }' });
    expect(body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});

describe('introspection in production', () => {
  it('is off by default and __typename still works', async () => {
    const gateway = await startGateway(toyGateway({ NODE_ENV: 'production' }));
    try {
      const { body } = await post(gateway, { query: '{ __schema { queryType { name } } }' });
      expect(body.errors?.[0]?.message).toMatch(/introspection/i);
      expect((await post(gateway, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await gateway.close();
    }
  });
});

describe('the operation cost limit on a gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway(toyGateway({ GATEWAY_MAX_COST: '100' }));
  });
  afterAll(() => gateway.close());

  it('refuses an operation whose estimated cost is above GATEWAY_MAX_COST with COST_LIMIT and the estimate', async () => {
    // Without list sizes declared (the toy schema is not built with Pothos), a list counts 10 rows: 1 + 10 × (1 + 1).
    const one = await post(gateway, { query: '{ markets { symbol ticker { lastPrice } } }' });
    expect(one.body.errors).toBeUndefined();
    const query = `{ ${Array.from({ length: 5 }, (_, index) => `m${index}: markets { symbol ticker { lastPrice } }`).join(' ')} }`;
    const { body } = await post(gateway, { query });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'COST_LIMIT',
      cost: 5 * 31,
      maxCost: 100,
      requestId: expect.any(String), // the real gateway tags every error with its request id
    });
  });
});
