// Many graphql-ws subscribers on plain `ws` sockets, as cheap per message as a client can be (no JSON parsing): the
// same code drives the gateway and the raw baseline, so client cost is equal on both sides.
import WebSocket from 'ws';

const SEQ = Buffer.from('"trades":');

export interface Subscribers {
  readonly count: number;
  /** `next` messages received so far, over all sockets. */
  delivered(): number;
  /** Lowest sequence number every socket has reached (the `trades` field of the payload). */
  lowestSeen(): number;
  /** Resolves when every socket has seen `seq` or later. */
  reached(seq: number): Promise<void>;
  errors(): number;
  close(): Promise<void>;
}

/** Opens `count` sockets (in batches, like real clients arriving), each with one subscription to `query`. */
export async function openSubscribers(url: string, count: number, query: string, batch = 50): Promise<Subscribers> {
  const sockets: WebSocket[] = [];
  const last = new Int32Array(count).fill(-1);
  // How many sockets have reached each sequence number (ring), to find the lowest cheaply.
  let delivered = 0;
  let errors = 0;
  let lowest = -1;
  const atLeast = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  const advance = (index: number, seq: number): void => {
    const previous = last[index] ?? -1;
    if (seq <= previous) return;
    last[index] = seq;
    for (let s = Math.max(previous + 1, lowest + 1); s <= seq; s += 1) {
      const n = (atLeast.get(s) ?? 0) + 1;
      if (n === count) {
        atLeast.delete(s);
        lowest = s;
        waiters.get(s)?.();
        waiters.delete(s);
      } else atLeast.set(s, n);
    }
  };
  const open = (index: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { perMessageDeflate: false, skipUTF8Validation: true });
      sockets.push(socket);
      socket.once('open', () => socket.send('{"type":"connection_init","payload":{}}'));
      socket.once('error', (error) => {
        errors += 1;
        reject(error);
      });
      socket.on('message', (data: Buffer) => {
        // {"id":"1","type":"next",...}: the type sits in the first 30 bytes.
        if (data.indexOf('"next"') !== -1 && data.indexOf('"next"') < 40) {
          delivered += 1;
          const at = data.indexOf(SEQ);
          if (at !== -1)
            advance(index, Number.parseInt(data.toString('latin1', at + SEQ.length, at + SEQ.length + 12), 10));
          return;
        }
        const text = data.toString();
        if (text.includes('connection_ack')) {
          socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
          resolve();
        } else if (text.includes('"error"')) errors += 1;
      });
    });
  for (let i = 0; i < count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => open(i + j)));
  }
  return {
    count,
    delivered: () => delivered,
    lowestSeen: () => lowest,
    reached: (seq) =>
      seq <= lowest
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const previous = waiters.get(seq);
            waiters.set(seq, () => {
              previous?.();
              resolve();
            });
          }),
    errors: () => errors,
    close: async () => {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) resolve();
              else {
                socket.once('close', () => resolve());
                socket.terminate();
              }
            }),
        ),
      );
    },
  };
}
