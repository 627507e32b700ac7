// The dashboard under test: `npm run sandbox`'s pair (sandbox exchange + gateway signing as demo) on OS-chosen ports,
// a fresh dashboard build when ui/ changed, and Debian's headless Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { DASHBOARD_DIST } from '../../src/http/dashboard.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway } from '../support/gateway.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Without the background-networking switches Chromium dials Google services, refused on a closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface SandboxGateway {
  readonly sandbox: SandboxHandle;
  readonly gateway: Gateway;
  /** `http://127.0.0.1:port`: the dashboard's origin. */
  readonly origin: string;
  /** POSTs one GraphQL document to the gateway (as the demo account, like the page). */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: unknown[] }>;
  close(): Promise<void>;
}

/** What `npm run sandbox` starts (src/main.ts), in this process so that tests can drop the exchange's sockets. */
export async function startSandboxGateway(): Promise<SandboxGateway> {
  // Live flow on and the signing clock synced, as `npm run sandbox` runs them.
  const env = await startGateway({ env: { BACKPACK_CLOCK_SYNC: 'true' } });
  const { sandbox, gateway } = env;
  const origin = new URL(gateway.url).origin;
  return {
    sandbox,
    gateway,
    origin,
    graphql: async (query, variables) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: () => env.close(),
  };
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** `npm ci` builds the dashboard (prepare); rebuild here only when ui/ changed since, so tests see the current code. */
export function ensureDashboardBuilt(): void {
  const index = join(DASHBOARD_DIST, 'index.html');
  const sources = ['ui/src', 'ui/index.html', 'ui/vite.config.ts'].map((path) => newestChange(join(ROOT, path)));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources)) return;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'ui/vite.config.ts'], {
    cwd: ROOT,
    stdio: 'pipe',
    // Vitest runs with NODE_ENV=test, which would make Vite bundle Preact's debug build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile; a missing browser is an error that says how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the dashboard's browser tests need Debian's chromium package ` +
        '(`apt-get update && apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Polls an asynchronous condition (a page read) until it holds; tests wait for a state, never for a fixed time. */
export async function waitUntil(
  condition: () => Promise<boolean>,
  what: string,
  { timeoutMs = 15_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
