// The list-aware operation cost against the sandbox: the cyclic markets → asset → markets query is refused before it
// runs, the example operations fit the default budget even on a catalog larger than the exchange's, and the estimate
// bounds the work (resolved fields, bytes) of what is accepted.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import {
  BalancesDocument,
  CancelOrderDocument,
  DashboardDocument,
  ExecuteOrderDocument,
  FillsDocument,
  KlinesDocument,
  OpenOrdersDocument,
  OrderBookDocument,
  PositionsDocument,
  RequestWithdrawalDocument,
  WithdrawalsDocument,
} from '../../src/generated/graphql.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import { FALLBACK_CATALOG_SIZES } from '../../src/schema/listSize.ts';
import { operationCost } from '../../src/security/cost.ts';
import { loadLimits } from '../../src/security/limits.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

/** The operation's response body (status 200 is asserted by the callers' data checks). */
const post = async (query: string, variables?: Record<string, unknown>) => (await gql(env, query, variables)).body;

const MAX_COST = loadLimits({}).maxCost;

/** `markets → baseAsset → markets → quoteAsset → …` six list levels deep: depth 12, within every document limit. */
function cyclicQuery(aliases: number): string {
  let selection = 'markets { symbol }';
  for (let level = 0; level < 5; level += 1) {
    selection = `markets { ${level % 2 === 0 ? 'baseAsset' : 'quoteAsset'} { ${selection} } }`;
  }
  return `{ ${Array.from({ length: aliases }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;
}

/** Fields the executor resolved to produce `data`: every key of every object, lists counted per row. */
function resolvedFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + resolvedFields(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((sum: number, inner) => sum + 1 + resolvedFields(inner), 0);
}

let env: TestGateway;
// Without the gateway's own background calls: /ready's periodic GET /api/v1/time probe and the startup key check.
const BACKGROUND = new Set(['getTime', 'getAccount']);
const upstreamCalls = (): number =>
  Object.entries(env.sandbox.stats.requests())
    .filter(([name]) => !BACKGROUND.has(name))
    .reduce((sum, [, count]) => sum + count, 0);
const costOn = (exchange: CachedExchange, document: DocumentNode, variables: Record<string, unknown> = {}) =>
  operationCost({
    schema,
    document,
    operationName: null,
    variableValues: variables,
    contextValue: createContext({ exchange, account: null }),
  });

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 21, flow: { enabled: false } } });
});
afterAll(async () => {
  await env?.close();
});

describe('the operation cost limit', () => {
  it.each([2, 8])(
    'refuses the cyclic query with %i aliases before it runs: COST_LIMIT, the estimate, no data, no upstream call',
    async (aliases) => {
      const query = cyclicQuery(aliases);
      expect(query.length).toBeLessThan(aliases * 170);
      const before = upstreamCalls();
      const body = await post(query);
      expect(body).not.toHaveProperty('data');
      expect(body.errors).toHaveLength(1);
      const extensions = body.errors?.[0]?.extensions ?? {};
      expect(extensions).toMatchObject({ code: 'COST_LIMIT', maxCost: MAX_COST });
      // 25 markets listed 6 times over: the estimate grows as the catalog's size to the sixth power, per alias.
      expect(extensions['cost']).toBeGreaterThan(aliases * 25 ** 6);
      expect(upstreamCalls()).toBe(before);
    },
  );

  it('prices lists by the catalog, limit arguments and kline ranges', () => {
    const exchange = env.gateway.exchange;
    expect(exchange.catalogSizes()).toEqual({ markets: 25, assets: expect.any(Number) });
    expect(costOn(exchange, parse('{ markets { symbol } }'))).toBe(1 + 25);
    expect(costOn(exchange, parse('{ recentTrades(symbol: "SOL_USDC", limit: 7) { id price } }'))).toBe(1 + 7 * 2);
    expect(costOn(exchange, parse('{ orderBook(symbol: "SOL_USDC") { bids { price } asks { price } } }'))).toBe(
      1 + 20 * (2 + 2),
    );
    const day = Date.parse('2026-01-02T00:00:00Z') - Date.parse('2026-01-01T00:00:00Z');
    const klines = parse(
      'query ($from: Timestamp!, $to: Timestamp) { klines(symbol: "SOL_USDC", interval: ONE_HOUR, from: $from, to: $to) { close } }',
    );
    expect(costOn(exchange, klines, { from: 0, to: day })).toBe(1 + 25);
  });

  it('lets the README dashboard and every example operation through, even on a catalog of 300 markets', () => {
    // A cache whose catalogs were never loaded prices market lists at FALLBACK_CATALOG_SIZES (above the exchange's).
    const unloaded = new CachedExchange({ requestWithMeta: () => Promise.reject(new Error('not called')) });
    expect(unloaded.catalogSizes()).toBeNull();
    const operations: [TypedDocumentNode<unknown, never>, Record<string, unknown>][] = [
      [DashboardDocument, { marketTypes: ['SPOT', 'PERP'] }],
      [BalancesDocument, {}],
      [FillsDocument, { symbol: 'SOL_USDC', limit: 1000 }],
      [OpenOrdersDocument, {}],
      [PositionsDocument, {}],
      [WithdrawalsDocument, { limit: 1000 }],
      [OrderBookDocument, { symbol: 'SOL_USDC', limit: 100 }],
      [KlinesDocument, { symbol: 'SOL_USDC', interval: 'ONE_HOUR', from: Date.now() - 30 * 86_400_000 }],
      [
        ExecuteOrderDocument,
        { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '1', quantity: '1' } },
      ],
      [CancelOrderDocument, { input: { symbol: 'SOL_USDC', id: '1' } }],
      [
        RequestWithdrawalDocument,
        { input: { asset: 'USDC', quantity: '1', blockchain: 'SOLANA', address: 'x'.repeat(32) } },
      ],
    ];
    const dashboard = costOn(unloaded, DashboardDocument, { marketTypes: ['SPOT', 'PERP'] });
    expect(dashboard).toBe(1 + FALLBACK_CATALOG_SIZES.markets * 14);
    for (const [document, variables] of operations) {
      const cost = costOn(unloaded, document, variables);
      expect({ operation: print(document).slice(0, 40), cost }).toEqual({
        operation: print(document).slice(0, 40),
        cost: expect.any(Number),
      });
      expect(cost).toBeGreaterThan(0); // the variables coerced: a failed estimate would read 0
      expect(cost).toBeLessThanOrEqual(MAX_COST);
    }
  });

  it('bounds what an accepted anonymous query does: resolved fields and bytes stay within its estimate', async () => {
    // Two list levels with the scalars of a market, twice: close to the limit on the sandbox's 25 markets.
    const scalars =
      'symbol baseSymbol quoteSymbol marketType orderBookState createdAt fundingIntervalMs fundingRateLowerBound ' +
      'fundingRateUpperBound openInterestLimit positionLimitWeight';
    const nested = `markets { ${scalars} baseAsset { symbol markets { ${scalars} quoteAsset { symbol } } } }`;
    const largest = `{ a: ${nested} b: ${nested} }`;
    const estimate = costOn(env.gateway.exchange, parse(largest));
    expect(estimate).toBeGreaterThan(MAX_COST / 2);
    expect(estimate).toBeLessThanOrEqual(MAX_COST);
    const response = await fetch(env.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: largest }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const fields = resolvedFields(body.data);
    expect(fields).toBeGreaterThan(25 * 10);
    expect(fields).toBeLessThanOrEqual(estimate);
    // Each resolved field is a key and a short value: the answer stays within a small multiple of the estimate.
    expect(Buffer.byteLength(text)).toBeLessThan(estimate * 64);
  });
});
