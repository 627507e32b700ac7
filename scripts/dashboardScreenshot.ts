// `npm run screenshot`: docs/dashboard.png, the README's picture, taken from the sandbox in headless Chromium.
import { resolve } from 'node:path';
import { ensureDashboardBuilt, launchChromium, startSandboxGateway } from '../test/dashboard/harness.ts';

const OUTPUT = resolve(import.meta.dirname, '../docs/dashboard.png');
/** Long enough for a few candles' worth of live trades, a full tape and some fills. */
const SETTLE_MS = Number(process.env['SETTLE_MS'] ?? 12_000);

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
  await page.waitForTimeout(SETTLE_MS);
  await page.screenshot({ path: OUTPUT });
  process.stdout.write(`${OUTPUT}\n`);
} finally {
  await browser.close();
  await running.close();
}
