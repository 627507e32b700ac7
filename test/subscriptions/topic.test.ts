import { describe, expect, it } from 'vitest';
import type { StreamError, StreamMessage, StreamPayload } from '../../src/exchange/stream.ts';
import type { QueueFailure } from '../../src/streams/queue.ts';
import { Topic, UpstreamStreamError } from '../../src/streams/topic.ts';
import type { TopicCounters, TopicSource, TopicSpec } from '../../src/streams/topic.ts';

/** A stand-in for BackpackStream.subscribe that records listeners and lets the test emit frames. */
function fakeSource() {
  const listeners = new Map<
    string,
    { onMessage: (message: StreamMessage) => void; onError: (error: StreamError) => void }
  >();
  let subscribes = 0;
  let unsubscribes = 0;
  const source: TopicSource = (stream, onMessage, { onError }) => {
    subscribes += 1;
    listeners.set(stream, { onMessage, onError });
    return () => {
      unsubscribes += 1;
      listeners.delete(stream);
    };
  };
  return {
    source,
    emit: (stream: string, data: StreamPayload) => listeners.get(stream)?.onMessage(Object.freeze({ stream, data })),
    error: (stream: string, error: StreamError) => listeners.get(stream)?.onError(error),
    counts: () => ({ subscribes, unsubscribes, listening: listeners.size }),
  };
}

const counters = (): TopicCounters => ({ delivered: 0, conflated: 0, overflows: 0 });

describe('Topic fan-out', () => {
  it('subscribes upstream once, maps each message once and hands the same object to every subscriber', async () => {
    const upstream = fakeSource();
    let mapped = 0;
    const spec: TopicSpec<{ price: string }> = {
      stream: 'trade.SOL_USDC',
      map: (data) => {
        mapped += 1;
        return Object.freeze({ price: String(data['p']) });
      },
      policy: { kind: 'lossless' },
    };
    let idle = 0;
    const topic = new Topic(spec, upstream.source, counters(), () => (idle += 1));
    const queues = Array.from({ length: 5 }, () => topic.open(8));
    upstream.emit('trade.SOL_USDC', { p: '101.5' });
    const received = await Promise.all(queues.map(async (queue) => (await queue.next()).value));
    expect(mapped).toBe(1);
    expect(new Set(received).size).toBe(1);
    expect(received[0]).toEqual({ price: '101.5' });
    expect(upstream.counts()).toMatchObject({ subscribes: 1 });

    for (const queue of queues.slice(1)) await queue.return();
    expect(upstream.counts()).toMatchObject({ unsubscribes: 0 });
    await queues[0]?.return();
    expect(upstream.counts()).toMatchObject({ unsubscribes: 1, listening: 0 });
    expect(idle).toBe(1);
  });

  it('gives a late subscriber the retained snapshot, relabelled, and forgets closed keys', async () => {
    const upstream = fakeSource();
    type Position = { symbol: string; event: string };
    const topic = new Topic<Position>(
      {
        stream: 'account.positionUpdate',
        map: (data) => ({ symbol: String(data['s']), event: String(data['e'] ?? 'snapshot') }),
        policy: { kind: 'lossless' },
        retain: {
          key: (p) => p.symbol,
          keep: (p) => p.event !== 'positionClosed',
          asSnapshot: (p) => ({ ...p, event: 'snapshot' }),
        },
      },
      upstream.source,
      counters(),
      () => undefined,
    );
    const first = topic.open(8);
    upstream.emit('account.positionUpdate', { s: 'SOL_USDC_PERP' });
    upstream.emit('account.positionUpdate', { s: 'BTC_USDC_PERP', e: 'positionAdjusted' });
    upstream.emit('account.positionUpdate', { s: 'SOL_USDC_PERP', e: 'positionClosed' });
    expect(first.length).toBe(3);
    const late = topic.open(8);
    expect((await late.next()).value).toEqual({ symbol: 'BTC_USDC_PERP', event: 'snapshot' });
    expect(late.length).toBe(0);
  });

  it('ends every subscriber with the exchange error when the stream is rejected', async () => {
    const upstream = fakeSource();
    const topic = new Topic(
      { stream: 'account.orderUpdate', map: (data) => data, policy: { kind: 'lossless' } },
      upstream.source,
      counters(),
      () => undefined,
    );
    const queues = [topic.open(4), topic.open(4)];
    upstream.error('account.orderUpdate', { code: 4003, message: 'Invalid signature' });
    for (const queue of queues) {
      const failure = (await queue.next()).value as QueueFailure;
      expect(failure.error).toBeInstanceOf(UpstreamStreamError);
      expect(failure.error.message).toContain('Invalid signature');
    }
    expect(upstream.counts()).toMatchObject({ unsubscribes: 1 });
  });

  it('skips payloads its mapper rejects without disturbing the subscribers', async () => {
    const upstream = fakeSource();
    const topic = new Topic<string>(
      {
        stream: 'ticker.SOL_USDC',
        map: (data) => {
          if (typeof data['c'] !== 'string') throw new TypeError('no price');
          return data['c'];
        },
        policy: { kind: 'conflate' },
      },
      upstream.source,
      counters(),
      () => undefined,
    );
    const queue = topic.open(4);
    upstream.emit('ticker.SOL_USDC', { c: 5 });
    upstream.emit('ticker.SOL_USDC', { c: '99.1' });
    expect((await queue.next()).value).toBe('99.1');
  });
});
