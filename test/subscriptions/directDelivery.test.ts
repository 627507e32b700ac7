// Subscription events written as shared JSON: every client of an operation gets the same payload bytes under its own
// message id, and results the per-result hooks must see (too large, errors) still reach the client through them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway } from '../support/gateway.ts';
import type { TestGateway } from '../support/gateway.ts';
import { until } from '../support/until.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 }, env: { GATEWAY_MAX_RESPONSE_BYTES: '1000' } });
});
afterAll(async () => {
  await env?.close();
});

/** A bare graphql-ws client that keeps every frame as the text the gateway sent. */
async function rawClient(operations: Record<string, string>): Promise<{ frames: string[]; close(): void }> {
  const socket = new WebSocket(env.wsUrl, 'graphql-transport-ws');
  const frames: string[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const text = data.toString('utf8');
      // graphql-ws speaks text frames only; a binary one would be a framing mistake.
      if (isBinary) frames.push(`BINARY FRAME: ${text}`);
      if (text.includes('"connection_ack"')) {
        for (const [id, query] of Object.entries(operations))
          socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
        resolve();
      } else frames.push(text);
    });
  });
  return { frames, close: () => socket.close() };
}

const TICKER = 'subscription { ticker(symbol: "SOL_USDC") { symbol lastPrice volume eventTime } }';

describe('direct delivery of subscription events', () => {
  it('sends every client of an operation the same payload bytes, each under its own id', async () => {
    const first = await rawClient({ a: TICKER });
    // An id that JSON must escape, to show it is spliced in as JSON.
    const second = await rawClient({ 'b"\\c': TICKER });
    try {
      const nexts = (frames: string[]) => frames.filter((frame) => frame.includes('"type":"next"'));
      await until(() => nexts(first.frames).length >= 3 && nexts(second.frames).length >= 3, 'three tickers each');
      const payloadOf = (frame: string, id: string): string => {
        const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
        expect(frame.startsWith(prefix)).toBe(true);
        expect(frame.endsWith('}')).toBe(true);
        return frame.slice(prefix.length, -1);
      };
      const payloadsA = nexts(first.frames).map((frame) => payloadOf(frame, 'a'));
      const payloadsB = nexts(second.frames).map((frame) => payloadOf(frame, 'b"\\c'));
      const parsed = JSON.parse(payloadsA.at(-1) ?? '') as { data: { ticker: { symbol: string } } };
      expect(parsed.data.ticker.symbol).toBe('SOL_USDC');
      // The same events (the later-joined client may have missed the first ones) with byte-identical payloads.
      const common = payloadsB.filter((payload) => payloadsA.includes(payload));
      expect(common.length).toBeGreaterThanOrEqual(2);
      expect(first.frames.filter((frame) => frame.includes('"errors"'))).toEqual([]);
      expect([...first.frames, ...second.frames].filter((frame) => frame.startsWith('BINARY'))).toEqual([]);
    } finally {
      first.close();
      second.close();
    }
  });

  it('replaces an event above GATEWAY_MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE while a smaller one flows', async () => {
    // 29 aliases (the limit is 30) of the market link, about 1,300 bytes in all.
    const markets = Array.from({ length: 29 }, (_, i) => `m${i}: market { symbol baseSymbol }`).join(' ');
    const wide = `subscription { ticker(symbol: "SOL_USDC") { ${markets} } }`;
    const client = await rawClient({ wide, narrow: 'subscription { ticker(symbol: "SOL_USDC") { symbol } }' });
    try {
      const of = (id: string) => client.frames.filter((frame) => frame.startsWith(`{"id":"${id}"`));
      await until(() => of('wide').length >= 2 && of('narrow').length >= 2, 'two events for each operation');
      for (const frame of of('wide')) {
        const message = JSON.parse(frame) as { payload: { data?: unknown; errors?: { extensions: unknown }[] } };
        expect(message.payload.data ?? null).toBeNull();
        expect(message.payload.errors?.[0]?.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 1000 });
      }
      expect(JSON.parse(of('narrow')[0] ?? '')).toEqual({
        id: 'narrow',
        type: 'next',
        payload: { data: { ticker: { symbol: 'SOL_USDC' } } },
      });
    } finally {
      client.close();
    }
  });
});
