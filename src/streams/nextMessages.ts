// The graphql-ws `next` messages of one operation, written straight to its client socket: the shared payload JSON
// with only this operation's id spliced in (graphql-ws's own field order: id, type, payload).
import type { WebSocket } from 'ws';
import type { DrivenDelivery, PayloadSink } from '../execution/directDelivery.ts';

export class NextMessages implements PayloadSink {
  private readonly prefix: string;
  /** The direct delivery writing through this sink, if the operation has one (the transport drives it). */
  delivery: DrivenDelivery | undefined;

  constructor(
    private readonly socket: WebSocket,
    id: string,
  ) {
    this.prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  claimedBy(delivery: DrivenDelivery): void {
    this.delivery = delivery;
  }

  write(payload: string, written: (error?: Error | null) => void): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.send(`${this.prefix}${payload}}`, written);
    return true;
  }
}
