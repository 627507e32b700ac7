// BackpackRest: sends endpoint-table requests (signed when needed) with timeouts, GET-only retries, limiter and clock sync.
import type { Config } from '../config.ts';
import { ClockSync } from './clock.ts';
import { deadlineError, deadlineSignal } from './deadline.ts';
import type { EndpointDef, RateClass, RequestOf, ResponseOf } from './endpoint.ts';
import { endpoints, type EndpointName, type EndpointOf } from './endpoints.ts';
import { asWriteFailure, ExchangeError, type ExchangeErrorKind } from './errors.ts';
import { defaultSleep, httpError, readSuccess, sendOnce, type RawResponse, type ResponseWithMeta } from './http.ts';
import { RateLimiter, type RequestLimiter } from './limiter.ts';
import { defaultSend, fetchSend, type HttpSend } from './pool.ts';
import { encodeQuery, endpointLabel, prepareRequest, type PreparedRequest } from './prepare.ts';
import { DEFAULT_BACKOFF, backoffDelay } from './retry.ts';
import { signInstruction, type SigningKey } from './sign.ts';
import { startUpstreamSpan } from './upstreamSpan.ts';

export type { PageInfo, ResponseWithMeta } from './http.ts';

/**
 * Refuses, before anything is sent, what an API-key client can never call: session-only endpoints (the exchange
 * serves them to logged-in web sessions only) and signed endpoints without a key. The one place this rule lives.
 */
export function assertCallable(def: EndpointDef<unknown, unknown>, hasKey: boolean): void {
  const label = endpointLabel(def);
  if (def.auth.kind === 'session') {
    throw new ExchangeError({
      kind: 'sessionOnly',
      endpoint: label,
      message: `${label} is only available to logged-in Backpack web sessions; API keys cannot call it`,
    });
  }
  if (def.auth.kind === 'signed' && !hasKey) {
    throw new ExchangeError({
      kind: 'noKey',
      endpoint: label,
      message: 'no API key configured: set BACKPACK_API_SECRET (or BACKPACK_API_SECRET_FILE) to call signed endpoints',
    });
  }
}

/** What the observability hook sees of one attempt: never headers, parameters or secrets. */
export interface RequestInfo {
  readonly method: string;
  readonly path: string;
  /** 1 for the first send, 2 for the first retry … */
  readonly attempt: number;
  readonly status?: number;
  readonly durationMs: number;
  /** Set when the attempt failed without an HTTP answer, or with an error status. */
  readonly error?: ExchangeErrorKind;
}

export interface BackpackRestOptions {
  readonly baseUrl: string;
  readonly key?: SigningKey;
  /** X-Window in ms (the exchange caps it at 60000). */
  readonly windowMs?: number;
  readonly timeoutMs?: number;
  /**
   * Extra attempts for GETs after a 429, 5xx, network error, timeout or unreadable 2xx. Other methods are re-sent
   * only after a timestamp rejection (once, after a clock resync): the exchange refused those before acting.
   */
  readonly maxRetries?: number;
  /** Budgets for the limiter this instance creates; ignored when `limiter` is given. */
  readonly rateLimit?: {
    readonly perMinute?: number;
    readonly historicalPerMinute?: number;
    readonly maxWaitMs?: number;
  };
  /** Share one limiter between clients of the same account (or, in replica mode, between replicas). */
  readonly limiter?: RequestLimiter;
  /** Correct the signing timestamp by the exchange's clock (GET /api/v1/time). */
  readonly clockSync?: boolean;
  /**
   * The clock offset to sign with, shared by every client of the gateway and its WebSocket signing; by default this
   * client measures its own. Ignored when `clockSync` is false.
   */
  readonly clock?: ClockSync;
  readonly backoff?: { readonly baseMs?: number; readonly capMs?: number };
  /** Test transport: every request goes through this fetch instead of `send`. */
  readonly fetch?: typeof fetch;
  /** The HTTP transport (the gateway passes its keep-alive pool); default: the process's shared pool. */
  readonly send?: HttpSend;
  readonly now?: () => number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random?: () => number;
  readonly onRequest?: (info: RequestInfo) => void;
}

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /**
   * Epoch ms by which the whole call (limiter wait, every attempt, backoff) must be over; past it the call fails
   * with kind `timeout` (`network` when every attempt was refused) instead of starting another wait.
   */
  readonly deadline?: number;
}

