// An "exchange" on loopback whose process is alive but silent: it accepts TCP connections and never answers.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HungExchange {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Request lines received so far (`GET /api/v1/capital HTTP/1.1`). */
  readonly requests: () => readonly string[];
  /** Connections the client side has closed (an aborted request closes its socket). */
  readonly closedByClient: () => number;
  close(): Promise<void>;
}

export async function startHungExchange(): Promise<HungExchange> {
  const sockets = new Set<Socket>();
  let closedByClient = 0;
  let closing = false;
  const requests: string[] = [];
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => requests.push(chunk.toString('latin1').split('\r\n', 1)[0] ?? ''));
    socket.on('close', () => {
      sockets.delete(socket);
      if (!closing) closedByClient++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    closedByClient: () => closedByClient,
    close: async () => {
      closing = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
