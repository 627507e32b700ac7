// Persisted operations over HTTP: APQ register/lookup with the standard errors, and trusted-documents mode refusing
// anything outside its manifest.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';

const QUERY = 'query Hello { __typename }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
const gateways: TestGateway[] = [];

async function start(env: Record<string, string>): Promise<TestGateway> {
  // Nothing listens on the discard port: these operations never need the exchange.
  const gateway = await startGateway({ upstream: { restUrl: 'http://127.0.0.1:9' }, warmCatalog: false, env });
  gateways.push(gateway);
  return gateway;
}

async function post(gateway: TestGateway, body: unknown) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
}

const hashOnly = { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } };

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.close()));
});

describe('persisted operations', () => {
  it('APQ: an unknown hash is PersistedQueryNotFound, a registration runs and stores it, then the hash alone runs', async () => {
    const gateway = await start({});
    expect((await post(gateway, hashOnly)).errors?.[0]?.message).toBe('PersistedQueryNotFound');
    expect(await post(gateway, { query: QUERY, ...hashOnly })).toEqual({ data: { __typename: 'Query' } });
    expect(await post(gateway, hashOnly)).toEqual({ data: { __typename: 'Query' } });
    const forged = { query: '{ __schema { types { name } } }', ...hashOnly };
    expect((await post(gateway, forged)).errors?.[0]?.message).toBe('provided sha does not match query');
  });

  it('APQ off: a hash-only request is PersistedQueryNotSupported', async () => {
    const gateway = await start({ GATEWAY_APQ: 'false' });
    expect((await post(gateway, hashOnly)).errors?.[0]?.message).toBe('PersistedQueryNotSupported');
  });

  it('trusted documents: manifest hashes run, arbitrary and unknown documents are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'persisted-'));
    const manifest = join(dir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [HASH]: QUERY }));
    const gateway = await start({ GATEWAY_PERSISTED_DOCUMENTS: manifest });
    expect(await post(gateway, hashOnly)).toEqual({ data: { __typename: 'Query' } });
    const arbitrary = await post(gateway, { query: QUERY });
    expect(arbitrary.data).toBeUndefined();
    expect(arbitrary.errors?.[0]?.message).toMatch(/trusted documents only/);
    const unknown = await post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect(unknown.errors?.[0]?.message).toBe('PersistedQueryNotFound');
  });

  it('trusted documents: the manifest `npm run codegen` writes for schema/operations runs its documents by hash', async () => {
    const path = join(import.meta.dirname, '../../src/generated/persisted-documents.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const [key, document] = Object.entries(manifest).find(([, text]) => text.startsWith('query OrderBook')) ?? [];
    expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      createHash('sha256')
        .update(document ?? '')
        .digest('hex'),
    ).toBe(key?.slice('sha256:'.length));
    const gateway = await start({ GATEWAY_PERSISTED_DOCUMENTS: path });
    const byHash = {
      variables: { symbol: 'SOL_USDC', limit: 5 },
      extensions: { persistedQuery: { version: 1, sha256Hash: key?.slice(7) } },
    };
    // Accepted and executed (the exchange here is a closed port, so the field itself fails upstream, not as refused).
    const answer = await post(gateway, byHash);
    expect(answer.errors?.[0]?.message).not.toMatch(/trusted documents only|PersistedQueryNotFound/);
    expect((answer.errors?.[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code).toBe(
      'EXCHANGE_UNAVAILABLE',
    );
    expect((await post(gateway, { query: document })).errors?.[0]?.message).toMatch(/trusted documents only/);
  });
});
