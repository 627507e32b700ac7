// The result stream graphql-ws waits on for a directly delivered subscription: it drives the delivery itself and pulls
// the plugin hooks' chain of iterators only when the delivery wakes it for a step the hooks must see (a result with
// errors or above the size limit, the end, a failure). Waiting on the hooks' chain instead would keep a pending
// promise, with its callbacks, in every hook layer of every idle subscription.
import type { ExecutionResult } from 'graphql';
import type { DeliveryDriver, DrivenDelivery } from './directDelivery.ts';

type Step = IteratorResult<ExecutionResult, void>;
const DONE: Step = { done: true, value: undefined };

export class DrivenResults implements AsyncGenerator<ExecutionResult, void, void>, DeliveryDriver {
  /** Settles graphql-ws's outstanding `next()` (a rejected promise rejects it): one function, no reject kept. */
  private pending: ((step: Step | Promise<never>) => void) | undefined;
  /** The hooks' iterator is being pulled for `pending`. */
  private pulling = false;
  private ended = false;

  constructor(
    /** The operation's results as the plugin hooks wrapped them (envelop's subscribe). */
    private readonly results: AsyncIterator<ExecutionResult>,
    private readonly delivery: DrivenDelivery,
  ) {}

  next(): Promise<Step> {
    if (this.ended) return Promise.resolve(DONE);
    return new Promise<Step>((resolve) => {
      this.pending = resolve;
      this.delivery.resume(this);
    });
  }

  wake(): void {
    if (this.pending === undefined || this.pulling) return;
    this.pulling = true;
    this.results.next().then(
      (step) => {
        this.pulling = false;
        if (step.done) this.ended = true;
        this.answer()?.(step.done ? DONE : step);
      },
      (error: unknown) => {
        this.pulling = false;
        // Only when graphql-ws still waits: a rejected promise nobody awaits would be an unhandled rejection.
        const answer = this.answer();
        if (answer !== undefined) answer(Promise.reject(error instanceof Error ? error : new Error(String(error))));
      },
    );
  }

  /** The client completed or left: graphql-ws's waiting `next()` ends now, the hooks' iterator is closed. */
  async return(): Promise<Step> {
    this.ended = true;
    this.answer()?.(DONE);
    await this.results.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<Step> {
    this.ended = true;
    this.answer()?.(DONE);
    if (this.results.throw !== undefined) await this.results.throw(error);
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }

  private answer(): ((step: Step | Promise<never>) => void) | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }
}
