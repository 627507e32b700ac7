// Errors never quote the request: malformed JSON bodies and GET parameters, and (with introspection off) no
// "Did you mean …" hints naming the schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { codes, post } from '../support/gql.ts';
import { toyGateway } from './support.ts';

const MARKER = 'do-not-echo-7f3a';

describe('malformed requests in production', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway(toyGateway({ NODE_ENV: 'production' }));
  });
  afterAll(() => gateway.close());

  it('answers a body that is not JSON with BAD_REQUEST and nothing of the body', async () => {
    const { body } = await post(gateway, `{"query": "{ markets { symbol } }", "${MARKER}": nope}`);
    expect(codes(body)).toEqual(['BAD_REQUEST']);
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('originalError');
    expect(JSON.stringify(body)).not.toContain(MARKER.slice(-4));
  });

  it('answers GET variables that are not JSON with BAD_REQUEST and nothing of them', async () => {
    const url = new URL(gateway.url);
    url.searchParams.set('query', '{ markets { symbol } }');
    url.searchParams.set('variables', `{"${MARKER}": nope}`);
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toContain(MARKER.slice(-4));
    expect(codes(JSON.parse(text) as Parameters<typeof codes>[0])).toEqual(['BAD_REQUEST']);
  });
});

describe('field suggestions', () => {
  let open: TestGateway;
  let closed: TestGateway;
  beforeAll(async () => {
    open = await startGateway(toyGateway({}));
    closed = await startGateway(toyGateway({ GATEWAY_INTROSPECTION: 'false' }));
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  it('hints at field names while introspection is on', async () => {
    const { body } = await post(open, { query: '{ markts { symbol } }' });
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "markets"\?/);
  });

  it('leaves them out when introspection is off: fields, arguments and types', async () => {
    for (const query of [
      '{ markts { symbol } }',
      '{ markets { symbl } }',
      '{ markets(limt: 1) { symbol } }',
      'query ($m: Markt) { markets { symbol } }',
    ]) {
      const { body } = await post(closed, { query });
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
    }
  });
});
