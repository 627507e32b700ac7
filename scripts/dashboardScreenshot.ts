// `npm run screenshot`: docs/dashboard.png, the README's picture: the sandbox in headless Chromium after a person
// used the page (a resting limit buy and a filled market buy placed through the order form).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureDashboardBuilt, launchChromium, startSandboxGateway } from '../test/dashboard/harness.ts';

const OUTPUT = resolve(import.meta.dirname, '../docs/dashboard.png');
/** Long enough for live trades on the tape and a moving book; SETTLE_MS overrides it. */
const SETTLE_MS = Number(process.env['SETTLE_MS'] ?? 12_000);

async function placeOrder(page: Page, kind: 'limit' | 'market', quantity: string, price?: string): Promise<void> {
  const form = page.getByTestId('order-form');
  await form.getByTestId('side-buy').click();
  await form.getByTestId(`type-${kind}`).click();
  if (price !== undefined) await form.locator('input[name="price"]').fill(price);
  await form.locator('input[name="quantity"]').fill(quantity);
  await form.getByTestId('submit-order').click();
  await form.locator('.placed').waitFor();
}

ensureDashboardBuilt();
const running = await startSandboxGateway();
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`console: ${message.text()}\n`);
  });
  await page.goto(`${running.origin}/`);
  await page.getByTestId('orderbook-bid').nth(4).waitFor();
  const firstBookMs = await page.evaluate(() => performance.getEntriesByName('orderbook-first-render')[0]?.startTime);
  process.stdout.write(`first order-book render: ${Math.round(firstBookMs ?? -1)} ms after navigation start\n`);

  const bestBid = Number(await page.getByTestId('orderbook-bid').first().locator('.price').innerText());
  await placeOrder(page, 'limit', '2.5', (Math.floor(bestBid * 0.97 * 100) / 100).toFixed(2));
  await placeOrder(page, 'market', '1.2');
  await page.getByTestId('type-limit').click();
  await page.waitForTimeout(SETTLE_MS);
  await page.screenshot({ path: OUTPUT });
  process.stdout.write(`${OUTPUT}\n`);
} finally {
  await browser.close();
  await running.close();
}
