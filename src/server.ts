// createGateway(config): graphql-yoga at /graphql plus graphql-ws on the same node:http server and path, behind the
// security layer (src/security): tokens → principal → that principal's account, scopes, limits, safe bind defaults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { ALL_MARKET_TYPES_PARAMS, CACHE_TTL_ENV, CachedExchange, parseCacheTtls } from './exchange/cache.ts';
import { BackpackRest } from './exchange/rest.ts';
import { ResponseCache } from './execution/responseCache.ts';
import { withCompression } from './http/compression.ts';
import { graphiqlOptions, renderGraphiQL, useGraphiQLAssets } from './http/graphiql.ts';
import { useSharedSubscriptionExecution } from './execution/sharedSubscriptions.ts';
import { checkKeys } from './operations/keyCheck.ts';
import { GatewayMetrics } from './operations/metrics.ts';
import { persistedOperationPlugins } from './operations/persistedOperations.ts';
import { Readiness } from './operations/readiness.ts';
import { GracefulShutdown } from './operations/shutdown.ts';
import { useOperationLog } from './operations/useOperationLog.ts';
import { startTracing } from './operations/tracing.ts';
import { useRequestDeadline } from './operations/useRequestDeadline.ts';
import { createContext, type GatewayContext } from './schema/context.ts';
import { toGraphQLError } from './schema/errors.ts';
import { schema } from './schema/index.ts';
import {
  loadSecurity,
  withBodyLimit,
  withScopeGuard,
  type Account,
  type Principal,
  type Security,
} from './security/index.ts';
import { hasScope, principalLabel } from './security/principal.ts';
import { hubOf, registerHub, type StreamHub } from './streams/hub.ts';
import { attachSubscriptions } from './streams/transport.ts';

export const GRAPHQL_PATH = '/graphql';
const WARM_CATALOG_MAX_WAIT_MS = 5_000;
const SSE_DRAIN_MS = 2_000;

const DEFAULT_QUERY = `# Backpack Exchange through GraphQL. Try: markets with live tickers, then one order book.
query MarketsAndBook {
  markets(marketType: [SPOT, PERP]) {
    symbol
    marketType
    baseAsset { symbol displayName }
    ticker { lastPrice priceChangePercent volume quoteVolume }
    markPrice { markPrice fundingRate nextFundingTime }
  }
  orderBook(symbol: "SOL_USDC", limit: 5) {
    bids { price quantity }
    asks { price quantity }
    lastUpdateId
    timestamp
  }
}
`;

export interface GatewayDeps {
  /**
   * One REST client for everything, public and every account (tests with fakes). Default: a keyless client for
   * public data plus one client per configured account, each signing with that account's key only.
   */
  readonly rest?: BackpackRest;
  /**
   * The shared cache (default: built from the keyless client and GATEWAY_CACHE_TTL_MS). When given without `rest`,
   * it also answers every account's signed calls (tests pass fakes here).
   */
  readonly exchange?: CachedExchange;
  /** Environment for the security settings (GATEWAY_*), GATEWAY_CACHE_TTL_MS and streams (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default: the security module's logger (redaction + secret scrubbing, src/log.ts). */
  readonly logger?: Logger;
  /** Export spans here (tests: the SDK's in-memory exporter); enables tracing whatever OTEL_TRACES_EXPORTER says. */
  readonly spanExporter?: SpanExporter;
  /** Load the market and asset catalogs before listening (default true). */
  readonly warmCatalog?: boolean;
}

export interface Gateway {
  /** `http://host:port/graphql` (also the graphql-ws URL with `ws:`). */
  readonly url: string;
  readonly server: Server;
  readonly yoga: YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>;
  readonly exchange: CachedExchange;
  /** Accounts, tokens, mode and limits this gateway runs with. */
  readonly security: Security;
  /** Memoized public-query responses (hit and miss counts). */
  readonly responses: ResponseCache;
  /** What /ready reports; shutdown marks it first. */
  readonly readiness: Readiness;
  close(): Promise<void>;
  /**
   * SIGTERM/SIGINT: /ready 503, new operations refused, in-flight ones finish (up to GATEWAY_SHUTDOWN_GRACE_MS),
   * subscriptions completed, graphql-ws closed with 1001, exchange sockets closed; each step logged.
   */
  shutdown(reason: string): Promise<void>;
}

/** The client's x-request-id: from the fetch Request over HTTP, from the upgrade request over graphql-ws. */
function requestIdOf(initial: { request?: Request; req?: IncomingMessage }): string | null {
  const fromFetch = initial.request?.headers?.get?.('x-request-id');
  if (fromFetch) return fromFetch;
  const fromNode = initial.req?.headers['x-request-id'];
  return typeof fromNode === 'string' ? fromNode : null;
}

