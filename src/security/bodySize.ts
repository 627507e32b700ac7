// A node:http guard that answers 413 to bodies over the limit before yoga reads them (yoga also enforces it while streaming).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** True when the request may proceed; otherwise the 413 (or 400 for a malformed length) has been sent. */
export function guardRequestSize(req: IncomingMessage, res: ServerResponse, maxBytes: number): boolean {
  const header = req.headers['content-length'];
  if (header === undefined) return true; // chunked: yoga's maxRequestBodySize counts bytes as they arrive
  const length = /^\d+$/.test(header) ? Number(header) : Number.NaN;
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
