// attachSubscriptions(): graphql-ws on the gateway's HTTP server and path, executing through yoga's envelop (same
// schema, context factory, plugins and error masking as HTTP), plus the StreamHub the subscription fields read from.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ExecutionArgs, execute } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import type { BackpackStreamOptions, StreamLogger } from '../exchange/stream.ts';
import type { BackpackRest } from '../exchange/rest.ts';
import type { GatewayContext } from '../schema/context.ts';
import { loadSubscriptionConfig } from './config.ts';
import { registerHub, StreamHub } from './hub.ts';

type GatewayYoga = YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>;

export interface SubscriptionDeps {
  readonly config: Config;
  /** Uncached REST client: order-book snapshots must be fresh, and it knows the clock offset for signing. */
  readonly rest: BackpackRest;
  /** The per-gateway object resolvers hold in `ctx.exchange`; the hub is registered under it. */
  readonly owner: object;
  readonly logger?: StreamLogger;
  /** GATEWAY_SUBSCRIPTION_BUFFER, GATEWAY_ORDERBOOK_CONFLATE_MS (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Exchange-socket tuning (reconnect timings in tests). */
  readonly streamOptions?: Partial<BackpackStreamOptions>;
}

export interface Subscriptions {
  readonly hub: StreamHub;
  /** Closes client sockets, then the exchange sockets. */
  close(): Promise<void>;
}

/** The Fetch `Request` yoga's context factory reads headers from; graphql-ws only has the upgrade request. */
function fetchRequest(upgrade: IncomingMessage, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(`http://${upgrade.headers.host ?? 'localhost'}${path}`, { headers });
}

export function attachSubscriptions(server: Server, yoga: GatewayYoga, path: string, deps: SubscriptionDeps): Subscriptions {
  const { config, rest, logger } = deps;
  const settings = loadSubscriptionConfig(deps.env ?? process.env);
  const hub = new StreamHub({
    wsUrl: config.wsUrl,
    keys: config.key ? [config.key] : [],
    // §5.9: 1000 levels (the documented maximum); never the cached client, whose copy may be behind the deltas.
    fetchDepth: (symbol) => rest.call('getDepth', { symbol, limit: '1000' }),
    bufferCapacity: settings.bufferCapacity,
    orderBookConflateMs: settings.orderBookConflateMs,
    windowMs: config.windowMs,
    clockOffsetMs: () => rest.clockOffsetMs,
    ...(logger !== undefined ? { logger } : {}),
    ...(deps.streamOptions !== undefined ? { streamOptions: deps.streamOptions } : {}),
  });
  registerHub(deps.owner, hub);

  const wsServer = new WebSocketServer({ server, path });
  hub.setClientProbe(() => {
    let maxBufferedBytes = 0;
    for (const client of wsServer.clients) maxBufferedBytes = Math.max(maxBufferedBytes, client.bufferedAmount);
    return { connections: wsServer.clients.size, maxBufferedBytes };
  });

  type Run = (args: ExecutionArgs) => ReturnType<typeof execute>;
  type Enveloped = { execute: Run; subscribe: Run };
  const disposable = useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, params) => {
        const upgrade = ctx.extra.request;
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: upgrade,
          socket: ctx.extra.socket,
          request: fetchRequest(upgrade, path),
          params,
          // Read into the context for later token-based auth; private streams use the configured account for now.
          connectionParams: ctx.connectionParams ?? {},
        });
        const document = parse(params.query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: params.operationName ?? null,
          document,
          variableValues: params.variables ?? null,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wsServer,
  );

  return {
    hub,
    close: async () => {
      await disposable.dispose();
      hub.close();
    },
  };
}
