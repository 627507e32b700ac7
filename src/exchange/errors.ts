// The one error type the REST client throws: what failed, where, whether the request took effect, whether to repeat it.

/**
 * What kind of failure, decided once in the REST client so that callers decide on kinds and codes, never on text.
 * - `http`: the exchange answered with an error status (see `status` and `code`) and did not act on the request.
 * - `notFound`: the exchange answered that the item does not exist (404, `RESOURCE_NOT_FOUND`, "… not found").
 * - `rateLimited`: 429 from the exchange, or the gateway's own limiter; nothing changed.
 * - `clockRejected`: the exchange refused the signed timestamp (expired or in the future); nothing changed.
 * - `notSent`: the request never reached the exchange (connection refused, unknown host); nothing changed.
 * - `network`, `timeout`, `unreadable`: a read lost its answer (reset, no answer in time, a 2xx body that does not
 *   parse); reads change nothing, so these are retried.
 * - `outcomeUnknown`: a write was sent but its answer was lost (timeout, reset, 5xx, unreadable answer): it may or
 *   may not have taken effect, so it must be looked up, never repeated blindly.
 * - `invalidRequest`: the gateway refused the parameters before sending.
 * - `noKey`: a signed endpoint was called without an API key configured.
 * - `sessionOnly`: the exchange serves this endpoint only to logged-in web sessions; API keys cannot call it.
 * - `unconfirmedRefused`: an endpoint no independent client uses answered 401, 403 or 404: it may not exist or not be
 *   open to API keys (rather than the keys or the request being wrong); nothing changed.
 */
export type ExchangeErrorKind =
  | 'http'
  | 'notFound'
  | 'rateLimited'
  | 'clockRejected'
  | 'notSent'
  | 'network'
  | 'timeout'
  | 'unreadable'
  | 'outcomeUnknown'
  | 'invalidRequest'
  | 'noKey'
  | 'sessionOnly'
  | 'unconfirmedRefused';

export interface ExchangeErrorInit {
  readonly kind: ExchangeErrorKind;
  /** `METHOD /path`, e.g. `POST /api/v1/order`; never the query string or headers. */
  readonly endpoint: string;
  readonly message: string;
  readonly status?: number;
  readonly code?: string | null;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
  /** The request parameter the exchange's answer names (`price`, `quantity` …), when it names one. */
  readonly field?: string | null;
  /** For `outcomeUnknown`: local time after which the exchange no longer accepts the request (its signed window). */
  readonly expiresAt?: number;
  readonly cause?: unknown;
}

/** Plain-text error bodies can be whole HTML pages; keep enough to diagnose. */
const MAX_TEXT_MESSAGE = 200;

export class ExchangeError extends Error {
  override readonly name = 'ExchangeError';
  readonly kind: ExchangeErrorKind;
  readonly endpoint: string;
  /** HTTP status when the exchange answered (also 429 for upstream rate limiting). */
  readonly status?: number;
  /** The exchange's `code` (`INSUFFICIENT_FUNDS` …); null when the body had none (plain text, client-side errors). */
  readonly code: string | null;
  /**
   * Whether sending the same request again is safe and may succeed. Transient failures of GETs are retryable;
   * for POST/PATCH/DELETE only failures where the request surely had no effect (429, client-side limiter) are.
   */
  readonly retryable: boolean;
  /** How long to wait before trying again, when known (Retry-After on a 429, or the limiter's next free slot). */
  readonly retryAfterMs?: number;
  readonly field: string | null;
  readonly expiresAt?: number;

  constructor(init: ExchangeErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    if (init.status !== undefined) this.status = init.status;
    this.code = init.code ?? null;
    this.retryable = init.retryable ?? false;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    // Answers and local refusals may name a parameter; other kinds carry no exchange text to read it from.
    const named = init.kind === 'http' || init.kind === 'invalidRequest';
    this.field = init.field !== undefined ? init.field : named ? answerField(this.code, init.message) : null;
    if (init.expiresAt !== undefined) this.expiresAt = init.expiresAt;
  }

