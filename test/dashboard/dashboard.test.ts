// The dashboard in a real browser (Debian's headless Chromium) against the sandbox gateway: what a person sees and
// does: live markets, book, chart and tape; placing and cancelling an order; typed errors; an exchange reconnect.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureDashboardBuilt,
  launchChromium,
  startSandboxGateway,
  waitUntil,
  type Browser,
  type SandboxGateway,
} from './harness.ts';

let running: SandboxGateway;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requests: Request[] = [];

const OPEN_ORDERS = '{ account { openOrders(symbol: "SOL_USDC") { id price side } } }';
type OpenOrdersData = { account: { openOrders: { id: string; price: string; side: string }[] } };

async function openOrdersViaGraphQL(): Promise<{ id: string; price: string; side: string }[]> {
  const result = await running.graphql<OpenOrdersData>(OPEN_ORDERS);
  expect(result.errors).toBeUndefined();
  return result.data?.account.openOrders ?? [];
}

async function bookLevels(): Promise<{ bids: number; asks: number; updateId: string; text: string }> {
  const book = page.getByTestId('orderbook');
  return {
    bids: await book.getByTestId('orderbook-bid').count(),
    asks: await book.getByTestId('orderbook-ask').count(),
    updateId: (await book.getAttribute('data-update-id')) ?? '',
    text: await book.innerText(),
  };
}

/** Resolves once the book shows a state other than `before` (the flow keeps trading). */
async function bookChangesFrom(before: { updateId: string; text: string }, what: string): Promise<void> {
  let last = before;
  await waitUntil(
    async () => {
      last = await bookLevels();
      return last.updateId !== before.updateId && last.text !== before.text;
    },
    what,
    { timeoutMs: 20_000 },
  );
}

async function statusText(): Promise<string> {
  return (await page.getByTestId('connection-status').innerText()).trim();
}

/** Fills and submits the order form as a limit buy. */
async function fillOrderForm(price: string, quantity: string): Promise<void> {
  const form = page.getByTestId('order-form');
  await form.getByTestId('side-buy').click();
  await form.getByTestId('type-limit').click();
  await form.locator('input[name="price"]').fill(price);
  await form.locator('input[name="quantity"]').fill(quantity);
  await form.getByTestId('submit-order').click();
}

beforeAll(async () => {
  ensureDashboardBuilt();
  running = await startSandboxGateway();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request));
  page.on('requestfailed', (request) => pageErrors.push(`request failed: ${request.url()}`));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

