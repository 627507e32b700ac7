import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeDecimal } from '../../src/exchange/orderBook.ts';
import type { BookLevel, BookTop, DepthDelta } from '../../src/exchange/orderBook.ts';
import { orderBookStream } from '../../src/exchange/orderBookStream.ts';
import type { DepthStreamSource } from '../../src/exchange/orderBookStream.ts';
import { BackpackStream } from '../../src/exchange/stream.ts';
import type { StreamListener, StreamState, StreamStatus, SubscribeOptions } from '../../src/exchange/stream.ts';
import type { Depth } from '../../src/exchange/types/marketData.ts';
import { StubStreamServer } from '../support/stubStreamServer.ts';
import { until } from '../support/until.ts';
import { baseSnapshot as base, delta, snapshot, type Levels } from '../support/depthFixtures.ts';

/** An in-memory DepthStreamSource: lets the feed be tested with fake timers and exact control of the sequence. */
class FakeSource implements DepthStreamSource {
  readonly listeners = new Map<string, Set<StreamListener>>();
  subscribeCalls = 0;
  private state: StreamState = 'open';
  private reconnects = 0;
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();

  subscribe(stream: string, listener: StreamListener, _options?: SubscribeOptions): () => void {
    this.subscribeCalls += 1;
    const set = this.listeners.get(stream) ?? new Set();
    set.add(listener);
    this.listeners.set(stream, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(stream);
    };
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => void this.statusListeners.delete(listener);
  }

  status(): StreamStatus {
    return { state: this.state, reconnects: this.reconnects, streams: [] };
  }

  push(stream: string, data: DepthDelta): void {
    const message = { stream, data: data as unknown as Record<string, unknown> };
    for (const listener of this.listeners.get(stream) ?? []) listener(message, JSON.stringify(message));
  }

  setState(state: StreamState): void {
    this.state = state;
    if (state === 'open') this.reconnects += 1;
    for (const listener of this.statusListeners) listener(this.status());
  }
}

