// HTTP caching of public GET answers replayed from the response cache: `Cache-Control: public, max-age=<remaining
// freshness>`, an ETag of the body, and 304 Not Modified when the client already holds that body.
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

/** Strong validator: the same bytes always get the same tag. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** A request any cache may share: a GET without credentials of any kind. */
function isPublicGet(req: IncomingMessage): boolean {
  const headers = req.headers;
  return (
    req.method === 'GET' &&
    headers.authorization === undefined &&
    headers.cookie === undefined &&
    headers['x-api-key'] === undefined
  );
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

interface CachedAnswer {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  /** null: no body (304). */
  readonly body: Buffer | null;
}

/**
 * The replay of a memoized response: public GETs become cacheable for what is left of their freshness (304 when the
 * client's copy is current); anything else keeps the stored headers (`no-store`).
 */
export function cachedAnswer(
  req: IncomingMessage,
  stored: { headers: OutgoingHttpHeaders; body: Buffer; etag: string; freshUntil: number },
  now: number,
): CachedAnswer {
  if (!isPublicGet(req)) return { status: 200, headers: stored.headers, body: stored.body };
  const maxAge = Math.max(0, Math.floor((stored.freshUntil - now) / 1000));
  const headers: OutgoingHttpHeaders = {
    ...stored.headers,
    'cache-control': `public, max-age=${maxAge}`,
    etag: stored.etag,
  };
  if (matches(req.headers['if-none-match'], stored.etag)) {
    const { 'content-length': _length, 'content-type': _type, ...rest } = headers;
    return { status: 304, headers: rest, body: null };
  }
  return { status: 200, headers, body: stored.body };
}
