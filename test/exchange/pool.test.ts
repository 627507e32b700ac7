// The pooled HTTP transport on a real loopback server: whole bodies (however they are chunked), its own timeout
// (also while a body stalls, and while waiting for a pooled connection), caller aborts, and connection failures.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pooledSend, UpstreamTimeout, type HttpRequest } from '../../src/exchange/pool.ts';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let origin: string;
let handler: Handler;
let agent: Agent;
/** Requests the server has seen, in order. */
let seen: { method: string; url: string; body: string; headers: IncomingMessage['headers'] }[];

beforeEach(async () => {
  seen = [];
  handler = (_request, response) => response.end('ok');
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', body, headers: request.headers });
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  agent = new Agent({ connections: 1 });
});

afterEach(async () => {
  await agent.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (overrides: Partial<HttpRequest> = {}): HttpRequest => ({
  method: 'POST',
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-api-key': 'key' },
  body: '{"symbol":"SOL_USDC"}',
  signal: undefined,
  timeoutMs: 5_000,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('pooledSend', () => {
  it('sends method, path, headers and body, and answers status, headers and the whole text', async () => {
    // A multi-byte character split across two chunks must come back whole.
    const text = '{"note":"prix €1"}';
    const bytes = Buffer.from(text, 'utf8');
    const cut = bytes.indexOf(0xe2) + 1;
    handler = (_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-page-count': '3' });
      response.write(bytes.subarray(0, cut));
      setTimeout(() => response.end(bytes.subarray(cut)), 20);
    };
    const answer = await pooledSend(agent)(origin, '/api/v1/order?x=1', post());
    expect(answer.status).toBe(201);
    expect(answer.text).toBe(text);
    expect(answer.headers.get('X-Page-Count')).toBe('3');
    expect([...answer.headers.entries()]).toContainEqual(['content-type', 'application/json']);
    expect(seen).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/v1/order?x=1', body: '{"symbol":"SOL_USDC"}' }),
    ]);
    expect(seen[0]?.headers['x-api-key']).toBe('key');
  });

  it('fails with UpstreamTimeout when the body stalls, and the pool still serves the next request', async () => {
    handler = (request, response) => {
      if (request.url === '/stall') {
        response.writeHead(200);
        response.write('{"partial":');
        return; // never ends
      }
      response.end('next');
    };
    const send = pooledSend(agent);
    expect(await failure(send(origin, '/stall', post({ timeoutMs: 100 })))).toBeInstanceOf(UpstreamTimeout);
    expect((await send(origin, '/after', post())).text).toBe('next');
  });

  it('times out a request still waiting for a pooled connection, without ever sending it', async () => {
    let release: () => void = () => undefined;
    handler = (request, response) => {
      if (request.url === '/slow') release = () => response.end('slow');
      else response.end('fast');
    };
    const send = pooledSend(agent); // one connection: the second request queues behind the first
    const slow = send(origin, '/slow', post());
    await until(() => seen.length === 1);
    expect(await failure(send(origin, '/queued', post({ timeoutMs: 100 })))).toBeInstanceOf(UpstreamTimeout);
    release();
    expect((await slow).text).toBe('slow');
    expect((await send(origin, '/after', post())).text).toBe('fast');
    expect(seen.map((request) => request.url)).toEqual(['/slow', '/after']);
  });

  it("rejects with the caller's own abort reason, before and during the request", async () => {
    handler = () => undefined; // never answers
    const send = pooledSend(agent);
    const early = new AbortController();
    early.abort(new Error('gave up before'));
    expect(await failure(send(origin, '/x', post({ signal: early.signal })))).toEqual(new Error('gave up before'));
    const late = new AbortController();
    const pending = send(origin, '/x', post({ signal: late.signal }));
    setTimeout(() => late.abort(new Error('gave up during')), 30);
    expect(await failure(pending)).toEqual(new Error('gave up during'));
  });

  it('rejects a refused connection like fetch: a TypeError whose cause carries the errno', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(pooledSend(agent)(`http://127.0.0.1:${port}`, '/x', post()));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED');
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not reached');
}
