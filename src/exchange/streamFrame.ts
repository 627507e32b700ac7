// Backpack WebSocket frames: lossless JSON parsing, frame classification and stream-name rules.
import { parseJsonLossless, tagOrigin } from './wireJson.ts';

/** A parsed stream payload (single-letter wire keys). */
export type StreamPayload = { readonly [key: string]: unknown };

/** One upstream data frame, parsed once and shared (same object) by every listener of the stream. */
export interface StreamMessage {
  readonly stream: string;
  readonly data: StreamPayload;
}

/** An exchange error frame `{"id":null,"error":{code,message}}` (4002 parse, 4003 signature, 4006 stream, 4008 depth window). */
export interface StreamError {
  readonly code: number;
  readonly message: string;
}

export type Frame =
  | { readonly kind: 'data'; readonly message: StreamMessage }
  | { readonly kind: 'error'; readonly error: StreamError }
  | { readonly kind: 'unknown'; readonly reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// RFQ ids are >2^53 in practice; make them strings even when a small one slips through so the type is stable.
const RFQ_ID_KEYS = ['R', 'u'] as const;

/** Classifies one text frame. Never throws: malformed input becomes `unknown` with a reason. */
export function parseFrame(text: string): Frame {
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch {
    return { kind: 'unknown', reason: 'not JSON' };
  }
  if (!isRecord(value)) return { kind: 'unknown', reason: 'not an object' };
  const { stream, data, error } = value;
  if (typeof stream === 'string' && isRecord(data)) {
    if (stream.startsWith('account.rfqUpdate')) {
      for (const key of RFQ_ID_KEYS) {
        const id = data[key];
        if (typeof id === 'number') data[key] = String(id);
      }
    }
    tagOrigin(data, `stream ${stream}`);
    return { kind: 'data', message: Object.freeze({ stream, data }) };
  }
  if (isRecord(error)) {
    const code = typeof error.code === 'number' ? error.code : Number(error.code);
    const message = typeof error.message === 'string' ? error.message : JSON.stringify(error.message ?? null);
    return { kind: 'error', error: { code: Number.isFinite(code) ? code : 0, message } };
  }
  return { kind: 'unknown', reason: 'neither a data envelope nor an error frame' };
}

/** `account.*` streams need a signed SUBSCRIBE frame. */
export function isPrivateStream(stream: string): boolean {
  return stream.startsWith('account.');
}

const PUBLIC_TYPES = new Set([
  'bookTicker',
  'depth',
  'kline',
  'liquidation',
  'markPrice',
  'ticker',
  'openInterest',
  'trade',
  'externalTicker',
  'stockPrice',
]);
const PRIVATE_TYPES = new Set(['orderUpdate', 'positionUpdate', 'rfqUpdate', 'balanceUpdate']);
const DEPTH_WINDOWS = new Set(['200ms', '600ms', '1000ms']);

/** Whether the stream's type (first segment, or `account.<type>`) is one the exchange serves (symbols unchecked). */
export function isKnownStreamType(stream: string): boolean {
  const [head, second] = stream.split('.', 2);
  if (head === 'account') return second !== undefined && PRIVATE_TYPES.has(second);
  return head !== undefined && PUBLIC_TYPES.has(head);
}

/** `depth.<x>.<symbol>` whose `<x>` looks like a window but is not one of 200ms/600ms/1000ms (error 4008). */
export function hasInvalidDepthWindow(stream: string): boolean {
  const match = /^depth\.(\d+ms)\./.exec(stream);
  return match !== null && !DEPTH_WINDOWS.has(match[1] ?? '');
}

/**
 * Which of the streams in the most recent SUBSCRIBE frames an error frame most likely refers to. The exchange names
 * no stream in its errors and sends no acks, so this uses the catalog; an empty result means "not identifiable".
 */
export function streamsBlamedFor(
  error: StreamError,
  recent: { readonly publicStreams: readonly string[]; readonly signedStreams: readonly string[] },
): string[] {
  const all = [...recent.publicStreams, ...recent.signedStreams];
  switch (error.code) {
    case 4003:
      // One signature covers the whole signed frame, so every stream in it failed.
      return [...recent.signedStreams];
    case 4006: {
      const unknown = all.filter((stream) => !isKnownStreamType(stream));
      return unknown.length > 0 ? unknown : all.length === 1 ? all : [];
    }
    case 4008: {
      const invalid = all.filter(hasInvalidDepthWindow);
      return invalid.length > 0 ? invalid : [];
    }
    default:
      return [];
  }
}
