// The request-body limit: node:http answers 413 from Content-Length before yoga reads anything, and a body sent
// without one (chunked) is counted while yoga reads it.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withNativeHooks } from '../http/native/hooks.ts';

const CONTENT_LENGTH = /^\d+$/;

/** True when the request may proceed; otherwise the 413 (or 400 for a malformed length) has been sent. */
export function guardRequestSize(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const header = req.headers['content-length'];
  if (header === undefined) return true; // chunked: useChunkedBodyLimit counts bytes as they arrive
  const length = CONTENT_LENGTH.test(header) ? Number(header) : Number.NaN;
  if (Number.isNaN(length)) {
    reject(res, 400, 'Invalid Content-Length');
    return false;
  }
  if (length > maxBytes) {
    reject(res, 413, `Request body too large (limit ${maxBytes} bytes)`);
    return false;
  }
  return true;
}

function reject(res: ServerResponse, status: number, message: string): void {
  // `Connection: close` so node does not try to read (and buffer) the rest of an oversized body.
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
  res.end(
    JSON.stringify({
      errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }],
    }),
  );
}

/** Wraps a request listener (e.g. the yoga instance) with the size guard: `createServer(withBodyLimit(yoga, max))`. */
export function withBodyLimit(listener: RequestListener, maxBytes: number): RequestListener {
  return (req, res) => {
    if (guardRequestSize(req, res, maxBytes)) listener(req, res);
  };
}

function tooLarge(maxBytes: number): GraphQLError {
  return new GraphQLError(`Request body too large (limit ${maxBytes} bytes)`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * Replaces yoga's `maxRequestBodySize`, which pipes every body through a TransformStream even when Content-Length
 * already bounds it (node's parser never reads past it): a tenth of an uncached query's CPU (bench B1U profile).
 * A declared length is checked here too, so yoga behind any front end keeps the limit; only a chunked body is counted
 * as it streams, and refused (413) at the first byte over.
 */
export function useChunkedBodyLimit(maxBytes: number): Plugin {
  // The native path takes only bodies of a declared length: within the limit it reads them; otherwise yoga refuses.
  return withNativeHooks(yogaChunkedBodyLimit(maxBytes), {
    accepts: (request) => declaredLengthError(request.headers.get('content-length'), maxBytes) === null,
  });
}

/** Why a declared Content-Length is refused (400 malformed, 413 over the limit), or null (none declared, or fine). */
function declaredLengthError(declared: string | null, maxBytes: number): GraphQLError | null {
  if (declared === null) return null;
  if (!CONTENT_LENGTH.test(declared))
    return new GraphQLError('Invalid Content-Length', { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  return Number(declared) > maxBytes ? tooLarge(maxBytes) : null;
}

function yogaChunkedBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        const refused = declaredLengthError(declared, maxBytes);
        if (refused !== null) throw refused;
        return;
      }
      const body = requestParser === undefined ? null : request.body;
      if (requestParser === undefined || body === null) return;
      // yoga's own workaround: a native ReadableStream body cannot be piped through the ponyfill's TransformStream.
      const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
      setRequestParser((original) => {
        let bytes = 0;
        const counted = body.pipeThrough(
          new Transform<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              bytes += chunk.byteLength;
              if (bytes > maxBytes) controller.error(tooLarge(maxBytes));
              else controller.enqueue(chunk);
            },
          }),
        );
        return requestParser(
          new fetchAPI.Request(original.url, {
            method: original.method,
            headers: original.headers,
            signal: original.signal,
            body: counted,
            duplex: 'half',
          } as RequestInit),
        );
      });
    },
  };
}
