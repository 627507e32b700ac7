import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { reconnectDelay } from '../../src/exchange/retry.ts';
import { BackpackStream } from '../../src/exchange/stream.ts';
import type { BackpackStreamOptions, StreamError, StreamMessage, StreamState } from '../../src/exchange/stream.ts';
import { parseFrame } from '../../src/exchange/streamFrame.ts';
import { parseJsonLossless } from '../../src/exchange/wireJson.ts';
import { StubStreamServer } from '../support/stubStreamServer.ts';
import { until } from '../support/until.ts';

const key = loadSigningKey('AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=');
const ticker = {
  e: 'ticker',
  E: 1788367430549233,
  s: 'SOL_USDC',
  o: '100.87',
  c: '98.98',
  h: '101.19',
  l: '97.38',
  v: '15089.56',
  V: '1498114.9234',
  n: 6796,
};
const orderAccepted = {
  e: 'orderAccepted',
  E: 1788368290063153,
  s: 'USDT_USDC',
  i: '59887375336',
  X: 'New',
  T: 1788368290062979,
};

let server: StubStreamServer;
const streams: BackpackStream[] = [];
const warnings: string[] = [];
const logger = { info: () => {}, warn: (_details: object, message: string) => void warnings.push(message) };

function open(options: Partial<BackpackStreamOptions> = {}): BackpackStream {
  const stream = new BackpackStream({
    url: server.url,
    key,
    pingIntervalMs: 20,
    deadAfterMs: 2000,
    reconnectBaseMs: 5,
    reconnectCapMs: 50,
    stableAfterMs: 1000,
    logger,
    ...options,
  });
  streams.push(stream);
  return stream;
}

/** Frames are processed in order, so once a later SUBSCRIBE is recorded every earlier frame has been too. */
async function barrier(stream: BackpackStream, name: string): Promise<() => void> {
  const off = stream.subscribe(`ticker.${name}`, () => {});
  await until(() => server.framesFor('SUBSCRIBE', `ticker.${name}`).length > 0, `barrier ${name}`);
  return off;
}

beforeEach(async () => {
  server = await StubStreamServer.start();
  warnings.length = 0;
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await server.close();
});

