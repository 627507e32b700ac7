// GraphiQL offline: the page and every file it loads come from the gateway; in headless chromium with every other host
// refused, the default query runs, the example operations are tabs and a subscription streams over graphql-ws.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleTabs, gatewayOffers } from '../../src/http/graphiql.ts';
import type { Gateway } from '../../src/server.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';

let env: TestGateway;
let gateway: Gateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 7 }, account: null });
  gateway = env.gateway;
});

afterAll(async () => {
  await env?.close();
});

/** Every src= and href= value of the page, resolved against the page's URL. */
function referencedUrls(html: string, base: string): URL[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)].map((match) => new URL(match[1] ?? '', base));
}

describe('GraphiQL without internet', () => {
  it('references only same-origin files, and each of them answers 200', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('MarketsAndBook');
    const origin = new URL(gateway.url).origin;
    const urls = referencedUrls(html, gateway.url);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url.origin, url.href).toBe(origin);
    for (const url of urls) {
      const asset = await fetch(url);
      expect(asset.status, url.href).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url.href).toBeGreaterThan(0);
    }
    expect(response.headers.get('content-security-policy')).not.toMatch(/https?:/);
  });

  it('is advertised by the startup banner only when it is served', () => {
    expect(gatewayOffers(true)).toContain('GraphiQL in a browser');
    expect(gatewayOffers(false)).not.toContain('GraphiQL in a browser');
    expect(gatewayOffers(false)).toContain('GraphiQL is off');
  });

  it('offers every example operation of schema/operations as a runnable tab, fragments included', async () => {
    const tabs = exampleTabs();
    const names = tabs.map((tab) => /^(?:query|mutation|subscription) (\w+)/m.exec(tab.query)?.[1]);
    expect(names).toEqual(expect.arrayContaining(['Dashboard', 'OrderBook', 'ExecuteOrder', 'Balances']));
    const orderBook = tabs.find((tab) => tab.query.includes('query OrderBook'));
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: orderBook?.query, variables: JSON.parse(orderBook?.variables ?? '{}') }),
    });
    const body = (await response.json()) as { data?: { orderBook?: { symbol: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.orderBook?.symbol).toBe('SOL_USDC');
    const executeOrder = tabs.find((tab) => tab.query.includes('mutation ExecuteOrder'));
    expect(executeOrder?.query).toContain('fragment OrderFields on Order');
  });

  describe('in headless chromium, every other host refused', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('runs the default query and streams the live-ticker subscription', async () => {
      const page = await browser.newPage();
      const origin = new URL(gateway.url).origin;
      const refused: string[] = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        refused.push(url);
        return route.abort();
      });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(gateway.url);
      await page.locator('.graphiql-execute-button').click();
      const result = page.locator('.result-window');
      // Monaco renders only the visible lines, with non-breaking spaces: the first market of the answer.
      await expect
        .poll(() => result.textContent(), { timeout: 20_000 })
        .toMatch(/"markets":\s*\[\s*\{\s*"symbol":\s*"SOL_USDC"/);

      // The example operations are tabs.
      for (const name of ['Dashboard', 'OrderBook', 'ExecuteOrder']) {
        await page.locator('.graphiql-tab', { hasText: name }).first().waitFor();
      }
      // A subscription opened from the address bar, GraphiQL's way of sharing an operation.
      const subscription = 'subscription LiveBookTicker { bookTicker(symbol: "SOL_USDC") { symbol bestBidPrice } }';
      await page.goto(`${gateway.url}?query=${encodeURIComponent(subscription)}`);
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(() => result.textContent(), { timeout: 20_000 })
        .toMatch(/"bookTicker":\s*\{\s*"symbol":\s*"SOL_USDC",\s*"bestBidPrice":\s*"\d/);
      expect(refused).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.close();
    }, 60_000);
  });
});
