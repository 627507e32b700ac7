// attachSubscriptions(): graphql-ws on the gateway's HTTP server and path, executing through yoga's envelop (same
// schema, context factory, plugins and error masking as HTTP); closing it also closes the gateway's StreamHub.
// Subscriptions start through the plugins' subscribe hooks without envelop's per-subscription iterator layers (see
// src/execution/hookedSubscribe.ts); queries and mutations run through envelop's execute.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { getOperationAST, GraphQLError, type ExecutionArgs, type execute } from 'graphql';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { PAYLOAD_SINK } from '../execution/directDelivery.ts';
import { hookedSubscribe } from '../execution/hookedSubscribe.ts';
import type { StreamLogger } from '../exchange/stream.ts';
import type { GatewayContext } from '../schema/context.ts';
import type { StreamHub } from './hub.ts';
import { serveGraphQLWs, type UpgradeRequest } from './wsServer.ts';

const CLOSE_GRACE_MS = 1_000;
const DEFAULT_MAX_OPERATIONS_PER_CONNECTION = 100;
const MAX_CLIENT_FRAME_BYTES = 1 << 20;

type GatewayYoga = YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>;

export interface SubscriptionDeps {
  /** The exchange-stream hub the subscription fields read from (the context factory hands it to resolvers). */
  readonly hub: StreamHub;
  /** Largest client frame accepted (GATEWAY_MAX_BODY_BYTES, like HTTP bodies); default 1 MiB. */
  readonly maxPayloadBytes?: number;
  /** Operations one connection may run at once (GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION); default 100. */
  readonly maxOperationsPerConnection?: number;
  /** graphql-ws `onConnect`: false refuses the connection (4403), e.g. a foreign Origin or a bad token. */
  readonly acceptConnection?: (ctx: {
    readonly connectionParams?: Readonly<Record<string, unknown>> | undefined;
    readonly extra: { readonly request: UpgradeRequest };
  }) => boolean;
  readonly logger?: StreamLogger;
}

export interface Subscriptions {
  readonly hub: StreamHub;
  /** Closes client sockets, then the exchange sockets. */
  close(): Promise<void>;
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** One more subscription than a connection may hold: that operation is refused, the others keep running. */
function tooManyOperations(max: number): GraphQLError {
  return new GraphQLError(
    `This connection already runs ${max} subscriptions (or operations), the most the gateway allows on one ` +
      'connection: complete one first, or open another connection.',
    { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max } },
  );
}

/** The Fetch `Request` yoga's context factory reads headers from; graphql-ws only has the upgrade request. */
function fetchRequest(upgrade: UpgradeRequest, path: string): Request {
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

export function attachSubscriptions(
  server: Server,
  yoga: GatewayYoga,
  path: string,
  deps: SubscriptionDeps,
): Subscriptions {
  const { hub, logger } = deps;

  // GraphQL operations are small; ws's default 100 MiB frame limit would let one client make the gateway buffer a lot.
  const wsServer = new WebSocketServer({ server, path, maxPayload: deps.maxPayloadBytes ?? MAX_CLIENT_FRAME_BYTES });
  hub.setClientProbe(() => {
    let maxBufferedBytes = 0;
    for (const client of wsServer.clients) maxBufferedBytes = Math.max(maxBufferedBytes, client.bufferedAmount);
    return { connections: wsServer.clients.size, maxBufferedBytes };
  });

  const maxOperations = deps.maxOperationsPerConnection ?? DEFAULT_MAX_OPERATIONS_PER_CONNECTION;
  type Run = (args: ExecutionArgs) => ReturnType<typeof execute>;
  // The operation's own envelop execute (and subscribe), for the operations that run through them.
  const enveloped = new WeakMap<ExecutionArgs, { execute: Run; subscribe: Run }>();
  const runner = (args: ExecutionArgs) => {
    const run = enveloped.get(args);
    if (run === undefined) throw new Error('graphql-ws: an operation without its envelop');
    return run;
  };
  // envelop lists them on getEnveloped; the server adapter around yoga hands out a bound copy of that function, so
  // the list is read where yoga keeps it.
  const plugins = yoga.getEnveloped._plugins ?? (yoga as unknown as { plugins: Plugin[] }).plugins;
  // A plugin with `instrumentation` wraps envelop's own subscribe: subscriptions then go through it, layers and all.
  const instrumented = plugins.some((plugin) => plugin.instrumentation !== undefined);
  const subscribeHooked = hookedSubscribe(plugins);
  const disposable = serveGraphQLWs(
    {
      ...(deps.acceptConnection !== undefined ? { onConnect: deps.acceptConnection } : {}),
      execute: (args) => runner(args).execute(args),
      subscribe: (args) => (instrumented ? runner(args).subscribe(args) : subscribeHooked(args)),
      onSubscribe: async (ctx, _id, params, sink) => {
        // The new operation already counts in ctx.operations.
        if (ctx.operations.size > maxOperations) return [tooManyOperations(maxOperations)];
        const { schema, contextFactory, parse, validate, execute, subscribe } = yoga.getEnveloped({
          // Listed, not spread from the connection: the connection's state stays reachable via `extra`.
          extra: ctx.extra,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          request: fetchRequest(ctx.extra.request, path),
          params,
          // The security layer identifies the caller (token → account and scopes) from these.
          connectionParams: ctx.connectionParams ?? {},
        });
        // A throw here would be an internal error, closing the whole connection with 4500 (ending the client's other
        // subscriptions). A syntax error or an over-limit document is the client's mistake: answer that one operation.
        try {
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
          const contextValue = await contextFactory();
          // The Fetch Request served yoga's parse hooks and the context factory; nothing reads it once the context
          // exists (graphql-ws has no HTTP response or abort), and a subscription keeps its context, so about 2 KiB
          // per subscriber, for as long as the client wants.
          (contextValue as { request?: Request }).request = undefined;
          const subscription = getOperationAST(document, params.operationName)?.operation === 'subscription';
          const args: ExecutionArgs = {
            schema,
            operationName: params.operationName ?? null,
            document,
            variableValues: params.variables ?? null,
            contextValue,
            // Subscription results without errors are written by the execution layer through this sink.
            ...(subscription ? { rootValue: { [PAYLOAD_SINK]: sink } } : {}),
          };
          if (!subscription || instrumented) enveloped.set(args, { execute, subscribe });
          return args;
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          logger?.warn({ err: error }, 'graphql-ws: cannot start an operation');
          return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
        }
      },
    },
    wsServer,
    logger ?? { warn: () => undefined },
  );

  const closeOnce = async (): Promise<void> => {
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
  };
  // Once: a gateway closed after its graceful shutdown must not close the WebSocket server a second time.
  let closing: Promise<void> | undefined;
  return { hub, close: () => (closing ??= closeOnce()) };
}
