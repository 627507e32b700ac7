// Starting the processes under test: the stub exchange and the gateway pointed at it.
import { startChild, type Child } from './child.ts';

export type Upstream = Child<{ url: string }>;
export type GatewayProcess = Child<{ url: string }>;

export function startUpstream(delayMs: number): Promise<Upstream> {
  return startChild('upstream', { args: [String(delayMs)] });
}

/**
 * The gateway as `npm start` would run it (security on, local mode), against the stub. The client-side REST budget is
 * lifted: it models the real exchange's per-account limit, which the stub does not have (TTL-0 runs would otherwise
 * queue for budget).
 */
export function startGateway(
  restUrl: string,
  options: { wsUrl?: string; env?: Record<string, string>; exposeGc?: boolean } = {},
): Promise<GatewayProcess> {
  return startChild('gateway', {
    env: {
      BACKPACK_API_URL: restUrl,
      BACKPACK_WS_URL: options.wsUrl ?? 'ws://127.0.0.1:9',
      BACKPACK_CLOCK_SYNC: 'false',
      BACKPACK_RATE_LIMIT_PER_MIN: '1000000',
      // The per-caller budgets stay on (every answer is still charged to one) but high enough for a load generator.
      GATEWAY_RATE_LIMIT_PER_MIN: '1000000',
      GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN: '1000000',
      // Likewise the cost budgets: uncached order books at a few hundred requests/s spend far more than the defaults.
      GATEWAY_COST_PER_MIN: '1000000000',
      GATEWAY_ANONYMOUS_COST_PER_MIN: '1000000000',
      // /ready's exchange probe (GET /time) runs once at start, not inside the windows that count upstream calls.
      GATEWAY_READY_PROBE_MS: '600000',
      BACKPACK_API_SECRET: '',
      BACKPACK_API_SECRET_FILE: '',
      BACKPACK_API_KEY: '',
      HOST: '127.0.0.1',
      PORT: '0',
      ...options.env,
    },
    ...(options.exposeGc ? { exposeGc: true } : {}),
  });
}

export async function postJson(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: response.status, text: await response.text() };
}

/** Waits until the gateway's `/ready` answers 200 (its startup exchange probe and catalog load are done). */
export async function untilReady(gatewayUrl: string, timeoutMs = 10_000): Promise<void> {
  const ready = new URL('/ready', gatewayUrl);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(ready);
    const body = await response.text();
    if (response.status === 200) return;
    if (Date.now() > deadline) throw new Error(`gateway not ready after ${timeoutMs} ms: ${body.slice(0, 300)}`);
    await sleep(20);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
