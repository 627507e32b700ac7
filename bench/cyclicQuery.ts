// The cyclic query of issue 10 (`markets → baseAsset → markets → quoteAsset …`, depth 12) with 2 and 8 aliases against
// an in-process sandbox + gateway: CPU time, wall time, peak RSS growth and what the caller got back. On a gateway
// that prices lists it is refused before execution (COST_LIMIT); without that it runs to completion.
// Run: `npx tsx bench/cyclicQuery.ts` (on this branch, and on main for the figures before).
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { createGateway } from '../src/server.ts';

/** Six list levels of markets joined through their base/quote assets, then `symbol`: depth 12. */
function cyclicQuery(aliases: number): string {
  let selection = 'markets { symbol }';
  for (let level = 0; level < 5; level += 1) {
    selection = `markets { ${level % 2 === 0 ? 'baseAsset' : 'quoteAsset'} { ${selection} } }`;
  }
  return `{ ${Array.from({ length: aliases }, (_, index) => `a${index}: ${selection}`).join(' ')} }`;
}

const sandbox = await startSandbox({ port: 0, seed: 7, flow: { enabled: false } });
const gateway = await createGateway(
  loadConfig({
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
  }),
  { logger: pino({ level: 'silent' }), env: {} },
);

async function measure(aliases: number): Promise<Record<string, string | number>> {
  const query = cyclicQuery(aliases);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string; cost?: number } }[] };
  const error = body.errors?.[0]?.extensions;
  return {
    aliases,
    queryBytes: query.length,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    wallMs: Math.round(wallMs),
    rssGrowthMB: Number(((rssPeak - rssBefore) / 1e6).toFixed(1)),
    responseBytes: Buffer.byteLength(text),
    outcome: error ? `${error.code ?? 'error'}${error.cost !== undefined ? ` (cost ${error.cost})` : ''}` : 'data',
  };
}

try {
  // Warm the catalog and the code paths so the figures are the query's own.
  await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ markets { symbol baseAsset { symbol } } }' }),
  });
  const rows = [];
  for (const aliases of [2, 8]) rows.push(await measure(aliases));
  console.table(rows);
} finally {
  await gateway.close();
  await sandbox.close();
}
