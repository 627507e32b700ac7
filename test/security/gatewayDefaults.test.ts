// The real gateway's safe defaults over HTTP (fake exchange): GraphiQL/introspection per environment, body limit,
// masked errors, and the keys/tokens combinations createGateway accepts or refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { FakeUpstream, marketHandlers } from '../schema/fakeUpstream.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { SECRET_A } from './support.ts';

const open: TestGateway[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((gateway) => gateway.close()));
});

async function start(env: Record<string, string>, upstream = new FakeUpstream(marketHandlers())): Promise<TestGateway> {
  const gateway = await startGateway({ upstream, env });
  open.push(gateway);
  return gateway;
}

async function post(gateway: TestGateway, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: any;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('gateway defaults', () => {
  it('serves GraphiQL and introspection in development, neither with NODE_ENV=production', async () => {
    const dev = await start({});
    expect((await fetch(dev.url, { headers: { accept: 'text/html' } })).headers.get('content-type')).toContain(
      'text/html',
    );
    expect((await post(dev, '{ __schema { queryType { name } } }')).body.data).toBeTruthy();

    const production = await start({ NODE_ENV: 'production' });
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    await page.arrayBuffer();
    const introspection = await post(production, '{ __schema { queryType { name } } }');
    expect(introspection.body.data ?? null).toBeNull();
    expect(introspection.body.errors?.length).toBeGreaterThan(0);
  });

  it('refuses bodies over GATEWAY_MAX_BODY_BYTES with 413 before parsing them', async () => {
    const gateway = await start({ GATEWAY_MAX_BODY_BYTES: '2000' });
    const { status } = await post(gateway, `{ markets { symbol } } # ${'x'.repeat(5_000)}`);
    expect(status).toBe(413);
    expect((await post(gateway, '{ markets { symbol } }')).status).toBe(200);
  });

  it('masks unexpected errors: a generic message, no stack, no internal text', async () => {
    const gateway = await start(
      {},
      new FakeUpstream({
        ...marketHandlers(),
        getWallets: () => {
          throw new Error('secret internal detail at /srv/app/x.ts:12');
        },
      }),
    );
    const { body } = await post(gateway, '{ wallets { blockchain } }');
    const text = JSON.stringify(body);
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toMatch(/stack|\.ts:\d+/);
    expect(body.errors?.[0]?.message).toBe('Unexpected error.');
  });

  it('enforces the depth and alias limits on the real schema', async () => {
    const gateway = await start({ GATEWAY_MAX_ALIASES: '3' });
    const aliases = await post(
      gateway,
      '{ a: markets { symbol } b: markets { symbol } c: markets { symbol } d: markets { symbol } }',
    );
    expect(aliases.body.data ?? null).toBeNull();
    expect(aliases.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses to start with keys and no tokens on a non-loopback HOST, naming the fix', async () => {
    const exposed = () =>
      startGateway({
        upstream: new FakeUpstream({}),
        warmCatalog: false,
        env: { HOST: '0.0.0.0', BACKPACK_API_SECRET: SECRET_A },
      });
    await expect(exposed()).rejects.toThrow(ConfigError);
    await expect(exposed()).rejects.toThrow(/GATEWAY_TOKENS_FILE/);
  });
});
