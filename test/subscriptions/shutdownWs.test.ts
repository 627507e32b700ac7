// Graceful shutdown as a graphql-ws client sees it: each running subscription gets its `complete`, then the socket
// closes with 1001 (going away), so the client knows the end was deliberate and can reconnect elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { until } from '../support/until.ts';

interface Frame {
  readonly id?: string;
  readonly type: string;
}

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 11 } });
});
afterAll(async () => {
  await env?.close();
});

describe('graphql-ws on shutdown', () => {
  it('completes each running subscription, then closes the socket with 1001', async () => {
    const socket = new WebSocket(env.wsUrl, 'graphql-transport-ws');
    const frames: Frame[] = [];
    socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as Frame));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await until(() => frames.some((frame) => frame.type === 'connection_ack'), 'connection_ack');
    for (const id of ['a', 'b'])
      socket.send(
        JSON.stringify({
          id,
          type: 'subscribe',
          payload: { query: 'subscription { ticker(symbol: "SOL_USDC") { symbol } }' },
        }),
      );
    await until(() => frames.some((frame) => frame.id === 'b' && frame.type === 'next'), 'a ticker on b');
    await env.gateway.shutdown('test');
    expect(await closed).toBe(1001);
    expect(
      frames
        .filter((frame) => frame.type === 'complete')
        .map((frame) => frame.id)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(frames.filter((frame) => frame.type === 'error')).toEqual([]);
  });
});