describe('BackpackStream subscriptions', () => {
  it('shares one upstream SUBSCRIBE among 50 listeners and sends one UNSUBSCRIBE after the last leaves', async () => {
    const stream = open();
    const received = new Array<number>(50).fill(0);
    const offs = received.map((_, i) =>
      stream.subscribe('ticker.SOL_USDC', () => void (received[i] = (received[i] ?? 0) + 1)),
    );
    await until(() => server.currentStreams().has('ticker.SOL_USDC'), 'upstream subscription');
    server.send('ticker.SOL_USDC', ticker);
    await until(() => received.every((count) => count === 1), 'delivery to all 50');
    expect(stream.status().streams).toEqual([
      { stream: 'ticker.SOL_USDC', listeners: 50, lastMessageAt: expect.any(Number) },
    ]);

    for (const off of offs.slice(0, 49)) off();
    offs[0]?.(); // idempotent: a second call must not steal another listener's reference
    const offA = await barrier(stream, 'A');
    expect(server.framesFor('UNSUBSCRIBE', 'ticker.SOL_USDC')).toHaveLength(0);

    offs[49]?.();
    await until(() => !server.currentStreams().has('ticker.SOL_USDC'), 'upstream unsubscription');
    const offB = await barrier(stream, 'B');
    expect(server.framesFor('SUBSCRIBE', 'ticker.SOL_USDC')).toHaveLength(1);
    expect(server.framesFor('UNSUBSCRIBE', 'ticker.SOL_USDC')).toHaveLength(1);
    offA();
    offB();
  });

  it('batches streams subscribed in the same tick into one frame', async () => {
    const stream = open();
    await until(() => stream.status().state === 'open', 'open');
    for (const name of ['trade.SOL_USDC', 'bookTicker.SOL_USDC', 'depth.200ms.SOL_USDC'])
      stream.subscribe(name, () => {});
    await until(() => server.frames.length > 0, 'a frame');
    expect(server.frames).toEqual([
      { connection: 1, method: 'SUBSCRIBE', params: ['trade.SOL_USDC', 'bookTicker.SOL_USDC', 'depth.200ms.SOL_USDC'] },
    ]);
  });

  it('parses a frame once and hands the same object to every listener, keeping big RFQ ids exact', async () => {
    const stream = open();
    const seen: StreamMessage[] = [];
    for (let i = 0; i < 5; i += 1) stream.subscribe('account.rfqUpdate', (message) => seen.push(message));
    await until(() => server.currentStreams().has('account.rfqUpdate'), 'private subscription');
    server.send(
      'account.rfqUpdate',
      '{"e":"rfqCandidate","E":1730225420369829,"R":113392053149171712,"u":113392053149171713,"C":"123","s":"SOL_USDC_RFQ","S":"Bid","q":"10","p":"98.1","X":"New","T":1730225420368765}',
    );
    await until(() => seen.length === 5, 'five deliveries');
    const [first] = seen;
    for (const message of seen) expect(message).toBe(first);
    expect(first?.data).toMatchObject({
      R: '113392053149171712',
      u: '113392053149171713',
      E: 1730225420369829,
      C: '123',
      p: '98.1',
    });
  });

  it('refuses a private stream without a signing key', () => {
    const stream = open({ key: undefined });
    expect(() => stream.subscribe('account.orderUpdate', () => {})).toThrow(/private stream/);
  });

  it('delivers an invalid-stream error to that stream only', async () => {
    const stream = open();
    await until(() => stream.status().state === 'open', 'open');
    const errors: Record<string, StreamError[]> = { bad: [], good: [] };
    const ticks: StreamMessage[] = [];
    stream.subscribe('nope.BTC_USDC_PERP', () => {}, { onError: (error) => void errors.bad?.push(error) });
    stream.subscribe('ticker.SOL_USDC', (message) => ticks.push(message), {
      onError: (error) => void errors.good?.push(error),
    });
    await until(() => errors.bad?.length === 1, 'the 4006 error');
    server.send('ticker.SOL_USDC', ticker); // sent after the error frame on the same connection
    await until(() => ticks.length === 1, 'ticker data');
    expect(errors.bad).toEqual([{ code: 4006, message: 'Invalid stream' }]);
    expect(errors.good).toEqual([]);
  });

  it('ignores malformed frames and keeps delivering', async () => {
    const stream = open();
    const ticks: StreamMessage[] = [];
    stream.subscribe('ticker.SOL_USDC', (message) => ticks.push(message));
    stream.subscribe('trade.SOL_USDC', () => {
      throw new Error('a broken listener');
    });
    await until(() => server.currentStreams().has('ticker.SOL_USDC'), 'subscription');
    for (const junk of [
      'not json',
      '[1,2]',
      '{"stream":5}',
      'null',
      '{"id":null,"error":{"code":4002,"message":"Parse error"}}',
    ]) {
      server.sendRaw(junk);
    }
    server.send('trade.SOL_USDC', { e: 'trade', t: 1 });
    server.send('ticker.SOL_USDC', ticker);
    await until(() => ticks.length === 1, 'ticker after junk');
    expect(stream.status()).toMatchObject({ state: 'open', reconnects: 0 });
    expect(server.connections).toBe(1);
    expect(warnings).toContain('backpack stream: ignored malformed frame');
    expect(warnings).toContain('backpack stream: listener threw');
  });

  it('reports silence on a stream that never delivers (unknown symbols are silent upstream)', async () => {
    const stream = open();
    const silent: string[] = [];
    stream.subscribe('ticker.NOPE_USDC', () => {}, { silentAfterMs: 60, onSilent: (name) => void silent.push(name) });
    await until(() => silent.length > 0, 'the watchdog');
    expect(silent).toEqual(['ticker.NOPE_USDC']);
  });
});

