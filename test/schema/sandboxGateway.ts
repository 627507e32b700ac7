// A sandbox exchange plus gateways signed as its built-in accounts, and typed GraphQL over HTTP against them.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { pino } from 'pino';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { createGateway, type Gateway } from '../../src/server.ts';

export interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface SandboxGateway {
  readonly sandbox: SandboxHandle;
  /** The gateway signing as the sandbox's `demo` account. */
  readonly gateway: Gateway;
  /** REST client of the sandbox signed as `demo`: the exchange's own answer to compare with. */
  readonly rest: BackpackRest;
  /** A further gateway signing as another built-in account (closed with the rest). */
  gatewayAs(account: string): Promise<Gateway>;
  /** REST client of the sandbox signed as another built-in account. */
  restAs(account: string): BackpackRest;
  close(): Promise<void>;
}

function configFor(sandbox: SandboxHandle, account: string): Config {
  const found = sandbox.accountsByName[account];
  if (!found) throw new Error(`the sandbox has no ${account} account`);
  return loadConfig({
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    BACKPACK_API_SECRET: found.apiSecret,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
  });
}

/** No live flow by default: the REST answers and the GraphQL answers must describe the same instant. */
export async function startSandboxGateway(seed: number): Promise<SandboxGateway> {
  const sandbox = await startSandbox({ port: 0, seed, flow: { enabled: false } });
  const logger = pino({ level: 'silent' });
  const gateways: Gateway[] = [];
  const gatewayAs = async (account: string): Promise<Gateway> => {
    const gateway = await createGateway(configFor(sandbox, account), { logger, env: {} });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = await gatewayAs('demo');
  return {
    sandbox,
    gateway,
    rest: BackpackRest.fromConfig(configFor(sandbox, 'demo')),
    gatewayAs,
    restAs: (account) => BackpackRest.fromConfig(configFor(sandbox, account)),
    close: async () => {
      await Promise.all(gateways.map((g) => g.close()));
      await sandbox.close();
    },
  };
}

/** POSTs a document (printed) with its variables; the raw response, errors included. */
export async function post<TResult, TVariables>(
  target: Gateway,
  document: TypedDocumentNode<TResult, TVariables> | string,
  variables?: TVariables,
): Promise<GraphQLResponse<TResult>> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: typeof document === 'string' ? document : print(document), variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLResponse<TResult>;
}

/** Executes a typed document and expects data without errors. */
export async function run<TResult, TVariables>(
  target: Gateway,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> {
  const body = await post(target, document, variables);
  expect(body.errors).toBeUndefined();
  if (body.data == null) throw new Error('no data in the response');
  return body.data;
}

/** GET from the sandbox's public REST API. */
export async function restGet<T>(sandbox: SandboxHandle, path: string): Promise<T> {
  const response = await fetch(`${sandbox.restUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
