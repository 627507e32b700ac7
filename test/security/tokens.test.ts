import * as crypto from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { loadAccounts } from '../../src/security/accounts.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import { createTokens, loadTokensFile, parseTokens, sha256Hex } from '../../src/security/tokens.ts';
import { SECRET_A, SECRET_B, tempDir } from './support.ts';

// Count calls to the constant-time comparison while keeping its behaviour.
vi.mock('node:crypto', async (importOriginal) => {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- vi.mock's factory needs the module's type inline
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const files = tempDir();
afterAll(() => files.cleanup());
const accounts = loadAccounts({}, { key: loadSigningKey(SECRET_A) });

describe('gateway tokens', () => {
  it('mints a bpg_ token whose file entry holds only its SHA-256', () => {
    const { token, entry } = mintToken('dashboard', 'default', ['read']);
    expect(token).toMatch(/^bpg_[A-Za-z0-9_-]{43}$/);
    expect(entry).toEqual({ name: 'dashboard', sha256: sha256Hex(token), account: 'default', scopes: ['read'] });
    expect(JSON.stringify(entry)).not.toContain(token.slice(4));
    expect(mintToken('dashboard', 'default', ['read']).token).not.toBe(token);
  });

  it('refuses to mint unknown scopes', () => {
    expect(() => mintToken('bot', 'default', ['read', 'admin'])).toThrow(/unknown: admin/);
    expect(() => mintToken('bot', 'default', [])).toThrow(/one or more of read, trade, withdraw/);
  });

  it('finds the entry of the right token and nothing for a wrong one, comparing every entry in constant time', () => {
    const one = mintToken('one', 'default', ['read']);
    const two = mintToken('two', 'default', ['read', 'trade']);
    const three = mintToken('three', 'default', ['withdraw']);
    const tokens = createTokens([one.entry, two.entry, three.entry]);
    const compare = vi.mocked(crypto.timingSafeEqual);

    compare.mockClear();
    expect(tokens.lookup(one.token)?.name).toBe('one');
    expect(compare).toHaveBeenCalledTimes(3);
    compare.mockClear();
    expect(tokens.lookup(three.token)?.name).toBe('three');
    expect(compare).toHaveBeenCalledTimes(3);
    compare.mockClear();
    expect(tokens.lookup(`${two.token}x`)).toBeNull();
    expect(compare).toHaveBeenCalledTimes(3);

    expect(tokens.lookup('')).toBeNull();
    expect(tokens.lookup(two.entry.sha256)).toBeNull(); // the stored hash is not itself a credential
    expect(tokens.lookup('x'.repeat(10_000))).toBeNull();
  });

  it('loads GATEWAY_TOKENS_FILE', () => {
    const minted = mintToken('bot', 'default', ['read', 'trade']);
    const path = files.write('tokens.json', JSON.stringify([minted.entry]));
    expect(loadTokensFile(path, accounts).lookup(minted.token)).toEqual(minted.entry);
  });

  const twoAccounts = (() => {
    const path = files.write(
      'accounts.json',
      JSON.stringify({ a: { apiSecret: SECRET_A }, b: { apiSecret: SECRET_B } }),
    );
    return loadAccounts({ GATEWAY_ACCOUNTS_FILE: path }, { key: undefined });
  })();
  const hash = sha256Hex('bpg_example');
  const bad: [string, unknown, RegExp][] = [
    [
      'an unknown account',
      [{ name: 'x', sha256: hash, account: 'c', scopes: ['read'] }],
      /entry 1 \("x"\): unknown account "c" \(configured accounts: "a", "b"\)/,
    ],
    [
      'an unknown scope',
      [{ name: 'x', sha256: hash, account: 'a', scopes: ['read', 'admin'] }],
      /entry 1 \("x"\): unknown scope\(s\) "admin"/,
    ],
    ['no scopes', [{ name: 'x', sha256: hash, account: 'a', scopes: [] }], /"scopes" must be a non-empty list/],
    ['a plaintext token', [{ name: 'x', token: 'bpg_secret', account: 'a', scopes: ['read'] }], /store only "sha256"/],
    ['a malformed hash', [{ name: 'x', sha256: 'abc', account: 'a', scopes: ['read'] }], /64-character hex SHA-256/],
    [
      'a duplicate name',
      [
        { name: 'x', sha256: hash, account: 'a', scopes: ['read'] },
        { name: 'x', sha256: sha256Hex('y'), account: 'a', scopes: ['read'] },
      ],
      /"x" is used twice/,
    ],
    ['an empty list', [], /lists no tokens/],
    ['an object', {}, /must be a JSON array/],
  ];
  for (const [what, content, message] of bad) {
    it(`refuses to start with ${what}`, () => {
      let caught: unknown;
      try {
        parseTokens(JSON.stringify(content), twoAccounts, 'GATEWAY_TOKENS_FILE (t.json)');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as Error).message).toMatch(message);
      expect((caught as Error).message).not.toContain('bpg_secret');
    });
  }
});
