import { describe, expect, it } from 'vitest';
import { loadSigningKey, signInstruction } from '../../src/exchange/sign.ts';
import { createLogger, registerSecret, scrubSecrets } from '../../src/log.ts';
import { loadAccounts } from '../../src/security/accounts.ts';
import { createIdentify } from '../../src/security/identity.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import { createTokens } from '../../src/security/tokens.ts';
import { SECRET_A, SEED_A, tempDir } from './support.ts';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => void lines.push(line) } });
  return { lines, logger };
}

describe('logger redaction', () => {
  const key = loadSigningKey(SECRET_A);
  // Loading accounts registers their secrets, as the gateway does at startup.
  const files = tempDir();
  loadAccounts(
    { GATEWAY_ACCOUNTS_FILE: files.write('a.json', JSON.stringify({ main: { apiSecret: SECRET_A } })) },
    { key: undefined },
  );
  files.cleanup();
  const fullKey = Buffer.from(key.secretKey);
  const forms = {
    base64: SECRET_A,
    base64Unpadded: SECRET_A.replace(/=+$/, ''),
    base64url: SEED_A.toString('base64url'),
    hex: SEED_A.toString('hex'),
    hexUpper: SEED_A.toString('hex').toUpperCase(),
    fullKeyBase64: fullKey.toString('base64'),
    fullKeyHex: fullKey.toString('hex'),
    urlEncoded: encodeURIComponent(fullKey.toString('base64')),
  };
  const { token } = mintToken('bot', 'main', ['trade']);
  const headers = signInstruction(key, 'orderExecute', { symbol: 'SOL_USDC' }, 1_700_000_000_000, 5000);

  it('redacts secret, token, authorization and signature fields by path', () => {
    const { lines, logger } = capture();
    logger.info(
      { apiSecret: 'plain-secret-value', token: 'opaque-token-value', account: { secret: 'nested-secret-value' } },
      'fields',
    );
    logger.info(
      { req: { headers: { authorization: 'Basic dXNlcjpwYXNz', 'x-signature': headers['X-Signature'] } } },
      'request',
    );
    logger.info({ headers }, 'upstream');
    logger.info({ connectionParams: { token: 'another-opaque-token' } }, 'ws');
    const out = lines.join('');
    for (const value of [
      'plain-secret-value',
      'opaque-token-value',
      'nested-secret-value',
      'dXNlcjpwYXNz',
      headers['X-Signature'],
      headers['X-API-Key'],
      'another-opaque-token',
    ]) {
      expect(out).not.toContain(value);
    }
    expect(out).toContain('[REDACTED]');
    expect(out).toContain('"X-Window":"5000"'); // non-secret headers stay readable
  });

  it('scrubs registered secrets in any encoding wherever they appear, and minted tokens and bearer credentials', () => {
    const { lines, logger } = capture();
    for (const [name, value] of Object.entries(forms)) {
      logger.info({ deep: { deeper: { deepest: { value } } } }, `${name}: ${value}`);
      logger.error(new Error(`failed with ${value}`));
    }
    logger.warn({ note: `client sent ${token}` }, `token ${token} in the message`);
    logger.warn(`Authorization: Bearer some.jwt-like.credential`);
    const out = lines.join('');
    for (const value of Object.values(forms)) expect(out).not.toContain(value);
    expect(out).not.toContain(token);
    expect(out).not.toContain(token.slice(4));
    expect(out).not.toContain('some.jwt-like.credential');
    expect(out).toContain('base64url: [REDACTED]');
  });

  it('scrubs request signatures, which are never registered, in base64, base64url and hex', () => {
    const { lines, logger } = capture();
    // One whose base64 has both `+` and `/`, so the URL-encoded form differs from the raw one.
    let timestamp = 1_700_000_123_456;
    const signatureAt = (at: number) => signInstruction(key, 'balanceQuery', undefined, at, 5000)['X-Signature'];
    while (!/\+.*\/|\/.*\+/.test(signatureAt(timestamp))) timestamp += 1;
    const fresh = signatureAt(timestamp);
    const bytes = Buffer.from(fresh, 'base64');
    expect(bytes).toHaveLength(64);
    const encodings = [
      fresh,
      encodeURIComponent(fresh),
      fresh.replace(/=+$/, ''),
      bytes.toString('base64url'),
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
    ];
    for (const encoded of encodings)
      logger.warn({ frame: `{"signature":["k","${encoded}"]}` }, `exchange said: bad signature ${encoded}.`);
    const out = lines.join('');
    for (const encoded of encodings) expect(out).not.toContain(encoded.slice(0, 40));
    // Same-length ordinary values stay readable: a SHA-256 in hex, a 47-character minted-token-like id, order ids.
    const sha256 = 'ab'.repeat(32);
    expect(scrubSecrets(`hash ${sha256} order 59887375336 id ${'x'.repeat(47)}`)).toBe(
      `hash ${sha256} order 59887375336 id ${'x'.repeat(47)}`,
    );
  });

  it('scrubs a gateway token in every encoding once a client presented it (the gateway stores only its hash)', () => {
    const presented = mintToken('dashboard', 'main', ['read']);
    const identify = createIdentify({ mode: 'tokens', tokens: createTokens([presented.entry]) });
    const text = Buffer.from(presented.token, 'utf8');
    const encodings = [text.toString('base64'), text.toString('base64url'), text.toString('hex')];
    // Unknown to the process until presented: only its raw `bpg_` form is recognisable.
    expect(encodings.map((encoded) => scrubSecrets(encoded))).toEqual(encodings);
    expect(identify({ headers: { authorization: `Bearer ${presented.token}` } })).toMatchObject({
      kind: 'token',
      name: 'dashboard',
    });
    const { lines, logger } = capture();
    for (const encoded of encodings) logger.warn({ echoed: encoded }, `upstream echoed ${encoded}`);
    const out = lines.join('');
    for (const encoded of encodings) expect(out).not.toContain(encoded.slice(0, 40));
  });

  it('leaves ordinary text alone and only registers secrets long enough to be secrets', () => {
    registerSecret('short');
    expect(scrubSecrets('a short note about SOL_USDC')).toBe('a short note about SOL_USDC');
  });
});
