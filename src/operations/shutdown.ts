// Graceful shutdown: refuse new operations, let in-flight ones finish (up to a grace period), complete open
// subscriptions (SSE and graphql-ws), and report each step.
import type { OnSubscribeHookResult } from '@envelop/core';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { withNativeHooks } from '../http/native/hooks.ts';
import { CompletableStream } from './completableStream.ts';

/** Paths still served while draining: probes and scrapers must see the shutdown. */
const ALWAYS_SERVED = new Set(['/ready', '/health', '/metrics']);

export class GracefulShutdown {
  private draining = false;
  private inFlight = 0;
  private readonly idleWaiters = new Set<() => void>();
  private readonly completions = new Set<CompletableStream<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Refuses operations once draining, counts queries and mutations in flight, makes subscriptions completable. */
  plugin(): Plugin {
    // One hook object for every subscription (a subscription keeps its hooks for its whole life).
    const subscribeHooks: OnSubscribeHookResult<unknown> = {
      onSubscribeResult: ({ result, setResult }) => {
        if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
          setResult(new CompletableStream(result[Symbol.asyncIterator](), this.completions));
        }
      },
    };
    return withNativeHooks<Plugin>(
      {
        onRequest: ({ url, endResponse }) => {
          if (!this.refuses(url.pathname)) return;
          const error = {
            message: 'The gateway is shutting down; retry on another instance.',
            extensions: { code: 'SHUTTING_DOWN' },
          };
          endResponse(Response.json({ errors: [error] }, { status: 503, headers: { connection: 'close' } }));
        },
        onExecute: () => {
          this.inFlight++;
          return { onExecuteDone: () => this.finished() };
        },
        onSubscribe: () => subscribeHooks,
      },
      // While draining, yoga answers (and refuses) every request: the native path takes none.
      { accepts: (request) => !this.refuses(request.pathname) },
    );
  }

  /** Whether a request for `pathname` is refused now (503): once draining, everything but the probes. */
  private refuses(pathname: string): boolean {
    return this.draining && !ALWAYS_SERVED.has(pathname);
  }

  /** Runs the shutdown; `closeSockets` closes graphql-ws clients (1001) and the exchange sockets. */
  async run(options: {
    readonly reason: string;
    readonly graceMs: number;
    readonly markNotReady: () => void;
    readonly stopListening: () => void;
    readonly closeSockets: () => Promise<void>;
    readonly closeServer: () => Promise<void>;
  }): Promise<void> {
    const { logger } = this;
    options.markNotReady();
    this.draining = true;
    options.stopListening();
    logger.info({ reason: options.reason }, 'shutdown: /ready answers 503, new operations are refused');
    if (this.inFlight > 0) {
      logger.info({ inFlight: this.inFlight, graceMs: options.graceMs }, 'shutdown: waiting for in-flight operations');
      const finished = await this.idle(options.graceMs);
      if (finished) logger.info('shutdown: in-flight operations finished');
      else
        logger.warn({ inFlight: this.inFlight }, 'shutdown: grace period over; cutting off the remaining operations');
    }
    const subscriptions = this.completions.size;
    for (const stream of [...this.completions]) stream.complete();
    logger.info({ subscriptions }, 'shutdown: open subscriptions completed');
    await options.closeSockets();
    logger.info('shutdown: graphql-ws clients closed (1001) and exchange sockets closed');
    await options.closeServer();
    logger.info('shutdown: done');
  }

  private finished(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const wake of [...this.idleWaiters]) wake();
  }

  private idle(graceMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters.delete(wake);
        resolve(false);
      }, graceMs);
      const wake = (): void => {
        clearTimeout(timer);
        this.idleWaiters.delete(wake);
        resolve(true);
      };
      this.idleWaiters.add(wake);
    });
  }
}
