// The request's lightweight abort signal behaves as an AbortSignal for everything it is handed to: our listeners,
// node's abortable timers and undici's requests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { ClientSignal } from '../../src/http/clientSignal.ts';

describe('ClientSignal', () => {
  it('calls each listener once, functions and handleEvent objects alike, and onabort', () => {
    const signal = new ClientSignal();
    const calls: string[] = [];
    const fn = (event: Event): void => void calls.push(`fn:${event.type}`);
    const object = { handleEvent: (event: Event): void => void calls.push(`object:${event.type}`) };
    signal.onabort = () => calls.push('onabort');
    signal.addEventListener('abort', fn, { once: true });
    signal.addEventListener('abort', fn);
    signal.addEventListener('abort', object);
    signal.addEventListener('other', () => calls.push('other'));
    signal.abort();
    signal.abort();
    expect(calls).toEqual(['onabort', 'fn:abort', 'object:abort']);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(DOMException);
    expect((signal.reason as DOMException).name).toBe('AbortError');
    expect(() => signal.throwIfAborted()).toThrow(signal.reason as DOMException);
  });

  it('does not call a removed listener, nor one added after the abort', () => {
    const signal = new ClientSignal();
    const calls: string[] = [];
    const removed = (): void => void calls.push('removed');
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    signal.addEventListener('abort', () => calls.push('kept'));
    const reason = new Error('client gone');
    signal.abort(reason);
    signal.addEventListener('abort', () => calls.push('late'));
    expect(calls).toEqual(['kept']);
    expect(signal.reason).toBe(reason);
    expect(() => signal.throwIfAborted()).toThrow(reason);
  });

  it("aborts node's abortable timers with its reason", async () => {
    const signal = new ClientSignal();
    const waiting = sleep(10_000, undefined, { signal });
    const reason = new Error('client gone');
    signal.abort(reason);
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', cause: reason });
  });

  it('aborts an undici request in flight', async () => {
    const server = createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent();
    try {
      const signal = new ClientSignal();
      const { port } = server.address() as AddressInfo;
      const pending = agent.request({ origin: `http://127.0.0.1:${port}`, path: '/', method: 'GET', signal });
      await sleep(50);
      const reason = new Error('client gone');
      signal.abort(reason);
      await expect(pending).rejects.toBe(reason);
    } finally {
      await agent.destroy();
      server.closeAllConnections();
      server.close();
    }
  });
});
