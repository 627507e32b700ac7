// The dashboard's static serving: `/` and /dashboard/* from the build, on with GraphiQL or GATEWAY_DASHBOARD, never
// outside the build directory, and a clear 503 when the build is missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardEnabled, withDashboard } from '../../src/http/dashboard.ts';

let server: Server | undefined;
let dist: string | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** A server whose own handler answers 418, behind the dashboard, serving `files` as the build. */
async function serve(enabled: boolean, files: Record<string, string> | null): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  dist = root;
  const build = join(root, 'dist');
  if (files !== null) {
    mkdirSync(join(build, 'assets'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(build, name), text);
  }
  writeFileSync(join(root, 'secret.txt'), 'outside the build');
  server = createServer(
    withDashboard(
      (_req, res) => {
        res.writeHead(418).end('graphql');
      },
      { enabled, dist: build },
    ),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const BUILD = { 'index.html': '<!doctype html><title>dash</title>', 'assets/app.js': 'console.log(1)' };

describe('dashboard serving', () => {
  it('serves the page at / and its hashed assets under /dashboard/ with a same-origin CSP', async () => {
    const origin = await serve(true, BUILD);
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await page.text()).toContain('<title>dash</title>');

    const script = await fetch(`${origin}/dashboard/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('passes everything else, POSTs to / included, to the gateway', async () => {
    const origin = await serve(true, BUILD);
    expect((await fetch(`${origin}/graphql`)).status).toBe(418);
    expect((await fetch(`${origin}/`, { method: 'POST', body: '{}' })).status).toBe(418);
  });

  it('never serves a file outside the build directory', async () => {
    const origin = await serve(true, BUILD);
    for (const path of ['/dashboard/..%2fsecret.txt', '/dashboard/%2e%2e/secret.txt']) {
      const response = await fetch(`${origin}${path}`);
      expect(await response.text()).not.toContain('outside the build');
    }
    expect((await fetch(`${origin}/dashboard/assets/missing.js`)).status).toBe(404);
    // Malformed percent-encoding is not a file name (and must not take the server down).
    expect((await fetch(`${origin}/dashboard/%E0%A4%A`)).status).toBe(418);
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });

  it('answers 503 with the build command when the dashboard is not built', async () => {
    const origin = await serve(true, null);
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:ui');
  });

  it('is off when disabled: / belongs to the gateway', async () => {
    const origin = await serve(false, BUILD);
    expect((await fetch(`${origin}/`)).status).toBe(418);
  });

  it('follows GraphiQL unless GATEWAY_DASHBOARD says otherwise, and refuses a bad value', () => {
    expect(dashboardEnabled({}, true)).toBe(true);
    expect(dashboardEnabled({}, false)).toBe(false);
    expect(dashboardEnabled({ GATEWAY_DASHBOARD: 'on' }, false)).toBe(true);
    expect(dashboardEnabled({ GATEWAY_DASHBOARD: 'off' }, true)).toBe(false);
    expect(() => dashboardEnabled({ GATEWAY_DASHBOARD: 'maybe' }, true)).toThrow(/GATEWAY_DASHBOARD/);
  });
});
