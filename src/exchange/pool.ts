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
  readonly signal: AbortSignal;
}

/**
 * Sends one request and reads its whole body. Failures reject like `fetch` does (a TypeError whose `cause` carries
 * the errno), so timeouts, aborts and not-sent connection errors are classified the same way for both transports.
 */
export type HttpSend = (url: string, request: HttpRequest) => Promise<HttpAnswer>;

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

/** Requests through an undici dispatcher (the gateway's keep-alive pool). */
export function pooledSend(dispatcher: Dispatcher): HttpSend {
  return async (url, request) => {
    const target = new URL(url);
    try {
      const answer = await dispatcher.request({
        origin: target.origin,
        path: `${target.pathname}${target.search}`,
        method: request.method as Dispatcher.HttpMethod,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: request.signal,
      });
      return { status: answer.statusCode, headers: new RecordHeaders(answer.headers), text: await answer.body.text() };
    } catch (cause) {
      if (request.signal.aborted) throw request.signal.reason;
      throw new TypeError('fetch failed', { cause });
    }
  };
}

/** Requests through a `fetch` implementation (an injected one in tests). */
export function fetchSend(fetchFn: typeof fetch): HttpSend {
  return async (url, request) => {
    const response = await fetchFn(url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: request.signal,
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}

let processAgent: Agent | undefined;

/** For clients built without a transport (scripts, benches): one lazily created pool for the process. */
export function defaultSend(): HttpSend {
  processAgent ??= createUpstreamAgent();
  return pooledSend(processAgent);
}
