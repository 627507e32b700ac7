// Direct delivery: a subscription's events written to its client socket as shared JSON, without a promise chain
// through the plugin hooks per event and subscriber.
//
// graphql-ws pulls a subscription's results one at a time, runs each through every plugin's per-result hook, then
// serializes and sends it. For a result with no errors that fits the size limit those hooks change nothing (error
// masking, error metrics and the size limit only act on the others), so it is written straight to the socket: the
// JSON of a shared result is built once and every subscriber sends it with only its own message id spliced in. Any
// other result (errors, too large), the end of the stream and failures still go through graphql-ws and the hooks.
//
// Ordering and backpressure: events are written only while the consumer waits on this iterator (or, driven, while
// the transport's operation drives it), and the next value is pulled from the client's queue only after the previous frame was
// written to the socket (as graphql-ws does), so a slow client leaves values in its own bounded queue, where they
// conflate or overflow under the queue's policy.
//
// Driven (graphql-ws, src/streams/wsOperation.ts): the transport waits on the delivery itself (`resume`) rather than
// through the hooked stream, and pulls that stream only when woken for a step the hooks must see; an idle subscription
// then holds no pending promise at all.
import type { ExecutionResult } from 'graphql';
import type { QueueTaker, SubscriptionQueue } from '../streams/queue.ts';

/** Where one operation's `next` messages go when they need no per-result hook. */
export interface PayloadSink {
  /**
   * Sends a `next` message carrying `payload` (the result's JSON, UTF-8); `written` runs once it left (no error, or
   * null) or failed. False when the socket no longer takes messages (its closing ends the operation).
   */
  write(payload: Buffer, written: (error?: Error | null) => void): boolean;
  /** Told which delivery writes through it, so the transport can drive that delivery. */
  claimedBy?(delivery: DrivenDelivery): void;
}

/** Waits on a delivery from outside the hook layers; `wake` means "pull the hooks' iterator now". */
export interface DeliveryDriver {
  wake(): void;
}

/** A delivery that can be driven: `resume` starts direct writes until the driver is woken. */
export interface DrivenDelivery {
  resume(driver: DeliveryDriver): void;
}

/** Root-value key the transport hands an operation's sink under (graphql-ws only; SSE has none). */
export const PAYLOAD_SINK = Symbol('payloadSink');

export function payloadSinkOf(rootValue: unknown): PayloadSink | undefined {
  if (rootValue === null || typeof rootValue !== 'object') return undefined;
  return (rootValue as { [PAYLOAD_SINK]?: PayloadSink })[PAYLOAD_SINK];
}

/** One event executed for one operation, shared by every subscriber of it. */
export interface SharedExecution {
  readonly result: ExecutionResult | Promise<ExecutionResult>;
  /**
   * The result's JSON as UTF-8 once known (encoded once for every subscriber); null when it must go through the hooks
   * (errors, above the size limit).
   */
  payload: Buffer | null | undefined;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function directPayload(result: ExecutionResult, maxBytes: number | undefined): Buffer | null {
  if (result.errors !== undefined) return null;
  const json = Buffer.from(JSON.stringify(result));
  return maxBytes !== undefined && json.length > maxBytes ? null : json;
}

type Step = IteratorResult<ExecutionResult, void>;
type QueueStep = IteratorResult<unknown>;
const DONE: Step = { done: true, value: undefined };

export class DirectDelivery<Args>
  implements AsyncGenerator<ExecutionResult, void, void>, QueueTaker<unknown>, DrivenDelivery
{
  /** graphql-ws's outstanding `next()`, or the driver: events are written directly only while it waits. */
  private waiting: { resolve: (step: Step) => void; reject: (error: unknown) => void } | DeliveryDriver | undefined;
  /** Driven: the step (or failure) the driver was woken for, answered by the next `next()`. */
  private ready: { readonly step: Step } | { readonly error: unknown } | undefined;
  private finished = false;
  /**
   * The socket's write callback, bound on the first write (a bound method: lighter than an arrow function under tsx,
   * which names each of those), so the delivery path allocates no closures and a subscriber that never received
   * anything holds none. The queue hands values to `take` without one.
   */
  private written: ((error?: Error | null) => void) | undefined;

  /** `execute(args, key, event)` runs (or reuses) the shared execution of `event` for this operation. */
  constructor(
    private readonly source: SubscriptionQueue<unknown>,
    private readonly sink: PayloadSink,
    private readonly execute: (args: Args, key: string, event: unknown) => SharedExecution,
    private readonly args: Args,
    private readonly key: string,
    private readonly maxPayloadBytes: number | undefined,
  ) {
    sink.claimedBy?.(this);
  }

  resume(driver: DeliveryDriver): void {
    if (this.ready !== undefined || this.finished) {
      driver.wake();
      return;
    }
    this.waiting = driver;
    this.source.pull(this);
  }

  next(): Promise<Step> {
    const ready = this.ready;
    if (ready !== undefined) {
      this.ready = undefined;
      return 'error' in ready ? Promise.reject(toError(ready.error)) : Promise.resolve(ready.step);
    }
    if (this.finished) return Promise.resolve(DONE);
    return new Promise<Step>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.source.pull(this);
    });
  }

  return(): Promise<Step> {
    this.finished = true;
    this.settle({ done: true, value: undefined });
    void this.source.return();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<Step> {
    void this.return();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  /** The queue's next step (QueueTaker). */
  take(step: QueueStep): void {
    if (step.done) {
      this.finished = true;
      this.settle({ done: true, value: undefined });
      return;
    }
    let shared: SharedExecution;
    try {
      shared = this.execute(this.args, this.key, step.value);
    } catch (error) {
      this.fail(error);
      return;
    }
    const { result } = shared;
    if (result instanceof Promise)
      result.then(
        (settled) => this.send(shared, settled),
        (error: unknown) => this.fail(error),
      );
    else this.send(shared, result);
  }

  private afterWrite(error?: Error | null): void {
    if (!error && this.waiting !== undefined) this.source.pull(this);
  }

  private send(shared: SharedExecution, result: ExecutionResult): void {
    if (this.waiting === undefined) return;
    if (shared.payload === undefined) shared.payload = directPayload(result, this.maxPayloadBytes);
    // Through graphql-ws and the hooks; it asks for the next value once that result is sent.
    if (shared.payload === null) this.settle({ done: false, value: result });
    // A socket that no longer takes messages is closing: its close handler ends this operation.
    else this.sink.write(shared.payload, (this.written ??= this.afterWrite.bind(this)));
  }

  private settle(step: Step): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting === undefined) return;
    if ('wake' in waiting) {
      this.ready = { step };
      waiting.wake();
    } else waiting.resolve(step);
  }

  private fail(error: unknown): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting === undefined) return;
    if ('wake' in waiting) {
      this.ready = { error };
      waiting.wake();
    } else waiting.reject(error);
  }
}
