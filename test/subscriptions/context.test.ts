import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { createContext } from '../../src/schema/context.ts';
import type { GatewayContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import type { SubscriptionContext } from '../../src/schema/subscriptions/shared.ts';
import { createGatewayHub } from '../../src/streams/gatewayHub.ts';
import { attachSubscriptions } from '../../src/streams/transport.ts';
import { wsClient } from '../support/subscriptions.ts';

describe('graphql-ws context', () => {
  it('carries the connection_init payload and the upgrade request headers into the GraphQL context', async () => {
    const exchange = new CachedExchange({
      requestWithMeta: async () => ({ data: null, status: 200, headers: new Headers() }) as never,
    });
    const contexts: SubscriptionContext[] = [];
    const recordContext = {
      onExecute: ({ args }: { args: { contextValue: unknown } }) =>
        void contexts.push(args.contextValue as SubscriptionContext),
    };
    const config = loadConfig({ BACKPACK_WS_URL: 'ws://127.0.0.1:9', PORT: '0' });
    const hub = createGatewayHub({ config, rest: BackpackRest.fromConfig(config) });
    const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>({
      schema,
      context: ({ request }) =>
        createContext({ exchange, account: null, streams: hub }, request.headers.get('x-request-id')),
      plugins: [recordContext],
    });
    const server = createServer((req, res) => void yoga(req, res));
    const subscriptions = attachSubscriptions(server, yoga, '/graphql', { hub });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const client = wsClient(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      authToken: 'token-for-later',
    });
    try {
      const result = await new Promise((resolve, reject) => {
        client.subscribe(
          { query: '{ streamStatus { connections { kind } } }' },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(result).toEqual({ data: { streamStatus: { connections: [] } } });
      expect(contexts).toHaveLength(1);
      expect(contexts[0]?.connectionParams).toEqual({ authToken: 'token-for-later' });
      expect(contexts[0]?.exchange).toBe(exchange);
    } finally {
      await client.dispose();
      await subscriptions.close();
      server.close();
    }
  });
});
