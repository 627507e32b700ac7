// The operationName and path labels of the GraphQL metrics are bounded: a client inventing names or aliases cannot
// grow /metrics without limit; the first GATEWAY_METRICS_OPERATION_NAMES values and trusted documents' operations keep
// their own label.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorPathLabel } from '../../src/operations/operationNames.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

const gateways: TestGateway[] = [];

async function start(env: Record<string, string>): Promise<TestGateway> {
  // Nothing listens on the discard port: `__typename` operations never need the exchange.
  const gateway = await startGateway({ upstream: { restUrl: 'http://127.0.0.1:9' }, warmCatalog: false, env });
  gateways.push(gateway);
  return gateway;
}

async function post(gateway: TestGateway, body: unknown): Promise<{ errors?: unknown[] }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { errors?: unknown[] };
}

/** `label` value → sample value, over the `<metric>` lines of a scrape. */
async function byLabel(gateway: TestGateway, metric: string, label: string): Promise<Map<string, number>> {
  const text = await (await fetch(new URL('/metrics', gateway.url))).text();
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const name = new RegExp(`[{,]${label}="([^"]*)"`).exec(line)?.[1] ?? '';
    found.set(name, (found.get(name) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return found;
}

const byOperationName = (gateway: TestGateway, metric: string): Promise<Map<string, number>> =>
  byLabel(gateway, metric, 'operationName');

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
});

describe('the operationName label of the GraphQL metrics', () => {
  it('keeps the first N distinct names and counts every later name as `other`', async () => {
    const gateway = await start({ GATEWAY_METRICS_OPERATION_NAMES: '5' });
    for (let i = 0; i < 40; i++) {
      expect((await post(gateway, { query: `query Invented${i} { __typename }` })).errors).toBeUndefined();
    }
    // Invalid operations count their errors under the same bounded label.
    expect((await post(gateway, { query: 'query Invalid { nope }' })).errors).toHaveLength(1);
    // A name the document does not hold is refused before anything runs: it labels nothing.
    expect((await post(gateway, { query: 'query A { __typename }', operationName: 'Chosen' })).errors).toHaveLength(1);

    const operations = await byOperationName(gateway, 'graphql_envelop_request_duration_count');
    const kept = ['Invented0', 'Invented1', 'Invented2', 'Invented3', 'Invented4'];
    expect([...operations.keys()].sort()).toEqual([...kept, 'other']);
    expect(operations.get('Invented0')).toBe(1);
    expect(operations.get('other')).toBe(35);
    const http = await byOperationName(gateway, 'graphql_yoga_http_duration_count');
    expect([...http.keys()].sort()).toEqual(['Anonymous', ...kept, 'other']);
    expect(http.get('other')).toBe(36);
    expect([...(await byOperationName(gateway, 'graphql_envelop_error_result')).keys()]).toEqual(['other']);
  });

  it("labels trusted documents' operations by name even with no room for other names", async () => {
    const documents = ['query Hello { __typename }', 'query World { __typename }'];
    const manifest = join(mkdtempSync(join(tmpdir(), 'metrics-names-')), 'persisted-documents.json');
    const hash = (document: string): string => createHash('sha256').update(document).digest('hex');
    writeFileSync(
      manifest,
      JSON.stringify(Object.fromEntries(documents.map((text) => [`sha256:${hash(text)}`, text]))),
    );
    const gateway = await start({ GATEWAY_PERSISTED_DOCUMENTS: manifest, GATEWAY_METRICS_OPERATION_NAMES: '0' });
    const byHash = (document: string, extra: Record<string, unknown> = {}) => ({
      ...extra,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash(document) } },
    });
    for (const document of documents) expect((await post(gateway, byHash(document))).errors).toBeUndefined();
    // A client-chosen operationName the document does not hold.
    expect((await post(gateway, byHash(documents[0] ?? '', { operationName: 'Mine' }))).errors).toHaveLength(1);

    const operations = await byOperationName(gateway, 'graphql_envelop_request_duration_count');
    expect([...operations.keys()].sort()).toEqual(['Hello', 'World']);
    expect(await (await fetch(new URL('/metrics', gateway.url))).text()).not.toContain('Mine');
  });
});

describe('the path label of graphql_envelop_error_result', () => {
  it('keeps the first N distinct paths (aliases are client-chosen) and counts later ones as `other`', async () => {
    const gateway = await start({ GATEWAY_METRICS_OPERATION_NAMES: '2' });
    // The exchange is unreachable, so every aliased ticker fails at its own path.
    const aliases = ['first', 'second', 'third', 'fourth', 'fifth'];
    const query = `{ ${aliases.map((alias) => `${alias}: ticker(symbol: "SOL_USDC") { lastPrice }`).join(' ')} }`;
    expect((await post(gateway, { query })).errors).toHaveLength(aliases.length);

    const paths = await byLabel(gateway, 'graphql_envelop_error_result', 'path');
    expect([...paths.keys()].sort()).toEqual(['first', 'other', 'second']);
    expect(paths.get('other')).toBe(3);
  });

  it('writes list indices as `*`: one series per failing field, not per row', () => {
    expect(errorPathLabel(['markets', 0, 'ticker'])).toBe('markets.*.ticker');
    expect(errorPathLabel(['markets', 41, 'ticker', 'lastPrice'])).toBe('markets.*.ticker.lastPrice');
    expect(errorPathLabel(['account'])).toBe('account');
  });
});