/** Retry-After values beyond this are not waited out: the error goes to the caller instead. */
const MAX_RETRY_AFTER_MS = 60_000;

const timeEndpoint = endpoints.getTime;
const pingEndpoint = endpoints.ping;

/** `[params?, options?]` when every parameter is optional, `[params, options?]` otherwise. */
export type CallArgs<N extends EndpointName> =
  Record<string, never> extends RequestOf<EndpointOf<N>>
    ? [params?: RequestOf<EndpointOf<N>>, options?: RequestOptions]
    : [params: RequestOf<EndpointOf<N>>, options?: RequestOptions];

export class BackpackRest {
  /** `scheme://host[:port]` of BACKPACK_API_URL, and the path it may add before every endpoint path. */
  private readonly origin: string;
  private readonly pathPrefix: string;
  private readonly key: SigningKey | undefined;
  private readonly windowMs: number;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly limiter: RequestLimiter;
  private readonly clock: ClockSync | undefined;
  private readonly backoff: { readonly baseMs: number; readonly capMs: number; readonly random: () => number };
  private readonly send: HttpSend;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly onRequest: ((info: RequestInfo) => void) | undefined;

  constructor(options: BackpackRestOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    const split = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)(.*)$/.exec(baseUrl);
    this.origin = split?.[1] ?? baseUrl;
    this.pathPrefix = split?.[2] ?? '';
    this.key = options.key;
    this.windowMs = options.windowMs ?? 5_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.send = options.fetch !== undefined ? fetchSend(options.fetch) : (options.send ?? defaultSend());
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.onRequest = options.onRequest;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff, random: options.random ?? Math.random };
    this.limiter =
      options.limiter ??
      new RateLimiter({
        perMinute: options.rateLimit?.perMinute ?? 2_000,
        historicalPerMinute: options.rateLimit?.historicalPerMinute ?? 30,
        maxWaitMs: options.rateLimit?.maxWaitMs ?? 30_000,
        now: this.now,
      });
    this.clock =
      options.clockSync === false
        ? undefined
        : (options.clock ?? new ClockSync({ now: this.now, fetchServerTime: () => this.fetchServerTime() }));
  }

  static fromConfig(config: Config, overrides: Partial<BackpackRestOptions> = {}): BackpackRest {
    return new BackpackRest({
      baseUrl: config.apiUrl,
      ...(config.key ? { key: config.key } : {}),
      windowMs: config.windowMs,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      rateLimit: {
        perMinute: config.rateLimitPerMin,
        historicalPerMinute: config.historicalRateLimitPerMin,
        maxWaitMs: config.rateLimitMaxWaitMs,
      },
      clockSync: config.clockSync,
      ...overrides,
    });
  }

  /** The API key (public) this client signs with, if any. */
  get apiKey(): string | undefined {
    return this.key?.apiKey;
  }

  /** Requests of one rate class waiting in this client's limiter. */
  queueDepth(rateClass: RateClass): number {
    return this.limiter.pendingIn(rateClass);
  }

  /** Current clock offset to the exchange in ms (0 when clock sync is off or has not run). */
  get clockOffsetMs(): number {
    return this.clock?.offset ?? 0;
  }

  async request<Req, Res>(def: EndpointDef<Req, Res>, params?: Req, options: RequestOptions = {}): Promise<Res> {
    return (await this.requestWithMeta(def, params, options)).data;
  }

  /** Calls a row of the endpoint table by name: `rest.call('getDepth', { symbol: 'SOL_USDC', limit: '100' })`. */
  call<N extends EndpointName>(name: N, ...args: CallArgs<N>): Promise<ResponseOf<EndpointOf<N>>> {
    const [params, options] = args;
    return this.request(endpoints[name] as EndpointDef<unknown, ResponseOf<EndpointOf<N>>>, params, options);
  }

  /** `call` with status, headers and pagination. */
  callWithMeta<N extends EndpointName>(
    name: N,
    ...args: CallArgs<N>
  ): Promise<ResponseWithMeta<ResponseOf<EndpointOf<N>>>> {
    const [params, options] = args;
    return this.requestWithMeta(endpoints[name] as EndpointDef<unknown, ResponseOf<EndpointOf<N>>>, params, options);
  }

  /** GET /api/v1/ping → `pong`. */
  ping(options: RequestOptions = {}): Promise<string> {
    return this.request(pingEndpoint, undefined, options);
  }

  /** GET /api/v1/time as epoch milliseconds. */
  async serverTime(options: RequestOptions = {}): Promise<number> {
    return this.parseTime(await this.request(timeEndpoint, undefined, options));
  }

  async requestWithMeta<Req, Res>(
    def: EndpointDef<Req, Res>,
    params?: Req,
    options: RequestOptions = {},
  ): Promise<ResponseWithMeta<Res>> {
    return this.execute(def as EndpointDef<unknown, unknown>, params, options, this.maxRetries) as Promise<
      ResponseWithMeta<Res>
    >;
  }

  private parseTime(text: string): number {
    const trimmed = String(text).trim();
    if (!/^\d+$/.test(trimmed)) {
      throw new ExchangeError({
        kind: 'unreadable',
        endpoint: endpointLabel(timeEndpoint),
        message: 'unreadable server time',
      });
    }
    return Number(trimmed);
  }

  /** One unretried /time call: a retried one would measure the backoff, not the clock. */
  async fetchServerTime(): Promise<number> {
    const { data } = await this.execute(timeEndpoint, undefined, {}, 0);
    return this.parseTime(data as string);
  }

  private async execute(
    def: EndpointDef<unknown, unknown>,
    params: unknown,
    options: RequestOptions,
    maxRetries: number,
  ): Promise<ResponseWithMeta<unknown>> {
    const { signal, deadline } = options;
    assertCallable(def, this.key !== undefined);
    const prepared = prepareRequest(def, params);
    const label = endpointLabel(def);
    const path = `${this.pathPrefix}${def.path}${encodeQuery(prepared.query)}`;
    const body = prepared.body === undefined ? undefined : JSON.stringify(prepared.body);
    const idempotent = def.method === 'GET';
    const retries = idempotent ? maxRetries : 0;
    let resynced = false;
    const callStarted = this.now();
    for (let attempt = 1, retry = 0; ; attempt++) {
      if (deadline !== undefined && this.now() >= deadline) throw this.overdue(label, callStarted, attempt - 1);
      if (signal?.aborted) throw signal.reason;
      // Budget free and nobody queued: granted at once, without arming a wait bounded by the deadline.
      if (this.limiter.tryAcquire?.(def.rateClass) !== true) {
        await this.acquireBefore(def, label, signal, deadline, callStarted, attempt - 1);
      }
      // Signed after the wait for budget, so the timestamp is fresh for every attempt.
      const headers = await this.headersFor(def, prepared);
      const started = this.now();
      const endSpan = startUpstreamSpan(def.method, def.path, label, attempt);
      let outcome: RawResponse | ExchangeError;
      try {
        const timeoutMs =
          deadline === undefined ? this.timeoutMs : Math.max(1, Math.min(this.timeoutMs, deadline - started));
        outcome = await sendOnce({ send: this.send, def, origin: this.origin, path, headers, body, timeoutMs, signal });
      } catch (error) {
        if (!(error instanceof ExchangeError)) {
          endSpan({ error: 'aborted' });
          throw error; // the caller aborted
        }
        outcome = error;
      }
      const durationMs = this.now() - started;
      let error = outcome instanceof ExchangeError ? outcome : httpError(def, outcome, this.now());
      let result: ResponseWithMeta<unknown> | undefined;
      if (error === undefined) {
        try {
          result = readSuccess(def, outcome as RawResponse);
        } catch (unreadable) {
          if (!(unreadable instanceof ExchangeError)) throw unreadable;
          error = unreadable;
        }
      }
      endSpan({
        ...(outcome instanceof ExchangeError ? {} : { status: outcome.status }),
        ...(error ? { error: error.kind } : {}),
      });
      this.report({
        method: def.method,
        path: def.path,
        attempt,
        ...(outcome instanceof ExchangeError ? {} : { status: outcome.status }),
        durationMs,
        ...(error ? { error: error.kind } : {}),
      });
      if (result !== undefined) return result;
      if (error === undefined) throw new Error('unreachable: neither a result nor an error');

      // The exchange refused the timestamp before acting on anything: resync now and re-sign once, for every method.
      if (error.kind === 'clockRejected' && this.clock && def.auth.kind === 'signed' && !resynced) {
        resynced = true;
        await this.clock.resync();
        continue;
      }
      // A 429 holds the whole account, not just this call (every replica, when the budget is shared).
      if (error.status === 429 && error.retryAfterMs !== undefined) this.limiter.pauseFor?.(error.retryAfterMs);
      const pastDeadline = deadline !== undefined && this.now() >= deadline;
      if (!idempotent) throw asWriteFailure(error, started + this.windowMs);
      if (pastDeadline && (error.kind === 'timeout' || error.kind === 'network')) {
        throw this.overdue(label, callStarted, attempt, error);
      }
      if (!error.retryable || retry >= retries) throw error;
      const retryAfter = error.retryAfterMs;
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) throw error;
      const delay = retryAfter ?? backoffDelay(retry, this.backoff);
      // A retry that could only start after the deadline is not worth the wait.
      if (deadline !== undefined && this.now() + delay >= deadline) {
        throw this.overdue(label, callStarted, attempt, error);
      }
      await this.sleep(delay, signal);
      retry++;
    }
  }

  /** The call's deadline passed after `attempts` attempts (the last one failing with `last`). */
  private overdue(label: string, callStarted: number, attempts: number, last?: ExchangeError): ExchangeError {
    return deadlineError(label, this.now() - callStarted, attempts, last);
  }

  /** The limiter's wait, cut short by the deadline (then the call fails as overdue). */
  private async acquireBefore(
    def: EndpointDef<unknown, unknown>,
    label: string,
    signal: AbortSignal | undefined,
    deadline: number | undefined,
    callStarted: number,
    attempts: number,
  ): Promise<void> {
    const bounded = deadlineSignal(signal, deadline, this.now());
    try {
      await this.limiter.acquire(def.rateClass, label, bounded.signal);
    } catch (error) {
      throw bounded.expired() ? this.overdue(label, callStarted, attempts) : error;
    } finally {
      bounded.dispose();
    }
  }

  private async headersFor(
    def: EndpointDef<unknown, unknown>,
    prepared: PreparedRequest,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json, text/plain' };
    if (prepared.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    if (def.auth.kind === 'signed' && this.key) {
      const timestamp = this.clock ? await this.clock.timestamp() : Math.round(this.now());
      Object.assign(
        headers,
        signInstruction(this.key, def.auth.instruction, prepared.signed, timestamp, this.windowMs),
      );
    }
    return headers;
  }

  private report(info: RequestInfo): void {
    if (!this.onRequest) return;
    try {
      this.onRequest(info);
    } catch {
      // An observer's bug must not fail the request.
    }
  }
}
