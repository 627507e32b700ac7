import { chmodSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { loadSecurity } from '../../src/security/index.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import { SECRET_A, SECRET_B, tempDir } from './support.ts';

const keyA = loadSigningKey(SECRET_A);

describe('loadSecurity', () => {
  it('starts in local mode on loopback with the default account', () => {
    const security = loadSecurity({}, { key: keyA, host: '127.0.0.1' });
    expect(security.mode).toBe('local');
    expect(security.startupMessages[0]).toMatch(/^Local mode/);
    expect(security.identify({ headers: new Headers() })).toMatchObject({ kind: 'local', account: 'default' });
    expect(security.plugins.length).toBeGreaterThan(5);
    // The body limit (100 kB) is the security layer's own (withBodyLimit + useChunkedBodyLimit), not yoga's.
    expect(security.yogaOptions).toMatchObject({
      batching: { limit: 10 },
      maxRequestBodySize: false,
      multipart: false,
    });
    expect(security.limits.maxBodyBytes).toBe(100_000);
    expect(security.limits.graphiql).toBe(true);
  });

  it('refuses HOST=0.0.0.0 with keys and no tokens', () => {
    expect(() => loadSecurity({}, { key: keyA, host: '0.0.0.0' })).toThrow(ConfigError);
  });

  it('starts in token mode on 0.0.0.0 with tokens', () => {
    const files = tempDir();
    try {
      const { entry } = mintToken('bot', 'default', ['read']);
      const security = loadSecurity(
        { GATEWAY_TOKENS_FILE: files.write('t.json', JSON.stringify([entry])) },
        { key: keyA, host: '0.0.0.0' },
      );
      expect(security.mode).toBe('tokens');
      expect(security.identify({ headers: new Headers() })).toEqual({ kind: 'anonymous' });
    } finally {
      files.cleanup();
    }
  });

  it('refuses several accounts without tokens, and GATEWAY_PUBLIC_REQUIRES_TOKEN without tokens', () => {
    const files = tempDir();
    try {
      const accounts = files.write(
        'a.json',
        JSON.stringify({ a: { apiSecret: SECRET_A }, b: { apiSecret: SECRET_B } }),
      );
      expect(() => loadSecurity({ GATEWAY_ACCOUNTS_FILE: accounts }, { key: undefined, host: '127.0.0.1' })).toThrow(
        /defines 2 accounts/,
      );
      expect(() => loadSecurity({ GATEWAY_PUBLIC_REQUIRES_TOKEN: 'true' }, { key: keyA, host: '127.0.0.1' })).toThrow(
        /needs GATEWAY_TOKENS_FILE/,
      );
    } finally {
      files.cleanup();
    }
  });

  it('warns when the accounts file is readable by others', () => {
    const files = tempDir();
    try {
      const path = files.write('a.json', JSON.stringify({ a: { apiSecret: SECRET_A } }));
      chmodSync(path, 0o644);
      const security = loadSecurity({ GATEWAY_ACCOUNTS_FILE: path }, { key: undefined, host: '127.0.0.1' });
      expect(security.startupMessages.join('\n')).toMatch(/readable by group\/others; chmod 600/);
    } finally {
      files.cleanup();
    }
  });

  it('refuses a graphql-ws connection with a bad token or a foreign origin', () => {
    const files = tempDir();
    try {
      const { entry, token } = mintToken('bot', 'default', ['read']);
      const security = loadSecurity(
        { GATEWAY_TOKENS_FILE: files.write('t.json', JSON.stringify([entry])) },
        { key: keyA, host: '127.0.0.1' },
      );
      const request = (headers: Record<string, string>) =>
        ({ headers: { host: '127.0.0.1:4000', ...headers } }) as never;
      expect(security.acceptConnection({ connectionParams: { token }, extra: { request: request({}) } })).toBe(true);
      expect(security.acceptConnection({ connectionParams: {}, extra: { request: request({}) } })).toBe(true); // anonymous: public data
      expect(
        security.acceptConnection({ connectionParams: { token: `${token}x` }, extra: { request: request({}) } }),
      ).toBe(false);
      expect(
        security.acceptConnection({
          connectionParams: { token },
          extra: { request: request({ origin: 'https://evil.example' }) },
        }),
      ).toBe(false);
    } finally {
      files.cleanup();
    }
  });
});
