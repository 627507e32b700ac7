// Memoized responses for public market data, answered on node:http before yoga (the fetch adapter is most of a
// request's cost).
//
// A response is stored only from the second sighting of its request within the doorkeeper's memory (doorkeeper.ts):
// most requests with distinct variables are never repeated, and copying and storing each of them cost ~4 % of an
// uncached query's CPU (bench B1U profile). A first sighting runs the pipeline untouched.
//
// A response is kept only when executing the same request again would produce the same bytes: status 200, no
// `errors`, no set-cookie, a query (not a mutation), and every exchange call it made answered from a fresh entry of the
// shared cache (ReadRecorder). It lives until the first of those entries expires, so it is never older than the data
// the cache would serve anyway. Any private or uncached call, stale read or failure makes it a one-off.
// Identical requests: same method, URL, body and the headers that shape a response or identify a caller (host, accept,
// content-type, origin, authorization, cookie, x-api-key).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { getOperationAST } from 'graphql';
import type { Plugin } from '@envelop/core';
import type { ReadRecorder } from '../exchange/cache.ts';
import { cachedAnswer, etagOf } from '../http/cacheHeaders.ts';
import { readBody } from '../http/readBody.ts';
import { responseTaps } from '../http/tappedResponse.ts';
import { Doorkeeper } from './doorkeeper.ts';

export interface ResponseCacheOptions {
  /** The GraphQL path (other paths go straight to the next handler). */
  readonly path: string;
  /** Distinct requests remembered (oldest forgotten first). Default 1000. */
  readonly maxEntries?: number;
  /** Larger request bodies are not considered (keep it at or below the server's body limit). Default 4096. */
  readonly maxBodyBytes?: number;
  /** Larger responses are not kept. Default 256 KiB. */
  readonly maxResponseBytes?: number;
  /**
   * Asked before a memoized response is sent; false sends the request through the full pipeline instead, so
   * per-caller checks (budgets) still apply. Default: always.
   */
  readonly admit?: (req: IncomingMessage) => boolean | Promise<boolean>;
  readonly now?: () => number;
}

interface Stored {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number>;
  readonly body: Buffer;
  readonly etag: string;
  readonly freshUntil: number;
}

/** A JSON array body (a batch), possibly after whitespace. */
function isBatch(body: Buffer): boolean {
  let i = 0;
  // Leading JSON whitespace: space, tab, line feed, carriage return.
  while (i < body.length && i < 16 && (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d))
    i += 1;
  return body[i] === 0x5b; /* [ */
}

/** A header's text (node joins repeated ones; unknown ones may arrive as lists). */
function headerText(value: string | string[] | undefined): string {
  return value === undefined ? '' : String(value);
}

/** How long a request found not keepable runs without being recorded before one of its answers is tried again. */
const ONE_OFF_PASS_MS = 1_000;

/** Not replayed: per-connection, per-request or recomputed. */
const DROP_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  // The compression layer (outside this cache) encodes each reply for its own client.
  'content-encoding',
  'x-request-id',
  'retry-after',
]);

class Recording implements ReadRecorder {
  freshUntil = Number.POSITIVE_INFINITY;
  reads = 0;
  ok = true;

  read(freshUntil: number): void {
    this.reads += 1;
    if (freshUntil < this.freshUntil) this.freshUntil = freshUntil;
  }

  uncacheable(): void {
    this.ok = false;
  }
}

