// graphql-ws on the gateway: GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION refuses one operation too many with a clear
// error while the others run on, and graphql-ws's internal errors reach the gateway's logger, not console.error.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { serveGraphQLWs } from '../../src/streams/wsServer.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { until } from '../support/until.ts';

interface Frame {
  readonly id?: string;
  readonly type: string;
  readonly payload?: unknown;
}

async function connect(url: string): Promise<{ socket: WebSocket; frames: Frame[] }> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const frames: Frame[] = [];
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  await until(() => frames.some((frame) => frame.type === 'connection_ack'), 'connection_ack');
  return { socket, frames };
}

describe('subscriptions per connection', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway({
      sandbox: { seed: 5, flow: { enabled: false } },
      account: null,
      env: { GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3' },
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('refuses the fourth subscription on one connection with TOO_MANY_SUBSCRIPTIONS; the three run on', async () => {
    const { socket, frames } = await connect(gateway.url.replace(/^http/, 'ws'));
    try {
      const subscribe = (id: string) =>
        socket.send(
          JSON.stringify({
            id,
            type: 'subscribe',
            payload: { query: 'subscription { ticker(symbol: "SOL_USDC") { symbol } }' },
          }),
        );
      for (const id of ['1', '2', '3', '4']) subscribe(id);
      await until(() => frames.some((frame) => frame.id === '4' && frame.type === 'error'), 'the refusal');
      const refusal = frames.find((frame) => frame.id === '4');
      expect(refusal?.payload).toEqual([
        expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: 3 } }),
      ]);
      expect(frames.filter((frame) => frame.type === 'error' || frame.type === 'complete')).toHaveLength(1);
      // Completing one makes room for another on the same connection.
      socket.send(JSON.stringify({ id: '1', type: 'complete' }));
      // Messages are handled in order: 1 is gone before 5 takes its place, and 6 is one too many again.
      subscribe('5');
      subscribe('6');
      await until(() => frames.some((frame) => frame.id === '6' && frame.type === 'error'), 'the second refusal');
      expect(frames.filter((frame) => frame.id === '5' && frame.type === 'error')).toEqual([]);
      expect(socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      socket.close();
    }
  });
});

describe('graphql-ws internal errors', () => {
  it('go to the gateway logger, and the client sees no error text in the close reason', async () => {
    const server = createServer();
    const wsServer = new WebSocketServer({ server, path: '/graphql' });
    const logged: { details: object; message: string }[] = [];
    const printed: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    const served = serveGraphQLWs(
      {
        schema: buildSchema('type Query { ok: Boolean }'),
        onSubscribe: () => {
          throw new Error('secret-ish internal detail');
        },
      },
      wsServer,
      { warn: (details, message) => void logged.push({ details, message }) },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { socket } = await connect(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        socket.once('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
      );
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ ok }' } }));
      expect(await closed).toEqual({ code: 4500, reason: 'Internal server error' });
      expect(logged).toEqual([
        {
          details: { err: { name: 'Error', message: 'secret-ish internal detail' } },
          message: expect.stringMatching(/graphql-ws/),
        },
      ]);
      expect(printed).toEqual([]);
    } finally {
      console.error = consoleError;
      await served.dispose();
      server.close();
    }
  });
});
