import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { checkBindPolicy, isLoopbackHost } from '../../src/security/bindPolicy.ts';

describe('bind policy', () => {
  it('knows loopback addresses from wildcard and public ones', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '',
      '192.168.1.10',
      '10.0.0.1',
      'example.com',
      '::2',
      '::ffff:10.0.0.1',
      '128.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('refuses keys without tokens on 0.0.0.0, saying how to fix it', () => {
    let caught: unknown;
    try {
      checkBindPolicy({ host: '0.0.0.0', hasKeys: true, hasTokens: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as Error).message;
    expect(message).toContain('HOST=0.0.0.0');
    expect(message).toContain('HOST=127.0.0.1');
    expect(message).toContain('GATEWAY_TOKENS_FILE');
    expect(() => checkBindPolicy({ host: '::', hasKeys: true, hasTokens: false })).toThrow(ConfigError);
    expect(() => checkBindPolicy({ host: '192.168.1.10', hasKeys: true, hasTokens: false })).toThrow(ConfigError);
  });

  it('allows keys without tokens on loopback and says it is in local mode', () => {
    expect(checkBindPolicy({ host: '127.0.0.1', hasKeys: true, hasTokens: false })).toMatch(
      /^Local mode: .*loopback only/,
    );
    expect(checkBindPolicy({ host: '::1', hasKeys: true, hasTokens: false })).toMatch(/^Local mode/);
  });

  it('allows any interface with tokens, or without keys', () => {
    expect(checkBindPolicy({ host: '0.0.0.0', hasKeys: true, hasTokens: true })).toMatch(/^Token mode: .*TLS/);
    expect(checkBindPolicy({ host: '0.0.0.0', hasKeys: false, hasTokens: false })).toMatch(/public market data only/);
  });
});
