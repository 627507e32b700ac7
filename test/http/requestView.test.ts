// The native path's request view hands a query's exchange calls an abort signal that follows the client: aborted when
// the client goes away, including when the signal is first read after it left (it is built lazily, at the first
// exchange call that leaves the cache), and never aborted by a response that finished.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeRequestView } from '../../src/http/native/requestView.ts';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that hands each request's view to the test; the client sends one POST and may abort it. */
async function oneRequest(): Promise<{ view: NodeRequestView; res: ServerResponse; abortClient: () => void }> {
  let seen: (value: { req: IncomingMessage; res: ServerResponse }) => void = () => undefined;
  const arrived = new Promise<{ req: IncomingMessage; res: ServerResponse }>((resolve) => (seen = resolve));
  const server = createServer((req, res) => seen({ req, res }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/graphql' });
  client.on('error', () => undefined);
  client.end('{}');
  const { req, res } = await arrived;
  return { view: new NodeRequestView(req, res), res, abortClient: () => client.destroy() };
}

describe('NodeRequestView.signal', () => {
  it('is already aborted when first read after the client went away', async () => {
    const { view, res, abortClient } = await oneRequest();
    abortClient();
    await vi.waitFor(() => expect(res.closed).toBe(true));
    expect(view.signal.aborted).toBe(true);
  });

  it('aborts when the client goes away after it was read', async () => {
    const { view, abortClient } = await oneRequest();
    const signal = view.signal;
    expect(signal.aborted).toBe(false);
    abortClient();
    await vi.waitFor(() => expect(signal.aborted).toBe(true));
  });

  it('is not aborted by a response that finished', async () => {
    const { view, res } = await oneRequest();
    const signal = view.signal;
    res.end('{}');
    await vi.waitFor(() => expect(res.closed).toBe(true));
    expect(signal.aborted).toBe(false);
    expect(view.signal).toBe(signal);
  });
});
