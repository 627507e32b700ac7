// graphql-ws clients for tests: one lazy client per call, and the results of one subscription as they arrive.
import { createClient } from 'graphql-ws';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export function wsClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** One subscription's results as they arrive. */
export interface Collected<T> {
  readonly values: T[];
  readonly errors: unknown[];
  completed: boolean;
  stop(): void;
}

/** Subscribes and collects `data[field]` of every result; GraphQL errors and transport errors go to `errors`. */
export function collect<T>(client: Client, query: string, field: string): Collected<T> {
  const collected: Collected<T> = {
    values: [],
    errors: [],
    completed: false,
    stop: () => undefined,
  };
  collected.stop = client.subscribe<Record<string, T>>(
    { query },
    {
      next: (result: FormattedExecutionResult<Record<string, T>>) => {
        if (result.errors) collected.errors.push(...result.errors);
        const value = result.data?.[field];
        if (value !== undefined && value !== null) collected.values.push(value);
      },
      error: (error) => collected.errors.push(error),
      complete: () => {
        collected.completed = true;
      },
    },
  );
  return collected;
}
