// createGateway(config): graphql-yoga at /graphql plus graphql-ws on the same node:http server and path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { CACHE_TTL_ENV, CachedExchange, parseCacheTtls } from './exchange/cache.ts';
import { BackpackRest } from './exchange/rest.ts';
import { createContext, type ContextDeps, type GatewayContext } from './schema/context.ts';
import { toGraphQLError } from './schema/errors.ts';
import { schema } from './schema/index.ts';
import { attachSubscriptions } from './streams/transport.ts';

export const GRAPHQL_PATH = '/graphql';
const WARM_CATALOG_MAX_WAIT_MS = 5_000;

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
  /** The REST client (default: built from `config`). */
  readonly rest?: BackpackRest;
  /** The shared cache in front of it (default: built from `rest` and GATEWAY_CACHE_TTL_MS); tests pass fakes here. */
  readonly exchange?: CachedExchange;
  /** Environment for GATEWAY_CACHE_TTL_MS (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
  /** Load the market and asset catalogs before listening (default true). */
  readonly warmCatalog?: boolean;
}

export interface Gateway {
  /** `http://host:port/graphql` (also the graphql-ws URL with `ws:`). */
  readonly url: string;
  readonly server: Server;
  readonly yoga: YogaServerInstance<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>;
  readonly exchange: CachedExchange;
  close(): Promise<void>;
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
      logger.error({ err: original instanceof Error ? { name: original.name, message: original.message } : String(original) }, 'unexpected resolver error');
    }
    return defaultMaskError(error, message, false);
  };
}

export async function createGateway(config: Config, deps: GatewayDeps = {}): Promise<Gateway> {
  const logger = deps.logger ?? pino({ level: process.env['LOG_LEVEL'] ?? 'info' });
  const rest = deps.rest ?? BackpackRest.fromConfig(config);
  const exchange = deps.exchange ?? new CachedExchange(rest, parseCacheTtls((deps.env ?? process.env)[CACHE_TTL_ENV]));
  const apiKey = config.key?.apiKey;
  const contextDeps: ContextDeps = { exchange, account: apiKey ? { apiKey } : null };

  const yoga = createYoga<{ req: IncomingMessage; res: ServerResponse }, GatewayContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: { title: 'Backpack GraphQL', defaultQuery: DEFAULT_QUERY },
    maskedErrors: { maskError: maskErrorFor(logger) },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    context: (initial) => createContext(contextDeps, requestIdOf(initial)),
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

  const server = createServer(yoga);
  // graphql-ws on the same server and path, plus the exchange-stream hub behind the Subscription fields.
  const subscriptions = attachSubscriptions(server, yoga, GRAPHQL_PATH, { config, rest, owner: exchange, logger, env: deps.env ?? process.env });
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
  logger.info({ url, account: apiKey ? 'configured' : 'none' }, 'gateway listening');

  return {
    url,
    server,
    yoga,
    exchange,
    close: async () => {
      await subscriptions.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
