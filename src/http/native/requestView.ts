// A fetch-Request-shaped view of a node:http request for the native GraphQL path: the parts yoga's envelop phase, our
// plugins and the context factory read (method, url, headers.get/has, signal), without building a fetch Request.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { ClientSignal } from '../clientSignal.ts';

/** `Headers.get`/`has` over node's already-parsed, lower-cased header object. */
export class NodeHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    // Repeated headers: node keeps set-cookie as a list; a fetch Headers joins them the same way.
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
}

export class NodeRequestView {
  readonly method: string;
  /** The URL's path (the native path takes only requests without a query string). */
  readonly pathname: string;
  readonly headers: NodeHeaders;
  private clientSignal: ClientSignal | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.method = req.method ?? 'POST';
    this.pathname = req.url ?? '/';
    this.headers = new NodeHeaders(req.headers);
  }

  /** Built only when read (yoga's adapter builds it from the Host header the same way). */
  get url(): string {
    return `http://${this.req.headers.host ?? 'localhost'}${this.req.url ?? '/'}`;
  }

  /**
   * Aborted when the response closes before it finished (the client went away), as yoga's node adapter does: the
   * deadline plugin hands it to a query's exchange calls. Created on first read (the first exchange call
   * that leaves the cache), so a client gone before that reads an already aborted signal.
   */
  get signal(): AbortSignal {
    if (this.clientSignal === undefined) {
      const signal = new ClientSignal();
      this.clientSignal = signal;
      const res = this.res;
      // Read lazily, so the client may already be gone: no 'close' will come any more.
      if (res.closed && !res.writableFinished) {
        signal.abort(res.errored ?? undefined);
        return signal;
      }
      // 'close' follows 'finish' on a completed response: one listener, asking whether the response finished.
      res.once('close', () => {
        if (!res.writableFinished) signal.abort(res.errored ?? undefined);
      });
    }
    return this.clientSignal;
  }
}
