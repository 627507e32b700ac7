// createGateway(config): graphql-yoga at /graphql plus graphql-ws on the same node:http server and path, behind the
// security layer (src/security): tokens → principal → that principal's account, scopes, limits, safe bind defaults.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { readSetting } from './config/settings.ts';
import { ALL_MARKET_TYPES_PARAMS, CachedExchange } from './exchange/cache.ts';
import { ClockSync } from './exchange/clock.ts';
import { createUpstreamAgent, pooledSend } from './exchange/pool.ts';
import { BackpackRest } from './exchange/rest.ts';
import type { WebSocketConstructor } from './exchange/stream.ts';
import { useCompiledQueries, type CompiledQueryStats } from './execution/compiledQueries.ts';
import { useIncrementalDelivery } from './execution/deferStream.ts';
import { foldDocumentHooks } from './execution/foldedDocumentHooks.ts';
import { useValidationCache } from './execution/validationCache.ts';
import { useExecutionTimeLimit } from './execution/executionTimeLimit.ts';
import { maskErrorFor } from './execution/maskError.ts';
import { ResponseCache } from './execution/responseCache.ts';
import { dashboardEnabled, withDashboard } from './http/dashboard.ts';
import { useResponseSizeLimit } from './execution/responseSizeLimit.ts';
import { withCompression } from './http/compression.ts';
import { graphiqlOptions, renderGraphiQL, useGraphiQLAssets } from './http/graphiql.ts';
import { TappedResponse } from './http/tappedResponse.ts';
import { useSharedSubscriptionExecution } from './execution/sharedSubscriptions.ts';
import { checkKeys } from './operations/keyCheck.ts';
import { GatewayMetrics } from './operations/metrics.ts';
import { OperationNameLabels } from './operations/operationNames.ts';
import { persistedOperationNames, persistedOperationPlugins } from './operations/persistedOperations.ts';
import { Readiness } from './operations/readiness.ts';
import { GracefulShutdown } from './operations/shutdown.ts';
import { useOperationLog } from './operations/useOperationLog.ts';
import { startTracing } from './operations/tracing.ts';
import { useRequestDeadline } from './operations/useRequestDeadline.ts';
import { createRequestContext } from './requestContext.ts';
import type { GatewayContext } from './schema/context.ts';
import { schema } from './schema/index.ts';
import { loadSecurity, withBodyLimit, type Account, type Security } from './security/index.ts';
import { hasScope } from './security/principal.ts';
import { sharedCallerBudget } from './redis/callerBudget.ts';
import { connectReplicaLink, type ReplicaLink } from './redis/connection.ts';
import { SharedRateLimiter } from './redis/exchangeBudget.ts';
import { RedisSharedCache } from './redis/sharedCache.ts';
import { createGatewayHub } from './streams/gatewayHub.ts';
import { carryNativeHooks } from './http/native/hooks.ts';
import { createNativePost, type NativePostStats } from './http/native/nativePost.ts';
import type { StreamHub } from './streams/hub.ts';
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
  orderBook(symbol: "SOL_USDC", depth: 5) {
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
  /** Environment for the security settings (GATEWAY_*), GATEWAY_CACHE_TTL_MS, GATEWAY_METRICS_OPERATION_NAMES and streams (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default: the security module's logger (redaction + secret scrubbing, src/log.ts). */
  readonly logger?: Logger;
  /** Export spans here (tests: the SDK's in-memory exporter); enables tracing whatever OTEL_TRACES_EXPORTER says. */
  readonly spanExporter?: SpanExporter;
  /** Load the market and asset catalogs before listening (default true). */
  readonly warmCatalog?: boolean;
  /** The fetch every REST client of this gateway uses (default globalThis.fetch; tests record requests with it). */
  readonly fetch?: typeof fetch;
  /** The WebSocket constructor of the exchange-stream sockets (default `ws`; tests record frames with it). */
  readonly WebSocket?: WebSocketConstructor;
  /** The host clock the signing clock corrects (default Date.now; tests make it jump). */
  readonly now?: () => number;
  /** The clock per-caller budgets refill by (default Date.now; budget tests move it without touching signing). */
  readonly budgetClock?: () => number;
  /** The schema served (default: the gateway's own); security tests serve a toy schema behind the same layers. */
  readonly schema?: GraphQLSchema;
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
  /** The exchange-stream hub behind the Subscription fields (`status()` is what `streamStatus` shows). */
  readonly streams: StreamHub;
  /** The native path for plain POST JSON requests: on or off, requests answered and handed to yoga. */
  readonly nativeHttp: NativePostStats;
  /** Queries run as compiled JavaScript (GATEWAY_COMPILE_QUERIES_AT). */
  readonly compiledQueries: Readonly<CompiledQueryStats>;
  /** What /ready reports; shutdown marks it first. */
  readonly readiness: Readiness;
  /** Replica mode (`GATEWAY_REDIS_URL`): the connection to the Redis the replicas share; undefined otherwise. */
  readonly replica: ReplicaLink | undefined;
  close(): Promise<void>;
  /**
   * SIGTERM/SIGINT: /ready 503, new operations refused, in-flight ones finish (up to GATEWAY_SHUTDOWN_GRACE_MS),
   * subscriptions completed, graphql-ws closed with 1001, exchange sockets closed; each step logged.
   */
  shutdown(reason: string): Promise<void>;
}

