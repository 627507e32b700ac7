// Trading accounts the gateway may sign for: `default` from BACKPACK_API_* or several from GATEWAY_ACCOUNTS_FILE.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { inspect } from 'node:util';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import { KeyError, loadSigningKey, type SigningKey } from '../exchange/sign.ts';
import { registerSecret } from '../log.ts';
import { readSetting, type Env } from '../config/settings.ts';

export const DEFAULT_ACCOUNT = 'default';
const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * One account. Only `name` and the public `apiKey` are visible; the secret lives in a SigningKey whose
 * `secretKey` is non-enumerable and whose JSON/inspect forms omit it, so logging either object leaks nothing.
 */
export class Account {
  readonly #key: SigningKey;
  constructor(
    readonly name: string,
    key: SigningKey,
  ) {
    this.#key = sealKey(key);
  }
  get apiKey(): string {
    return this.#key.apiKey;
  }
  /** For the exchange adapter only (BackpackRest's `key` option). */
  get signingKey(): SigningKey {
    return this.#key;
  }
  toJSON(): { name: string; apiKey: string } {
    return { name: this.name, apiKey: this.apiKey };
  }
  [inspect.custom](): string {
    return `Account { name: ${JSON.stringify(this.name)}, apiKey: ${JSON.stringify(this.apiKey)} }`;
  }
}

/** A SigningKey that still signs (`secretKey` is readable) but does not show the secret when serialized or inspected. */
function sealKey(key: SigningKey): SigningKey {
  const sealed = { apiKey: key.apiKey } as SigningKey;
  Object.defineProperty(sealed, 'secretKey', { value: key.secretKey, enumerable: false });
  Object.defineProperty(sealed, 'privateKey', { value: key.privateKey, enumerable: false });
  Object.defineProperty(sealed, 'toJSON', { value: () => ({ apiKey: key.apiKey }), enumerable: false });
  Object.defineProperty(sealed, inspect.custom, {
    value: () => `SigningKey { apiKey: ${JSON.stringify(key.apiKey)} }`,
    enumerable: false,
  });
  return Object.freeze(sealed);
}

/** Makes the seed and the 64-byte secret key unloggable in every encoding (see src/log.ts). */
function registerKey(key: SigningKey): void {
  registerSecret(key.secretKey);
  registerSecret(key.secretKey.subarray(0, 32));
}

export interface Accounts {
  readonly list: readonly Account[];
  get(name: string): Account | undefined;
  /** Where the accounts came from, for startup messages. */
  readonly source: 'none' | 'environment' | 'file';
}

function collection(list: Account[], source: Accounts['source']): Accounts {
  const byName = new Map(list.map((account) => [account.name, account]));
  return { list, source, get: (name) => byName.get(name) };
}

function describeCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

interface Problem {
  (message: string): ConfigError;
}

/** Reads one account's secret text from `apiSecret` or `apiSecretFile` (exactly one). */
function secretText(entry: Record<string, unknown>, baseDir: string, problem: Problem): string {
  const inline = entry['apiSecret'];
  const file = entry['apiSecretFile'];
  if (inline !== undefined && file !== undefined) throw problem('set either "apiSecret" or "apiSecretFile", not both');
  if (typeof inline === 'string' && inline.trim() !== '') return inline.trim();
  if (inline !== undefined) throw problem('"apiSecret" must be a non-empty base64 string');
  if (typeof file !== 'string' || file.trim() === '') throw problem('needs "apiSecret" or "apiSecretFile"');
  const path = resolve(baseDir, file.trim());
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw problem(`cannot read apiSecretFile ${path} (${describeCode(error)})`);
  }
  if (text === '') throw problem(`apiSecretFile ${path} is empty`);
  return text;
}

function accountFromEntry(name: string, value: unknown, baseDir: string, where: string): Account {
  const problem: Problem = (message) => new ConfigError(`${where}: account "${name}": ${message}`);
  if (!ACCOUNT_NAME.test(name)) throw problem('names may use letters, digits, "_", "-" and "." (1-64 characters)');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem('must be an object');
  const entry = value as Record<string, unknown>;
  const unknown = Object.keys(entry).filter((key) => !['apiSecret', 'apiSecretFile', 'apiKey'].includes(key));
  if (unknown.length > 0) throw problem(`unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}`);
  const apiKey = entry['apiKey'];
  if (apiKey !== undefined && typeof apiKey !== 'string') throw problem('"apiKey" must be a string');
  const secret = secretText(entry, baseDir, problem);
  registerSecret(secret);
  try {
    const key = loadSigningKey(secret, apiKey);
    registerKey(key);
    return new Account(name, key);
  } catch (error) {
    // KeyError texts name the variable and at most the derived public key; point them at this account instead.
    if (error instanceof KeyError) {
      throw problem(
        error.message.replaceAll('BACKPACK_API_SECRET', 'the secret').replaceAll('BACKPACK_API_KEY', '"apiKey"'),
      );
    }
    throw problem('the secret could not be loaded');
  }
}

/** Account files hold secrets: say so when group or others can read one (POSIX only). */
function permissionWarning(path: string): string | null {
  if (process.platform === 'win32') return null;
  try {
    return (statSync(path).mode & 0o077) !== 0 ? `${path} is readable by group/others; chmod 600 it` : null;
  } catch {
    return null;
  }
}

export function parseAccountsFile(path: string, warnings: string[] = []): Accounts {
  const where = `GATEWAY_ACCOUNTS_FILE (${path})`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${where}: cannot read the file (${describeCode(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse messages can quote the text around the error, which may be a secret.
    throw new ConfigError(`${where}: not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(
      `${where}: must be an object of { "<account name>": { "apiSecret" | "apiSecretFile", "apiKey"? } }`,
    );
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw new ConfigError(`${where}: defines no accounts`);
  const warning = permissionWarning(path);
  if (warning) warnings.push(warning);
  const baseDir = dirname(resolve(path));
  return collection(
    entries.map(([name, value]) => accountFromEntry(name, value, baseDir, where)),
    'file',
  );
}

/**
 * The accounts of this gateway. `config.key` (BACKPACK_API_SECRET[_FILE]) becomes the account `default`;
 * GATEWAY_ACCOUNTS_FILE replaces it with several named ones. Setting both is ambiguous and refused.
 */
export function loadAccounts(env: Env, config: Pick<Config, 'key'>, warnings: string[] = []): Accounts {
  const file = readSetting(env, 'GATEWAY_ACCOUNTS_FILE');
  if (file !== undefined) {
    if (config.key !== undefined) {
      throw new ConfigError(
        'set either BACKPACK_API_SECRET / BACKPACK_API_SECRET_FILE or GATEWAY_ACCOUNTS_FILE, not both',
      );
    }
    return parseAccountsFile(file, warnings);
  }
  if (config.key === undefined) return collection([], 'none');
  registerKey(config.key);
  return collection([new Account(DEFAULT_ACCOUNT, config.key)], 'environment');
}
