// One graphql-ws operation (a `subscribe` message) from start to `complete`: its arguments from the server's hook,
// then its result(s) sent as `next`, `error` and `complete` messages.
//
// An idle subscription costs no pending promise and no closure: a directly delivered subscription (see
// src/execution/directDelivery.ts) writes its events through this object (its PayloadSink) and wakes it (its
// DeliveryDriver) only for a step its hooked stream must see; only then is that stream pulled, once. Any other stream
// (a query's @defer, a source that is not a hub queue) is pulled one result at a time, each after the previous was sent.
import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  subscribe,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { MessageType, stringifyMessage, type SubscribePayload } from 'graphql-ws';
import type { DeliveryDriver, DrivenDelivery, PayloadSink } from '../execution/directDelivery.ts';

type MaybePromise<T> = T | Promise<T>;

/** The end of a `next` message after its payload. */
const CLOSING_BRACE = Buffer.from('}');

export type OperationResult = ExecutionResult | AsyncIterable<ExecutionResult>;

/** What an operation needs of its connection. */
export interface OperationHost<Context> {
  /** The graphql-ws context the hooks see (connection params, the upgrade request). */
  readonly context: Context;
  readonly handlers: OperationHandlers<Context>;
  /** Sends one message; resolves once written (or at once when the socket is gone). */
  send(message: string, written?: (error?: Error | null) => void): boolean;
  /** Sends one text message made of `parts` (UTF-8) back to back; false when the socket no longer takes messages. */
  sendParts(parts: readonly Uint8Array[], written: (error?: Error | null) => void): boolean;
  /** The operation ended: its id may be used again. */
  forget(id: string, operation: WsOperation<Context>): void;
  /** A failure of the server, not of the client's operation: ends the connection (4500). */
  internalError(error: unknown): void;
}

export interface OperationHandlers<Context> {
  /**
   * The operation's execution arguments, or errors for this operation only. Nothing: the payload is parsed and
   * validated against `schema`. `sink` is where its events may be written directly (the subscription's root value
   * carries it). A throw is an internal error: the connection closes with 4500.
   */
  readonly onSubscribe?: (
    context: Context,
    id: string,
    payload: SubscribePayload,
    sink: PayloadSink,
  ) => MaybePromise<ExecutionArgs | readonly GraphQLError[] | void>;
  readonly schema?: GraphQLSchema;
  readonly execute?: (args: ExecutionArgs) => MaybePromise<OperationResult>;
  readonly subscribe?: (args: ExecutionArgs) => MaybePromise<OperationResult>;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function errorsOf(value: unknown): readonly GraphQLError[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((each) => each instanceof GraphQLError)
    ? (value as GraphQLError[])
    : undefined;
}

export class WsOperation<Context> implements PayloadSink, DeliveryDriver {
  private active = true;
  private stream: AsyncIterator<ExecutionResult> | undefined;
  private delivery: DrivenDelivery | undefined;
  private pulling = false;
  /** `{"id":…,"type":"next","payload":` as UTF-8, built on the first direct write. */
  private prefix: Buffer | undefined;

  constructor(
    private readonly host: OperationHost<Context>,
    readonly id: string,
  ) {}

  /** Runs the operation; resolves once it is running (a subscription) or answered. */
  async start(payload: SubscribePayload): Promise<void> {
    const { handlers } = this.host;
    const returned = await handlers.onSubscribe?.(this.host.context, this.id, payload, this);
    let args: ExecutionArgs;
    if (returned !== undefined && returned !== null && !Array.isArray(returned)) args = returned as ExecutionArgs;
    else {
      const refused = errorsOf(returned);
      if (refused !== undefined) return this.fail(refused);
      if (Array.isArray(returned)) throw new Error('onSubscribe returned an array that is not of GraphQLErrors');
      if (handlers.schema === undefined) throw new Error('The GraphQL schema is not provided');
      const document = parse(payload.query);
      const invalid = validate(handlers.schema, document);
      if (invalid.length > 0) return this.fail(invalid);
      args = {
        schema: handlers.schema,
        document,
        operationName: payload.operationName ?? null,
        variableValues: payload.variables ?? null,
      };
    }
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) return this.fail([new GraphQLError('Unable to identify operation')]);
    const result = await (operation.operation === 'subscription'
      ? (handlers.subscribe ?? subscribe)(args)
      : (handlers.execute ?? execute)(args));
    if (!isAsyncIterable(result)) {
      if (!this.active) return;
      await this.sendResult(result);
      return this.complete();
    }
    const stream = result[Symbol.asyncIterator]();
    if (!this.active) {
      void this.close(stream);
      return;
    }
    this.stream = stream;
    this.continue();
  }

  /** The client completed it or left: the stream is closed, nothing more is sent. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    if (this.stream !== undefined) void this.close(this.stream);
  }

  /** PayloadSink: a `next` message with `payload` (a result's JSON), written straight to the socket. */
  write(payload: Buffer, written: (error?: Error | null) => void): boolean {
    this.prefix ??= Buffer.from(`{"id":${JSON.stringify(this.id)},"type":"next","payload":`);
    return this.host.sendParts([this.prefix, payload, CLOSING_BRACE], written);
  }

  /** PayloadSink: the delivery writing through this sink, which this operation drives. */
  claimedBy(delivery: DrivenDelivery): void {
    this.delivery = delivery;
  }

  /** DeliveryDriver: the delivery has a step the hooked stream must see. */
  wake(): void {
    this.pull();
  }

  private continue(): void {
    if (!this.active) return;
    if (this.delivery !== undefined) this.delivery.resume(this);
    else this.pull();
  }

  private pull(): void {
    const stream = this.stream;
    if (stream === undefined || this.pulling || !this.active) return;
    this.pulling = true;
    stream.next().then(
      (step) => this.stepped(step),
      (error: unknown) => this.failed(error),
    );
  }

  private stepped(step: IteratorResult<ExecutionResult>): void {
    this.pulling = false;
    if (!this.active) return;
    if (step.done) {
      this.complete();
      return;
    }
    this.sendResult(step.value).then(
      () => this.continue(),
      (error: unknown) => this.host.internalError(error),
    );
  }

  /** The stream failed: one `error` message, as graphql-ws sends it (the hooks have masked the error). */
  private failed(error: unknown): void {
    this.pulling = false;
    if (!this.active) return;
    const original = error instanceof Error ? error : new Error(String(error));
    this.fail([new GraphQLError(original.message, { originalError: original })]);
  }

  private fail(errors: readonly GraphQLError[]): void {
    if (!this.active) return;
    this.active = false;
    this.host.forget(this.id, this);
    this.host.send(
      stringifyMessage({ id: this.id, type: MessageType.Error, payload: errors.map((error) => error.toJSON()) }),
    );
  }

  private complete(): void {
    if (!this.active) return;
    this.active = false;
    this.host.forget(this.id, this);
    this.host.send(stringifyMessage({ id: this.id, type: MessageType.Complete }));
  }

  private sendResult(result: ExecutionResult): Promise<void> {
    const { errors, ...rest } = result;
    const payload = errors ? { ...rest, errors: errors.map((error) => error.toJSON()) } : rest;
    const message = stringifyMessage({ id: this.id, type: MessageType.Next, payload });
    return new Promise<void>((resolve, reject) => {
      if (!this.host.send(message, (error) => (error ? reject(error) : resolve()))) resolve();
    });
  }

  private async close(stream: AsyncIterator<ExecutionResult>): Promise<void> {
    try {
      await stream.return?.();
    } catch {
      // The stream was ending anyway; nobody waits on it.
    }
  }
}