/** GATEWAY_COMPILE_QUERIES_AT: 0 runs every operation on the standard executor. */
function compiledQueries(compileAt: number, logger: Logger, stats: CompiledQueryStats) {
  if (compileAt === 0) return [];
  const onCompileError = (message: string): void => logger.warn({ message }, 'query not compiled');
  return [useCompiledQueries({ compileAt, onCompileError }, stats)];
}

export async function createGateway(config: Config, deps: GatewayDeps = {}): Promise<Gateway> {
  const env = deps.env ?? process.env;
  // Throws ConfigError (bad accounts/tokens files, keys without tokens on a non-loopback HOST …) before anything listens.
  // The security layer is validated before Redis is connected; in replica mode its per-caller budgets live in Redis and
  // find the link when first charged.
  let linked: ReplicaLink | undefined;
  const replicaLink = (): ReplicaLink => {
    if (linked === undefined) throw new Error('replica link used before Redis was connected');
    return linked;
  };
  const security = loadSecurity(env, config, {
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.budgetClock ? { now: deps.budgetClock } : {}),
    ...(config.replicas === undefined
      ? {}
      : {
          callerBudget: (caller, limits, maxCost) => sharedCallerBudget(replicaLink, { caller, limits, maxCost }),
        }),
  });
  const logger = security.logger;
  // Replica mode refuses to start without Redis (ReplicaStartError names the variable); once up, Redis may come and go.
  const replica = config.replicas === undefined ? undefined : await connectReplicaLink(config.replicas, logger);
  linked = replica;
  // Replica mode: each account's exchange budget (and the keyless client's) is one budget for every replica.
  const budgetFor = (apiKey: string | undefined): { limiter?: SharedRateLimiter } =>
    replica === undefined
      ? {}
      : {
          limiter: new SharedRateLimiter(replica, apiKey, {
            perMinute: config.rateLimitPerMin,
            historicalPerMinute: config.historicalRateLimitPerMin,
            maxWaitMs: config.rateLimitMaxWaitMs,
          }),
        };
  const metrics = new GatewayMetrics(
    new OperationNameLabels(
      readSetting(env, 'GATEWAY_METRICS_OPERATION_NAMES'),
      persistedOperationNames(config.persistedDocuments),
    ),
  );
  const onRequest = metrics.onUpstreamRequest;
  // One keep-alive pool for every REST client of this gateway (public and each account), closed with it.
  const agent = deps.fetch === undefined ? createUpstreamAgent() : undefined;
  const transport = deps.fetch !== undefined ? { fetch: deps.fetch } : agent ? { send: pooledSend(agent) } : {};
  const publicRest =
    deps.rest ??
    BackpackRest.fromConfig({ ...config, key: undefined }, { ...transport, onRequest, ...budgetFor(undefined) });
  metrics.watchLimiter('public', publicRest);
  const ttls = readSetting(env, 'GATEWAY_CACHE_TTL_MS');
  const exchange =
    deps.exchange ??
    new CachedExchange(publicRest, {
      ttlsMs: ttls.byName,
      ...(ttls.default === undefined ? {} : { defaultTtlMs: ttls.default }),
      onLookup: metrics.onCacheLookup,
      ...(replica !== undefined ? { shared: new RedisSharedCache(replica) } : {}),
    });
  // One clock offset for every account's REST signing and the WebSocket signing: a rejection seen by one heals all.
  const now = deps.now ?? Date.now;
  const clock = config.clockSync
    ? new ClockSync({ now, fetchServerTime: () => publicRest.fetchServerTime() })
    : undefined;
  // Measured once up front when there is anything to sign; signing itself never waits for a due resync.
  if (clock && security.accounts.list.length > 0) void clock.sync();
  // Injected fakes answer every account's calls; otherwise each account gets a client holding only its own key (one
  // per account for the gateway's life: its rate limiter and clock belong to that account).
  const injected = deps.rest !== undefined || deps.exchange !== undefined;
  const accountClients = new Map<string, BackpackRest>();
  const signerFor = (account: Account): BackpackRest | undefined => {
    if (injected) return undefined;
    let client = accountClients.get(account.name);
    if (client === undefined) {
      client = BackpackRest.fromConfig(config, {
        ...transport,
        key: account.signingKey,
        now,
        onRequest,
        ...budgetFor(account.signingKey.apiKey),
        ...(clock ? { clock } : {}),
      });
      metrics.watchLimiter(account.name, client);
      accountClients.set(account.name, client);
    }
    return client;
  };
  // The upstream side of live subscriptions; graphql-ws is attached to it once the HTTP server exists.
  const streams = createGatewayHub({
    config,
    rest: publicRest,
    logger,
    env,
    accountKeys: security.accounts.list.map((account) => account.signingKey),
    ...(clock && security.accounts.list.length > 0 ? { clock } : {}),
    ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
    accountClient: (key) => {
      const account = security.accounts.list.find((each) => each.signingKey.apiKey === key.apiKey);
      return account === undefined ? undefined : signerFor(account);
    },
    ...(deps.WebSocket !== undefined ? { streamOptions: { WebSocket: deps.WebSocket } } : {}),
    ...(replica !== undefined ? { replica } : {}),
  });

  // Public market queries answered from memory while the cached exchange data they read is fresh (charged to budgets).
  const responses = new ResponseCache({
    path: GRAPHQL_PATH,
    maxBodyBytes: Math.min(4_096, security.limits.maxBodyBytes),
    admit: (req) => security.admit({ req }),
  });

  const readiness = new Readiness({
    probe: (deadline) => exchange.bounded(() => ({ deadline })).call('getTime', {}),
    loadCatalog: (deadline) => exchange.bounded(() => ({ deadline })).call('getMarkets', ALL_MARKET_TYPES_PARAMS),
    streams: () => streams.status(),
    ...(replica !== undefined ? { redis: () => replica.problem() } : {}),
    intervalMs: config.readyProbeMs,
  });
  const deadline = useRequestDeadline({ deadlineMs: config.requestDeadlineMs, now });
  const operationLog = useOperationLog({ logger, upstreamCallsOf: deadline.upstreamCallsOf });
  const shutdown = new GracefulShutdown(logger);
  const tracing = startTracing(config.tracing, deps.spanExporter);

  const compiledQueryStats: CompiledQueryStats = { compiled: 0, executions: 0 };
  const ours = [
    // First: it replaces the executor itself, which every later plugin's execute wrapper (tracing's context, the time
    // limit) then wraps.
    ...compiledQueries(readSetting(env, 'GATEWAY_COMPILE_QUERIES_AT'), logger, compiledQueryStats),
    ...(security.limits.graphiql ? [useGraphiQLAssets()] : []),
    shutdown.plugin(),
    ...(tracing ? [tracing.plugin] : []),
    ...persistedOperationPlugins({ apq: config.apq, manifest: config.persistedDocuments }),
    ...security.plugins,
    responses.plugin(),
    useSharedSubscriptionExecution({ maxResponseBytes: security.limits.maxResponseBytes }),
    useResponseSizeLimit(security.limits.maxResponseBytes),
    useExecutionTimeLimit(security.limits.maxExecutionMs),
    // @defer / @stream over multipart/mixed (and SSE), e.g. a dashboard that defers its order book.
    useIncrementalDelivery(),
    deadline.plugin,
    operationLog.plugin,
    readiness.plugin(),
    ...metrics.plugins(),
    metrics.endpointPlugin({
      allowed: (request) => hasScope(security.identify({ headers: request.headers }), 'metrics'),
    }),
    // Last: it finds a validation by the rules every plugin above added (yoga's validation cache is off; its parse cache stays).
    useValidationCache(),
  ];
  // Their onParse and onValidate hooks run as one envelop hook each (src/execution/foldedDocumentHooks.ts).
  const plugins = foldDocumentHooks(ours, carryNativeHooks);
  const nativePost = createNativePost({ path: GRAPHQL_PATH, plugins });
  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>({
    schema: deps.schema ?? schema,
    graphqlEndpoint: GRAPHQL_PATH,
    ...security.yogaOptions,
    graphiql: security.limits.graphiql ? graphiqlOptions(DEFAULT_QUERY) : false,
    renderGraphiQL,
    maskedErrors: { maskError: maskErrorFor(logger) },
    parserAndValidationCache: { validationCache: false },
    plugins: [...plugins, nativePost.plugin],
    logging: {
      // yoga logs twice per request at debug: the line is only built when that level is on.
      debug: (...args) => {
        if (logger.isLevelEnabled('debug')) logger.debug(args.map(String).join(' '));
      },
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    // HTTP: the Authorization header; graphql-ws: connectionParams (see src/streams/transport.ts). A bad token throws
    // UNAUTHENTICATED (401) here; no token is the anonymous principal (public data only).
    context: createRequestContext({
      exchange,
      signerFor,
      identify: (initial) => security.identifyContext(initial),
      accountFor: (principal) => security.accountFor(principal),
      authMode: security.mode,
      streams,
      recorderFor: (initial) => responses.recorderFor(initial),
      wireWarnings: logger,
      requestIdOf: (initial) => operationLog.requestIdOf(initial.request),
    }),
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

  const viaYoga: RequestListener = (req, res) => void yoga(req, res);
  // Plain POST JSON requests skip yoga's fetch layer (src/http/native); the rest, or all with the switch off, use yoga.
  const graphql = readSetting(env, 'GATEWAY_NATIVE_HTTP') ? nativePost.handler(yoga, viaYoga) : viaYoga;
  // Oversized bodies are refused (413) from Content-Length before yoga reads them; yoga also caps streamed bodies.
  // Compression outermost: the cache keeps plain bytes and each reply is encoded for its own client.
  const server = createServer(
    // Responses carry the cache's and compression's taps as fields (src/http/tappedResponse.ts).
    { ServerResponse: TappedResponse },
    withCompression(
      withDashboard(withBodyLimit(responses.handler(graphql), security.limits.maxBodyBytes), {
        enabled: dashboardEnabled(env, security.limits.graphiql),
      }),
    ),
  );
  // graphql-ws on the same server and path, feeding the Subscription fields from `streams`.
  const subscriptions = attachSubscriptions(server, yoga, GRAPHQL_PATH, {
    hub: streams,
    logger,
    maxPayloadBytes: security.limits.maxBodyBytes,
    maxOperationsPerConnection: security.limits.maxSubscriptionsPerConnection,
    acceptConnection: (ctx) => security.acceptConnection(ctx),
  });
  metrics.watchStreams(() => streams.status());
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
        exchange
          .view({ ...(signerFor(account) ? { signer: signerFor(account) } : {}) })
          .bounded(() => ({ deadline }))
          .call('getAccount', {}),
    }));
    void checkKeys(targets, logger, config.requestDeadlineMs).then((problem) => readiness.reportKeys(problem));
  }

  const closeOnce = async (): Promise<void> => {
    await subscriptions.close();
    readiness.stop();
    metricsServer?.closeAllConnections();
    metricsServer?.close();
    server.closeAllConnections();
    // Not listening any more after a graceful shutdown: close() then stands for the rest of the teardown.
    if (server.listening)
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    await tracing?.shutdown();
    await agent?.close();
    await replica?.close();
  };
  // Idempotent: a test (or an embedding app) may close a replica early and again at teardown.
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= closeOnce());
  return {
    url,
    server,
    yoga,
    exchange,
    security,
    responses,
    streams,
    nativeHttp: nativePost.stats,
    compiledQueries: compiledQueryStats,
    readiness,
    replica,
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
          await agent?.close();
          await replica?.close();
        },
      }),
  };
}
