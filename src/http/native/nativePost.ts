// The native path for plain GraphQL-over-HTTP requests: `POST <path>`, `content-type: application/json`, one JSON
// object, answered with one JSON result. yoga's fetch-API layer (Request/Response objects, header and promise helpers,
// its request parsers and result processors) was about a third of an uncached query's CPU (bench B1U profile). This
// path runs the same GraphQL pipeline, yoga's `getResultForParams` (its onParams hooks, then envelop's parse, validate,
// context and execute with every plugin), serializes the result with yoga's own `processRegularResult`, and applies
// the yoga-level hooks of our plugins through their native side (./hooks.ts). Whatever it does not take goes to yoga.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';
import { bodyRead, readBody } from '../readBody.ts';
import { regularMediaType } from './accept.ts';
import { nativeHooksOf, type NativeHooks } from './hooks.ts';
import { NodeRequestView } from './requestView.ts';
import { ResponseHeaders } from './responseHeaders.ts';

type Params = Record<string, unknown>;
type ServerContext = { req: IncomingMessage; res: ServerResponse; waitUntil: (promise: Promise<void> | void) => void };

/** The part of a yoga instance this path calls (`request` is a NodeRequestView standing in for the fetch Request). */
export interface NativeYoga {
  getResultForParams(
    payload: { params: Params; request: Request },
    context: ServerContext,
  ): PromiseLike<unknown> | unknown;
  waitUntil(promise: Promise<void> | void): void;
}

export interface NativePostOptions {
  /** The GraphQL path; the request URL must be exactly this (a query string goes to yoga). */
  readonly path: string;
  /** Every plugin given to createYoga (after `plugin` below is added): one it does not know turns the path off. */
  readonly plugins: readonly unknown[];
}

/** What the path did so far (tests and debugging read it). */
export interface NativePostStats {
  /** False when the switch is off or a plugin it does not know has yoga-level hooks: yoga answers everything. */
  enabled: boolean;
  /** Requests answered here. */
  answered: number;
  /** Requests read here, then given to yoga (not a JSON object, parameters refused, a streamed operation). */
  handedOff: number;
}

export interface NativePost {
  readonly stats: NativePostStats;
  /** Goes into createYoga's plugins (last of ours): sends streamed operations (@defer, @stream, subscriptions) to yoga. */
  readonly plugin: Plugin;
  /** Wraps yoga's listener: the requests this path takes, it answers; the rest reach `next` untouched. */
  handler(yoga: NativeYoga, next: RequestListener): RequestListener;
}

/** Thrown by the hand-off plugin, before anything executes, for an operation yoga must answer. */
const HAND_OFF = new Error('handled by yoga');
// A substring test on the final document text: false positives only cost the yoga path.
const STREAMED = /@defer|@stream|subscription/;

/** JSON content type as yoga's JSON parser matches it (the first of a comma list, parameters allowed). */
function isJson(contentType: string | undefined): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

/** yoga's `processRegularResult` builds a fetch Response; this captures what it was given instead. */
interface Serialized {
  readonly body: string;
  readonly status: number;
  readonly headers: Record<string, string>;
}
class CapturedResponse {
  constructor(
    readonly body: string,
    readonly init: { status: number; headers: Record<string, string> },
  ) {}
}
const CAPTURE = { Response: CapturedResponse } as unknown as Parameters<typeof processRegularResult>[1];

function serialize(result: ExecutionResult, mediaType: string): Serialized {
  const captured = processRegularResult(result, CAPTURE, mediaType) as unknown as CapturedResponse;
  return { body: captured.body, status: captured.init.status, headers: captured.init.headers };
}

export function createNativePost(options: NativePostOptions): NativePost {
  const taken = new WeakSet<object>();
  const plugin: Plugin = {
    onParams({ request, params }) {
      if (taken.has(request) && (typeof params.query !== 'string' || STREAMED.test(params.query))) throw HAND_OFF;
    },
  };
  const stats: NativePostStats = { enabled: false, answered: 0, handedOff: 0 };
  return {
    stats,
    plugin,
    handler(yoga, next) {
      const hooks = nativeHooksOf(options.plugins);
      if (hooks === null) return next;
      stats.enabled = true;
      const run = new NativeRun(yoga, hooks, next, taken, stats);
      return (req, res) => {
        const mediaType = eligible(req, options.path);
        if (mediaType === null) {
          next(req, res);
          return;
        }
        const request = new NodeRequestView(req, res);
        for (const hook of hooks) {
          if (hook.accepts?.(request) === false) {
            next(req, res);
            return;
          }
        }
        run.withBody(req, res, (body) => run.answer(req, res, request, body, mediaType));
      };
    },
  };
}

