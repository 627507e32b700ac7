import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const TEST_SECRET = 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=';
const TEST_API_KEY = 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w=';
// A valid key of a different account (seed of 0x02 bytes).
const OTHER_SECRET = Buffer.alloc(32, 2).toString('base64');

const dir = mkdtempSync(join(tmpdir(), 'bp-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('starts with defaults and no key when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      apiUrl: 'https://api.backpack.exchange',
      wsUrl: 'wss://ws.backpack.exchange',
      key: undefined,
      windowMs: 5000,
      timeoutMs: 10000,
      maxRetries: 3,
      rateLimitPerMin: 2000,
      historicalRateLimitPerMin: 30,
      rateLimitMaxWaitMs: 30000,
      clockSync: true,
      requestDeadlineMs: 8000,
      shutdownGraceMs: 10000,
      readyProbeMs: 5000,
      metricsPort: undefined,
      apq: true,
      persistedDocuments: undefined,
      tracing: { exporter: 'none', sampler: 'parentbased_always_on', samplerRatio: 1, serviceName: 'backpack-graphql' },
      port: 4000,
      host: '127.0.0.1',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      BACKPACK_API_URL: 'http://127.0.0.1:9000/',
      BACKPACK_WS_URL: 'ws://127.0.0.1:9001',
      BACKPACK_API_SECRET: TEST_SECRET,
      BACKPACK_API_KEY: TEST_API_KEY,
      BACKPACK_WINDOW_MS: '60000',
      BACKPACK_TIMEOUT_MS: '2500',
      BACKPACK_MAX_RETRIES: '0',
      BACKPACK_RATE_LIMIT_PER_MIN: '100',
      BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN: '5',
      BACKPACK_RATE_LIMIT_MAX_WAIT_MS: '0',
      BACKPACK_CLOCK_SYNC: 'false',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({
      apiUrl: 'http://127.0.0.1:9000',
      wsUrl: 'ws://127.0.0.1:9001',
      windowMs: 60000,
      timeoutMs: 2500,
      maxRetries: 0,
      rateLimitPerMin: 100,
      historicalRateLimitPerMin: 5,
      rateLimitMaxWaitMs: 0,
      clockSync: false,
      port: 8080,
      host: '0.0.0.0',
    });
    expect(config.key?.apiKey).toBe(TEST_API_KEY);
  });

  it('rejects a window above the exchange cap of 60000 ms', () => {
    expect(configError({ BACKPACK_WINDOW_MS: '60001' }).message).toMatch(
      /BACKPACK_WINDOW_MS must be between 1 and 60000/,
    );
    expect(configError({ BACKPACK_WINDOW_MS: '5s' }).message).toMatch(/BACKPACK_WINDOW_MS must be a whole number/);
  });

  it('refuses an API key that does not belong to the secret, without echoing the secret', () => {
    const error = configError({ BACKPACK_API_SECRET: OTHER_SECRET, BACKPACK_API_KEY: TEST_API_KEY });
    expect(error.message).toMatch(/BACKPACK_API_KEY does not match the public key derived from BACKPACK_API_SECRET/);
    expect(error.message).not.toContain(OTHER_SECRET);
  });

  it('refuses a malformed secret without echoing it', () => {
    const secret = 'not-a-secret!!';
    const error = configError({ BACKPACK_API_SECRET: secret });
    expect(error.message).toMatch(/BACKPACK_API_SECRET is not valid base64/);
    expect(error.message).not.toContain(secret);
  });

  it('reads the secret from BACKPACK_API_SECRET_FILE', () => {
    const file = join(dir, 'secret');
    writeFileSync(file, `${TEST_SECRET}\n`);
    expect(loadConfig({ BACKPACK_API_SECRET_FILE: file, BACKPACK_API_KEY: TEST_API_KEY }).key?.apiKey).toBe(
      TEST_API_KEY,
    );
  });

  it('names the file when the secret in it is wrong or unreadable', () => {
    const file = join(dir, 'bad-secret');
    writeFileSync(file, 'AAAA');
    expect(configError({ BACKPACK_API_SECRET_FILE: file }).message).toMatch(
      /BACKPACK_API_SECRET_FILE \(.*bad-secret\) must decode to 32 or 64 bytes/,
    );
    expect(configError({ BACKPACK_API_SECRET_FILE: join(dir, 'missing') }).message).toMatch(
      /cannot read .*missing \(ENOENT\)/,
    );
  });

  it('refuses a secret given both inline and as a file, and a key without a secret', () => {
    expect(configError({ BACKPACK_API_SECRET: TEST_SECRET, BACKPACK_API_SECRET_FILE: '/x' }).message).toMatch(
      /not both/,
    );
    expect(configError({ BACKPACK_API_KEY: TEST_API_KEY }).message).toMatch(/BACKPACK_API_SECRET .* is missing/);
  });

  it('rejects malformed URLs and booleans', () => {
    expect(configError({ BACKPACK_API_URL: 'api.backpack.exchange' }).message).toMatch(
      /BACKPACK_API_URL is not a valid URL/,
    );
    expect(configError({ BACKPACK_WS_URL: 'https://ws.backpack.exchange' }).message).toMatch(
      /BACKPACK_WS_URL must use ws or wss/,
    );
    expect(configError({ BACKPACK_CLOCK_SYNC: 'maybe' }).message).toMatch(/BACKPACK_CLOCK_SYNC must be true or false/);
  });

  it('reports every bad variable at once, one line naming each', () => {
    const error = configError({
      BACKPACK_WINDOW_MS: '0',
      GATEWAY_MAX_DEPTH: 'deep',
      GATEWAY_SUBSCRIPTION_BUFFER: '1e3',
      BACKPACK_API_KEY: TEST_API_KEY,
    });
    expect(error.problems).toEqual([
      'BACKPACK_WINDOW_MS must be between 1 and 60000, got 0',
      'GATEWAY_SUBSCRIPTION_BUFFER must be a whole number, got "1e3"',
      'GATEWAY_MAX_DEPTH must be a whole number, got "deep"',
      'BACKPACK_API_KEY is set but BACKPACK_API_SECRET / BACKPACK_API_SECRET_FILE is missing',
    ]);
    expect(error.message.split('\n')).toEqual(error.problems);
  });
});
