// A subscription's result stream that graceful shutdown can end normally (SSE then sends `complete`, graphql-ws a
// Complete message). A class rather than closures: an idle subscription keeps one of these for its whole life.
export class CompletableStream<T> implements AsyncIterableIterator<T> {
  /** Settles the `next()` graphql-ws or SSE is waiting on. */
  private settle: ((step: IteratorResult<T>) => void) | undefined;
  private released = false;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    /** The open streams shutdown completes; this one leaves it once ended. */
    private readonly open: Set<CompletableStream<unknown>>,
  ) {
    open.add(this as CompletableStream<unknown>);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.released) return Promise.resolve({ done: true, value: undefined });
    return new Promise<IteratorResult<T>>((resolve, reject) => {
      this.settle = resolve;
      this.iterator.next().then(
        (step) => {
          // Completed by shutdown meanwhile: that already answered this call.
          if (this.settle !== resolve) return;
          this.settle = undefined;
          if (step.done) this.release();
          resolve(step);
        },
        (error: unknown) => {
          if (this.settle !== resolve) return;
          this.settle = undefined;
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  /** Shutdown: the consumer sees a normal end of the stream. */
  complete(): void {
    const settle = this.settle;
    this.settle = undefined;
    this.release();
    settle?.({ done: true, value: undefined });
  }

  return(): Promise<IteratorResult<T>> {
    this.release();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.release();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.open.delete(this as CompletableStream<unknown>);
    // Not awaited: a generator's return() waits behind its pending next(), which may never settle.
    void Promise.resolve(this.iterator.return?.()).catch(() => undefined);
  }
}
