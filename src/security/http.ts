// HTTP hardening for yoga: CORS options, browser-attack guards (CSRF, DNS rebinding, WS hijacking) and security headers.
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withNativeHooks, type HeaderSink } from '../http/native/hooks.ts';
import { hostAllowed, originAllowed, type OriginPolicy } from './origins.ts';

type CorsOptions =
  | {
      origin?: string[] | string;
      methods?: string[];
      allowedHeaders?: string[];
      exposedHeaders?: string[];
      credentials?: boolean;
      maxAge?: number;
    }
  | false;

/** yoga's `cors` option: answers only allowed origins, without credentials (auth is a bearer header, never a cookie). */
export function corsOptions(policy: OriginPolicy): (request: Request) => CorsOptions {
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !originAllowed(policy, origin, request.headers.get('host'))) return false;
    return {
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
      exposedHeaders: ['retry-after'],
      credentials: false,
      maxAge: 600,
    };
  };
}

// Content types a cross-site <form> or no-cors fetch can send without a CORS preflight: refusing them stops
// CSRF-style mutations even when the browser would never let the attacker read the answer.
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

type ResponseClass = typeof Response;

interface Refusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** What the guards read of a request: a fetch Request, or the native path's view of a node:http one. */
interface GuardedRequest {
  readonly method: string;
  readonly headers: { get(name: string): string | null };
}

/** Why the request is refused before GraphQL sees it (yoga's onRequest and the native path's check), or null. */
function refusalOf(policy: OriginPolicy, request: GuardedRequest): Refusal | null {
  const host = request.headers.get('host');
  if (!hostAllowed(policy, host)) return { status: 421, code: 'MISDIRECTED_REQUEST', message: 'Unknown Host header.' };
  const origin = request.headers.get('origin');
  if (origin !== null && !originAllowed(policy, origin, host)) {
    return {
      status: 403,
      code: 'FORBIDDEN_ORIGIN',
      message: 'This origin may not call the gateway (GATEWAY_CORS_ORIGINS).',
    };
  }
  if (request.method === 'POST') {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === '' || SIMPLE_CONTENT_TYPES.includes(type)) {
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'POST requests must use Content-Type: application/json.',
      };
    }
  }
  return null;
}

/** The refusal as a response, or null. Exported for tests and other transports. */
export function refuseRequest(policy: OriginPolicy, request: Request, Ctor: ResponseClass = Response): Response | null {
  const refused = refusalOf(policy, request);
  if (refused === null) return null;
  const { status, code, message } = refused;
  return new Ctor(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** graphql-ws upgrade check (browsers let any site open a WebSocket): null to accept, else the reason to refuse. */
export function refuseUpgrade(policy: OriginPolicy, request: Pick<IncomingMessage, 'headers'>): string | null {
  const host = request.headers.host;
  if (!hostAllowed(policy, host)) return 'unknown Host header';
  const origin = request.headers.origin;
  if (origin !== undefined && !originAllowed(policy, origin, host)) return `origin ${origin} is not allowed`;
  return null;
}

// GraphiQL (src/http/graphiql.ts) loads only same-origin files; Monaco's styles are inline and its fonts data: URLs.
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Guards every request (Host, Origin, content type) and sets the security headers on every response. GraphQL
 * responses are `no-store`: any of them may carry account data, and public market data is live anyway.
 */
export function useHttpSecurity(policy: OriginPolicy, options: { graphiql: boolean }): Plugin {
  // The same headers on the native path; a request these guards refuse is left to yoga, which refuses it.
  return withNativeHooks(yogaHttpSecurity(policy, options), {
    accepts: (request) => refusalOf(policy, request) === null,
    onResponse: (_request, response) => setSecurityHeaders(response.headers, response.status, options),
  });
}

/** The security headers of every response (GraphQL answers are `no-store`: any of them may carry account data). */
function setSecurityHeaders(headers: HeaderSink, status: number, options: { graphiql: boolean }): void {
  const html = (headers.get('content-type') ?? '').includes('text/html');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Content-Security-Policy', html && options.graphiql ? GRAPHIQL_CSP : API_CSP);
  // GraphiQL's versioned assets set their own; everything else is no-store.
  if (!html && !headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  // yoga stops reading an oversized (chunked) body midway; the rest must not be parsed as the next request.
  if (status === 413) headers.set('Connection', 'close');
}

function yogaHttpSecurity(policy: OriginPolicy, options: { graphiql: boolean }): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const refused = refuseRequest(policy, request, fetchAPI.Response);
      if (refused) endResponse(refused);
    },
    // yoga's GET parser JSON.parses `variables`/`extensions` unguarded: malformed JSON there was a 500 (found by
    // test/security/fuzz.sandbox.test.ts). Any parse failure is the client's: 400, without echoing the text.
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser === undefined) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw new GraphQLError('The request parameters are not valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
    onResponse({ response }) {
      setSecurityHeaders(response.headers, response.status, options);
    },
  };
}
