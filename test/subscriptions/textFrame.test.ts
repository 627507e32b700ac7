// Frames the gateway writes itself past ws's sender: ws's own receiver (what every ws client runs) reads each back as
// one text message with the same bytes, at every length-encoding boundary and with multi-byte characters; with an
// extension negotiated the same message goes through ws instead.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrame } from '../../src/streams/textFrame.ts';
import { WsConnection } from '../../src/streams/wsConnection.ts';

/** ws's frame parser (its clients' own), exported by ws but not typed by @types/ws. */
interface FrameReceiver {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  write(chunk: Buffer): void;
}
const { Receiver } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => FrameReceiver;
};

function received(frame: Buffer): Promise<{ text: string; isBinary: boolean }> {
  return new Promise((resolve, reject) => {
    // A client's receiver: server frames are unmasked.
    const receiver = new Receiver({ isServer: false, maxPayload: 0 });
    receiver.on('message', (data: Buffer, isBinary: boolean) => resolve({ text: data.toString('utf8'), isBinary }));
    receiver.on('error', reject);
    receiver.write(frame);
  });
}

describe('textFrame', () => {
  for (const length of [1, 125, 126, 127, 65_535, 65_536, 70_000]) {
    it(`frames a ${length}-byte message that ws reads back whole, as text`, async () => {
      const body = Buffer.from('x'.repeat(length - 1));
      const frame = textFrame([Buffer.from('{'), body.subarray(0, length - 1)]);
      const { text, isBinary } = await received(frame);
      expect(isBinary).toBe(false);
      expect(text).toBe(`{${'x'.repeat(length - 1)}`);
      expect(frame.length).toBe(length + (length < 126 ? 2 : length < 65_536 ? 4 : 10));
    });
  }

  it('keeps multi-byte characters split across parts intact', async () => {
    const prefix = Buffer.from('{"id":"é","type":"next","payload":');
    const payload = Buffer.from(JSON.stringify({ data: { note: 'ü€😀' } }));
    const { text } = await received(textFrame([prefix, payload, Buffer.from('}')]));
    expect(JSON.parse(text)).toEqual({ id: 'é', type: 'next', payload: { data: { note: 'ü€😀' } } });
  });
});

describe('WsConnection.sendParts', () => {
  for (const perMessageDeflate of [false, true]) {
    it(`delivers the parts as one text message ${perMessageDeflate ? 'through ws (permessage-deflate negotiated)' : 'written past ws'}`, async () => {
      const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
      try {
        const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
        await new Promise<void>((resolve) => server.once('listening', () => resolve()));
        const { port } = server.address() as AddressInfo;
        const client = new WebSocket(`ws://127.0.0.1:${port}`);
        const message = new Promise<{ text: string; isBinary: boolean }>((resolve) =>
          client.once('message', (data: Buffer, isBinary: boolean) =>
            resolve({ text: data.toString('utf8'), isBinary }),
          ),
        );
        const socket = await accepted;
        expect(socket.extensions).toBe(perMessageDeflate ? 'permessage-deflate' : '');
        const connection = new WsConnection(
          { socket, request: { headers: {}, socket: {} as never } },
          { handlers: {}, initialised: () => undefined, internalError: () => undefined },
        );
        const written = new Promise<Error | null | undefined>((resolve) =>
          connection.sendParts([Buffer.from('{"a":'), Buffer.from('"ü"'), Buffer.from('}')], resolve),
        );
        expect(await written).toBeFalsy();
        expect(await message).toEqual({ text: '{"a":"ü"}', isBinary: false });
        client.close();
      } finally {
        server.close();
      }
    });
  }
});
