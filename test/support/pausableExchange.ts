// A minimal exchange on loopback that can be hung (connections accepted, never answered) and resumed: /ready tests.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PausableExchange {
  readonly url: string;
  /** While hung, requests are accepted and left unanswered. */
  hang(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Answers GET /api/v1/time and an empty market and asset catalog; anything else is a 404. */
export async function startPausableExchange(): Promise<PausableExchange> {
  let hung = false;
  const sockets = new Set<Socket>();
  const parked: ServerResponse[] = [];
  const server = createServer((req, res) => {
    if (hung) {
      parked.push(res);
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (path === '/api/v1/time') res.end(String(Date.now()));
    else if (path === '/api/v1/markets' || path === '/api/v1/assets')
      res.setHeader('content-type', 'application/json').end('[]');
    else res.writeHead(404).end('{"code":"NOT_FOUND","message":"not found"}');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hang: () => {
      hung = true;
    },
    resume: () => {
      hung = false;
      for (const res of parked.splice(0)) res.destroy();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
