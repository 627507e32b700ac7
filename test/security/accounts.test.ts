import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { loadAccounts, parseAccountsFile } from '../../src/security/accounts.ts';
import { API_KEY_A, API_KEY_B, SECRET_A, SECRET_B, SEED_A, tempDir } from './support.ts';

const files = tempDir();
afterAll(() => files.cleanup());

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('accounts', () => {
  it('turns BACKPACK_API_SECRET (via config) into the account "default"', () => {
    const accounts = loadAccounts({}, { key: loadSigningKey(SECRET_A) });
    expect(accounts.source).toBe('environment');
    expect(accounts.list.map((account) => [account.name, account.apiKey])).toEqual([['default', API_KEY_A]]);
  });

  it('has no accounts without keys', () => {
    expect(loadAccounts({}, { key: undefined }).list).toEqual([]);
  });

  it('reads several accounts from GATEWAY_ACCOUNTS_FILE, inline or from a secret file relative to it', () => {
    files.write('b.secret', `${SECRET_B}\n`);
    const path = files.write(
      'accounts.json',
      JSON.stringify({ main: { apiSecret: SECRET_A, apiKey: API_KEY_A }, savings: { apiSecretFile: 'b.secret' } }),
    );
    const accounts = loadAccounts({ GATEWAY_ACCOUNTS_FILE: path }, { key: undefined });
    expect(accounts.source).toBe('file');
    expect(accounts.get('main')?.apiKey).toBe(API_KEY_A);
    expect(accounts.get('savings')?.apiKey).toBe(API_KEY_B);
    expect(accounts.get('other')).toBeUndefined();
  });

  it('never serializes or inspects the secret, yet still signs with it', () => {
    const path = files.write('one.json', JSON.stringify({ main: { apiSecret: SECRET_A } }));
    const account = parseAccountsFile(path).list[0];
    if (!account) throw new Error('no account');
    const shown = [
      JSON.stringify(account),
      inspect(account, { showHidden: true, depth: 5 }),
      JSON.stringify(account.signingKey),
      inspect(account.signingKey, { depth: 5 }),
      JSON.stringify({ ...account }),
      String(Object.keys(account.signingKey)),
    ].join('\n');
    expect(JSON.parse(JSON.stringify(account))).toEqual({ name: 'main', apiKey: API_KEY_A });
    for (const form of [SECRET_A, SEED_A.toString('hex'), '1, 1, 1, 1']) expect(shown).not.toContain(form);
    expect(account.signingKey.secretKey).toHaveLength(64);
    expect(Buffer.from(account.signingKey.secretKey.subarray(0, 32)).equals(SEED_A)).toBe(true);
  });

  it('refuses both BACKPACK_API_SECRET and GATEWAY_ACCOUNTS_FILE', () => {
    const path = files.write('both.json', JSON.stringify({ main: { apiSecret: SECRET_A } }));
    const error = configError(() => loadAccounts({ GATEWAY_ACCOUNTS_FILE: path }, { key: loadSigningKey(SECRET_B) }));
    expect(error.message).toMatch(/either BACKPACK_API_SECRET .* or GATEWAY_ACCOUNTS_FILE, not both/);
  });

  const bad: [string, unknown, RegExp][] = [
    ['not JSON', '{ "main": { "apiSecret": "' + SECRET_A, /not valid JSON/],
    ['an array', [], /must be an object/],
    ['no accounts', {}, /defines no accounts/],
    [
      'a secret that is not base64',
      { main: { apiSecret: 'not base64 at all!!' + SECRET_A } },
      /account "main": the secret is not valid base64/,
    ],
    [
      'a secret of the wrong length',
      { main: { apiSecret: Buffer.alloc(16, 7).toString('base64') } },
      /account "main": the secret must decode to 32 or 64 bytes/,
    ],
    [
      'an apiKey of another account',
      { main: { apiSecret: SECRET_A, apiKey: API_KEY_B } },
      /account "main": "apiKey" does not match/,
    ],
    [
      'both secret forms',
      { main: { apiSecret: SECRET_A, apiSecretFile: 'x' } },
      /account "main": set either "apiSecret" or "apiSecretFile"/,
    ],
    ['neither secret form', { main: { apiKey: API_KEY_A } }, /account "main": needs "apiSecret" or "apiSecretFile"/],
    [
      'a missing secret file',
      { main: { apiSecretFile: 'missing.secret' } },
      /account "main": cannot read apiSecretFile .*missing\.secret \(ENOENT\)/,
    ],
    [
      'an unknown field',
      { main: { apiSecret: SECRET_A, secret: SECRET_B } },
      /account "main": unknown field\(s\) "secret"/,
    ],
    ['a bad account name', { 'has space': { apiSecret: SECRET_A } }, /account "has space": names may use/],
  ];
  for (const [what, content, message] of bad) {
    it(`names the account and the problem for ${what}, without echoing any secret`, () => {
      const path = files.write('bad.json', typeof content === 'string' ? content : JSON.stringify(content));
      const error = configError(() => loadAccounts({ GATEWAY_ACCOUNTS_FILE: path }, { key: undefined }));
      expect(error.message).toMatch(message);
      expect(error.message).toContain('GATEWAY_ACCOUNTS_FILE');
      for (const secret of [SECRET_A, SECRET_B, SEED_A.toString('hex')]) expect(error.message).not.toContain(secret);
    });
  }
});
