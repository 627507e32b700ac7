// The graphql-ws `next` messages of one operation, written straight to its client socket: the shared payload JSON
// with only this operation's id spliced in (graphql-ws's own field order: id, type, payload).
import type { WebSocket } from 'ws';
import type { PayloadSink } from '../execution/directDelivery.ts';

export class NextMessages implements PayloadSink {
  private readonly prefix: string;

  constructor(
    private readonly socket: WebSocket,
    id: string,
  ) {
    this.prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  write(payload: string, written: (error?: Error | null) => void): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(`${this.prefix}${payload}}`, written);
    return true;
  }
}
