// Test support for the security suites: key material, temp files and a tiny yoga server (toy schema, no upstream).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga, type YogaServerInstance } from 'graphql-yoga';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { withBodyLimit } from '../../src/security/bodySize.ts';
import { loadSecurity, requireScope, type Principal, type Security } from '../../src/security/index.ts';

/** Seeds of three test accounts (0x01…, 0x02…, 0x03… bytes) and their base64 secrets / public keys. */
export const SEED_A = Buffer.alloc(32, 1);
export const SEED_B = Buffer.alloc(32, 2);
export const SECRET_A = SEED_A.toString('base64');
export const SECRET_B = SEED_B.toString('base64');
export const API_KEY_A = loadSigningKey(SECRET_A).apiKey;
export const API_KEY_B = loadSigningKey(SECRET_B).apiKey;

export function tempDir(): { dir: string; write(name: string, content: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bp-security-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 0o600 });
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const typeDefs = /* GraphQL */ `
  type Market {
    symbol: String!
    ticker: Ticker!
    market: Market!
  }
  type Ticker {
    lastPrice: String!
  }
  type Query {
    markets: [Market!]!
    balance: String!
    whoami: String!
  }
  type Mutation {
    placeOrder: String!
    withdraw: String!
  }
`;

interface ToyContext {
  readonly principal: Principal;
  readonly account: string | null;
}

const market = (symbol: string): Record<string, unknown> => ({
  symbol,
  ticker: { lastPrice: '1.0' },
  get market() {
    return market(symbol);
  },
});

/** Resolvers that use the security helpers exactly like the real schema will (requireScope, accountFor). */
const resolvers = {
  Query: {
    markets: () => [market('SOL_USDC')],
    balance: (_: unknown, __: unknown, ctx: ToyContext) => {
      requireScope(ctx.principal, 'read');
      return `balance of ${ctx.account}`;
    },
    whoami: (_: unknown, __: unknown, ctx: ToyContext) => `${ctx.principal.kind}:${ctx.account ?? '-'}`,
  },
  Mutation: {
    placeOrder: (_: unknown, __: unknown, ctx: ToyContext) => {
      requireScope(ctx.principal, 'trade');
      return `order for ${ctx.account}`;
    },
    withdraw: (_: unknown, __: unknown, ctx: ToyContext) => {
      requireScope(ctx.principal, 'withdraw');
      return `withdrawal for ${ctx.account}`;
    },
  },
};

export interface ToyGateway {
  readonly url: string;
  readonly security: Security;
  readonly server: Server;
  readonly yoga: YogaServerInstance<object, ToyContext>;
  post(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; json: GraphQLBody }>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Starts the toy schema behind the security layer on 127.0.0.1, wired the way src/server.ts should be. */
export async function startToyGateway(
  env: Record<string, string>,
  key = SECRET_A,
  now?: () => number,
): Promise<ToyGateway> {
  const config = { key: key === '' ? undefined : loadSigningKey(key), host: '127.0.0.1' };
  const security = loadSecurity(env, config, now ? { now } : {});
  const yoga = createYoga<object, ToyContext>({
    schema: createSchema<ToyContext>({ typeDefs, resolvers }),
    logging: false,
    ...security.yogaOptions,
    graphiql: security.limits.graphiql,
    plugins: security.plugins,
    context: (initial) => {
      const principal = security.identifyContext(initial);
      return { principal, account: security.accountFor(principal)?.name ?? null };
    },
  });
  const server = createServer(withBodyLimit((req, res) => void yoga(req, res), security.limits.maxBodyBytes));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    url,
    security,
    server,
    yoga,
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        json: (text ? JSON.parse(text) : {}) as GraphQLBody,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function codes(body: GraphQLBody): unknown[] {
  return (body.errors ?? []).map((error) => error.extensions?.['code']);
}