/** The media type of the answer when the request's method, path and headers fit this path, else null. */
function eligible(req: IncomingMessage, path: string): string | null {
  if (req.method !== 'POST' || req.url !== path) return null;
  const headers = req.headers;
  // Browsers send Origin: yoga's CORS answers those. A chunked body is counted by the streamed body limit in yoga.
  if (headers.origin !== undefined || headers['content-length'] === undefined) return null;
  if (!isJson(headers['content-type'])) return null;
  return regularMediaType(headers.accept);
}

class NativeRun {
  // Read once: yoga's server adapter is a Proxy that builds a new bound function on every property read.
  private readonly getResultForParams: NativeYoga['getResultForParams'];
  private readonly waitUntil: NativeYoga['waitUntil'];

  constructor(
    yoga: NativeYoga,
    private readonly hooks: readonly NativeHooks[],
    private readonly next: RequestListener,
    private readonly taken: WeakSet<object>,
    private readonly stats: NativePostStats,
  ) {
    this.getResultForParams = yoga.getResultForParams;
    this.waitUntil = yoga.waitUntil;
  }

  private handOff(req: IncomingMessage, res: ServerResponse): void {
    this.stats.handedOff += 1;
    this.next(req, res);
  }

  /** The body (already read by the response cache, else read here, as yoga's adapter would take it from `req.body`). */
  withBody(req: IncomingMessage, res: ServerResponse, then: (body: Buffer) => void): void {
    const read = bodyRead(req);
    if (read !== undefined) {
      then(read);
      return;
    }
    readBody(req, then);
    req.on('error', () => res.destroy());
  }

  answer(req: IncomingMessage, res: ServerResponse, request: NodeRequestView, body: Buffer, mediaType: string): void {
    let params: unknown;
    try {
      params = JSON.parse(body.toString('utf8'));
    } catch {
      // yoga answers malformed JSON with its own (text-free) error.
      this.handOff(req, res);
      return;
    }
    // A batch, null or a scalar: yoga's parser and batching limit answer those.
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      this.handOff(req, res);
      return;
    }
    for (const hook of this.hooks) hook.onRequest?.(request);
    this.taken.add(request);
    const context: ServerContext = { req, res, waitUntil: this.waitUntil };
    let pending: PromiseLike<unknown> | unknown;
    try {
      pending = this.getResultForParams(
        // The view carries what yoga's envelop phase, our plugins and the context factory read of a fetch Request.
        { params: params as Params, request: request as unknown as Request },
        context,
      );
    } catch {
      this.failed(req, res, context);
      return;
    }
    if (isPromiseLike(pending)) {
      pending.then(
        (result) => this.sendOr500(res, request, result as ExecutionResult, mediaType),
        () => this.failed(req, res, context),
      );
    } else this.sendOr500(res, request, pending as ExecutionResult, mediaType);
  }

  /** A hook or the serializer throwing is a bug: 500 without detail (yoga's adapter answers its own the same way). */
  private sendOr500(res: ServerResponse, request: NodeRequestView, result: ExecutionResult, mediaType: string): void {
    try {
      this.send(res, request, result, mediaType);
    } catch {
      unexpected(res);
    }
  }

  /**
   * yoga's onParams hooks threw (parameter checks, persisted-operation lookups, the hand-off): nothing has executed,
   * so yoga answers the request from scratch with its own error. After execution began nothing throws (yoga turns
   * every execution failure into a result), so a throw then is a bug: answered 500 without detail, never re-run.
   */
  private failed(req: IncomingMessage, res: ServerResponse, context: ServerContext): void {
    if (!('params' in context)) {
      this.handOff(req, res);
      return;
    }
    unexpected(res);
  }

  private send(res: ServerResponse, request: NodeRequestView, raw: ExecutionResult, mediaType: string): void {
    let result = raw;
    for (const hook of this.hooks) if (hook.onResult) result = hook.onResult(request, result);
    const serialized = serialize(result, mediaType);
    const headers = new ResponseHeaders(serialized.headers);
    headers.set('content-length', String(Buffer.byteLength(serialized.body)));
    const response = { status: serialized.status, headers };
    for (const hook of this.hooks) hook.onResponse?.(request, response);
    this.stats.answered += 1;
    // As yoga's adapter: the response hooks ran (the duration is observed), but a client gone gets nothing written.
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(serialized.status, headers.toObject());
    res.end(serialized.body);
  }
}

function unexpected(res: ServerResponse): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
  res.end('{"errors":[{"message":"Unexpected error."}]}');
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