/** Known failures become coded GraphQLErrors; everything else is masked (no stack, no message, no secrets). */
function maskErrorFor(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const located = error instanceof GraphQLError ? error : null;
    const mapped = toGraphQLError(located ? located.originalError : error);
    if (mapped) {
      return new GraphQLError(mapped.message, {
        nodes: located?.nodes ?? null,
        source: located?.source ?? null,
        positions: located?.positions ?? null,
        path: located?.path ?? null,
        extensions: mapped.extensions,
      });
    }
    const original = located?.originalError ?? error;
    if (original && !(original instanceof GraphQLError)) {
      logger.error(
        { err: original instanceof Error ? { name: original.name, message: original.message } : String(original) },
        'unexpected resolver error',
      );
    }
    return defaultMaskError(error, message, false);
  };
}

/**
 * The exchange client of each caller: one view per account over the shared cache (so public reads stay coalesced
 * across accounts), scope-guarded per principal so a resolver without `authScopes` still cannot over-reach.
 * Memoised per principal label (bounded by the token list) so graphql-ws resolvers find the stream hub by it.
 */
function exchangeClients(shared: CachedExchange, accountClient: (account: Account) => CachedExchange) {
  const views = new Map<string, CachedExchange>();
  const guarded = new Map<string, CachedExchange>();
  return (principal: Principal, account: Account | null): CachedExchange => {
    const key = `${principalLabel(principal)}@${account?.name ?? ''}`;
    let exchange = guarded.get(key);
    if (exchange === undefined) {
      let view = shared;
      if (account !== null) {
        view = views.get(account.name) ?? accountClient(account);
        views.set(account.name, view);
      }
      exchange = withScopeGuard(view, principal);
      guarded.set(key, exchange);
      const hub = hubOf(shared);
      if (hub !== undefined) registerHub(exchange, hub);
    }
    return exchange;
  };
}

