// Backpack's signing string and ED25519 signatures: the one place that must be byte-exact.
// Signing runs on node:crypto (OpenSSL, ~0.05 ms a signature) instead of tweetnacl (3–6 ms on the event loop);
// tweetnacl stays the reference: it derives the public key, and a test checks both sign identically.
import { createPrivateKey, sign as ed25519Sign, type KeyObject } from 'node:crypto';
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
  /** The same seed as a node:crypto key object, built once per account: what signs on the hot path. */
  readonly privateKey: KeyObject;
}

// PKCS#8 DER header of an Ed25519 private key (RFC 8410): the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** node:crypto's key object for a 32-byte Ed25519 seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
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
  return { apiKey, secretKey: pair.secretKey, privateKey: ed25519PrivateKey(pair.secretKey.subarray(0, 32)) };
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

/** The text of one parameter value (objects as JSON). */
function renderValue(value: Exclude<SignableValue, null | undefined | readonly unknown[]>): string {
  return typeof value === 'object' ? JSON.stringify(value) : renderScalar(value);
}

/**
 * `&key=value` for every pair of one parameter group, sorted by key, absent and null values omitted: appended to one
 * string, as the signing string is built for every signed call.
 */
function pairsText(params: SignableParams | undefined): string {
  if (!params) return '';
  let text = '';
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      // Repeated query keys: one pair per element, in order (the exchange does not specify this; see README).
      for (const item of value) text += `&${key}=${renderScalar(item as string | number | boolean)}`;
    } else {
      text += `&${key}=${renderValue(value as Exclude<SignableValue, null | undefined | readonly unknown[]>)}`;
    }
  }
  return text;
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
  let head = '';
  if (Array.isArray(params)) {
    for (const group of params as readonly SignableParams[]) {
      head += `${head === '' ? '' : '&'}instruction=${instruction}${pairsText(group)}`;
    }
  } else {
    head = `instruction=${instruction}${pairsText(params as SignableParams | undefined)}`;
  }
  return `${head}&timestamp=${timestamp}&window=${window}`;
}

/** base64 ED25519 signature of a UTF-8 string (node:crypto; Ed25519 signatures are deterministic). */
export function signMessage(message: string, key: SigningKey): string {
  return ed25519Sign(null, Buffer.from(message, 'utf8'), key.privateKey).toString('base64');
}

/** The same signature computed by tweetnacl: the reference implementation the fast path is tested against. */
export function signMessageReference(message: string, key: SigningKey): string {
  return Buffer.from(nacl.sign.detached(new TextEncoder().encode(message), key.secretKey)).toString('base64');
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