describe('orderBookStream', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shares one book per symbol: one depth subscription and one snapshot, released by the last subscriber', async () => {
    const source = new FakeSource();
    const fetchSnapshot = vi.fn(async () => base);
    const feed = orderBookStream(source, 'SOL_USDC', fetchSnapshot, { conflateMs: 0 });
    expect(orderBookStream(source, 'SOL_USDC', fetchSnapshot)).toBe(feed);
    const tops: Record<string, BookTop[]> = { one: [], two: [], three: [] };
    const offs = [
      feed.subscribe((top) => void tops.one?.push(top), { depth: 1 }),
      feed.subscribe((top) => void tops.two?.push(top), { depth: 2 }),
      feed.subscribe((top) => void tops.three?.push(top), { depth: 2 }),
    ];
    await vi.waitFor(() => expect(feed.status().phase).toBe('bridging'));
    source.push('depth.SOL_USDC', delta(101, 101, [['100.5', '4']]));
    expect(source.subscribeCalls).toBe(1);
    expect(fetchSnapshot).toHaveBeenCalledTimes(1);
    expect(tops.one?.at(-1)).toEqual({
      bids: [['100.5', '4']],
      asks: [['101', '1']],
      lastUpdateId: '101',
      timestamp: null,
    });
    expect(tops.two?.at(-1)?.bids).toEqual([
      ['100.5', '4'],
      ['100', '3'],
    ]);
    expect(tops.three?.at(-1)).toBe(tops.two?.at(-1)); // same depth: computed once
    for (const off of offs) off();
    expect(source.listeners.size).toBe(0);
    expect(feed.status()).toMatchObject({ subscribers: 0, phase: 'awaitingSnapshot' });
  });

  it('conflates to at most one emission per window, carrying the latest state', async () => {
    vi.useFakeTimers();
    const source = new FakeSource();
    const feed = orderBookStream(source, 'ETH_USDC', async () => base, { conflateMs: 100 });
    const tops: BookTop[] = [];
    feed.subscribe((top) => void tops.push(top), { depth: 1 });
    await vi.advanceTimersByTimeAsync(0); // snapshot resolves
    source.push('depth.ETH_USDC', delta(101, 101, [['100', '10']]));
    expect(tops).toHaveLength(1); // leading edge
    for (let id = 102; id <= 120; id += 1) {
      await vi.advanceTimersByTimeAsync(4);
      source.push('depth.ETH_USDC', delta(id, id, [['100', String(id)]]));
    }
    expect(tops).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(tops).toHaveLength(2);
    expect(tops[1]).toEqual({ bids: [['100', '120']], asks: [['101', '1']], lastUpdateId: '120', timestamp: null });
    await vi.advanceTimersByTimeAsync(500);
    expect(tops).toHaveLength(2); // nothing changed, nothing sent
  });

  it('refetches the snapshot after a gap and emits the corrected book', async () => {
    const source = new FakeSource();
    const snapshots = [
      base,
      snapshot(
        103,
        [
          ['100', '3'],
          ['100.5', '6'],
        ],
        [['101', '1']],
      ),
    ];
    const fetchSnapshot = vi.fn(async () => snapshots.shift() ?? base);
    const feed = orderBookStream(source, 'BTC_USDC', fetchSnapshot, { conflateMs: 0 });
    const tops: BookTop[] = [];
    feed.subscribe((top) => void tops.push(top), { depth: 2 });
    await vi.waitFor(() => expect(feed.status().phase).toBe('bridging'));
    source.push('depth.BTC_USDC', delta(101, 101, [['100.5', '4']]));
    source.push('depth.BTC_USDC', delta(103, 103, [['100.5', '6']])); // 102 missing
    expect(feed.status()).toMatchObject({ phase: 'awaitingSnapshot', counters: { gaps: 1 } });
    await vi.waitFor(() => expect(feed.status().phase).toBe('bridging'));
    source.push('depth.BTC_USDC', delta(104, 104, [['99', '1']]));
    expect(tops.at(-1)).toEqual({
      bids: [
        ['100.5', '6'],
        ['100', '3'],
      ],
      asks: [['101', '1']],
      lastUpdateId: '104',
      timestamp: null,
    });
    expect(fetchSnapshot).toHaveBeenCalledTimes(2);
  });

  it('resyncs after the upstream socket reconnects, and retries failing snapshot fetches', async () => {
    const source = new FakeSource();
    let fail = 0;
    let current = snapshot(200, [['50', '1']], [['51', '1']]);
    const fetchSnapshot = vi.fn(async () => {
      if (fail > 0) {
        fail -= 1;
        throw new Error('HTTP 503');
      }
      return current;
    });
    const feed = orderBookStream(source, 'SOL_USDC_PERP', fetchSnapshot, {
      conflateMs: 0,
      resyncBaseMs: 1,
      resyncCapMs: 5,
    });
    const tops: BookTop[] = [];
    feed.subscribe((top) => void tops.push(top), { depth: 1 });
    await vi.waitFor(() => expect(feed.status().phase).toBe('bridging'));
    source.push('depth.SOL_USDC_PERP', delta(201, 201, [['50', '2']]));
    expect(feed.status().phase).toBe('live');

    fail = 2;
    current = snapshot(202, [['50', '2.5']], [['51', '1']]); // 202 happened while disconnected
    source.setState('reconnecting');
    expect(feed.status()).toMatchObject({ phase: 'awaitingSnapshot', lastResyncReason: 'reconnect' });
    source.setState('open');
    source.push('depth.SOL_USDC_PERP', delta(203, 203, [['50', '3']])); // first delta on the new socket
    await vi.waitFor(() => expect(feed.status().phase).toBe('live'), { timeout: 2000 });
    expect(fetchSnapshot).toHaveBeenCalledTimes(4); // initial, two failures, success
    expect(tops.at(-1)).toEqual({ bids: [['50', '3']], asks: [['51', '1']], lastUpdateId: '203', timestamp: null });
  });
});

/** The exchange's side of one market: one update id per mutation, WS deltas padded, REST snapshot unpadded. */
class FakeMarket {
  id = 5000;
  private readonly sides = { bid: new Map<string, string>(), ask: new Map<string, string>() };

  constructor(
    private readonly server: StubStreamServer,
    readonly symbol: string,
  ) {}

  /** `price` in ticks of 0.1 (integers keep the test data free of float formatting). */
  change(side: 'bid' | 'ask', ticks: number, quantity: string, { send = true } = {}): void {
    this.id += 1;
    const key = normalizeDecimal(`${Math.floor(ticks / 10)}.${ticks % 10}`);
    if (normalizeDecimal(quantity) === '0') this.sides[side].delete(key);
    else this.sides[side].set(key, quantity);
    if (!send) return;
    const level: [string, string] = [`${Math.floor(ticks / 10)}.${ticks % 10}`, quantity];
    this.server.send(`depth.${this.symbol}`, {
      e: 'depth',
      E: 1788367430247494 + this.id,
      s: this.symbol,
      U: this.id,
      u: this.id,
      a: side === 'ask' ? [level] : [],
      b: side === 'bid' ? [level] : [],
      T: 1788367430246081 + this.id,
    });
  }

