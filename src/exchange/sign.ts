// Backpack's signing string and ED25519 signatures (tweetnacl): the one place that must be byte-exact.
import nacl from 'tweetnacl';

/** A request parameter value as it appears in the query or JSON body. */
export type SignableValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | undefined
  | readonly (string | number | boolean)[]
  | { readonly [key: string]: unknown };

export type SignableParams = Readonly<Record<string, SignableValue>>;

export interface SigningKey {
  /** base64 of the 32-byte public key: the `X-API-Key` header. */
  readonly apiKey: string;
  /** tweetnacl's 64-byte secret key (seed ‖ public key). Never logged. */
  readonly secretKey: Uint8Array;
}

export class KeyError extends Error {
  override readonly name = 'KeyError';
}

function decodeBase64Strict(value: string, what: string): Uint8Array {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new KeyError(`${what} is not valid base64`);
  }
  return new Uint8Array(Buffer.from(trimmed, 'base64'));
}

/**
 * Builds the signing key from BACKPACK_API_SECRET (base64 of the 32-byte seed or the 64-byte secret key).
 * When an API key is also given it must be the public key derived from the secret.
 */
export function loadSigningKey(secretBase64: string, expectedApiKey?: string): SigningKey {
  const raw = decodeBase64Strict(secretBase64, 'BACKPACK_API_SECRET');
  if (raw.length !== 32 && raw.length !== 64) {
    throw new KeyError(`BACKPACK_API_SECRET must decode to 32 or 64 bytes, got ${raw.length}`);
  }
  const pair = nacl.sign.keyPair.fromSeed(raw.subarray(0, 32));
  if (raw.length === 64 && !Buffer.from(raw.subarray(32)).equals(Buffer.from(pair.publicKey))) {
    throw new KeyError('BACKPACK_API_SECRET is a 64-byte key whose public half does not match its seed');
  }
  const apiKey = Buffer.from(pair.publicKey).toString('base64');
  if (expectedApiKey !== undefined && expectedApiKey.trim() !== '' && expectedApiKey.trim() !== apiKey) {
    throw new KeyError(
      `BACKPACK_API_KEY does not match the public key derived from BACKPACK_API_SECRET (derived ${apiKey})`,
    );
  }
  return { apiKey, secretKey: pair.secretKey };
}

function renderScalar(value: string | number | bigint | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot sign non-finite number ${value}`);
    // Integers only reach here (decimals travel as strings); avoid exponent notation for large ones.
    return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  }
  return String(value);
}

/** `key=value` pairs of one parameter group, sorted by key, absent and null values omitted. */
export function renderParams(params: SignableParams | undefined): string[] {
  if (!params) return [];
  const pairs: string[] = [];
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      // Repeated query keys: one pair per element, in order (the exchange does not specify this; see README).
      for (const item of value) pairs.push(`${key}=${renderScalar(item as string | number | boolean)}`);
    } else if (typeof value === 'object') {
      pairs.push(`${key}=${JSON.stringify(value)}`);
    } else {
      pairs.push(`${key}=${renderScalar(value as string | number | bigint | boolean)}`);
    }
  }
  return pairs;
}

/**
 * The exact string Backpack verifies: `instruction=<name>&<sorted params>&timestamp=<ms>&window=<ms>`.
 * An array of groups (batch orders) repeats `instruction=<name>&…` once per group.
 */
export function signingString(
  instruction: string,
  params: SignableParams | readonly SignableParams[] | undefined,
  timestamp: number,
  window: number,
): string {
  const groups: readonly (SignableParams | undefined)[] = Array.isArray(params)
    ? params
    : [params as SignableParams | undefined];
  const head = groups.map((group) => [`instruction=${instruction}`, ...renderParams(group)].join('&')).join('&');
  return `${head}&timestamp=${timestamp}&window=${window}`;
}

/** base64 ED25519 signature of a UTF-8 string. */
export function signMessage(message: string, key: SigningKey): string {
  const signature = nacl.sign.detached(new TextEncoder().encode(message), key.secretKey);
  return Buffer.from(signature).toString('base64');
}

export interface AuthHeaders {
  readonly 'X-API-Key': string;
  readonly 'X-Signature': string;
  readonly 'X-Timestamp': string;
  readonly 'X-Window': string;
}

/** Signs one request: the four headers Backpack expects. */
export function signInstruction(
  key: SigningKey,
  instruction: string,
  params: SignableParams | readonly SignableParams[] | undefined,
  timestamp: number,
  window: number,
): AuthHeaders {
  const message = signingString(instruction, params, timestamp, window);
  return {
    'X-API-Key': key.apiKey,
    'X-Signature': signMessage(message, key),
    'X-Timestamp': String(timestamp),
    'X-Window': String(window),
  };
}
