// The graphql-transport-ws protocol as the gateway's own server loop speaks it (src/streams/wsConnection.ts): what a
// graphql-ws client relies on — the ack, ping/pong, the close codes for protocol mistakes, `complete` from either side,
// errors as `error` messages — checked frame by frame against a small schema.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, execute, GraphQLError, subscribe } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { serveGraphQLWs } from '../../src/streams/wsServer.ts';
import { until } from '../support/until.ts';

interface Frame {
  readonly id?: string;
  readonly type: string;
  readonly payload?: unknown;
}

const schema = buildSchema(`
  type Query { hello: String }
  type Subscription { count: Int }
`);

/** `count` ticks 1, 2, 3 … every 20 ms until the client completes; `returned` counts the streams that were closed. */
const streams = { returned: 0 };
const rootValue = {
  hello: () => 'world',
  count: async function* () {
    try {
      for (let n = 1; ; n += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        yield { count: n };
      }
    } finally {
      streams.returned += 1;
    }
  },
};

let server: Server;
let url: string;
let served: { dispose(): Promise<void> };

beforeAll(async () => {
  server = createServer();
  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  served = serveGraphQLWs(
    {
      schema,
      onConnect: (ctx) => ctx.connectionParams?.['refuse'] !== true,
      onSubscribe: (_ctx, _id, payload) =>
        payload.query.includes('refused') ? [new GraphQLError('refused by the server')] : undefined,
      execute: (args) => execute({ ...args, rootValue }),
      subscribe: (args) => subscribe({ ...args, rootValue }),
    },
    wsServer,
    { warn: () => undefined },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await served?.dispose();
  server?.close();
});

interface Client {
  readonly socket: WebSocket;
  readonly frames: Frame[];
  readonly closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
}

async function open(protocols: string[] = ['graphql-transport-ws']): Promise<Client> {
  const socket = new WebSocket(url, protocols);
  const frames: Frame[] = [];
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
  };
}

async function acknowledged(connectionParams: Record<string, unknown> = {}): Promise<Client> {
  const client = await open();
  client.send({ type: 'connection_init', payload: connectionParams });
  await until(() => client.frames.some((frame) => frame.type === 'connection_ack'), 'connection_ack');
  return client;
}

describe('graphql-ws protocol', () => {
  it('acknowledges connection_init, answers a query with next then complete, and ping with pong', async () => {
    const client = await acknowledged();
    client.send({ id: 'q', type: 'subscribe', payload: { query: '{ hello }' } });
    client.send({ type: 'ping', payload: { at: 1 } });
    await until(() => client.frames.some((frame) => frame.type === 'complete'), 'complete');
    await until(() => client.frames.some((frame) => frame.type === 'pong'), 'pong');
    expect(client.frames).toContainEqual({ type: 'pong', payload: { at: 1 } });
    expect(client.frames.filter((frame) => frame.id === 'q')).toEqual([
      { id: 'q', type: 'next', payload: { data: { hello: 'world' } } },
      { id: 'q', type: 'complete' },
    ]);
    client.socket.close();
  });

  it('streams a subscription until the client completes it, then closes its stream; the id can be used again', async () => {
    const client = await acknowledged();
    const returned = streams.returned;
    client.send({ id: 's', type: 'subscribe', payload: { query: 'subscription { count }' } });
    await until(() => client.frames.filter((frame) => frame.id === 's').length >= 2, 'two events');
    expect(client.frames[1]).toEqual({ id: 's', type: 'next', payload: { data: { count: 1 } } });
    client.send({ id: 's', type: 'complete' });
    await until(() => streams.returned === returned + 1, 'the stream to be closed');
    client.send({ id: 's', type: 'subscribe', payload: { query: '{ hello }' } });
    await until(() => client.frames.some((frame) => frame.type === 'complete'), 'the reused id to complete');
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('answers an invalid or refused operation with an error message for that id only, without complete', async () => {
    const client = await acknowledged();
    client.send({ id: 'bad', type: 'subscribe', payload: { query: '{ nope }' } });
    client.send({ id: 'no', type: 'subscribe', payload: { query: '{ refused: hello }' } });
    await until(() => client.frames.filter((frame) => frame.type === 'error').length === 2, 'two errors');
    expect(client.frames.find((frame) => frame.id === 'bad')).toMatchObject({
      type: 'error',
      payload: [{ message: expect.stringContaining('nope') }],
    });
    expect(client.frames.find((frame) => frame.id === 'no')).toEqual({
      id: 'no',
      type: 'error',
      payload: [{ message: 'refused by the server' }],
    });
    expect(client.frames.filter((frame) => frame.type === 'complete')).toEqual([]);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
  });

  it('closes with 4409 when a subscribe reuses the id of a running operation', async () => {
    const client = await acknowledged();
    client.send({ id: 'x', type: 'subscribe', payload: { query: 'subscription { count }' } });
    client.send({ id: 'x', type: 'subscribe', payload: { query: 'subscription { count }' } });
    expect(await client.closed).toEqual({ code: 4409, reason: 'Subscriber for x already exists' });
  });

  it('closes with 4401 on a subscribe before connection_ack', async () => {
    const client = await open();
    client.send({ id: '1', type: 'subscribe', payload: { query: '{ hello }' } });
    expect(await client.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('closes with 4429 on a second connection_init', async () => {
    const client = await acknowledged();
    client.send({ type: 'connection_init' });
    expect(await client.closed).toEqual({ code: 4429, reason: 'Too many initialisation requests' });
  });

  it('closes with 4403 when the server refuses the connection', async () => {
    const client = await open();
    client.send({ type: 'connection_init', payload: { refuse: true } });
    expect(await client.closed).toEqual({ code: 4403, reason: 'Forbidden' });
    expect(client.frames).toEqual([]);
  });

  it('closes with 4400 on a frame that is not JSON, and on a message graphql-ws does not accept', async () => {
    const garbage = await acknowledged();
    garbage.send('{not json');
    expect(await garbage.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
    const noId = await acknowledged();
    noId.send({ type: 'subscribe', payload: { query: '{ hello }' } });
    expect(await noId.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
  });

  it('closes with 4406 when the client does not ask for graphql-transport-ws', async () => {
    const client = await open([]);
    expect((await client.closed).code).toBe(4406);
  });

  it('closes with 4408 when connection_init does not come within 3 s', async () => {
    const client = await open();
    expect(await client.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  }, 10_000);

  it('closes the streams of a client that disconnects', async () => {
    const client = await acknowledged();
    const returned = streams.returned;
    client.send({ id: 'a', type: 'subscribe', payload: { query: 'subscription { count }' } });
    client.send({ id: 'b', type: 'subscribe', payload: { query: 'subscription { count }' } });
    await until(() => new Set(client.frames.map((frame) => frame.id)).size >= 3, 'both streams running');
    client.socket.terminate();
    await until(() => streams.returned === returned + 2, 'both streams to be closed');
  });
});