// A browser, a gateway and the sandbox's flow share the machine: generous bounds, which a healthy run stays far below.
describe('dashboard in headless Chromium', { timeout: 60_000 }, () => {
  it('loads with live markets, a two-sided book that keeps changing, a chart and a connected status', async () => {
    const started = Date.now();
    // When each thing a person waits for was on screen (printed at the end; measured, never asserted).
    const timeline: string[] = [];
    const reached = (what: string): number => timeline.push(`${what} ${Date.now() - started} ms`);
    await page.goto(`${running.origin}/`);
    reached('loaded');

    const rows = page.getByTestId('market-list').getByTestId('market-row');
    const markets = await running.graphql<{ markets: { symbol: string }[] }>(
      '{ markets(marketType: [SPOT, PERP]) { symbol } }',
    );
    const symbols = (markets.data?.markets ?? []).map((market) => market.symbol);
    expect(symbols).toContain('SOL_USDC');
    await waitUntil(async () => (await rows.count()) === symbols.length, 'every market in the list');
    reached('market list');
    // Each row shows a last price from its ticker.
    const solRow = page.locator('[data-testid="market-row"][data-symbol="SOL_USDC"]');
    expect(await solRow.innerText()).toMatch(/SOL\s*\/USDC[\s\S]*\d+\.\d+/);
    expect(await solRow.getAttribute('class')).toContain('selected');

    await waitUntil(
      async () => {
        const levels = await bookLevels();
        return levels.bids >= 5 && levels.asks >= 5;
      },
      'five book levels per side',
      { timeoutMs: 20_000 },
    );
    reached('book 5x5');
    const firstBookMs = await page.evaluate(
      () => performance.getEntriesByName('orderbook-first-render')[0]?.startTime ?? -1,
    );
    expect(firstBookMs).toBeGreaterThan(0);
    // Best bid below best ask, both parsed from the page's own text.
    const bestBid = await page.getByTestId('orderbook-bid').first().locator('.price').innerText();
    const bestAsk = await page.getByTestId('orderbook-ask').last().locator('.price').innerText();
    expect(Number(bestBid)).toBeLessThan(Number(bestAsk));
    await bookChangesFrom(await bookLevels(), 'the book to change while the flow trades');
    reached('book changed');

    const chart = page.getByTestId('chart');
    await waitUntil(async () => Number(await chart.getAttribute('data-candles')) > 0, 'candles on the chart');
    const canvas = await chart.locator('canvas').first().boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(100);
    expect(canvas?.height ?? 0).toBeGreaterThan(100);
    reached('chart');

    await waitUntil(
      async () => (await page.getByTestId('trades').getByTestId('trade').count()) > 0,
      'trades on the tape',
    );
    reached('tape');
    await waitUntil(async () => (await statusText()) === 'connected', 'the status to say connected');
    reached('connected');
    await waitUntil(async () => (await page.getByTestId('balances').innerText()).includes('USDC'), 'the demo balances');
    reached('balances');

    expect(pageErrors).toEqual([]);
    const hosts = new Set(requests.map((request) => new URL(request.url()).host));
    expect([...hosts]).toEqual([new URL(running.origin).host]);
    console.info(
      `dashboard: first order-book render ${Math.round(firstBookMs)} ms after navigation start; ` +
        `${requests.length} requests; reached: ${timeline.join(', ')}`,
    );
  });

  it('places a limit buy far below the market from the form, shows it in open orders and cancels it', async () => {
    const bestBid = await page.getByTestId('orderbook-bid').first().locator('.price').innerText();
    // Far below the market, on the 0.01 tick: it rests.
    const price = `${Math.floor(Number(bestBid) * 0.8)}.00`;
    const before = await openOrdersViaGraphQL();

    await fillOrderForm(price, '0.1');
    const row = page
      .getByTestId('open-orders')
      .getByTestId('open-order')
      .filter({ hasText: price.replace(/\.00$/, '') });
    await row.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('form-error').count()).toBe(0);
    // Success cleared the form.
    expect(await page.locator('input[name="price"]').inputValue()).toBe('');
    expect(await page.locator('input[name="quantity"]').inputValue()).toBe('');

    const orderId = await row.getAttribute('data-order-id');
    const after = await openOrdersViaGraphQL();
    expect(after.length).toBe(before.length + 1);
    expect(after.find((order) => order.id === orderId)).toMatchObject({ side: 'BID' });
    expect(Number(after.find((order) => order.id === orderId)?.price)).toBe(Number(price));

    await row.getByTestId('cancel-order').click();
    await waitUntil(async () => (await row.count()) === 0, 'the cancelled order to leave open orders');
    expect((await openOrdersViaGraphQL()).map((order) => order.id)).not.toContain(orderId);
    expect(pageErrors).toEqual([]);
  });

  it('shows an off-tick price as a typed error beside the price field and places nothing', async () => {
    const bestBid = await page.getByTestId('orderbook-bid').first().locator('.price').innerText();
    const price = `${Math.floor(Number(bestBid) * 0.8)}.001`; // the SOL_USDC tick is 0.01
    const before = await openOrdersViaGraphQL();
    const rowsBefore = await page.getByTestId('open-order').count();

    await fillOrderForm(price, '0.1');
    const error = page.getByTestId('order-form').getByTestId('form-error');
    await error.waitFor({ timeout: 20_000 });
    expect((await error.innerText()).toLowerCase()).toContain('price');
    // Shown next to the price input, not somewhere else in the form.
    const beside = page.locator('label.field:has(input[name="price"]) [data-testid="form-error"]');
    expect(await beside.count()).toBe(1);
    // The user's input stays for correction.
    expect(await page.locator('input[name="price"]').inputValue()).toBe(price);

    expect(await openOrdersViaGraphQL()).toEqual(before);
    expect(await page.getByTestId('open-order').count()).toBe(rowsBefore);
    expect(pageErrors).toEqual([]);
  });

  it('shows reconnecting when the exchange socket drops, then connected, and the book keeps updating', async () => {
    await waitUntil(async () => (await statusText()) === 'connected', 'connected before the drop');
    running.sandbox.dropConnections();
    await waitUntil(async () => (await statusText()) === 'reconnecting', 'the status to say reconnecting', {
      timeoutMs: 15_000,
    });
    await waitUntil(async () => (await statusText()) === 'connected', 'the status to say connected again', {
      timeoutMs: 20_000,
    });
    await bookChangesFrom(await bookLevels(), 'the book to keep updating after the reconnect');
    const levels = await bookLevels();
    expect(levels.bids).toBeGreaterThan(0);
    expect(levels.asks).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
