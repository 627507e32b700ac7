// Startup key check against the sandbox: a key the exchange does not know gives one warning line and a failing
// `apiKeys` readiness check, and the gateway still starts and serves public data.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { createGateway, type Gateway } from '../../src/server.ts';

let sandbox: SandboxHandle;
let gateway: Gateway;
const lines: { level: number; msg: string }[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 3, flow: { enabled: false } });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as never);
      done();
    },
  });
  const config = loadConfig({
    PORT: '0',
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    // A well-formed key the sandbox has never issued.
    BACKPACK_API_SECRET: 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=',
    BACKPACK_CLOCK_SYNC: 'false',
  });
  gateway = await createGateway(config, { logger: pino({ level: 'info' }, sink), env: {} });
});

afterAll(async () => {
  await gateway?.close();
  await sandbox?.close();
});

describe('startup key check', () => {
  it('warns once about an unknown key, reports it on /ready, and still serves', async () => {
    await vi.waitFor(
      () => expect(lines.filter((line) => line.msg.startsWith('API key check failed'))).toHaveLength(1),
      {
        timeout: 10_000,
      },
    );
    const warning = lines.find((line) => line.msg.startsWith('API key check failed'));
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
