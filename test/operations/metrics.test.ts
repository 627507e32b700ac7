// /metrics end to end against the sandbox: after a query and a subscription the gateway's own metric names are there
// with plausible values, next to yoga's GraphQL metrics; labels name accounts, never keys.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopback } from '../../src/operations/metrics.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

let env: TestGateway;
let gateway: Gateway;
let apiKey = '';

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of one sample line, e.g. `sample(text, 'backpack_ws_connected{socket="public"}')`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 5 }, env: { GATEWAY_METRICS_PORT: '0' } });
  gateway = env.gateway;
  apiKey = env.sandbox.accountsByName['demo']?.apiKey ?? '';
});

afterAll(async () => {
  await env?.close();
});

describe('/metrics', () => {
  it('reports upstream calls, cache lookups, limiter queues, sockets, subscriptions and GraphQL operations', async () => {
    const query = '{ markets { symbol } account { balances { symbol } } }';
    for (let i = 0; i < 2; i++) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, operationName: null }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    }

    const client = createClient({
      url: gateway.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const received: unknown[] = [];
    const unsubscribe = client.subscribe(
      { query: 'subscription { orderBook(symbol: "SOL_USDC", depth: 5) { lastUpdateId } }' },
      { next: (value) => void received.push(value), error: () => undefined, complete: () => undefined },
    );
    try {
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(0), { timeout: 10_000 });
      const text = await scrape(new URL('/metrics', gateway.url).toString());

      expect(sample(text, 'backpack_upstream_requests_total{endpoint="GET /api/v1/capital",status="200"}')).toBe(2);
      expect(text).toMatch(
        /^backpack_upstream_request_duration_seconds_count\{endpoint="GET \/api\/v1\/capital"\} 2$/m,
      );
      expect(sample(text, 'backpack_cache_requests_total{endpoint="getMarkets",result="hit"}')).toBeGreaterThan(0);
      expect(sample(text, 'backpack_rate_limiter_queue_depth{account="default",class="standard"}')).toBe(0);
      expect(sample(text, 'backpack_ws_connected{socket="public"}')).toBe(1);
      expect(sample(text, 'backpack_ws_reconnects_total{socket="public"}')).toBe(0);
      expect(sample(text, 'backpack_subscriptions_active{field="orderBook"}')).toBe(1);
      expect(text).toMatch(/^# TYPE backpack_orderbook_resyncs_total counter$/m);
      expect(text).toMatch(/^graphql_envelop_request_duration_count\{.*operationType="query".*\} 2$/m);
      // Account names, never keys.
      expect(text).not.toContain(apiKey);
    } finally {
      unsubscribe();
      await client.dispose();
    }
    await vi.waitFor(async () => {
      const after = await scrape(new URL('/metrics', gateway.url).toString());
      expect(sample(after, 'backpack_subscriptions_active{field="orderBook"}')).toBe(0);
    });
  });

  it('counts each deprecated field or argument an operation uses, once per operation run', async () => {
    const series =
      'graphql_envelop_deprecated_field{operationType="query",operationName="OldBook",fieldName="limit",typeName="orderBook"}';
    const before = sample(await scrape(new URL('/metrics', gateway.url).toString()), series) ?? 0;
    for (let i = 0; i < 3; i++) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // `request` makes every body distinct, so no memoized answer skips execution.
        body: JSON.stringify({
          query: 'query OldBook { orderBook(symbol: "SOL_USDC", limit: 1) { bids { price } } }',
          variables: { request: i },
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    const text = await scrape(new URL('/metrics', gateway.url).toString());
    expect(sample(text, series)).toBe(before + 3);
    // The current argument is not counted.
    expect(text).not.toMatch(/graphql_envelop_deprecated_field\{[^}]*fieldName="depth"/);
  });

  it('keeps one HTTP duration series however many distinct GET URLs are queried', async () => {
    for (const symbol of ['SOL_USDC', 'BTC_USDC', 'ETH_USDC']) {
      const url = new URL(gateway.url);
      url.searchParams.set('query', `query Tick { ticker(symbol: "${symbol}") { symbol } }`);
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    }
    const text = await scrape(new URL('/metrics', gateway.url).toString());
    const series = text
      .split('\n')
      .filter((line) => /^graphql_yoga_http_duration_count\{.*operationName="Tick"/.test(line));
    expect(series).toHaveLength(1);
    expect(series[0]).not.toContain('url=');
  });

  it('only answers loopback peers (or a token with the metrics scope)', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', undefined].map(isLoopback)).toEqual([false, false, false]);
  });
});