export class ResponseCache {
  private readonly entries = new Map<string, Stored>();
  /** Misses being computed: identical requests arriving meanwhile wait for the first one instead of repeating it. */
  private readonly pending = new Map<string, Promise<Stored | null>>();
  /**
   * Requests whose last complete answer could not be kept (TTL-0 data, errors, a mutation …), each with the time
   * until which its answers go through uncaptured. Waiting for the first of these would only add its whole run to
   * everyone else's latency, since they must run anyway afterwards (measured: +2–3 ms p50 at 1000 req/s with TTL 0);
   * they run side by side instead, and the exchange cache still coalesces their upstream calls. Recording and copying
   * each answer only to find it unkeepable again cost 2.7 of the 61 KiB an uncached query allocated (B2, TTL 0), so
   * for ONE_OFF_PASS_MS they are not recorded at all; the next one after that is, and renews the pass if it still
   * cannot be kept. Cleared by the first answer that is kept. Bounded like `entries`.
   */
  private readonly oneOffs = new Map<string, number>();
  private readonly recordings = new WeakMap<IncomingMessage, Recording>();
  private readonly sightings: Doorkeeper;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly maxResponseBytes: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(private readonly options: ResponseCacheOptions) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 4_096;
    this.maxResponseBytes = options.maxResponseBytes ?? 256 * 1024;
    this.now = options.now ?? Date.now;
    // First sightings remembered: four times the entries kept, like TinyLFU's doorkeeper against its cache.
    this.sightings = new Doorkeeper(4 * this.maxEntries);
  }

  /** Responses stored. */
  get size(): number {
    return this.entries.size;
  }

  /** The node:http listener: memoized answers first, everything else (and every miss) through `next`. */
  handler(next: RequestListener): RequestListener {
    return (req, res) => {
      if (!this.considers(req)) {
        next(req, res);
        return;
      }
      if (req.method === 'GET') {
        this.serve(req, res, next, '');
        return;
      }
      readBody(req, (body) => {
        // Batches are left alone: each of their operations is charged to the caller's budget separately.
        if (isBatch(body)) next(req, res);
        else this.serve(req, res, next, body.toString('latin1'));
      });
    };
  }

  /**
   * The recorder of the request this cache is computing a response for (undefined otherwise): the context factory
   * composes it into the request's exchange client, so every exchange call of the operation is reported to it.
   */
  recorderFor(initial: { req?: IncomingMessage }): ReadRecorder | undefined {
    return initial.req === undefined ? undefined : this.recordings.get(initial.req);
  }

  /** Envelop plugin: only queries are kept (a mutation that happened to read public data only is still a write). */
  plugin(): Plugin {
    return {
      onExecute: ({ args }: { args: ExecutionArgs }) => {
        const req = (args.contextValue as { req?: IncomingMessage } | undefined)?.req;
        const recording = req === undefined ? undefined : this.recordings.get(req);
        if (recording === undefined) return;
        if (getOperationAST(args.document, args.operationName)?.operation !== 'query') recording.uncacheable();
      },
    };
  }

  clear(): void {
    this.entries.clear();
    this.oneOffs.clear();
    this.sightings.clear();
  }

  private considers(req: IncomingMessage): boolean {
    if (req.method !== 'GET' && req.method !== 'POST') return false;
    const url = req.url ?? '';
    if (url !== this.options.path && !url.startsWith(`${this.options.path}?`)) return false;
    const accept = req.headers.accept ?? '';
    // Streams (SSE, incremental delivery) and uploads are never memoized.
    if (accept.includes('event-stream') || accept.includes('multipart')) return false;
    if (req.method === 'GET') return url.length > this.options.path.length + 1;
    const length = Number(req.headers['content-length']);
    return Number.isInteger(length) && length > 0 && length <= this.maxBodyBytes;
  }

  /** One template, not a loop of concatenations: it is built for every request, hits included. */
  private keyOf(req: IncomingMessage, body: string): string {
    const headers = req.headers;
    return (
      `${req.method ?? ''} ${req.url ?? ''}\n${headers.host ?? ''}\n${headers.accept ?? ''}\n` +
      `${headers['content-type'] ?? ''}\n${headers.origin ?? ''}\n${headers.authorization ?? ''}\n` +
      `${headers.cookie ?? ''}\n${headerText(headers['x-api-key'])}\n${body}`
    );
  }

  private serve(req: IncomingMessage, res: ServerResponse, next: RequestListener, body: string): void {
    const key = this.keyOf(req, body);
    const stored = this.entries.get(key);
    if (stored !== undefined && this.now() < stored.freshUntil) {
      this.answer(req, res, next, key, stored);
      return;
    }
    if (stored !== undefined) this.entries.delete(key);
    const pending = this.pending.get(key);
    if (pending === undefined) {
      const passUntil = this.oneOffs.get(key);
      if (
        (passUntil !== undefined && this.now() < passUntil) ||
        (stored === undefined && passUntil === undefined && !this.sightings.seenBefore(key))
      ) {
        // A first sighting, or a known one-off within its pass: nothing to wait for, nothing recorded or copied.
        this.misses += 1;
        next(req, res);
      } else this.compute(req, res, next, key, passUntil === undefined);
      return;
    }
    void pending.then((result) => {
      if (result === null) this.compute(req, res, next, key, false);
      else this.answer(req, res, next, key, result);
    });
  }

  /** A memoized answer, charged to the caller's budget; a caller over budget goes through the pipeline for its error. */
  private answer(req: IncomingMessage, res: ServerResponse, next: RequestListener, key: string, stored: Stored): void {
    const admitted = this.options.admit?.(req) ?? true;
    // Budgets shared through Redis answer asynchronously; this process's own answer at once.
    if (admitted instanceof Promise) {
      void admitted.then((ok) => this.answerIf(ok, req, res, next, key, stored));
      return;
    }
    this.answerIf(admitted, req, res, next, key, stored);
  }

  private answerIf(
    admitted: boolean,
    req: IncomingMessage,
    res: ServerResponse,
    next: RequestListener,
    key: string,
    stored: Stored,
  ): void {
    if (!admitted) {
      this.compute(req, res, next, key, false);
      return;
    }
    this.hits += 1;
    const answer = cachedAnswer(req, stored, this.now());
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body ?? undefined);
  }

  /** Runs the full pipeline and keeps the response if it qualifies; `lead` lets identical requests wait on it. */
  private compute(req: IncomingMessage, res: ServerResponse, next: RequestListener, key: string, lead: boolean): void {
    this.misses += 1;
    const recording = new Recording();
    this.recordings.set(req, recording);
    const chunks: Buffer[] = [];
    let size = 0;
    // A copy of what is written; none once the answer cannot be kept (an uncacheable call, or too large). A string is
    // written on as a string: node sends the headers and a first string chunk in one write, but a buffer in two.
    const capture = (chunk: unknown, encoding?: unknown): unknown => {
      if (chunk === null || chunk === undefined || typeof chunk === 'function') return chunk;
      if (!recording.ok || size > this.maxResponseBytes) return chunk;
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
      return chunk;
    };
    // Set on the response, not patched onto it (see TappedResponse); headers given to writeHead reach getHeaders().
    responseTaps(res).capture = capture;
    let settle: ((stored: Stored | null) => void) | undefined;
    if (lead) {
      const promise = new Promise<Stored | null>((resolve) => {
        settle = resolve;
      });
      this.pending.set(key, promise);
    }
    // 'close' follows 'finish' on every response: one listener, asking whether the response finished.
    res.once('close', () => {
      const completed = res.writableFinished;
      const stored = completed ? this.keep(res, recording, chunks, size) : null;
      if (stored !== null) this.store(key, stored);
      else if (completed) this.markOneOff(key);
      if (settle !== undefined) {
        this.pending.delete(key);
        settle(stored);
        settle = undefined;
      }
    });
    next(req, res);
  }

  private keep(res: ServerResponse, recording: Recording, chunks: readonly Buffer[], size: number): Stored | null {
    if (!recording.ok || recording.reads === 0 || res.statusCode !== 200 || size > this.maxResponseBytes) return null;
    if (recording.freshUntil <= this.now()) return null;
    const raw = res.getHeaders();
    if (raw['set-cookie'] !== undefined) return null;
    const body = Buffer.concat(chunks, size);
    // Partial results carry errors that may be transient; never replay them.
    if (body.includes('"errors"')) return null;
    const headers: Record<string, string | string[] | number> = {};
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined && !DROP_HEADERS.has(name)) headers[name] = value;
    }
    headers['content-length'] = body.length;
    // Hashed on first use: only public GETs send an ETag, and most kept answers are POSTs or never asked again.
    let etag: string | undefined;
    return {
      status: 200,
      headers,
      body,
      get etag() {
        return (etag ??= etagOf(body));
      },
      freshUntil: recording.freshUntil,
    };
  }

  private markOneOff(key: string): void {
    this.oneOffs.delete(key);
    this.oneOffs.set(key, this.now() + ONE_OFF_PASS_MS);
    // Oldest first (Map order); forgetting one only brings back the wait for that key.
    if (this.oneOffs.size > this.maxEntries) this.oneOffs.delete(this.oneOffs.keys().next().value as string);
  }

  private store(key: string, stored: Stored): void {
    this.oneOffs.delete(key);
    this.entries.delete(key);
    this.entries.set(key, stored);
    // Oldest first (Map order), one at a time: a scan for expired entries on every store would cost O(maxEntries)
    // per request once full (every distinct request is stored); expired ones are dropped when next looked up.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}
