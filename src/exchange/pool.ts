// The HTTP transport of the REST clients: one undici keep-alive pool per gateway (connections reused across calls,
// no WHATWG Request/Response objects per call), or an injected `fetch` (tests record requests with it).
import { Agent, type Dispatcher } from 'undici';

/** The answer headers the client reads (retry-after, pagination) and the shared cache stores; `Headers` satisfies it. */
export interface AnswerHeaders {
  get(name: string): string | null;
  /** Every header as [lower-case name, value]. */
  entries(): IterableIterator<[string, string]>;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: AnswerHeaders;
  readonly text: string;
}

export interface HttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /** The caller's signal: aborting it rejects the send with its reason. */
  readonly signal: AbortSignal | undefined;
  /** The whole exchange (answer and body read) must be over within this many ms, else it fails with UpstreamTimeout. */
  readonly timeoutMs: number;
}

/** The send's own timeout passed (the request is aborted). */
export class UpstreamTimeout extends Error {
  override readonly name = 'UpstreamTimeout';
}

/**
 * Sends one request to `origin` + `path` (path with its query) and reads its whole body. Rejects with
 * UpstreamTimeout after `timeoutMs`, with the signal's reason when the caller aborts, and otherwise like `fetch`
 * does (a TypeError whose `cause` carries the errno), so not-sent connection errors are classified the same way for
 * both transports.
 */
export type HttpSend = (origin: string, path: string, request: HttpRequest) => Promise<HttpAnswer>;

/** Pool sizing: sockets per exchange origin (requests beyond wait for one) and how long an idle one is kept. */
const CONNECTIONS_PER_ORIGIN = 64;
const KEEP_ALIVE_MS = 30_000;

export function createUpstreamAgent(): Agent {
  return new Agent({
    connections: CONNECTIONS_PER_ORIGIN,
    keepAliveTimeout: KEEP_ALIVE_MS,
    keepAliveMaxTimeout: KEEP_ALIVE_MS,
  });
}

class RecordHeaders implements AnswerHeaders {
  constructor(private readonly raw: Readonly<Record<string, string | string[] | undefined>>) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of Object.entries(this.raw)) {
      if (value !== undefined) yield [name, Array.isArray(value) ? value.join(', ') : value];
    }
  }
}

function timeOut(answer: PooledAnswer, timeoutMs: number): void {
  answer.fail(new UpstreamTimeout(`no answer within ${timeoutMs} ms`));
}

/**
 * One request on the pool, as an undici dispatch handler: collects the body's chunks itself (no stream, no
 * AbortController per call), owns the timeout and listens to the caller's signal (`handleEvent`).
 */
class PooledAnswer implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  /** Why the request must stop, when that was decided before undici handed over its controller. */
  private abortReason: Error | undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  private readonly chunks: Buffer[] = [];
  private readonly timer: NodeJS.Timeout;
  private settled = false;

  constructor(
    private readonly resolve: (answer: HttpAnswer) => void,
    private readonly reject: (error: unknown) => void,
    private readonly signal: AbortSignal | undefined,
    timeoutMs: number,
  ) {
    this.timer = setTimeout(timeOut, timeoutMs, this, timeoutMs);
    signal?.addEventListener('abort', this, { once: true });
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.fail(this.signal?.reason);
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.finish();
    this.reject(error);
    const reason = error instanceof Error ? error : new Error('aborted');
    if (this.controller !== undefined) this.controller.abort(reason);
    else this.abortReason = reason;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.abortReason !== undefined) controller.abort(this.abortReason);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx answers are informational: the final one follows.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headers = headers;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.finish();
    const body = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const text = body.toString('utf8');
    this.resolve({
      status: this.status,
      headers: new RecordHeaders(this.headers),
      // A leading byte-order mark is not part of the text (as `fetch`'s text() reads it).
      text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settled) return;
    this.fail(this.signal?.aborted ? this.signal.reason : new TypeError('fetch failed', { cause: error }));
  }

  private finish(): void {
    this.settled = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this);
  }
}

/** Requests through an undici dispatcher (the gateway's keep-alive pool). */
export function pooledSend(dispatcher: Dispatcher): HttpSend {
  return (origin, path, request) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      if (request.signal?.aborted) {
        reject(request.signal.reason);
        return;
      }
      const answer = new PooledAnswer(resolve, reject, request.signal, request.timeoutMs);
      dispatcher.dispatch(
        {
          origin,
          path,
          method: request.method as Dispatcher.HttpMethod,
          headers: request.headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        },
        answer,
      );
    });
}

/** Requests through a `fetch` implementation (an injected one in tests), with the same timeout and abort contract. */
export function fetchSend(fetchFn: typeof fetch): HttpSend {
  return async (origin, path, request) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    const forwardAbort = (): void => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await fetchFn(`${origin}${path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: controller.signal,
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (cause) {
      if (timedOut) throw new UpstreamTimeout(`no answer within ${request.timeoutMs} ms`);
      if (request.signal?.aborted) throw request.signal.reason;
      throw cause;
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', forwardAbort);
    }
  };
}

let processAgent: Agent | undefined;

/** For clients built without a transport (scripts, benches): one lazily created pool for the process. */
export function defaultSend(): HttpSend {
  processAgent ??= createUpstreamAgent();
  return pooledSend(processAgent);
}
