// Test support for the security suites: key material, temp files and a toy schema (no exchange behind it) to serve
// behind the gateway's real security layers with the shared harness (test/support/gateway.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema } from 'graphql-yoga';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import type { GatewayContext } from '../../src/schema/context.ts';
import { requireScope } from '../../src/security/index.ts';
import type { GatewayOptions } from '../support/gateway.ts';
import { FakeUpstream } from '../schema/fakeUpstream.ts';

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

const market = (symbol: string): Record<string, unknown> => ({
  symbol,
  ticker: { lastPrice: '1.0' },
  get market() {
    return market(symbol);
  },
});

/** The name of the caller's account (null for anonymous callers). */
const accountOf = (ctx: GatewayContext): string | null =>
  ctx.principal.kind === 'anonymous' || ctx.account === null ? null : ctx.principal.account;

/** Resolvers that use the security helpers exactly like the real schema does (requireScope, the caller's account). */
const resolvers = {
  Query: {
    markets: () => [market('SOL_USDC')],
    balance: (_: unknown, __: unknown, ctx: GatewayContext) => {
      requireScope(ctx.principal, 'read');
      return `balance of ${accountOf(ctx)}`;
    },
    whoami: (_: unknown, __: unknown, ctx: GatewayContext) => `${ctx.principal.kind}:${accountOf(ctx) ?? '-'}`,
  },
  Mutation: {
    placeOrder: (_: unknown, __: unknown, ctx: GatewayContext) => {
      requireScope(ctx.principal, 'trade');
      return `order for ${accountOf(ctx)}`;
    },
    withdraw: (_: unknown, __: unknown, ctx: GatewayContext) => {
      requireScope(ctx.principal, 'withdraw');
      return `withdrawal for ${accountOf(ctx)}`;
    },
  },
};

const toySchema = createSchema<GatewayContext>({ typeDefs, resolvers });

/**
 * The shared harness's options for the toy schema behind the gateway's real security layers (HTTP hardening, limits,
 * budgets, graphql-ws): signs as account `default` (SECRET_A), with no exchange behind it; `env` adds GATEWAY_* settings.
 */
export function toyGateway(env: Readonly<Record<string, string>>, budgetClock?: () => number): GatewayOptions {
  return {
    schema: toySchema,
    upstream: new FakeUpstream({}),
    warmCatalog: false,
    env: { BACKPACK_API_SECRET: SECRET_A, ...env },
    ...(budgetClock !== undefined ? { budgetClock } : {}),
  };
}
