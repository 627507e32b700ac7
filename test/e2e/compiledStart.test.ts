// The compiled server as `npm run sandbox` / `npm start` run it (`node dist/src/main.js`, no TypeScript loader):
// starts from any working directory, answers GraphQL, and serves the files it finds from the project root.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/src/main.js');

/** The printed GraphQL URL, read from the banner. */
async function gatewayUrl(lines: AsyncIterable<string>): Promise<string> {
  for await (const line of lines) {
    const match = /^GraphQL gateway\s+(\S+)/.exec(line);
    if (match?.[1]) return match[1];
  }
  throw new Error('the output ended before the GraphQL gateway line');
}

beforeAll(() => {
  // `npm run build` (emit only, incremental: seconds when `npm ci` has built dist/ already, as in CI).
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck'], { cwd: ROOT, stdio: 'inherit' });
}, 180_000);

describe('the compiled server', () => {
  it('starts with plain node from another directory, answers GraphQL, and serves the dashboard and GraphiQL tabs', async () => {
    // Another working directory: nothing it serves may be found relative to the cwd. `sandbox` also loads the sandbox
    // through a dynamic import, whose specifier the build must have rewritten to .js as well.
    const cli = startCli([MAIN, 'sandbox'], {
      cwd: tmpdir(),
      env: { ...process.env, PORT: '0', EXCHANGE_PORT: '0', LOG_LEVEL: 'warn' },
    });
    try {
      const url = await cli.banner(gatewayUrl);

      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ market(symbol: "SOL_USDC") { symbol ticker { lastPrice } } }' }),
      });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { data?: any; errors?: unknown[] };
      expect(result.errors).toBeUndefined();
      expect(result.data.market.symbol).toBe('SOL_USDC');
      expect(result.data.market.ticker.lastPrice).toMatch(/^\d+(\.\d+)?$/);

      // The dashboard, from ui/dist/ at the project root, with the assets its page names.
      const origin = new URL(url).origin;
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toBe(readFileSync(join(ROOT, 'ui/dist/index.html'), 'utf8'));
      const script = /src="(\/dashboard\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${origin}${script ?? ''}`)).status).toBe(200);

      // GraphiQL's tabs, read from schema/operations/ at the project root.
      const graphiql = await fetch(url, { headers: { accept: 'text/html' } });
      expect(graphiql.status).toBe(200);
      const embedded = /"defaultQuery":("(?:[^"\\]|\\.)*")/.exec(await graphiql.text())?.[1];
      expect(JSON.parse(embedded ?? '""') as string).toContain('query MarketsAndBook');

      cli.terminate();
      expect(await cli.exited, cli.stderr()).toEqual({ code: 0, signal: null });
    } finally {
      cli.stop();
    }
  }, 60_000);
});
