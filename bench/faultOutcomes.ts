// Lost answers to executeOrder: how many placed orders are reported as failed, and how many duplicates a client
// that retries every "safe to retry" answer once creates. Run: npx tsx bench/faultOutcomes.ts [orders] [seed]
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { BackpackRest } from '../src/exchange/rest.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { createGateway } from '../src/server.ts';
import { FAULTS, startFaultProxy } from '../test/support/faultProxy.ts';

const ORDERS = Number(process.argv[2] ?? 50);
const SEED = Number(process.argv[3] ?? 7);
const SYMBOL = 'SOL_USDC';
/** The answers a client may retry: nothing changed at the exchange (RequestNotApplied exists only after the change). */
const SAFE_TO_RETRY = new Set(['RateLimited', 'ExchangeUnavailable', 'RequestNotApplied']);

/** mulberry32: a small seeded generator, so both runs inject the same faults. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const sandbox = await startSandbox({ port: 0, seed: 5, flow: { enabled: false } });
const proxy = await startFaultProxy(sandbox.restUrl);
const demo = sandbox.accountsByName['demo'];
if (!demo) throw new Error('the sandbox has no demo account');
const env = {
  BACKPACK_WS_URL: sandbox.wsUrl,
  BACKPACK_API_SECRET: demo.apiSecret,
  PORT: '0',
  BACKPACK_CLOCK_SYNC: 'false',
  BACKPACK_TIMEOUT_MS: '1500',
  BACKPACK_WINDOW_MS: '1000',
};
const gateway = await createGateway(loadConfig({ ...env, BACKPACK_API_URL: proxy.url }), {
  logger: pino({ level: 'silent' }),
  env: {},
});
const exchange = BackpackRest.fromConfig(loadConfig({ ...env, BACKPACK_API_URL: sandbox.restUrl }));

const random = seeded(SEED);
let armed = false;
// One fault (or none, one time in six) per order placement; look-ups and other calls pass untouched.
proxy.choose((request) => {
  if (!armed || request.method !== 'POST' || request.path !== '/api/v1/order') return null;
  armed = false;
  const pick = Math.floor(random() * (FAULTS.length + 1));
  return FAULTS[pick] ?? null;
});

async function executeOrder(price: string, faulty: boolean): Promise<string> {
  armed = faulty;
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: ExecuteOrderInput!) { executeOrder(input: $input) { __typename } }`,
      variables: { input: { symbol: SYMBOL, side: 'BID', orderType: 'LIMIT', price, quantity: '0.1' } },
    }),
  });
  armed = false;
  const body = (await response.json()) as { data?: { executeOrder: { __typename: string } } };
  return body.data?.executeOrder.__typename ?? 'GraphQLError';
}

async function ordersByPrice(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const order of await exchange.call('getOpenOrders', { symbol: SYMBOL })) {
    if (!('price' in order)) continue;
    const price = String(Number(order.price));
    counts.set(price, (counts.get(price) ?? 0) + 1);
  }
  return counts;
}

// Each order rests at its own price, so the exchange's open orders say which orders exist and how many times.
const prices = Array.from({ length: ORDERS }, (_, i) => String(Number((50 + i / 10).toFixed(1))));
const answers: string[] = [];
for (const price of prices) answers.push(await executeOrder(price, true));
const afterFirst = await ordersByPrice();
const placedButFailed = prices.filter(
  (price, i) => answers[i] !== 'ExecuteOrderSuccess' && (afterFirst.get(price) ?? 0) > 0,
).length;
const unknown = answers.filter((a) => a === 'OrderOutcomeUnknown' || a === 'OutcomeUnknown').length;
for (const [i, price] of prices.entries()) {
  // The retry itself gets its answer: the question is only whether the first answer was honest.
  if (SAFE_TO_RETRY.has(answers[i] ?? '')) await executeOrder(price, false);
}
const afterRetry = await ordersByPrice();
const duplicates = prices.reduce((sum, price) => sum + Math.max(0, (afterRetry.get(price) ?? 0) - 1), 0);

const tally = new Map<string, number>();
for (const answer of answers) tally.set(answer, (tally.get(answer) ?? 0) + 1);
const faults = new Map<string, number>();
for (const { fault } of proxy.injected) faults.set(fault, (faults.get(fault) ?? 0) + 1);
console.log(`orders: ${ORDERS}, seed ${SEED}`);
console.log(`faults injected: ${JSON.stringify(Object.fromEntries(faults))}`);
console.log(`answers: ${JSON.stringify(Object.fromEntries(tally))}`);
console.log(`placed but reported as failed: ${placedButFailed}/${ORDERS}`);
console.log(`answered "outcome unknown" (look it up): ${unknown}/${ORDERS}`);
console.log(`duplicates after retrying each "safe to retry" answer once: ${duplicates}`);

await gateway.close();
await proxy.close();
await sandbox.close();
