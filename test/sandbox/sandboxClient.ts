// Helpers for tests against a running startSandbox(): our REST adapter signed as a built-in account, private
// WebSocket subscriptions and bounded polling.
import { BackpackRest } from '../../src/exchange/rest.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { signText } from './transportFixture.ts';
import type { TestSocket } from './wsClient.ts';
import { until } from '../support/until.ts';

export function account(
  sandbox: SandboxHandle,
  name: string,
): { accountId: number; apiKey: string; apiSecret: string } {
  const found = sandbox.accountsByName[name];
  if (found === undefined) throw new Error(`no sandbox account ${name}`);
  return found;
}

/** `BackpackRest` signing as a built-in account; no retries or limiter waits, so failures surface at once. */
export function restAs(sandbox: SandboxHandle, name: string): BackpackRest {
  const { apiKey, apiSecret } = account(sandbox, name);
  return new BackpackRest({
    baseUrl: sandbox.restUrl,
    key: loadSigningKey(apiSecret, apiKey),
    clockSync: false,
    maxRetries: 0,
    rateLimit: { perMinute: 1_000_000, historicalPerMinute: 1_000_000 },
  });
}

/** Sends a signed SUBSCRIBE for private (and optionally public) streams as `name`. */
export function subscribePrivate(
  socket: TestSocket,
  sandbox: SandboxHandle,
  name: string,
  streams: readonly string[],
): void {
  const { apiKey, apiSecret } = account(sandbox, name);
  const timestamp = Date.now();
  const signature = signText(apiSecret, `instruction=subscribe&timestamp=${timestamp}&window=5000`);
  socket.send({ method: 'SUBSCRIBE', params: streams, signature: [apiKey, signature, String(timestamp), '5000'] });
}

/** Waits until the server counts `count` subscribers on `stream` (subscriptions are not acknowledged). */
export async function subscribed(sandbox: SandboxHandle, stream: string, count = 1): Promise<void> {
  await until(() => (sandbox.stats.ws().subscriptions[stream] ?? 0) >= count, `subscription to ${stream}`);
}
