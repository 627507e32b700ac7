import type { ExecutionArgs, FormattedExecutionResult, execute } from 'graphql';
import { createClient } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { mintToken } from '../../src/security/mintToken.ts';
import { startToyGateway, tempDir, type ToyGateway } from './support.ts';

// graphql-ws wired like src/server.ts's attachGraphqlWs, plus the security layer's onConnect check.
const files = tempDir();
const reader = mintToken('dashboard', 'default', ['read']);
let gateway: ToyGateway;
let closeWs: () => Promise<void>;
let wsUrl: string;

beforeAll(async () => {
  gateway = await startToyGateway({
    GATEWAY_TOKENS_FILE: files.write('tokens.json', JSON.stringify([reader.entry])),
    GATEWAY_RATE_LIMIT_PER_MIN: '2',
  });
  const wsServer = new WebSocketServer({
    server: gateway.server,
    path: '/graphql',
    maxPayload: gateway.security.limits.maxBodyBytes,
  });
  type Run = (args: ExecutionArgs) => ReturnType<typeof execute>;
  const disposable = useServer(
    {
      onConnect: (ctx) => gateway.security.acceptConnection(ctx),
      execute: (args) => (args.rootValue as { execute: Run }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: Run }).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const enveloped = gateway.yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
        });
        const document = enveloped.parse(params.query);
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        return {
          schema: enveloped.schema,
          document,
          operationName: params.operationName ?? null,
          variableValues: params.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
      },
    },
    wsServer,
  );
  closeWs = async () => {
    await disposable.dispose();
    await new Promise<void>((resolve) => wsServer.close(() => resolve()));
  };
  wsUrl = gateway.url.replace('http:', 'ws:');
});
afterAll(async () => {
  await closeWs();
  await gateway.close();
  files.cleanup();
});

function request(
  query: string,
  connectionParams: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<FormattedExecutionResult<Record<string, unknown>, unknown> | { closed: number }> {
  return new Promise((resolve) => {
    class HeaderSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const client = createClient({
      url: wsUrl,
      webSocketImpl: HeaderSocket,
      connectionParams,
      retryAttempts: 0,
      lazy: true,
      on: { closed: (event) => resolve({ closed: (event as { code: number }).code }) },
    });
    let result: FormattedExecutionResult<Record<string, unknown>, unknown> | undefined;
    client.subscribe(
      { query },
      {
        next: (value) => {
          result = value;
        },
        error: () => undefined,
        complete: () => {
          resolve(result ?? { closed: 0 });
          void client.dispose();
        },
      },
    );
  });
}

describe('graphql-ws with the security layer', () => {
  it('identifies the caller from connectionParams and enforces scopes', async () => {
    expect(await request('{ balance }', { authorization: `Bearer ${reader.token}` })).toEqual({
      data: { balance: 'balance of default' },
    });
    const trade = (await request('mutation { placeOrder }', { token: reader.token })) as FormattedExecutionResult;
    expect(trade.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('counts ws operations against the same per-token budget', async () => {
    const limited = (await request('{ balance }', { token: reader.token })) as FormattedExecutionResult;
    expect(limited.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('closes the connection on a bad token or a cross-site origin', async () => {
    expect(await request('{ whoami }', { token: `${reader.token}x` })).toEqual({ closed: 4403 });
    expect(await request('{ whoami }', {}, { origin: 'https://evil.example' })).toEqual({ closed: 4403 });
  });
});