  /** True when the exchange surely did not act on the request (everything but `outcomeUnknown`). */
  get unchanged(): boolean {
    return this.kind !== 'outcomeUnknown';
  }
}

/** `code` and `message` of an error body: Backpack's JSON `{code, message}` or a plain-text framework error. */
export function parseErrorBody(status: number, text: string): { code: string | null; message: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed !== null && typeof parsed === 'object') {
        const { code, message } = parsed as { code?: unknown; message?: unknown };
        return {
          code: typeof code === 'string' ? code : null,
          message: typeof message === 'string' && message !== '' ? message : `HTTP ${status}`,
        };
      }
    } catch {
      // Not JSON after all: fall through to the plain-text rendering.
    }
  }
  if (trimmed === '') return { code: null, message: `HTTP ${status}` };
  const message = trimmed.length > MAX_TEXT_MESSAGE ? `${trimmed.slice(0, MAX_TEXT_MESSAGE)}…` : trimmed;
  return { code: null, message };
}

/**
 * A write's failure as what is known about its effect: a lost answer (no answer, reset, 5xx, unreadable body) means
 * the exchange may have acted, so it becomes `outcomeUnknown`; `expiresAt` is when the signed request stops being
 * acceptable, after which a look-up that does not find it is final.
 */
export function asWriteFailure(error: ExchangeError, expiresAt: number): ExchangeError {
  const lost =
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'unreadable' ||
    (error.kind === 'http' && error.status !== undefined && error.status >= 500);
  if (!lost) return error;
  return new ExchangeError({
    kind: 'outcomeUnknown',
    endpoint: error.endpoint,
    message: `${error.message}; the exchange may or may not have acted on the request`,
    ...(error.status !== undefined ? { status: error.status } : {}),
    code: error.code,
    expiresAt,
    cause: error,
  });
}

/** 429 and 5xx are transient; everything else the exchange answered is final. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

// The exchange has no code of its own for these answers (it sends `INVALID_CLIENT_REQUEST` or plain text), so the
// message is the only signal; it is read here, once, and turned into a kind.
const NOT_FOUND_MESSAGE = /\bnot found\b/i;
const TIMESTAMP_MESSAGE = /request has expired|expired request|timestamp|\bwindow\b/i;
const GENERIC_CODES = new Set(['INVALID_CLIENT_REQUEST']);

/** The kind of a non-2xx answer: by status and code first, by message only where the exchange gives no code. */
export function answerKind(status: number, code: string | null, message: string): ExchangeErrorKind {
  if (status === 429 || code === 'TOO_MANY_REQUESTS') return 'rateLimited';
  if (status === 404 || code === 'RESOURCE_NOT_FOUND') return 'notFound';
  const generic = code === null || GENERIC_CODES.has(code);
  if ((status === 400 || status === 401) && generic && TIMESTAMP_MESSAGE.test(message)) return 'clockRejected';
  if (status === 400 && generic && NOT_FOUND_MESSAGE.test(message)) return 'notFound';
  return 'http';
}

const ORDER_FIELDS = [
  'triggerQuantity',
  'triggerPrice',
  'quoteQuantity',
  'quantity',
  'price',
  'clientId',
  'timeInForce',
  'postOnly',
  'reduceOnly',
  'symbol',
  'side',
  'orderType',
] as const;

const FIELD_CODES: Readonly<Record<string, string>> = {
  INVALID_PRICE: 'price',
  INVALID_QUANTITY: 'quantity',
  INVALID_SYMBOL: 'symbol',
  INVALID_MARKET: 'symbol',
};

/** The request parameter an answer names: by code, else the first parameter name its message mentions. */
export function answerField(code: string | null, message: string): string | null {
  const byCode = code === null ? undefined : FIELD_CODES[code];
  if (byCode !== undefined) return byCode;
  const lower = message.toLowerCase();
  for (const field of ORDER_FIELDS) if (lower.includes(field.toLowerCase())) return field;
  return null;
}

/** Connection failures that happen before a byte of the request is written: the exchange cannot have seen it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether a failed fetch's errno (as undici reports it in `cause.code`) means nothing was sent. */
export function isNotSentCode(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}