export async function createGateway(config: Config, deps: GatewayDeps = {}): Promise<Gateway> {
  const env = deps.env ?? process.env;
  // Throws ConfigError (bad accounts/tokens files, keys without tokens on a non-loopback HOST …) before anything listens.
  const security = loadSecurity(env, config, deps.logger ? { logger: deps.logger } : {});
  const logger = security.logger;
  const metrics = new GatewayMetrics();
  const onRequest = metrics.onUpstreamRequest;
  const publicRest = deps.rest ?? BackpackRest.fromConfig({ ...config, key: undefined }, { onRequest });
  metrics.watchLimiter('public', publicRest);
  const exchange =
    deps.exchange ??
    new CachedExchange(publicRest, { ...parseCacheTtls(env[CACHE_TTL_ENV]), onLookup: metrics.onCacheLookup });
  // Injected fakes answer every account's calls; otherwise each account gets a client holding only its own key.
  const injected = deps.rest !== undefined || deps.exchange !== undefined;
  const clientFor = exchangeClients(exchange, (account) => {
    if (injected) return exchange;
    const rest = BackpackRest.fromConfig(config, { key: account.signingKey, onRequest });
    metrics.watchLimiter(account.name, rest);
    return exchange.forAccount(rest);
  });

  // Public market queries answered from memory while the cached exchange data they read is fresh (charged to budgets).
  const responses = new ResponseCache({
    path: GRAPHQL_PATH,
    maxBodyBytes: Math.min(4_096, security.limits.maxBodyBytes),
    admit: (req) => security.admit({ req }),
  });

  let hub: StreamHub | undefined;
  const readiness = new Readiness({
    probe: (deadline) => exchange.bounded(() => ({ deadline })).call('getTime', {}),
    loadCatalog: (deadline) => exchange.bounded(() => ({ deadline })).call('getMarkets', ALL_MARKET_TYPES_PARAMS),
    streams: () => hub?.status(),
    intervalMs: config.readyProbeMs,
  });

  const deadline = useRequestDeadline({ deadlineMs: config.requestDeadlineMs });
  const operationLog = useOperationLog({ logger, upstreamCallsOf: deadline.upstreamCallsOf });

  const shutdown = new GracefulShutdown(logger);
  const tracing = startTracing(config.tracing, deps.spanExporter);

  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    ...security.yogaOptions,
    graphiql: security.limits.graphiql ? graphiqlOptions(DEFAULT_QUERY) : false,
    renderGraphiQL,
    maskedErrors: { maskError: maskErrorFor(logger) },
    plugins: [
      ...(security.limits.graphiql ? [useGraphiQLAssets()] : []),
      shutdown.plugin(),
      ...(tracing ? [tracing.plugin] : []),
      ...persistedOperationPlugins({ apq: config.apq, manifest: config.persistedDocuments }),
      ...security.plugins,
      responses.plugin(),
      useSharedSubscriptionExecution(),
      // @defer / @stream over multipart/mixed (and SSE), e.g. a dashboard that defers its order book.
      useDeferStream(),
      deadline.plugin,
      operationLog.plugin,
      readiness.plugin(),
      ...metrics.plugins(),
      metrics.endpointPlugin({
        allowed: (request) => hasScope(security.identify({ headers: request.headers }), 'metrics'),
      }),
    ],
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    // HTTP: the Authorization header; graphql-ws: connectionParams (see src/streams/transport.ts). A bad token throws
    // UNAUTHENTICATED (401) here; no token is the anonymous principal (public data only).
    context: (initial) => {
      const principal = security.identifyContext(initial);
      const account = security.accountFor(principal);
      return createContext(
        {
          exchange: responses.exchangeFor(initial, clientFor(principal, account), (view) =>
            withScopeGuard(view, principal),
          ),
          account: account ? { apiKey: account.apiKey } : null,
          principal,
          authMode: security.mode,
        },
        operationLog.requestIdOf(initial.request) ?? requestIdOf(initial),
      );
    },
  });

  if (deps.warmCatalog !== false) {
    // Bounded: an unreachable exchange must not hold up startup; the first queries then load the catalog.
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, WARM_CATALOG_MAX_WAIT_MS);
    });
    await Promise.race([exchange.warmCatalog(), giveUp]);
    clearTimeout(timer);
  }

  // Oversized bodies are refused (413) from Content-Length before yoga reads them; yoga also caps streamed bodies.
  // Compression outermost: the cache keeps plain bytes and each reply is encoded for its own client.
  const server = createServer(
    withCompression(
      withBodyLimit(
        responses.handler((req, res) => void yoga(req, res)),
        security.limits.maxBodyBytes,
      ),
    ),
  );
  // graphql-ws on the same server and path, plus the exchange-stream hub behind the Subscription fields.
  const subscriptions = attachSubscriptions(server, yoga, GRAPHQL_PATH, {
    config,
    rest: publicRest,
    owner: exchange,
    logger,
    env,
    accountKeys: security.accounts.list.map((account) => account.signingKey),
    maxPayloadBytes: security.limits.maxBodyBytes,
    acceptConnection: (ctx) => security.acceptConnection(ctx),
  });
  hub = subscriptions.hub;
  metrics.watchStreams(() => hub?.status());
  const metricsServer =
    config.metricsPort === undefined ? undefined : await metrics.listen(config.metricsPort, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}${GRAPHQL_PATH}`;
  for (const message of security.startupMessages) logger.info(message);
  logger.info({ url, mode: security.mode, accounts: security.accounts.list.length }, 'gateway listening');
  readiness.start();
  if (!injected && security.accounts.list.length > 0) {
    // In the background: an exchange that is down must not hold up the start.
    const targets = security.accounts.list.map((account) => ({
      name: account.name,
      signedRead: (deadline: number) =>
        clientFor({ kind: 'local', account: account.name, scopes: ['read'] }, account)
          .bounded(() => ({ deadline }))
          .call('getAccount', {}),
    }));
    void checkKeys(targets, logger, config.requestDeadlineMs).then((problem) => readiness.reportKeys(problem));
  }

  const closeHttp = async (): Promise<void> => {
    readiness.stop();
    metricsServer?.closeAllConnections();
    metricsServer?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  const close = async (): Promise<void> => {
    await subscriptions.close();
    await closeHttp();
    await tracing?.shutdown();
  };
  return {
    url,
    server,
    yoga,
    exchange,
    security,
    responses,
    readiness,
    close,
    shutdown: (reason) =>
      shutdown.run({
        reason,
        graceMs: config.shutdownGraceMs,
        markNotReady: () => readiness.markShuttingDown(),
        // Idle keep-alive connections would hold server.close() open; busy ones close once their answer is sent.
        stopListening: () => server.closeIdleConnections(),
        closeSockets: () => subscriptions.close(),
        // Completed SSE responses end on their own; give them a moment before cutting what is left.
        closeServer: async () => {
          const drained = new Promise<void>((resolve) => server.close(() => resolve()));
          server.closeIdleConnections();
          const idle = setInterval(() => server.closeIdleConnections(), 50);
          await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, SSE_DRAIN_MS))]);
          clearInterval(idle);
          readiness.stop();
          metricsServer?.closeAllConnections();
          metricsServer?.close();
          server.closeAllConnections();
          await drained;
          await tracing?.shutdown();
        },
      }),
  };
}
