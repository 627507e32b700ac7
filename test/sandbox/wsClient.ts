// A WebSocket test client that queues frames so tests can await the next one (or assert silence).
import WebSocket from 'ws';

export interface TestSocket {
  readonly socket: WebSocket;
  send(message: unknown): void;
  /** Next JSON frame, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<unknown>;
  /** Resolves with every frame received within `ms` (used to assert that nothing arrived). */
  drain(ms: number): Promise<unknown[]>;
  closed: Promise<number>;
  close(): void;
}

export async function connect(url: string, options: WebSocket.ClientOptions = {}): Promise<TestSocket> {
  const socket = new WebSocket(url, options);
  const queue: unknown[] = [];
  const waiters: ((value: unknown) => void)[] = [];
  socket.on('message', (raw) => {
    const value: unknown = JSON.parse(String(raw));
    const waiter = waiters.shift();
    if (waiter) waiter(value);
    else queue.push(value);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: (timeoutMs = 2000) =>
      queue.length > 0
        ? Promise.resolve(queue.shift())
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(done), 1);
              reject(new Error('no frame received'));
            }, timeoutMs);
            const done = (value: unknown): void => {
              clearTimeout(timer);
              resolve(value);
            };
            waiters.push(done);
          }),
    drain: async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return queue.splice(0);
    },
    closed,
    close: () => socket.close(),
  };
}
