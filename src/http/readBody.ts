// Reads a node:http request's whole body once and leaves it on `req.body`, where the next reader (the native GraphQL
// path, yoga's node adapter) takes it instead of reading the stream again.
import type { IncomingMessage } from 'node:http';

type WithBody = IncomingMessage & { body?: unknown };

/** The body already read by an earlier handler, if any. */
export function bodyRead(req: IncomingMessage): Buffer | undefined {
  const body = (req as WithBody).body;
  return Buffer.isBuffer(body) ? body : undefined;
}

/** Collects the body, stores it on `req.body`, then calls `then` with it. */
export function readBody(req: IncomingMessage, then: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  // 'end' is emitted once; `on` spares the once-wrapper and its removal on every request.
  req.on('end', () => {
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    (req as WithBody).body = body;
    then(body);
  });
}
