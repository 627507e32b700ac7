// The `sandbox` command, from source (the compiled one: compiledStart.test.ts): prints the real GraphiQL URL and the demo keys, serves GraphiQL's
// default query against the live sandbox, and exits cleanly on SIGTERM.
import { resolve } from 'node:path';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { startCli } from '../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * Node with tsx as a loader: npx/npm would die by the signal themselves and hide the app's own exit code, and the tsx
 * CLI kills a child that has not acknowledged a relayed signal within 30 ms (a busy machine) and exits 143.
 */
const FROM_SOURCE = ['--import', 'tsx', 'src/main.ts'];
const BANNER_LINES = 5;

/** The banner: `Label   value (comment)` lines, read until `Demo API secret`. */
function readBanner(lines: AsyncIterable<string>): Promise<Map<string, string>> {
  return (async () => {
    const banner = new Map<string, string>();
    for await (const line of lines) {
      const match =
        /^(GraphQL gateway|Sandbox exchange REST|Sandbox exchange WS|Demo API key|Demo API secret)\s+(\S+)/.exec(line);
      if (match?.[1] && match[2]) banner.set(match[1], match[2]);
      if (banner.size === BANNER_LINES) return banner;
    }
    throw new Error(`the output ended after ${banner.size} banner lines`);
  })();
}

async function graphql(url: string, query: string): Promise<{ data?: any; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('the sandbox command', () => {
  it('prints the GraphiQL URL and demo keys, answers the default GraphiQL query, and stops cleanly on SIGTERM', async () => {
    const cli = startCli([...FROM_SOURCE, 'sandbox'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', EXCHANGE_PORT: '0', LOG_LEVEL: 'warn' },
    });
    try {
      const banner = await cli.banner(readBanner);

      const url = banner.get('GraphQL gateway') ?? '';
      // PORT=0: the printed URL carries the port actually bound, not 0 or the default 4000.
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(new URL(url).port).not.toMatch(/^(0|4000)$/);
      expect(banner.get('Sandbox exchange REST')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const secret = Buffer.from(banner.get('Demo API secret') ?? '', 'base64');
      expect(secret).toHaveLength(32);
      // The printed key is the public half of the printed secret.
      expect(banner.get('Demo API key')).toBe(
        Buffer.from(nacl.sign.keyPair.fromSeed(new Uint8Array(secret)).publicKey).toString('base64'),
      );

      // GraphiQL in a browser, with its default tab.
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      const embedded = /"defaultQuery":("(?:[^"\\]|\\.)*")/.exec(html)?.[1];
      expect(embedded).toBeDefined();
      const defaultQuery = JSON.parse(embedded ?? '""') as string;
      expect(defaultQuery).toContain('query MarketsAndBook');

      const result = await graphql(url, defaultQuery);
      expect(result.errors).toBeUndefined();
      const markets: { symbol: string; marketType: string }[] = result.data.markets;
      expect(markets.length).toBeGreaterThan(0);
      expect(markets.map((m) => m.symbol)).toContain('SOL_USDC');
      expect(new Set(markets.map((m) => m.marketType))).toEqual(new Set(['SPOT', 'PERP']));
      const { bids, asks } = result.data.orderBook as { bids: { price: string }[]; asks: { price: string }[] };
      expect(bids.length).toBeGreaterThan(0);
      expect(asks.length).toBeGreaterThan(0);
      expect(Number(bids[0]?.price)).toBeLessThan(Number(asks[0]?.price));

      // Signed as demo: the account answers.
      const account = await graphql(url, '{ account { balances { symbol } } }');
      expect(account.errors).toBeUndefined();
      expect(account.data.account.balances.map((b: { symbol: string }) => b.symbol)).toContain('USDC');

      cli.terminate();
      expect(await cli.exited, cli.stderr()).toEqual({ code: 0, signal: null });
    } finally {
      cli.stop();
    }
  }, 60_000);
});
