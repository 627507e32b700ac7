// A WebSocket relay for tests and benches: forwards every connection to a target, and `kill(downMs)` cuts all of
// them and refuses new ones for `downMs` — an exchange connection that drops and stays down for a while.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { RawData } from 'ws';

export interface WsRelay {
  /** `ws://127.0.0.1:<port>`: point the gateway's BACKPACK_WS_URL here. */
  readonly url: string;
  /** Whether connections are refused right now. */
  readonly down: boolean;
  /** Cuts every relayed connection now and refuses new ones for `downMs`. */
  kill(downMs: number): void;
  close(): Promise<void>;
}

export async function startWsRelay(target: string): Promise<WsRelay> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const pairs = new Set<[WebSocket, WebSocket]>();
  let downUntil = 0;

  server.on('upgrade', (request, socket: Socket, head) => {
    if (Date.now() < downUntil) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (client) => {
      const upstream = new WebSocket(target);
      const pair: [WebSocket, WebSocket] = [client, upstream];
      pairs.add(pair);
      const early: RawData[] = [];
      const cut = () => {
        pairs.delete(pair);
        client.terminate();
        upstream.terminate();
      };
      client.on('message', (data: RawData, binary: boolean) => {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary });
        else early.push(data);
      });
      upstream.on('open', () => {
        for (const data of early.splice(0)) upstream.send(data, { binary: false });
      });
      upstream.on('message', (data: RawData, binary: boolean) => {
        if (client.readyState === WebSocket.OPEN) client.send(data, { binary });
      });
      client.on('close', cut);
      upstream.on('close', cut);
      client.on('error', cut);
      upstream.on('error', cut);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${port}`,
    get down() {
      return Date.now() < downUntil;
    },
    kill(downMs) {
      downUntil = Date.now() + downMs;
      for (const [client, upstream] of [...pairs]) {
        client.terminate();
        upstream.terminate();
      }
      pairs.clear();
    },
    close: async () => {
      downUntil = Number.POSITIVE_INFINITY;
      for (const [client, upstream] of pairs) {
        client.terminate();
        upstream.terminate();
      }
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
