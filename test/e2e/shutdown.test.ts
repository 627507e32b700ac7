// SIGTERM to the real CLI process (`src/main.ts sandbox`) with an SSE subscription open: /ready is 503 at once,
// the subscription is completed (not cut), each step is logged, and the process exits 0.
// Node itself runs it with tsx as a loader, not the `tsx` CLI: that wrapper relays signals to its child and, when the
// child has not acknowledged one within 30 ms (a busy machine), kills it and exits 143 itself.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('graceful shutdown', () => {
  it('completes an open SSE subscription on SIGTERM, logs each step and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'sandbox'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', EXCHANGE_PORT: '0', LOG_LEVEL: 'info', GATEWAY_SHUTDOWN_GRACE_MS: '5000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const lines: string[] = [];
    let gatewayUrl: (url: string) => void = () => undefined;
    const urlPrinted = new Promise<string>((found) => (gatewayUrl = found));
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /^GraphQL gateway\s+(\S+)/.exec(line);
      if (match?.[1]) gatewayUrl(match[1]);
    });
    try {
      const url = await Promise.race([
        urlPrinted,
        exited.then((code) => Promise.reject(new Error(`exited ${code} before printing its URL`))),
      ]);
      const sse = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { orderBook(symbol: "SOL_USDC", depth: 1) { lastUpdateId } }' }),
      });
      expect(sse.status).toBe(200);
      let received = '';
      let firstEvent: () => void = () => undefined;
      const delivering = new Promise<void>((started) => (firstEvent = started));
      const body = (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of (sse.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
          received += decoder.decode(chunk);
          if (received.includes('event: next')) firstEvent();
        }
        return received;
      })();
      await delivering;

      process.kill(-(child.pid ?? 0), 'SIGTERM');
      const events = await body;
      expect(events).toMatch(/event: complete/);
      expect(await exited).toBe(0);

      const messages = lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as { msg: string; subscriptions?: number }];
        } catch {
          return [];
        }
      });
      const steps = messages.filter((message) => message.msg.startsWith('shutdown:'));
      // Lines of one millisecond may reach the pipe out of order.
      expect(steps.map((step) => step.msg).sort()).toEqual([
        'shutdown: /ready answers 503, new operations are refused',
        'shutdown: done',
        'shutdown: graphql-ws clients closed (1001) and exchange sockets closed',
        'shutdown: open subscriptions completed',
      ]);
      expect(steps.find((step) => step.msg === 'shutdown: open subscriptions completed')?.subscriptions).toBe(1);
    } finally {
      if (child.exitCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL');
    }
  }, 60_000);
});
