// Deadlines end to end: a hung exchange fails a signed read with EXCHANGE_TIMEOUT inside the request deadline, a
// refused one with EXCHANGE_UNAVAILABLE, and a client that goes away takes its upstream request with it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { startHungExchange, type HungExchange } from '../support/hungExchange.ts';

const SECRET = 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=';
const DEADLINE_MS = 2_000;

let hung: HungExchange;
let gateway: TestGateway;

const start = (apiUrl: string, deadlineMs: number): Promise<TestGateway> =>
  startGateway({
    upstream: { restUrl: apiUrl },
    warmCatalog: false,
    env: { BACKPACK_API_SECRET: SECRET, GATEWAY_REQUEST_DEADLINE_MS: String(deadlineMs) },
  });

async function post(target: TestGateway, query: string, signal?: AbortSignal) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    ...(signal ? { signal } : {}),
  });
  return (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

beforeAll(async () => {
  hung = await startHungExchange();
  gateway = await start(hung.url, DEADLINE_MS);
});

afterAll(async () => {
  await gateway?.close();
  await hung?.close();
});

describe('request deadline', () => {
  it('fails a signed read against a hung exchange with EXCHANGE_TIMEOUT naming the endpoint and the time waited', async () => {
    const started = Date.now();
    const body = await post(gateway, '{ account { balances { symbol available } } }');
    const elapsed = Date.now() - started;
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'EXCHANGE_TIMEOUT', endpoint: 'GET /api/v1/capital' });
    expect(error?.message).toMatch(
      /^GET \/api\/v1\/capital: no answer before the request deadline passed \(waited \d+ ms/,
    );
    // The promise to callers: the answer comes within the deadline plus one second, not after 4 × 10 s.
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);
  });

  it('fails with EXCHANGE_UNAVAILABLE when the exchange refuses connections', async () => {
    const refused = await startHungExchange();
    const url = refused.url;
    await refused.close(); // nothing listens there any more
    const target = await start(url, DEADLINE_MS);
    try {
      const body = await post(target, '{ account { balances { symbol } } }');
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'EXCHANGE_UNAVAILABLE',
        endpoint: 'GET /api/v1/capital',
      });
      expect(body.errors?.[0]?.message).toMatch(/ECONNREFUSED/);
    } finally {
      await target.close();
    }
  });

  it('aborts the upstream request when the client goes away', async () => {
    const patient = await start(hung.url, 60_000);
    try {
      const before = hung.requests().length;
      const closedBefore = hung.closedByClient();
      const client = new AbortController();
      const pending = post(patient, '{ account { balances { symbol } } }', client.signal).catch(() => null);
      await vi.waitFor(() => expect(hung.requests().length).toBeGreaterThan(before), { timeout: 5_000 });
      client.abort();
      await pending;
      await vi.waitFor(() => expect(hung.closedByClient()).toBeGreaterThan(closedBefore), { timeout: 5_000 });
    } finally {
      await patient.close();
    }
  });
});
