// A scripted Backpack stand-in on loopback that checks every signature itself with node:crypto (no shared code).
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubReply {
  readonly status?: number;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent verbatim as text/plain (wins over `json`). */
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Hold the answer back this long (timeouts). */
  readonly delayMs?: number;
}

export type StubAuth = 'none' | 'valid' | 'badSignature' | 'expired';

export interface StubHit {
  readonly method: string;
  readonly path: string;
  /** Decoded query pairs in wire order. */
  readonly query: readonly (readonly [string, string])[];
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly bodyText: string;
  readonly auth: StubAuth;
  /** The string the stub verified against (signed routes only). */
  readonly signingString?: string;
}

export interface StubRoute {
  /** Set for signed routes: the instruction the signature must cover. */
  readonly instruction?: string;
  /** Answers in order; the last one repeats. Or a function of the hit. */
  readonly replies: readonly StubReply[] | ((hit: StubHit) => StubReply);
}

export interface StubExchange {
  readonly url: string;
  readonly hits: StubHit[];
  /** How far the stub's clock runs ahead of the real one (negative: behind). */
  skewMs: number;
  route(key: `${'GET' | 'POST' | 'PATCH' | 'DELETE'} ${string}`, route: StubRoute): void;
  hitsFor(key: string): StubHit[];
  close(): Promise<void>;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Client clocks slightly ahead of the stub are tolerated, as the exchange does. */
const FUTURE_TOLERANCE_MS = 1_000;

function render(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function group(pairs: readonly (readonly [string, string])[]): string[] {
  // Stable sort by key keeps repeated keys in their wire order.
  return [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}=${v}`);
}

function objectPairs(object: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(object)) {
    const text = render(value);
    if (text !== undefined) pairs.push([key, text]);
  }
  return pairs;
}

/** Builds Backpack's signing string from what actually arrived: decoded query pairs or the parsed JSON body. */
function buildSigningString(instruction: string, hit: Omit<StubHit, 'auth'>, ts: string, window: string): string {
  let groups: string[][];
  if (hit.bodyText.trim() !== '') {
    const body: unknown = JSON.parse(hit.bodyText);
    const items = Array.isArray(body) ? body : [body];
    groups = items.map((item) => group(objectPairs(item as Record<string, unknown>)));
  } else {
    groups = [group(hit.query)];
  }
  const head = groups.map((pairs) => [`instruction=${instruction}`, ...pairs].join('&')).join('&');
  return `${head}&timestamp=${ts}&window=${window}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkAuth(
  stub: StubExchange,
  route: StubRoute,
  req: IncomingMessage,
  hit: Omit<StubHit, 'auth'>,
): { auth: StubAuth; signingString?: string } {
  if (route.instruction === undefined) return { auth: 'none' };
  const apiKey = header(req, 'x-api-key');
  const signature = header(req, 'x-signature');
  const ts = header(req, 'x-timestamp');
  const window = header(req, 'x-window') ?? '5000';
  if (!apiKey || !signature || !ts) return { auth: 'badSignature' };
  const signingString = buildSigningString(route.instruction, hit, ts, window);
  const publicKey = createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(apiKey, 'base64')]),
    format: 'der',
    type: 'spki',
  });
  const ok = verify(null, Buffer.from(signingString, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  if (!ok) return { auth: 'badSignature', signingString };
  const now = Date.now() + stub.skewMs;
  const sentAt = Number(ts);
  const windowMs = Number(window);
  if (windowMs > 60_000 || now < sentAt - FUTURE_TOLERANCE_MS || now > sentAt + windowMs) {
    return { auth: 'expired', signingString };
  }
  return { auth: 'valid', signingString };
}

function reply(res: ServerResponse, answer: StubReply): void {
  const status = answer.status ?? 200;
  const headers: Record<string, string> = { ...answer.headers };
  let body = '';
  if (answer.text !== undefined) {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    body = answer.text;
  } else if (answer.json !== undefined) {
    headers['content-type'] ??= 'application/json; charset=utf-8';
    body = JSON.stringify(answer.json);
  }
  res.writeHead(status, headers);
  res.end(body);
}

export async function startStubExchange(): Promise<StubExchange> {
  const routes = new Map<string, { route: StubRoute; served: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const hits: StubHit[] = [];

  const stub: StubExchange = {
    get url() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    hits,
    skewMs: 0,
    route(key, route) {
      routes.set(key, { route, served: 0 });
    },
    hitsFor(key) {
      return hits.filter((hit) => `${hit.method} ${hit.path}` === key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  // The exchange's clock, skewed as the test asks; replaced by an explicit route when a test scripts /time.
  stub.route('GET /api/v1/time', { replies: () => ({ text: String(Date.now() + stub.skewMs) }) });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub');
      const partial = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: [...url.searchParams.entries()],
        rawQuery: url.search,
        headers: { ...req.headers },
        bodyText: Buffer.concat(chunks).toString('utf8'),
      };
      const entry = routes.get(`${partial.method} ${partial.path}`);
      if (!entry) {
        hits.push({ ...partial, auth: 'none' });
        return reply(res, { status: 404, text: 'not found' });
      }
      const { auth, signingString } = checkAuth(stub, entry.route, req, partial);
      const hit: StubHit = { ...partial, auth, ...(signingString ? { signingString } : {}) };
      hits.push(hit);
      if (auth === 'badSignature') {
        return reply(res, { status: 400, json: { code: 'INVALID_SIGNATURE', message: 'Invalid signature' } });
      }
      if (auth === 'expired') {
        return reply(res, { status: 400, json: { code: 'INVALID_CLIENT_REQUEST', message: 'Request has expired' } });
      }
      const { replies } = entry.route;
      const answer =
        typeof replies === 'function'
          ? replies(hit)
          : (replies[Math.min(entry.served, replies.length - 1)] ?? { status: 500, text: 'no scripted reply' });
      entry.served++;
      if (answer.delayMs === undefined) return reply(res, answer);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) reply(res, answer);
      }, answer.delayMs);
      timers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return stub;
}
