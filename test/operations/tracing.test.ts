// Tracing against the sandbox with the SDK's in-memory exporter: operation → resolver → upstream-call spans in one
// trace, upstream spans naming endpoint, attempt and status and nothing secret; off by default; the sampler applies.
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway } from '../support/gateway.ts';

let sandbox: SandboxHandle;
let apiKey = '';
let apiSecret = '';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 13 });
  const demo = sandbox.accountsByName['demo'];
  if (!demo) throw new Error('no demo account');
  apiKey = demo.apiKey;
  apiSecret = demo.apiSecret;
});

afterAll(async () => {
  await sandbox?.close();
});

async function withGateway(
  env: Record<string, string>,
  exporter: InMemorySpanExporter | undefined,
  run: (gateway: Gateway) => Promise<void>,
): Promise<void> {
  // One sandbox for every gateway of this file: each gateway runs with different tracing settings.
  const gateway = await startGateway({
    upstream: { restUrl: sandbox.restUrl, wsUrl: sandbox.wsUrl },
    warmCatalog: false,
    env: { BACKPACK_API_SECRET: apiSecret, ...env },
    ...(exporter ? { spanExporter: exporter } : {}),
  });
  try {
    await run(gateway.gateway);
  } finally {
    await gateway.close();
  }
}

async function query(gateway: Gateway, text: string): Promise<unknown> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body;
}

const BOOK_AND_BALANCES = `query TracedDashboard {
  orderBook(symbol: "SOL_USDC", depth: 3) { bids { price } }
  account { balances { symbol available } }
}`;

describe('OpenTelemetry tracing', () => {
  it('is off by default', () => {
    expect(loadConfig({}).tracing).toEqual({
      exporter: 'none',
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      serviceName: 'backpack-graphql',
    });
    expect(() => loadConfig({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });

  it('nests resolver and upstream-call spans under the operation span, without secrets', async () => {
    const exporter = new InMemorySpanExporter();
    let spans: ReadableSpan[] = [];
    // Read before the gateway closes: shutting the exporter down empties it.
    await withGateway({}, exporter, async (gateway) => {
      await query(gateway, BOOK_AND_BALANCES);
      spans = [...exporter.getFinishedSpans()];
    });
    const operation = spans.find((span) => span.name === 'query.TracedDashboard');
    expect(operation?.attributes['graphql.execute.operationName']).toBe('TracedDashboard');
    const traceId = operation?.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
    const ancestors = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let parent = span.parentSpanContext; parent !== undefined;) {
        const found = byId.get(parent.spanId);
        if (found === undefined) break;
        names.push(found.name);
        parent = found.parentSpanContext;
      }
      return names;
    };

    const resolver = inTrace.find((span) => span.name === 'Query.orderBook');
    expect(resolver && ancestors(resolver)).toEqual(['query.TracedDashboard']);
    expect(resolver?.attributes['graphql.resolver.args']).toBe('depth,symbol');

    const depth = inTrace.find((span) => span.name === 'GET /api/v1/depth');
    expect(depth?.attributes).toMatchObject({
      'backpack.endpoint': expect.stringContaining('/api/v1/depth'),
      'backpack.attempt': 1,
      'http.response.status_code': 200,
    });
    expect(depth && ancestors(depth)).toContain('query.TracedDashboard');
    const balances = inTrace.find((span) => span.name === 'GET /api/v1/capital');
    expect(balances?.attributes['http.response.status_code']).toBe(200);
    expect(balances && ancestors(balances)).toContain('query.TracedDashboard');

    const everything = JSON.stringify(spans.map((span) => [span.name, span.attributes, span.events]));
    expect(everything).not.toContain(apiKey);
    expect(everything).not.toContain(apiSecret);
    expect(everything.toLowerCase()).not.toContain('x-signature');
  });

  it('records nothing when the sampler says so, and the query still answers', async () => {
    const exporter = new InMemorySpanExporter();
    await withGateway(
      { OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' },
      exporter,
      async (gateway) => {
        await query(gateway, BOOK_AND_BALANCES);
      },
    );
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
