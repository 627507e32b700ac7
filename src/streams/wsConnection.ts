// The graphql-transport-ws protocol of one client connection, as graphql-ws's own server speaks it: messages parsed
// and validated by graphql-ws, `connection_init` → `connection_ack` (4429 on a second init, 4403 when refused), `ping`
// answered with `pong`, `subscribe` only after the ack (4401) under an id not in use (4409), `complete` from either
// side, an unparsable or invalid message closes with 4400. Its operations are WsOperation objects (see there).
import type { IncomingMessage } from 'node:http';
import type { Writable } from 'node:stream';
import { CloseCode, MessageType, parseMessage, stringifyMessage, type Message } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { textFrame } from './textFrame.ts';
import { WsOperation, type OperationHandlers, type OperationHost } from './wsOperation.ts';

/**
 * What a connection keeps of its upgrade request: the headers (Origin, token, x-request-id) and the TCP socket (the
 * peer address), not the whole IncomingMessage (its stream state and raw header list), for as long as it is open.
 */
export type UpgradeRequest = Pick<IncomingMessage, 'headers' | 'socket'>;

/** graphql-ws's `ctx.extra` on this server. */
export interface Extra {
  readonly socket: WebSocket;
  readonly request: UpgradeRequest;
}

/** What the server's hooks see of a connection (graphql-ws's `ctx`). */
export interface ConnectionContext {
  /** The `connection_init` payload, when it was an object. */
  readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
  readonly extra: Extra;
  /** The operations running on this connection, by id (a new one is counted as soon as its `subscribe` arrives). */
  readonly operations: ReadonlyMap<string, unknown>;
}

export interface ProtocolHandlers extends OperationHandlers<ConnectionContext> {
  /** On `connection_init`: false refuses the connection (4403); an object is sent as the ack's payload. */
  readonly onConnect?: (
    context: ConnectionContext,
  ) => boolean | void | Record<string, unknown> | Promise<boolean | void | Record<string, unknown>>;
}

/** What a connection needs of its server. */
export interface ConnectionServer {
  readonly handlers: ProtocolHandlers;
  /** `connection_init` arrived: the init deadline no longer applies. */
  initialised(socket: WebSocket): void;
  /** A failure of the server (a hook threw): logged, and the connection closes with 4500. */
  internalError(socket: WebSocket, error: unknown): void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class WsConnection implements ConnectionContext, OperationHost<ConnectionContext> {
  connectionParams: Readonly<Record<string, unknown>> | undefined;
  readonly operations = new Map<string, WsOperation<ConnectionContext>>();
  /** Answered the last keep-alive ping. */
  alive = true;
  private initReceived = false;
  private acknowledged = false;

  constructor(
    readonly extra: Extra,
    private readonly server: ConnectionServer,
  ) {}

  get context(): ConnectionContext {
    return this;
  }

  get handlers(): ProtocolHandlers {
    return this.server.handlers;
  }

  receive(data: string): void {
    let message: Message;
    try {
      message = parseMessage(data);
    } catch {
      this.close(CloseCode.BadRequest, 'Invalid message received');
      return;
    }
    switch (message.type) {
      case MessageType.ConnectionInit:
        this.init(message.payload);
        return;
      case MessageType.Ping:
        this.send(
          stringifyMessage(
            message.payload ? { type: MessageType.Pong, payload: message.payload } : { type: MessageType.Pong },
          ),
        );
        return;
      case MessageType.Pong:
        return;
      case MessageType.Subscribe: {
        if (!this.acknowledged) return this.close(CloseCode.Unauthorized, 'Unauthorized');
        const { id, payload } = message;
        if (this.operations.has(id))
          return this.close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${id} already exists`);
        const operation = new WsOperation(this, id);
        this.operations.set(id, operation);
        operation.start(payload).catch((error: unknown) => this.internalError(error));
        return;
      }
      case MessageType.Complete: {
        const operation = this.operations.get(message.id);
        this.operations.delete(message.id);
        operation?.stop();
        return;
      }
      default:
        // A message only a server sends (connection_ack, next, error, pong's counterpart): not the client's to send.
        this.close(CloseCode.BadRequest, `Unexpected message of type ${message.type} received`);
    }
  }

  /** The socket closed: every operation stops. */
  closed(): void {
    const operations = [...this.operations.values()];
    this.operations.clear();
    for (const operation of operations) operation.stop();
  }

  send(message: string, written?: (error?: Error | null) => void): boolean {
    const { socket } = this.extra;
    if (socket.readyState !== socket.OPEN) return false;
    socket.send(message, written);
    return true;
  }

  /**
   * One text message written as one frame straight to the TCP socket (src/streams/textFrame.ts), past ws's sender.
   * That is safe while no extension was negotiated (this server offers none: no permessage-deflate), when ws keeps no
   * frame of its own queued or compressing, and every frame, its own pings and close included, goes to the socket in
   * the order written. With an extension it goes through ws.
   */
  sendParts(parts: readonly Uint8Array[], written: (error?: Error | null) => void): boolean {
    const { socket } = this.extra;
    if (socket.readyState !== socket.OPEN) return false;
    const tcp = socket.extensions === '' ? (socket as { _socket?: Writable })._socket : undefined;
    if (tcp !== undefined) tcp.write(textFrame(parts), written);
    else socket.send(Buffer.concat(parts), { binary: false }, written);
    return true;
  }

  forget(id: string, operation: WsOperation<ConnectionContext>): void {
    if (this.operations.get(id) === operation) this.operations.delete(id);
  }

  internalError(error: unknown): void {
    this.server.internalError(this.extra.socket, error);
  }

  private init(payload: unknown): void {
    if (this.initReceived)
      return this.close(CloseCode.TooManyInitialisationRequests, 'Too many initialisation requests');
    this.initReceived = true;
    this.server.initialised(this.extra.socket);
    if (isObject(payload)) this.connectionParams = payload;
    const accept = (permitted: boolean | void | Record<string, unknown>): void => {
      if (permitted === false) return this.close(CloseCode.Forbidden, 'Forbidden');
      this.acknowledged = true;
      this.send(
        stringifyMessage(
          isObject(permitted)
            ? { type: MessageType.ConnectionAck, payload: permitted }
            : { type: MessageType.ConnectionAck },
        ),
      );
    };
    try {
      const permitted = this.handlers.onConnect?.(this);
      if (permitted instanceof Promise) permitted.then(accept, (error: unknown) => this.internalError(error));
      else accept(permitted);
    } catch (error) {
      this.internalError(error);
    }
  }

  private close(code: number, reason: string): void {
    this.extra.socket.close(code, reason);
  }
}
