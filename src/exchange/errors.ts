// The one error type the REST client throws: what failed, where, and whether repeating it can help.

export type ExchangeErrorKind = 'http' | 'network' | 'timeout' | 'rateLimited' | 'invalidRequest';

export interface ExchangeErrorInit {
  readonly kind: ExchangeErrorKind;
  /** `METHOD /path`, e.g. `POST /api/v1/order`; never the query string or headers. */
  readonly endpoint: string;
  readonly message: string;
  readonly status?: number;
  readonly code?: string | null;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
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

  constructor(init: ExchangeErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    if (init.status !== undefined) this.status = init.status;
    this.code = init.code ?? null;
    this.retryable = init.retryable ?? false;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
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

/** 429 and 5xx are transient; everything else the exchange answered is final. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}
