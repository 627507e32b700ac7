// The compiled server as `npm run sandbox` / `npm start` run it (`node dist/src/main.js`, no TypeScript loader):
// starts from any working directory, answers GraphQL, and serves the files it finds from the project root.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';

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
    const child = spawn(process.execPath, [MAIN, 'sandbox'], {
      cwd: tmpdir(),
      env: { ...process.env, PORT: '0', EXCHANGE_PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let signalled = false;
    try {
      const url = await Promise.race([
        gatewayUrl(createInterface({ input: child.stdout })),
        exited.then(({ code }) => Promise.reject(new Error(`exited ${code} before printing: ${stderr}`))),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no banner within 30 s: ${stderr}`)), 30_000).unref(),
        ),
      ]);
      child.stdout.resume(); // keep draining: a full pipe would block the app's logging

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

      child.kill('SIGTERM');
      signalled = true;
      expect(await exited, stderr).toEqual({ code: 0, signal: null });
    } finally {
      if (!signalled) child.kill('SIGKILL');
    }
  }, 60_000);
});
