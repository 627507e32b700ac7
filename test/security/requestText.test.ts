// Errors never quote the request: malformed JSON bodies and GET parameters, and (with introspection off) no
// "Did you mean …" hints naming the schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startToyGateway, type ToyGateway } from './support.ts';

const MARKER = 'do-not-echo-7f3a';

describe('malformed requests in production', () => {
  let gateway: ToyGateway;
  beforeAll(async () => {
    gateway = await startToyGateway({ NODE_ENV: 'production' });
  });
  afterAll(() => gateway.close());

  it('answers a body that is not JSON with BAD_REQUEST and nothing of the body', async () => {
    const { json } = await gateway.post(`{"query": "{ markets { symbol } }", "${MARKER}": nope}`);
    expect(codes(json)).toEqual(['BAD_REQUEST']);
    expect(json.errors?.[0]?.extensions).not.toHaveProperty('originalError');
    expect(JSON.stringify(json)).not.toContain(MARKER.slice(-4));
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
  let open: ToyGateway;
  let closed: ToyGateway;
  beforeAll(async () => {
    open = await startToyGateway({});
    closed = await startToyGateway({ GATEWAY_INTROSPECTION: 'false' });
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  it('hints at field names while introspection is on', async () => {
    const { json } = await open.post({ query: '{ markts { symbol } }' });
    expect(json.errors?.[0]?.message).toMatch(/Did you mean "markets"\?/);
  });

  it('leaves them out when introspection is off: fields, arguments and types', async () => {
    for (const query of [
      '{ markts { symbol } }',
      '{ markets { symbl } }',
      '{ markets(limt: 1) { symbol } }',
      'query ($m: Markt) { markets { symbol } }',
    ]) {
      const { json } = await closed.post({ query });
      expect(json.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(json)).not.toMatch(/did you mean/i);
    }
  });
});
