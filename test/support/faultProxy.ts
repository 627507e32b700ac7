// A loopback HTTP proxy that loses answers on purpose: in front of the sandbox, it injects one fault per chosen request.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * - `forwardThen502`, `forwardThenReset`, `forwardThenTimeout`: the request reaches the upstream (and takes effect);
 *   the answer is then replaced by a 502, a TCP reset, or never sent (held until the client gives up).
 * - `unavailable503`, `rateLimited429`: answered by the proxy; the upstream never sees the request.
 * - `truncated200`: forwarded; the upstream's 2xx body is cut in half (unparseable JSON).
 */
export type Fault =
  'forwardThen502' | 'forwardThenReset' | 'forwardThenTimeout' | 'unavailable503' | 'rateLimited429' | 'truncated200';

/**
 * Answered by the proxy the way the exchange refuses an endpoint (JSON `UNAUTHORIZED` / `FORBIDDEN`, plain-text
 * `not found` for an unknown path); the upstream never sees the request.
 */
export type Refusal = 'unauthorized401' | 'forbidden403' | 'notFound404';

export const FAULTS: readonly Fault[] = [
  'forwardThen502',
  'forwardThenReset',
  'forwardThenTimeout',
  'unavailable503',
  'rateLimited429',
];

export interface RequestLine {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
}

export interface FaultProxy {
  /** Base URL to use instead of the upstream's. */
  readonly url: string;
  /** Injects `fault` into the next `times` requests matching `method` and `path` (default: once). */
  inject(fault: Fault | Refusal, match: RequestLine, times?: number): void;
  /** Chooses a fault (or none) for every request not matched by `inject`. */
  choose(chooser: ((request: RequestLine) => Fault | null) | null): void;
  /** Requests that reached the upstream, in order. */
  readonly forwarded: RequestLine[];
  /** Faults injected so far, in order. */
  readonly injected: (RequestLine & { readonly fault: Fault | Refusal })[];
  close(): Promise<void>;
}

interface Rule extends RequestLine {
  readonly fault: Fault | Refusal;
  remaining: number;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue;
            if (name === 'connection' || name === 'keep-alive') continue;
            out[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

/** Starts the proxy on 127.0.0.1 (an OS-chosen port) in front of `upstreamUrl`. */
export async function startFaultProxy(upstreamUrl: string): Promise<FaultProxy> {
  const target = new URL(upstreamUrl);
  const rules: Rule[] = [];
  const forwarded: RequestLine[] = [];
  const injected: (RequestLine & { fault: Fault | Refusal })[] = [];
  const held = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let chooser: ((request: RequestLine) => Fault | null) | null = null;

  const faultFor = (line: RequestLine): Fault | Refusal | null => {
    const rule = rules.find((r) => r.remaining > 0 && r.method === line.method && r.path === line.path);
    if (rule) {
      rule.remaining--;
      return rule.fault;
    }
    return chooser?.(line) ?? null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const line: RequestLine = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0] ?? '/' };
    const body = await readBody(req);
    const fault = faultFor(line);
    if (fault) injected.push({ ...line, fault });
    if (fault === 'unavailable503') {
      return send(res, 503, { 'content-type': 'text/plain' }, 'Service Unavailable');
    }
    if (fault === 'rateLimited429') {
      const json = JSON.stringify({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests' });
      return send(res, 429, { 'content-type': 'application/json' }, json);
    }
    if (fault === 'unauthorized401') {
      const json = JSON.stringify({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
      return send(res, 401, { 'content-type': 'application/json' }, json);
    }
    if (fault === 'forbidden403') {
      const json = JSON.stringify({ code: 'FORBIDDEN', message: 'Forbidden' });
      return send(res, 403, { 'content-type': 'application/json' }, json);
    }
    if (fault === 'notFound404') return send(res, 404, { 'content-type': 'text/plain' }, 'not found');
    forwarded.push(line);
    const answer = await forward(target, req, body);
    switch (fault) {
      case null:
        return send(res, answer.status, answer.headers, answer.body);
      case 'forwardThen502':
        return send(res, 502, { 'content-type': 'text/html' }, '<html><body>502 Bad Gateway</body></html>');
      case 'forwardThenReset':
        req.socket.resetAndDestroy();
        return;
      case 'forwardThenTimeout':
        // Held until the client gives up (closes the socket) or the proxy closes.
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      case 'truncated200':
        return send(res, answer.status, answer.headers, answer.body.subarray(0, Math.floor(answer.body.length / 2)));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'fault proxy failed to forward');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inject: (fault, match, times = 1) => {
      rules.push({ ...match, fault, remaining: times });
    },
    choose: (next) => {
      chooser = next;
    },
    forwarded,
    injected,
    close: async () => {
      for (const res of held) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
