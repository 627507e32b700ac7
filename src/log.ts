// The gateway's pino logger: path-based redaction plus a last-line scrub of every registered secret in any encoding
// and of anything shaped like a request signature.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { readSetting } from './config/settings.ts';

export const REDACTED = '[REDACTED]';

/**
 * Fields that never reach a log line. Pino's `*` matches one level only, so the usual nestings are listed; anything
 * missed here is still caught by the scrub below when its value is a registered secret.
 */
export const REDACT_PATHS: readonly string[] = [
  ...[
    'apiSecret',
    'secret',
    'secretKey',
    'seed',
    'privateKey',
    'password',
    'token',
    'accessToken',
    'authorization',
    'Authorization',
    'signature',
    'cookie',
    'connectionParams',
  ].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...[
    'x-signature',
    'X-Signature',
    'x-api-key',
    'X-API-Key',
    'authorization',
    'Authorization',
    'cookie',
    'set-cookie',
  ].flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`, `*.*.headers["${header}"]`]),
];

/** Gateway tokens minted by src/security/mintToken.ts carry this prefix, so they are recognisable anywhere. */
export const TOKEN_PREFIX = 'bpg_';

const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const MINTED_TOKEN = new RegExp(`${TOKEN_PREFIX}[A-Za-z0-9_-]{16,}`, 'g');
/**
 * Request signatures are made per call, so they are never registered: anything shaped like a 64-byte ED25519
 * signature is scrubbed instead — base64 with its `==` (also URL-encoded), unpadded base64 / base64url, and hex.
 * (The last base64 character of 64 bytes carries 2 bits, so it is one of A, Q, g, w.)
 */
const SIGNATURE_SHAPES: readonly RegExp[] = [
  /[A-Za-z0-9+/]{85}[AQgw](?:==|%3D%3D)/g,
  /(?:[A-Za-z0-9]|%2[BbFf]){85}[AQgw]%3D%3D/g,
  /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{85}[AQgw](?![A-Za-z0-9+/=_-])/g,
  /(?<![0-9A-Fa-f])[0-9A-Fa-f]{128}(?![0-9A-Fa-f])/g,
];
// Shorter values would scrub innocent text; real secrets (32-byte seeds, tokens) are far longer.
const MIN_SECRET_LENGTH = 12;

const secretForms = new Set<string>();
let sortedForms: string[] = [];

/** Base64 of the bytes without padding and without a trailing partial character, which depends on what follows. */
function base64Core(bytes: Buffer, url: boolean): string {
  const text = bytes.toString(url ? 'base64url' : 'base64').replace(/=+$/, '');
  return bytes.length % 3 === 0 ? text : text.slice(0, -1);
}

function bytesForms(bytes: Buffer): string[] {
  const base64 = base64Core(bytes, false);
  return [
    base64,
    base64Core(bytes, true),
    encodeURIComponent(base64),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
  ];
}

/** Decodes a string that is plainly base64/base64url or hex, so the same secret is also caught in its other encodings. */
function decodeText(value: string): Buffer | null {
  if (/^[0-9a-fA-F]+$/.test(value) && value.length % 2 === 0) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return Buffer.from(value, 'base64');
  if (/^[A-Za-z0-9_-]+$/.test(value)) return Buffer.from(value, 'base64url');
  return null;
}

/**
 * Remembers a secret so no log line can carry it: raw text, base64, base64url, URL-encoded base64 and hex of its
 * bytes (for text: of its UTF-8 and, when it is base64 or hex, of what it decodes to). Call for every key seed and API
 * secret at startup, and for each gateway token once a client presented it (the process only stores hashes).
 */
export function registerSecret(value: string | Uint8Array): void {
  const forms: string[] = [];
  if (typeof value === 'string') {
    const text = value.trim();
    forms.push(text, ...bytesForms(Buffer.from(text, 'utf8')));
    const bytes = decodeText(text);
    if (bytes && bytes.length >= 16) forms.push(...bytesForms(bytes));
  } else {
    forms.push(...bytesForms(Buffer.from(value)));
  }
  for (const form of forms) if (form.length >= MIN_SECRET_LENGTH) secretForms.add(form);
  sortedForms = [...secretForms].sort((a, b) => b.length - a.length);
}

/** Replaces registered secrets, bearer credentials, minted gateway tokens and signature-shaped values in any text. */
export function scrubSecrets(text: string): string {
  let out = text;
  for (const form of sortedForms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  out = out.replace(BEARER, `$1 ${REDACTED}`).replace(MINTED_TOKEN, REDACTED);
  for (const shape of SIGNATURE_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}

export interface LoggerSettings {
  /** pino level; default `LOG_LEVEL` or `info`. */
  readonly level?: string;
  /** Where lines go (default stdout); tests pass a capturing stream. */
  readonly destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? readSetting(process.env, 'LOG_LEVEL'),
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    // The last line of defence: runs on the serialized line, so it also covers messages, error texts and stacks.
    hooks: { streamWrite: scrubSecrets },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}
