// OwnSocket: one replica's own exchange socket for one side of the streams, opened when a stream needs it (a lease held,
// Redis away) and closed once it has carried no stream for a few seconds, so Redis's return leaves no socket behind.
import type {
  BackpackStream,
  StreamListener,
  StreamLogger,
  StreamStatus,
  SubscribeOptions,
} from '../exchange/stream.ts';

/** The socket is closed after carrying no stream this long: a stream wanted again soon reuses it. */
const IDLE_MS = 5_000;

export interface OwnSubscription {
  /** Idempotent; the last one leaves the socket idle. */
  readonly unsubscribe: () => void;
  /** Runs `then` once the SUBSCRIBE has left (the socket flushes on open, or on the next turn); never if it closes. */
  readonly whenSent: (then: () => void) => void;
}

export class OwnSocket {
  private socket: BackpackStream | undefined;
  private carried = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Reconnects of sockets closed since: the count never goes down. */
  private retiredReconnects = 0;
  private closed = false;

  constructor(
    private readonly connect: () => BackpackStream,
    /** Called on every state change of the socket, and when it is opened or closed. */
    private readonly onChange: () => void,
    private readonly logger: StreamLogger | undefined,
    /** Names the side in logs (never the key). */
    private readonly side: string,
  ) {}

  subscribe(stream: string, listener: StreamListener, options: SubscribeOptions): OwnSubscription {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const socket = this.open();
    const unsubscribe = socket.subscribe(stream, listener, options);
    this.carried += 1;
    let active = true;
    return {
      unsubscribe: () => {
        if (!active) return;
        active = false;
        unsubscribe();
        this.carried -= 1;
        if (this.carried === 0) this.closeWhenIdle();
      },
      whenSent: (then) => whenSent(socket, then),
    };
  }

  /** The open socket's status; undefined while there is none. */
  status(): StreamStatus | undefined {
    return this.socket?.status();
  }

  /** Reconnects of every socket this side has had. */
  get reconnects(): number {
    return (this.socket?.status().reconnects ?? 0) + this.retiredReconnects;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.idleTimer);
    this.socket?.close();
  }

  private open(): BackpackStream {
    if (this.socket !== undefined) return this.socket;
    const socket = this.connect();
    socket.onStatus(() => this.onChange());
    this.socket = socket;
    return socket;
  }

  private closeWhenIdle(): void {
    if (this.closed || this.socket === undefined || this.idleTimer !== undefined) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const socket = this.socket;
      if (socket === undefined || this.carried > 0) return;
      this.socket = undefined;
      this.retiredReconnects += socket.status().reconnects;
      socket.close();
      this.logger?.info({ side: this.side }, 'cluster stream: closed the own exchange socket (unused)');
      this.onChange();
    }, IDLE_MS);
  }
}

function whenSent(socket: BackpackStream, then: () => void): void {
  if (socket.status().state === 'open') {
    setImmediate(then);
    return;
  }
  const stop = socket.onStatus((status) => {
    if (status.state === 'closed') stop();
    if (status.state !== 'open') return;
    stop();
    then();
  });
}
