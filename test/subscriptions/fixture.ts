// Test fixture: the sandbox exchange, a gateway pointed at it with the demo account's keys, and graphql-ws clients.
import { createClient } from 'graphql-ws';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { pino } from 'pino';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle, StartSandboxOptions } from '../../src/sandbox/index.ts';
import { createGateway } from '../../src/server.ts';
import type { Gateway } from '../../src/server.ts';
import type { HubStatus, StreamHub } from '../../src/streams/hub.ts';

export interface Setup {
  readonly sandbox: SandboxHandle;
  readonly gateway: Gateway;
  readonly hub: StreamHub;
  /** The demo account's REST client against the sandbox (orders placed behind the gateway's back). */
  readonly demoRest: BackpackRest;
  readonly wsUrl: string;
  status(): HubStatus;
  close(): Promise<void>;
}

export async function setup(
  options: { sandbox?: StartSandboxOptions; env?: Record<string, string>; withKeys?: boolean } = {},
): Promise<Setup> {
  const sandbox = await startSandbox({ port: 0, seed: 7, ...options.sandbox });
  const demo = sandbox.accountsByName['demo'];
  if (demo === undefined) throw new Error('sandbox has no demo account');
  const env: Record<string, string> = {
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
    ...(options.withKeys === false ? {} : { BACKPACK_API_SECRET: demo.apiSecret }),
    ...options.env,
  };
  const config = loadConfig(env);
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }), env });
  const hub = gateway.streams;
  const demoRest = BackpackRest.fromConfig(loadConfig({ ...env, BACKPACK_API_SECRET: demo.apiSecret }));
  return {
    sandbox,
    gateway,
    hub,
    demoRest,
    wsUrl: gateway.url.replace(/^http/, 'ws'),
    status: () => hub.status(),
    close: async () => {
      await gateway.close();
      await sandbox.close();
    },
  };
}

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

/** POST a GraphQL operation to the gateway over HTTP. */
export async function query<T = Record<string, unknown>>(
  gateway: Gateway,
  source: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source }),
  });
  return (await response.json()) as { data?: T; errors?: unknown[] };
}
