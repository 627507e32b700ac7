import { describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { loadAccounts } from '../../src/security/accounts.ts';
import { accountFor, authScopes, requireScope, scopeAuthError } from '../../src/security/authorize.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/security/errors.ts';
import { createIdentify } from '../../src/security/identity.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import { ANONYMOUS, type Principal } from '../../src/security/principal.ts';
import { createTokens } from '../../src/security/tokens.ts';
import { SECRET_A, SECRET_B, tempDir } from './support.ts';

const files = tempDir();
const accounts = loadAccounts(
  {
    GATEWAY_ACCOUNTS_FILE: files.write(
      'accounts.json',
      JSON.stringify({ a: { apiSecret: SECRET_A }, b: { apiSecret: SECRET_B } }),
    ),
  },
  { key: undefined },
);
files.cleanup();

const reader = mintToken('dashboard', 'a', ['read']);
const trader = mintToken('bot', 'a', ['trade']);
const treasurer = mintToken('treasury', 'b', ['read', 'withdraw']);
const identify = createIdentify({
  mode: 'tokens',
  tokens: createTokens([reader.entry, trader.entry, treasurer.entry]),
});
const bearer = (token: string) => ({ headers: new Headers({ authorization: `Bearer ${token}` }) });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('identity', () => {
  it('maps a bearer token to its principal, from HTTP headers or graphql-ws connectionParams', () => {
    const expected = { kind: 'token', name: 'dashboard', account: 'a', scopes: ['read'] };
    expect(identify(bearer(reader.token))).toEqual(expected);
    expect(identify({ headers: { authorization: `bearer ${reader.token}` } })).toEqual(expected); // node headers
    expect(identify({ connectionParams: { authorization: `Bearer ${reader.token}` } })).toEqual(expected);
    expect(identify({ connectionParams: { token: reader.token } })).toEqual(expected);
    // A ws client that cannot set connectionParams may authenticate its upgrade request instead.
    expect(identify({ connectionParams: {}, headers: { authorization: `Bearer ${reader.token}` } })).toEqual(expected);
  });

  it('treats no credential as anonymous and a wrong or malformed one as UNAUTHENTICATED (HTTP 401)', () => {
    expect(identify({ headers: new Headers() })).toBe(ANONYMOUS);
    expect(identify({ connectionParams: null })).toBe(ANONYMOUS);
    for (const source of [
      bearer(`${reader.token}x`),
      { headers: new Headers({ authorization: `Basic ${reader.token}` }) },
      { connectionParams: { token: 42 } },
      { connectionParams: { authorization: reader.token } },
    ]) {
      const error = thrown(() => identify(source));
      expect(error).toBeInstanceOf(UnauthenticatedError);
      expect((error as UnauthenticatedError).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        http: { status: 401 },
      });
    }
  });

  it('in local mode gives every caller the single account with all scopes (or nothing without keys)', () => {
    expect(createIdentify({ mode: 'local', account: 'default' })({ headers: new Headers() })).toEqual({
      kind: 'local',
      account: 'default',
      scopes: ['read', 'trade', 'withdraw', 'metrics'],
    });
    expect(createIdentify({ mode: 'local', account: null })({ headers: new Headers() })).toBe(ANONYMOUS);
  });
});

describe('scopes', () => {
  const principal = (token: string): Principal => identify(bearer(token));

  it('lets read read but not trade', () => {
    expect(requireScope(principal(reader.token), 'read').kind).toBe('token');
    const error = thrown(() => requireScope(principal(reader.token), 'trade'));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'trade' });
    expect((error as Error).message).toContain('"trade"');
  });

  it('lets trade trade but neither withdraw nor read account data', () => {
    expect(() => requireScope(principal(trader.token), 'trade')).not.toThrow();
    expect(thrown(() => requireScope(principal(trader.token), 'withdraw'))).toBeInstanceOf(ForbiddenError);
    expect(thrown(() => requireScope(principal(trader.token), 'read'))).toBeInstanceOf(ForbiddenError);
  });

  it('asks anonymous callers to authenticate, without turning a partial result into a 401', () => {
    const error = thrown(() => requireScope(ANONYMOUS, 'read'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('maps a token for account A to A only', () => {
    expect(accountFor(principal(reader.token), accounts)?.name).toBe('a');
    expect(accountFor(principal(trader.token), accounts)?.name).toBe('a');
    expect(accountFor(principal(treasurer.token), accounts)?.name).toBe('b');
    expect(accountFor(principal(treasurer.token), accounts)?.apiKey).toBe(loadSigningKey(SECRET_B).apiKey);
    expect(accountFor(ANONYMOUS, accounts)).toBeNull();
    // A principal naming an account that is not configured fails closed.
    expect(
      thrown(() => accountFor({ kind: 'token', name: 'x', account: 'c', scopes: ['read'] }, accounts)),
    ).toBeInstanceOf(UnauthenticatedError);
  });

  it('gives Pothos scope-auth one boolean per scope', () => {
    expect(authScopes(principal(treasurer.token))).toEqual({ public: true, read: true, trade: false, withdraw: true });
    expect(authScopes(ANONYMOUS)).toEqual({ public: true, read: false, trade: false, withdraw: false });
  });

  it('turns scope-auth failures into UNAUTHENTICATED or FORBIDDEN naming the scope', () => {
    const failure = { kind: 'AnyAuthScopes', failures: [{ kind: 'AuthScope', scope: 'withdraw' }] };
    expect(scopeAuthError(ANONYMOUS, { failure })).toBeInstanceOf(UnauthenticatedError);
    const forbidden = scopeAuthError(principal(reader.token), { failure });
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect((forbidden as ForbiddenError).extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'withdraw' });
  });
});