describe('BackpackStream connection', () => {
  it('survives three dropped connections: resubscribes, re-signs, and listeners keep receiving without errors', async () => {
    const stream = open();
    const states: StreamState[] = [];
    stream.onStatus((status) => states.push(status.state));
    const errors: StreamError[] = [];
    const counts = { ticker: 0, orders: 0 };
    stream.subscribe('ticker.SOL_USDC', () => void (counts.ticker += 1), {
      onError: (error) => void errors.push(error),
    });
    stream.subscribe('account.orderUpdate', () => void (counts.orders += 1), {
      onError: (error) => void errors.push(error),
    });

    for (let round = 1; round <= 4; round += 1) {
      await until(
        () =>
          server.connections === round &&
          server.currentStreams().has('ticker.SOL_USDC') &&
          server.currentStreams().has('account.orderUpdate'),
        `resubscription on connection ${round}`,
      );
      server.send('ticker.SOL_USDC', ticker);
      server.send('account.orderUpdate', orderAccepted);
      await until(() => counts.ticker === round && counts.orders === round, `delivery on connection ${round}`);
      if (round < 4) server.terminateAll();
    }

    const signed = server.frames.filter((frame) => frame.signature !== undefined);
    expect(signed.map((frame) => frame.connection)).toEqual([1, 2, 3, 4]);
    expect(
      signed.every((frame) => frame.signatureValid === true && frame.params.join() === 'account.orderUpdate'),
    ).toBe(true);
    const timestamps = signed.map((frame) => frame.timestamp ?? 0);
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(server.frames.filter((frame) => frame.signature === undefined && frame.method === 'SUBSCRIBE')).toHaveLength(
      4,
    );
    expect(errors).toEqual([]);
    expect(stream.status()).toMatchObject({ state: 'open', reconnects: 3, connectedSince: expect.any(Number) });
    expect(states.filter((state) => state === 'reconnecting')).toHaveLength(3);
  });

  it('terminates a socket whose peer stopped answering and reconnects', async () => {
    const stream = open({ pingIntervalMs: 20, deadAfterMs: 150 });
    const counts = { ticker: 0 };
    stream.subscribe('ticker.SOL_USDC', () => void (counts.ticker += 1));
    await until(() => server.currentStreams().has('ticker.SOL_USDC'), 'first subscription');
    server.freezeAll();
    // >= rather than ===: a stalled test machine may legitimately declare a second socket dead too.
    await until(
      () => server.connections >= 2 && server.currentStreams().has('ticker.SOL_USDC'),
      'reconnect after dead socket',
    );
    server.send('ticker.SOL_USDC', ticker);
    await until(() => counts.ticker >= 1, 'delivery after reconnect');
    expect(stream.status().reconnects).toBeGreaterThanOrEqual(1);
    expect(warnings).toContain('backpack stream: dead socket, terminating');
  });

  it('keeps a healthy socket whose pings are answered', async () => {
    const stream = open({ pingIntervalMs: 10, deadAfterMs: 1000 });
    await until(() => server.pings >= 10, 'ten client pings');
    expect(server.connections).toBe(1);
    expect(stream.status()).toMatchObject({ state: 'open', reconnects: 0 });
  });

  it('close() stops for good', async () => {
    const stream = open();
    stream.subscribe('ticker.SOL_USDC', () => {});
    await until(() => server.currentStreams().has('ticker.SOL_USDC'), 'subscription');
    stream.close();
    expect(stream.status().state).toBe('closed');
    await until(() => server.liveConnections === 0, 'socket closed');
    // A negative check cannot fail spuriously: give a reconnect (5–50 ms backoff) ample time to show up.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.connections).toBe(1);
    expect(() => stream.subscribe('ticker.SOL_USDC', () => {})).toThrow(/closed/);
  });
});

describe('lossless frame parsing', () => {
  it('turns integers beyond 2^53 into exact strings and leaves everything else alone', () => {
    const text =
      '{"a":"x:12345678901234567890","b":12345678901234567890,"c":[9007199254740993,1.5,-9007199254740993,9007199254740991],"d":"\\"12345678901234567890"}';
    expect(parseJsonLossless(text)).toEqual({
      a: 'x:12345678901234567890',
      b: '12345678901234567890',
      c: ['9007199254740993', 1.5, '-9007199254740993', 9007199254740991],
      d: '"12345678901234567890',
    });
  });

  it('classifies data, error and junk frames', () => {
    expect(parseFrame('{"stream":"trade.SOL_USDC","data":{"t":1}}')).toEqual({
      kind: 'data',
      message: { stream: 'trade.SOL_USDC', data: { t: 1 } },
    });
    expect(parseFrame('{"id":null,"error":{"code":4006,"message":"Invalid stream"}}')).toEqual({
      kind: 'error',
      error: { code: 4006, message: 'Invalid stream' },
    });
    expect(parseFrame('{"stream":"x"}').kind).toBe('unknown');
    expect(parseFrame('{').kind).toBe('unknown');
  });
});

describe('reconnectDelay', () => {
  it('grows exponentially, stays within [step/2, step] and respects the cap', () => {
    expect(reconnectDelay(0, 100, 1000, () => 0)).toBe(50);
    expect(reconnectDelay(0, 100, 1000, () => 1)).toBe(100);
    expect(reconnectDelay(3, 100, 1000, () => 1)).toBe(800);
    expect(reconnectDelay(10, 100, 1000, () => 0.5)).toBe(750);
    const random = vi.fn(() => 0.3);
    expect(reconnectDelay(50, 100, 30_000, random)).toBe(19_500);
  });
});
