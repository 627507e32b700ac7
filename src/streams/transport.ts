// attachSubscriptions(): graphql-ws on the gateway's HTTP server and path, executing through yoga's envelop (same
// schema, context factory, plugins and error masking as HTTP), plus the StreamHub the subscription fields read from.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { GraphQLError, type ExecutionArgs, type execute } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.ts';
import { ClockSync } from '../exchange/clock.ts';
import type { BackpackStreamOptions, StreamLogger } from '../exchange/stream.ts';
import { BackpackRest } from '../exchange/rest.ts';
import type { SigningKey } from '../exchange/sign.ts';
import type { GatewayContext } from '../schema/context.ts';
import { loadSubscriptionConfig } from './config.ts';
import { registerHub, StreamHub } from './hub.ts';

const CLOSE_GRACE_MS = 1_000;
const MAX_CLIENT_FRAME_BYTES = 1 << 20;

type GatewayYoga = YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>;

export interface SubscriptionDeps {
  readonly config: Config;
  /** Uncached REST client: order-book snapshots must be fresh (and `/time` for the signing clock). */
  readonly rest: BackpackRest;
  /** Keys of the accounts whose private streams clients may read (default: `config.key`). */
  readonly accountKeys?: readonly SigningKey[];
  /** Largest client frame accepted (GATEWAY_MAX_BODY_BYTES, like HTTP bodies); default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /** graphql-ws `onConnect`: false refuses the connection (4403), e.g. a foreign Origin or a bad token. */
  readonly acceptConnection?: (ctx: {
    readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
    readonly extra: { readonly request: IncomingMessage };
  }) => boolean;
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

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The Fetch `Request` yoga's context factory reads headers from; graphql-ws only has the upgrade request. */
function fetchRequest(upgrade: IncomingMessage, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header Fetch refuses (invalid characters) is not worth failing the subscription over.
    }
  }
  const host = upgrade.headers.host;
  // POST: a graphql-ws operation is the client's deliberate request over a connection whose Origin was already
  // checked, so mutations are allowed here as over HTTP POST (yoga refuses mutations on GET requests).
  return new Request(`http://${host !== undefined && HOST.test(host) ? host : 'localhost'}${path}`, {
    headers,
    method: 'POST',
  });
}

/**
 * Server time minus local time for private SUBSCRIBE signatures, which expire with their window (gotcha #17): measured
 * at startup when there are keys and re-measured in the background when due. Signing itself never waits for it.
 */
function signingClock(config: Config, rest: BackpackRest, hasKeys: boolean): () => number {
  if (!config.clockSync || !hasKeys) return () => 0;
  const clock = new ClockSync({ fetchServerTime: () => rest.serverTime() });
  void clock.sync();
  return () => {
    void clock.timestamp(); // resyncs only when due
    return clock.offset;
  };
}

export function attachSubscriptions(
  server: Server,
  yoga: GatewayYoga,
  path: string,
  deps: SubscriptionDeps,
): Subscriptions {
  const { config, rest, logger } = deps;
  const settings = loadSubscriptionConfig(deps.env ?? process.env);
  const keys = deps.accountKeys ?? (config.key ? [config.key] : []);
  const hub = new StreamHub({
    wsUrl: config.wsUrl,
    keys,
    // §5.9: 1000 levels (the documented maximum); never the cached client, whose copy may be behind the deltas.
    fetchDepth: (symbol) => rest.call('getDepth', { symbol, limit: '1000' }),
    // Gap filling needs current state: uncached clients, one per account key (signed reads of its own history).
    readerFor: (key) => (key === undefined ? rest : BackpackRest.fromConfig(config, { key })),
    bufferCapacity: settings.bufferCapacity,
    orderBookConflateMs: settings.orderBookConflateMs,
    windowMs: config.windowMs,
    clockOffsetMs: signingClock(config, rest, keys.length > 0),
    ...(logger !== undefined ? { logger } : {}),
    ...(deps.streamOptions !== undefined ? { streamOptions: deps.streamOptions } : {}),
  });
  registerHub(deps.owner, hub);

  // GraphQL operations are small; ws's default 100 MiB frame limit would let one client make the gateway buffer a lot.
  const wsServer = new WebSocketServer({ server, path, maxPayload: deps.maxPayloadBytes ?? MAX_CLIENT_FRAME_BYTES });
  hub.setClientProbe(() => {
    let maxBufferedBytes = 0;
    for (const client of wsServer.clients) maxBufferedBytes = Math.max(maxBufferedBytes, client.bufferedAmount);
    return { connections: wsServer.clients.size, maxBufferedBytes };
  });

  type Run = (args: ExecutionArgs) => ReturnType<typeof execute>;
  type Enveloped = { execute: Run; subscribe: Run };
  const disposable = useServer(
    {
      ...(deps.acceptConnection !== undefined ? { onConnect: deps.acceptConnection } : {}),
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
          // The security layer identifies the caller (token → account and scopes) from these.
          connectionParams: ctx.connectionParams ?? {},
        });
        // graphql-ws treats a throw here as an internal error: it closes the whole connection with 4500 (ending the
        // client's other subscriptions) and prints the message with console.error, past the log scrubbing. A syntax
        // error or an over-limit document is the client's mistake: answer that one operation with the error instead.
        try {
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
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          logger?.warn({ err: error }, 'graphql-ws: cannot start an operation');
          return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
        }
      },
    },
    wsServer,
  );

  return {
    hub,
    close: async () => {
      // dispose() sends every client a close frame and waits for the handshakes; a client that stopped reading
      // never answers, so after a grace period it is cut off instead of holding the shutdown for ws's 30 s timeout.
      const cutOff = setTimeout(() => {
        for (const client of wsServer.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(cutOff);
        hub.close();
      }
    },
  };
}
