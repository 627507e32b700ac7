// One HTTP exchange with Backpack (timeout, abort, network errors) and the reading of its answer.
import type { EndpointDef } from './endpoint.ts';
import { answerKind, ExchangeError, isNotSentCode, isTransientStatus, parseErrorBody } from './errors.ts';
import { endpointLabel } from './prepare.ts';
import { parseRetryAfter } from './retry.ts';
import { UpstreamTimeout, type AnswerHeaders, type HttpSend } from './pool.ts';
import { parseJsonLossless, tagOrigin } from './wireJson.ts';

export interface PageInfo {
  readonly count: number;
  readonly current: number;
  readonly size: number;
  readonly total: number;
}

export interface ResponseWithMeta<Res> {
  /** The parsed body; null for empty successes (202, 204, empty 200). */
  readonly data: Res;
  readonly status: number;
  readonly headers: AnswerHeaders;
  /** From X-PAGE-COUNT / X-CURRENT-PAGE / X-PAGE-SIZE / X-TOTAL when the exchange sent them. */
  readonly page?: PageInfo;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly text: string;
}

export interface SendInput {
  readonly send: HttpSend;
  readonly def: EndpointDef<unknown, unknown>;
  /** `scheme://host[:port]` of the exchange, and the rest of the URL (path and query). */
  readonly origin: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The errno of a failed fetch (undici hides it in `cause`), when there is one. */
function networkCode(cause: unknown): string | undefined {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause;
  return typeof inner?.code === 'string' ? inner.code : undefined;
}

/** A short, secret-free reason for a failed fetch. */
function describeNetworkFailure(cause: unknown): string {
  const code = networkCode(cause);
  if (code !== undefined) return code;
  const inner = (cause as { cause?: { message?: unknown } } | null)?.cause;
  if (typeof inner?.message === 'string') return inner.message;
  return cause instanceof Error ? cause.message : 'fetch failed';
}

/**
 * Sends once with its own timeout (the body is read inside it too). Throws ExchangeError kind `timeout`, `network`
 * or `notSent` (the connection failed before the request was written), or the caller's abort reason unchanged.
 */
export async function sendOnce(input: SendInput): Promise<RawResponse> {
  const { def, signal } = input;
  if (signal?.aborted) throw signal.reason;
  try {
    return await input.send(input.origin, input.path, {
      method: def.method,
      headers: input.headers,
      body: input.body,
      signal,
      timeoutMs: input.timeoutMs,
    });
  } catch (cause) {
    // Without an answer a write may or may not have happened: only GETs are safe to repeat.
    const retryable = def.method === 'GET';
    if (cause instanceof UpstreamTimeout) {
      const message = `no answer within ${input.timeoutMs} ms`;
      throw new ExchangeError({ kind: 'timeout', endpoint: endpointLabel(def), message, retryable });
    }
    if (signal?.aborted) throw signal.reason;
    const message = `network error: ${describeNetworkFailure(cause)}`;
    if (isNotSentCode(networkCode(cause))) {
      throw new ExchangeError({ kind: 'notSent', endpoint: endpointLabel(def), message, retryable: true, cause });
    }
    throw new ExchangeError({ kind: 'network', endpoint: endpointLabel(def), message, retryable, cause });
  }
}

/** Answers that, from an endpoint no independent client confirms, say more about the endpoint than the request. */
const UNCONFIRMED_REFUSALS = new Set([401, 403, 404]);

/** The ExchangeError for a non-2xx answer, or undefined for a success. */
export function httpError(
  def: EndpointDef<unknown, unknown>,
  raw: RawResponse,
  nowMs: number,
): ExchangeError | undefined {
  if (raw.status >= 200 && raw.status <= 299) return undefined;
  const { code, message } = parseErrorBody(raw.status, raw.text);
  // A non-GET that failed with 5xx may still have taken effect; only a 429 surely did not.
  const retryable = def.method === 'GET' ? isTransientStatus(raw.status) : raw.status === 429;
  const retryAfterMs = parseRetryAfter(raw.headers.get('retry-after'), nowMs);
  const refused = def.status === 'unconfirmed' && UNCONFIRMED_REFUSALS.has(raw.status);
  return new ExchangeError({
    kind: refused ? 'unconfirmedRefused' : answerKind(raw.status, code, message),
    endpoint: endpointLabel(def),
    status: raw.status,
    code,
    message: refused
      ? `${message} (this endpoint is in no independent client: it may not exist or not be open to API keys)`
      : message,
    retryable,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

function pageHeader(headers: AnswerHeaders, name: string): number | undefined {
  const value = headers.get(name);
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function readPage(headers: AnswerHeaders): PageInfo | undefined {
  const count = pageHeader(headers, 'x-page-count');
  // Most answers are not paginated: one header look-up settles it.
  if (count === undefined) return undefined;
  const current = pageHeader(headers, 'x-current-page');
  const size = pageHeader(headers, 'x-page-size');
  const total = pageHeader(headers, 'x-total');
  if (current === undefined || size === undefined || total === undefined) return undefined;
  return { count, current, size, total };
}

/** Parses a 2xx answer by the row's response kind; empty bodies (200, 202, 204) become null. */
export function readSuccess(def: EndpointDef<unknown, unknown>, raw: RawResponse): ResponseWithMeta<unknown> {
  const page = readPage(raw.headers);
  const meta = { status: raw.status, headers: raw.headers, ...(page ? { page } : {}) };
  if (raw.status === 202 || raw.status === 204 || def.response === 'empty' || raw.text.trim() === '') {
    return { ...meta, data: null };
  }
  if (def.response === 'text') return { ...meta, data: raw.text };
  try {
    const data = parseJsonLossless(raw.text);
    tagOrigin(data, endpointLabel(def));
    return { ...meta, data };
  } catch {
    // Truncated or corrupt: transient for reads (retried like a 5xx); for a write, the answer is lost.
    const message = `the exchange answered ${raw.status} with a body that is not JSON`;
    const retryable = def.method === 'GET';
    throw new ExchangeError({
      kind: 'unreadable',
      endpoint: endpointLabel(def),
      status: raw.status,
      message,
      retryable,
    });
  }
}