  private ascending(side: 'bid' | 'ask'): [string, string][] {
    const byValue = (x: [string, string], y: [string, string]) =>
      BigInt(x[0].replace('.', '')) < BigInt(y[0].replace('.', '')) ? -1 : 1;
    // Keys have at most one decimal: pad to one so the integer comparison above is exact.
    return [...this.sides[side]]
      .map(([price, qty]): [string, string] => [price.includes('.') ? price : `${price}.0`, qty])
      .sort(byValue);
  }

  snapshot(): Depth {
    const strip = ([price, qty]: [string, string]): [string, string] => [normalizeDecimal(price), qty];
    return {
      bids: this.ascending('bid').map(strip),
      asks: this.ascending('ask').map(strip),
      lastUpdateId: String(this.id),
      timestamp: 0,
    };
  }

  top(n: number): { bids: Levels; asks: Levels } {
    const norm = (levels: Levels) =>
      levels.map(([price, qty]): [string, string] => [normalizeDecimal(price), normalizeDecimal(qty)]);
    return { bids: norm(this.ascending('bid').reverse().slice(0, n)), asks: norm(this.ascending('ask').slice(0, n)) };
  }
}

const normalised = (levels: readonly BookLevel[]) =>
  levels.map(([price, qty]) => [normalizeDecimal(price), normalizeDecimal(qty)]);

describe('orderBookStream over a real socket', () => {
  let server: StubStreamServer;
  let stream: BackpackStream | undefined;

  afterEach(async () => {
    stream?.close();
    await server.close();
  });

  it('keeps the book equal to the exchange across a gap and a reconnect', async () => {
    server = await StubStreamServer.start();
    stream = new BackpackStream({ url: server.url, pingIntervalMs: 20, reconnectBaseMs: 5, reconnectCapMs: 20 });
    const market = new FakeMarket(server, 'SOL_USDC');
    for (let k = 0; k < 10; k += 1) {
      market.change('bid', 1000 - k, `${k + 1}.5`, { send: false });
      market.change('ask', 1001 + k, `${k + 2}`, { send: false });
    }
    const fetchSnapshot = vi.fn(async () => market.snapshot());
    const feed = orderBookStream(stream, market.symbol, fetchSnapshot, { conflateMs: 0 });
    const tops: BookTop[] = [];
    const off = feed.subscribe((top) => void tops.push(top), { depth: 5 });
    const matchesMarket = () => {
      const last = tops.at(-1);
      if (last?.lastUpdateId !== String(market.id)) return false;
      const expected = market.top(5);
      return (
        JSON.stringify([normalised(last.bids), normalised(last.asks)]) ===
        JSON.stringify([expected.bids, expected.asks])
      );
    };
    const churn = (from: number) => {
      for (let k = 0; k < 20; k += 1)
        market.change(
          k % 2 === 0 ? 'bid' : 'ask',
          k % 2 === 0 ? 993 + (k % 7) : 1001 + (k % 7),
          k % 5 === 0 ? '0.00' : `${from + k}.10`,
        );
    };

    await until(
      () => server.currentStreams().has('depth.SOL_USDC') && feed.status().phase === 'bridging',
      'subscription and snapshot',
    );
    churn(1);
    await until(matchesMarket, 'book equal to the market');

    market.change('bid', 1000, '42', { send: false }); // lost upstream: a gap
    churn(100);
    await until(() => feed.status().counters.gaps === 1 && feed.status().phase === 'bridging', 'resync after the gap');
    market.change('ask', 1003, '7');
    await until(matchesMarket, 'book equal to the market after the gap');
    expect(normalised(tops.at(-1)?.bids ?? [])).toContainEqual(['100', '42']); // known only from the new snapshot

    server.terminateAll();
    await until(() => server.connections === 2 && server.currentStreams().has('depth.SOL_USDC'), 'resubscription');
    await until(() => feed.status().phase === 'bridging', 'snapshot after the reconnect');
    churn(200);
    await until(matchesMarket, 'book equal to the market after the reconnect');
    expect(fetchSnapshot).toHaveBeenCalledTimes(3);
    expect(feed.status()).toMatchObject({
      phase: 'live',
      counters: { gaps: 1, resyncs: 2 },
      lastResyncReason: 'reconnect',
    });

    off();
    await until(() => !server.currentStreams().has('depth.SOL_USDC'), 'UNSUBSCRIBE after the last subscriber');
    expect(server.framesFor('SUBSCRIBE', 'depth.SOL_USDC')).toHaveLength(2);
  });
});
