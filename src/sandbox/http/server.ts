// The sandbox's REST transport: exact (method, path) routing over the endpoint table, parsing, auth and replies.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { EndpointDef } from '../../exchange/endpoint.ts';
import type { EndpointName } from '../../exchange/endpoints.ts';
import { authenticateRequest } from '../auth.ts';
import type { Keyring } from '../auth.ts';
import type { SandboxServices } from '../services.ts';
import { SandboxError } from '../engine/errors.ts';
import { isReply } from './handler.ts';
import type { Handler, HandlerRequest } from './handler.ts';
import { parseRequest } from './params.ts';
import { sendEmpty, sendError, sendJson, sendText } from './respond.ts';

const MAX_BODY_BYTES = 1 << 20;

/** A route outside the endpoint table (`/sandbox/…`); returns false when the path is not its own. */
export type ExtraRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: string,
) => Promise<boolean> | boolean;

export interface HttpTransportOptions {
  readonly endpoints: readonly EndpointDef[];
  readonly handlers: Readonly<Record<string, Handler>>;
  readonly services: SandboxServices;
  readonly keyring: Keyring;
  readonly now: () => number;
  readonly extraRoute?: ExtraRoute;
  /** Unexpected handler exceptions (the client only sees a masked 500). Default: one line on stderr. */
  readonly onUnexpectedError?: (error: unknown, endpoint: string) => void;
}

export interface HttpTransport {
  readonly listener: RequestListener;
  /** Requests routed to each endpoint (by table name), whatever their outcome. */
  requestCounts(): Record<string, number>;
  resetRequestCounts(): void;
}

/**
 * The instruction a request must be signed with. `session` endpoints (web-session only on the exchange) accept
 * API-key signing in the sandbox with the endpoint's table name as the instruction, so they stay testable; unsigned
 * calls to them reach the handler without an account (see `carriesAuth`).
 */
export function instructionFor(endpoint: EndpointDef): string | null {
  switch (endpoint.auth.kind) {
    case 'public':
      return null;
    case 'signed':
      return endpoint.auth.instruction;
    case 'session':
      return endpoint.name;
  }
}

/**
 * Whether a request tries to authenticate at all. An unsigned call to a `session` endpoint (the exchange would read
 * a web-session cookie) reaches its handler with no account: handlers that need one answer 401, account-free ones
 * (the estimated liquidation price) answer. A partially signed call is still checked, and refused.
 */
function carriesAuth(req: IncomingMessage): boolean {
  return ['x-api-key', 'x-signature', 'x-timestamp'].some((name) => req.headers[name] !== undefined);
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function defaultOnError(error: unknown, endpoint: string): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sandbox: unexpected error in ${endpoint}: ${message}\n`);
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const routes = new Map<string, EndpointDef>();
  const knownPaths = new Set<string>();
  for (const endpoint of options.endpoints) {
    routes.set(`${endpoint.method} ${endpoint.path}`, endpoint);
    knownPaths.add(endpoint.path);
  }
  const counts = new Map<string, number>();
  const onError = options.onUnexpectedError ?? defaultOnError;

  async function dispatch(endpoint: EndpointDef, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    const handler = options.handlers[endpoint.name];
    if (handler === undefined) throw new SandboxError(400, 'NOT_IMPLEMENTED', 'Not implemented');
    const parsed = parseRequest(endpoint, url.searchParams, body);
    const now = options.now();
    const instruction = instructionFor(endpoint);
    const accountId =
      instruction === null || (endpoint.auth.kind === 'session' && !carriesAuth(req))
        ? null
        : authenticateRequest(instruction, parsed.signed, req.headers, options.keyring, now);
    const request: HandlerRequest = {
      name: endpoint.name as EndpointName,
      params: parsed.params,
      items: parsed.items,
      accountId,
      now,
    };
    const result: unknown = await handler(request, options.services);
    if (isReply(result)) {
      if (result.json !== undefined) sendJson(res, result.status, result.json, result.headers);
      else if (result.text !== undefined) sendText(res, result.status, result.text, result.headers);
      else sendEmpty(res, result.status, result.headers);
    } else if (result === undefined || endpoint.response === 'empty') {
      sendEmpty(res, 200);
    } else if (endpoint.response === 'text' && (typeof result === 'string' || typeof result === 'number')) {
      sendText(res, 200, String(result));
    } else {
      sendJson(res, 200, result);
    }
  }

  const listener: RequestListener = (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const endpoint = routes.get(`${req.method ?? 'GET'} ${url.pathname}`);
      try {
        const body = await readBody(req);
        if (options.extraRoute && (await options.extraRoute(req, res, url, body))) return;
        if (endpoint === undefined) {
          if (knownPaths.has(url.pathname)) sendText(res, 405, 'method not allowed');
          else sendText(res, 404, 'not found');
          return;
        }
        counts.set(endpoint.name, (counts.get(endpoint.name) ?? 0) + 1);
        await dispatch(endpoint, req, res, url, body);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          sendText(res, 413, 'payload too large');
          return;
        }
        if (!(error instanceof SandboxError)) onError(error, endpoint?.name ?? url.pathname);
        sendError(res, error);
      }
    })();
  };

  return {
    listener,
    requestCounts: () => Object.fromEntries(counts),
    resetRequestCounts: () => counts.clear(),
  };
}
