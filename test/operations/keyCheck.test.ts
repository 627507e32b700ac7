// Startup key check against the sandbox: a key the exchange does not know gives one warning line and a failing
// `apiKeys` readiness check, and the gateway still starts and serves public data.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

let env: TestGateway;
let gateway: Gateway;
const lines = (): { level: number; msg: string }[] => env.logRecords() as never;

beforeAll(async () => {
  env = await startGateway({
    sandbox: { seed: 3, flow: { enabled: false } },
    account: null,
    captureLogs: 'info',
    // A well-formed key the sandbox has never issued.
    env: { BACKPACK_API_SECRET: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=' },
  });
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.close();
});

describe('startup key check', () => {
  it('warns once about an unknown key, reports it on /ready, and still serves', async () => {
    await vi.waitFor(
      () => expect(lines().filter((line) => line.msg.startsWith('API key check failed'))).toHaveLength(1),
      {
        timeout: 10_000,
      },
    );
    const warning = lines().find((line) => line.msg.startsWith('API key check failed'));
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toMatch(/account "default": the exchange rejected its API key/);

    const ready = await fetch(new URL('/ready', gateway.url));
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { failing: { check: string }[] };
    expect(body.failing.map((failure) => failure.check)).toContain('apiKeys');

    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ markets { symbol } }' }),
    });
    expect(((await response.json()) as { data?: { markets: unknown[] } }).data?.markets.length).toBeGreaterThan(0);
  });
});
