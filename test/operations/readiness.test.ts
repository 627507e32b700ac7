// Liveness and readiness over HTTP: /health stays 200, /ready follows the exchange going silent and coming back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { startPausableExchange, type PausableExchange } from '../support/pausableExchange.ts';

let exchange: PausableExchange;
let gateway: TestGateway;

async function ready(): Promise<{ status: number; body: { ready: boolean; failing: { check: string }[] } }> {
  const response = await fetch(new URL('/ready', gateway.url));
  return { status: response.status, body: (await response.json()) as never };
}

beforeAll(async () => {
  exchange = await startPausableExchange();
  gateway = await startGateway({ upstream: { restUrl: exchange.url }, env: { GATEWAY_READY_PROBE_MS: '200' } });
});

afterAll(async () => {
  await gateway?.close();
  await exchange?.close();
});

describe('/health and /ready', () => {
  it('turns /ready 503 (listing the exchange check) while the exchange hangs, and 200 again when it is back', async () => {
    await vi.waitFor(async () => expect((await ready()).status).toBe(200), { timeout: 10_000 });
    expect((await ready()).body).toEqual({ ready: true, failing: [] });

    exchange.hang();
    await vi.waitFor(async () => expect((await ready()).status).toBe(503), { timeout: 10_000 });
    const down = await ready();
    expect(down.body.ready).toBe(false);
    expect(down.body.failing.map((failure) => failure.check)).toEqual(['exchange']);
    // Liveness is about this process only.
    expect((await fetch(new URL('/health', gateway.url))).status).toBe(200);

    exchange.resume();
    await vi.waitFor(async () => expect((await ready()).status).toBe(200), { timeout: 10_000 });
  });

  it('turns 503 at once when shutdown begins', async () => {
    gateway.gateway.readiness.markShuttingDown();
    const response = await ready();
    expect(response.status).toBe(503);
    expect(response.body.failing.map((failure) => failure.check)).toContain('shutdown');
  });
});
