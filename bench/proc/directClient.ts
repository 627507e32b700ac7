// Child process: B6's baseline, a minimal client sending signed REST orders straight to the sandbox with the gateway's
// own signer, in its own process and compiled like the gateway (both sides of the ratio run the same way).
import { BackpackRest } from '../../src/exchange/rest.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import type { OrderExecutePayload } from '../../src/exchange/types/orders.ts';
import { serveParent } from '../lib/child.ts';

const client = new BackpackRest({
  baseUrl: process.env['BENCH_REST_URL'] ?? '',
  key: loadSigningKey(process.env['BENCH_API_SECRET'] ?? '', process.env['BENCH_API_KEY']),
  clockSync: false,
  maxRetries: 0,
  rateLimit: { perMinute: 1e9, historicalPerMinute: 1e9 },
});

/** `concurrency` loops sending `order` back to back for `seconds`: orders/s, how many, and this process's CPU (µs). */
async function sendOrders(
  order: OrderExecutePayload,
  seconds: number,
  concurrency: number,
): Promise<{ rate: number; operations: number; cpuMicros: number }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const deadline = started + seconds * 1000;
  let operations = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await client.call('executeOrder', order);
        operations += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuStarted);
  return {
    rate: operations / ((performance.now() - started) / 1000),
    operations,
    cpuMicros: cpu.user + cpu.system,
  };
}

serveParent(
  {},
  {
    orders: (args) =>
      sendOrders(args['order'] as OrderExecutePayload, Number(args['seconds']), Number(args['concurrency'])),
  },
);
