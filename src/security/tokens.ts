// Gateway tokens: GATEWAY_TOKENS_FILE holds SHA-256 hashes only; a presented token is hashed and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.ts';
import { TOKEN_PREFIX } from '../log.ts';
import type { Accounts } from './accounts.ts';
import { isScope, SCOPES, type Scope } from './principal.ts';

export interface TokenEntry {
  readonly name: string;
  /** Lower-case hex SHA-256 of the token text. */
  readonly sha256: string;
  readonly account: string;
  readonly scopes: readonly Scope[];
}

export interface Tokens {
  readonly list: readonly TokenEntry[];
  /** The entry whose hash matches the presented token, or null. Every entry is compared, in constant time. */
  lookup(token: string): TokenEntry | null;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// Bounds the work an attacker can make us do per request; minted tokens are 47 characters.
const MAX_TOKEN_LENGTH = 512;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new random token (`bpg_` + 32 random bytes, base64url): the prefix lets log scrubbing and scanners spot it. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function createTokens(list: readonly TokenEntry[]): Tokens {
  const digests = list.map((entry) => Buffer.from(entry.sha256, 'hex'));
  return {
    list,
    lookup(token) {
      if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
      const presented = createHash('sha256').update(token, 'utf8').digest();
      let found: TokenEntry | null = null;
      // No early exit: the time taken does not depend on which entry (if any) matched.
      for (let index = 0; index < digests.length; index += 1) {
        const digest = digests[index];
        if (digest !== undefined && timingSafeEqual(digest, presented) && found === null) found = list[index] ?? null;
      }
      return found;
    },
  };
}

function entryFrom(value: unknown, index: number, accounts: Accounts, where: string): TokenEntry {
  const label = `${where}: entry ${index + 1}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ConfigError(`${label} must be an object`);
  const entry = value as Record<string, unknown>;
  const name = entry['name'];
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new ConfigError(`${label}: "name" must be 1-64 letters, digits, "_", "-" or "."`);
  }
  const problem = (message: string): ConfigError => new ConfigError(`${label} ("${name}"): ${message}`);
  // A plaintext token in the file defeats hashing; refuse rather than silently accept it.
  if ('token' in entry) throw problem('store only "sha256" of the token, never the token itself (see npm run token)');
  const unknown = Object.keys(entry).filter((key) => !['name', 'sha256', 'account', 'scopes'].includes(key));
  if (unknown.length > 0) throw problem(`unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}`);
  const sha256 = entry['sha256'];
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256.toLowerCase())) {
    throw problem('"sha256" must be the 64-character hex SHA-256 of the token');
  }
  const account = entry['account'];
  if (typeof account !== 'string' || accounts.get(account) === undefined) {
    const known = accounts.list.map((item) => `"${item.name}"`).join(', ') || 'none (no keys configured)';
    throw problem(`unknown account ${JSON.stringify(account)} (configured accounts: ${known})`);
  }
  const scopes = entry['scopes'];
  if (!Array.isArray(scopes) || scopes.length === 0)
    throw problem(`"scopes" must be a non-empty list of ${SCOPES.join(', ')}`);
  const bad = scopes.filter((scope) => !isScope(scope));
  if (bad.length > 0)
    throw problem(
      `unknown scope(s) ${bad.map((scope) => JSON.stringify(scope)).join(', ')} (known: ${SCOPES.join(', ')})`,
    );
  return { name, sha256: sha256.toLowerCase(), account, scopes: [...new Set(scopes as Scope[])] };
}

/** Parses the JSON text of GATEWAY_TOKENS_FILE against the configured accounts. */
export function parseTokens(text: string, accounts: Accounts, where: string): Tokens {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError(`${where}: not valid JSON`);
  }
  if (!Array.isArray(parsed))
    throw new ConfigError(`${where}: must be a JSON array of { name, sha256, account, scopes }`);
  if (parsed.length === 0) {
    throw new ConfigError(
      `${where}: lists no tokens; mint one with \`npm run token\` or unset GATEWAY_TOKENS_FILE for local mode`,
    );
  }
  const list = parsed.map((value, index) => entryFrom(value, index, accounts, where));
  const names = new Set<string>();
  const hashes = new Set<string>();
  for (const entry of list) {
    if (names.has(entry.name)) throw new ConfigError(`${where}: token name "${entry.name}" is used twice`);
    if (hashes.has(entry.sha256))
      throw new ConfigError(`${where}: token "${entry.name}" has the same hash as another token`);
    names.add(entry.name);
    hashes.add(entry.sha256);
  }
  return createTokens(list);
}

export function loadTokensFile(path: string, accounts: Accounts): Tokens {
  const where = `GATEWAY_TOKENS_FILE (${path})`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ConfigError(`${where}: cannot read the file (${typeof code === 'string' ? code : 'error'})`);
  }
  return parseTokens(text, accounts, where);
}
