import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStream } from '../../src/sandbox/ws/streams.ts';
import { signText, startTestServer, TEST_ACCOUNT_ID, TEST_API_KEY, TEST_SECRET } from './transportFixture.ts';
import type { TestServer } from './transportFixture.ts';
import { connect } from './wsClient.ts';
import { until } from '../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const subscribed =
  (stream: string, count = 1) =>
  () =>
    (server.streams.stats().subscriptions[stream] ?? 0) >= count;

function privateSignature(timestamp = Date.now(), window = 5000, secret = TEST_SECRET) {
  const text = `instruction=subscribe&timestamp=${timestamp}&window=${window}`;
  return [TEST_API_KEY, signText(secret, text), String(timestamp), String(window)];
}

function depth(symbol: string, id: number, asks: [string, string][], bids: [string, string][] = []) {
  return { e: 'depth', E: id * 10, s: symbol, a: asks, b: bids, U: id, u: id, T: id * 10 };
}

describe('stream names', () => {
  it('takes the type first and keeps dots inside the symbol', () => {
    expect(parseStream('depth.200ms.AAPL.US_USDC_PERP')).toMatchObject({
      ok: true,
      stream: { type: 'depth', window: '200ms', symbol: 'AAPL.US_USDC_PERP' },
    });
    expect(parseStream('kline.1month.SOL_USDC')).toMatchObject({
      ok: true,
      stream: { interval: '1month', symbol: 'SOL_USDC' },
    });
    expect(parseStream('account.orderUpdate.AAPL.US_USDC_PERP')).toMatchObject({
      ok: true,
      stream: { private: true, symbol: 'AAPL.US_USDC_PERP' },
    });
    expect(parseStream('trade.AAPL.US_USDC_PERP')).toMatchObject({ ok: true, stream: { symbol: 'AAPL.US_USDC_PERP' } });
    expect(parseStream('depth.100ms.SOL_USDC')).toMatchObject({ ok: false, code: 4008 });
    expect(parseStream('nope.BTC_USDC_PERP')).toMatchObject({ ok: false, code: 4006 });
    expect(parseStream('kline.2m.SOL_USDC')).toMatchObject({ ok: false, code: 4006 });
    expect(parseStream('kline.1s.SOL_USDC')).toMatchObject({
      ok: true,
      stream: { interval: '1s', symbol: 'SOL_USDC' },
    });
  });
});

describe('sandbox WebSocket', () => {
  it('delivers public streams after SUBSCRIBE (many per frame, no ack) and stops after UNSUBSCRIBE', async () => {
    const client = await connect(server.wsUrl);
    client.send({ method: 'SUBSCRIBE', params: ['trade.SOL_USDC', 'ticker.SOL_USDC', 'trade.SOL_USDC'] });
    await until(subscribed('ticker.SOL_USDC'), 'the subscription state', 2000);
    server.streams.publish('trade.SOL_USDC', { e: 'trade', s: 'SOL_USDC', t: 1 });
    server.streams.publish('trade.BTC_USDC', { e: 'trade', s: 'BTC_USDC', t: 1 });
    expect(await client.next()).toEqual({ stream: 'trade.SOL_USDC', data: { e: 'trade', s: 'SOL_USDC', t: 1 } });
    expect(await client.drain(50)).toEqual([]);

    client.send({ method: 'UNSUBSCRIBE', params: ['trade.SOL_USDC'] });
    await until(
      () => server.streams.stats().subscriptions['trade.SOL_USDC'] === undefined,
      'the subscription state',
      2000,
    );
    server.streams.publish('trade.SOL_USDC', { e: 'trade', s: 'SOL_USDC', t: 2 });
    server.streams.publish('ticker.SOL_USDC', { e: 'ticker', s: 'SOL_USDC' });
    expect(await client.next()).toEqual({ stream: 'ticker.SOL_USDC', data: { e: 'ticker', s: 'SOL_USDC' } });
    expect(server.streams.stats().subscribes['trade.SOL_USDC']).toBe(2);
    expect(server.streams.stats().unsubscribes['trade.SOL_USDC']).toBe(1);
    client.close();
  });

  it('answers bad frames with error frames and keeps the socket open', async () => {
    const client = await connect(server.wsUrl);
    client.send('not json');
    expect(await client.next()).toEqual({ id: null, error: { code: 4002, message: 'Parse error' } });
    client.send({ method: 'FOO', params: [] });
    expect(await client.next()).toEqual({ id: null, error: { code: 4002, message: 'Parse error' } });
    client.send({ method: 'SUBSCRIBE', params: ['nope.BTC_USDC_PERP'] });
    expect(await client.next()).toEqual({ id: null, error: { code: 4006, message: 'Invalid stream' } });
    client.send({ method: 'SUBSCRIBE', params: ['depth.100ms.SOL_USDC'] });
    expect(await client.next()).toEqual({ id: null, error: { code: 4008, message: 'Invalid depth window' } });

    client.send({ method: 'SUBSCRIBE', params: ['bookTicker.SOL_USDC'] });
    await until(subscribed('bookTicker.SOL_USDC'), 'the subscription state', 2000);
    server.streams.publish('bookTicker.SOL_USDC', { e: 'bookTicker', u: 1 });
    expect(await client.next()).toEqual({ stream: 'bookTicker.SOL_USDC', data: { e: 'bookTicker', u: 1 } });
    client.close();
  });

  it('delivers private streams to the signed account only, on the plain and per-symbol names', async () => {
    const client = await connect(server.wsUrl);
    client.send({
      method: 'SUBSCRIBE',
      params: ['account.orderUpdate', 'account.orderUpdate.SOL_USDC'],
      signature: privateSignature(),
    });
    await until(subscribed('account.orderUpdate.SOL_USDC'), 'the subscription state', 2000);
    server.streams.publishPrivate(TEST_ACCOUNT_ID + 1, 'account.orderUpdate', 'SOL_USDC', {
      e: 'orderAccepted',
      i: 'other',
    });
    server.streams.publishPrivate(TEST_ACCOUNT_ID, 'account.orderUpdate', 'SOL_USDC', { e: 'orderAccepted', i: '1' });
    server.streams.publishPrivate(TEST_ACCOUNT_ID, 'account.orderUpdate', 'BTC_USDC', { e: 'orderAccepted', i: '2' });
    const frames = [await client.next(), await client.next(), await client.next()];
    expect(frames).toEqual([
      { stream: 'account.orderUpdate', data: { e: 'orderAccepted', i: '1' } },
      { stream: 'account.orderUpdate.SOL_USDC', data: { e: 'orderAccepted', i: '1' } },
      { stream: 'account.orderUpdate', data: { e: 'orderAccepted', i: '2' } },
    ]);
    expect(await client.drain(50)).toEqual([]);
    client.close();
  });

  it('refuses a private subscription with a bad, expired or missing signature (4003)', async () => {
    const client = await connect(server.wsUrl);
    const flipped = privateSignature();
    flipped[1] = signText(Buffer.alloc(32, 9).toString('base64'), 'instruction=subscribe&timestamp=1&window=5000');
    client.send({ method: 'SUBSCRIBE', params: ['account.balanceUpdate'], signature: flipped });
    expect(await client.next()).toEqual({ id: null, error: { code: 4003, message: 'Invalid signature' } });
    client.send({
      method: 'SUBSCRIBE',
      params: ['account.balanceUpdate'],
      signature: privateSignature(Date.now() - 60_000),
    });
    expect(await client.next()).toEqual({ id: null, error: { code: 4003, message: 'Invalid signature' } });
    client.send({ method: 'SUBSCRIBE', params: ['account.balanceUpdate', 'trade.ETH_USDC'] });
    expect(await client.next()).toEqual({ id: null, error: { code: 4003, message: 'Invalid signature' } });
    await until(subscribed('trade.ETH_USDC'), 'the subscription state', 2000);
    expect(server.streams.stats().subscriptions['account.balanceUpdate']).toBeUndefined();
    server.streams.publishPrivate(TEST_ACCOUNT_ID, 'account.balanceUpdate', null, { e: 'balanceUpdate' });
    expect(await client.drain(50)).toEqual([]);
    client.close();
  });

  it('sends the position snapshot right after an account.positionUpdate subscription', async () => {
    server.streams.setPositionSnapshot((accountId, symbol) =>
      accountId === TEST_ACCOUNT_ID ? [{ s: symbol ?? 'SOL_USDC_PERP', q: '1' }] : [],
    );
    const client = await connect(server.wsUrl);
    client.send({ method: 'SUBSCRIBE', params: ['account.positionUpdate'], signature: privateSignature() });
    expect(await client.next()).toEqual({ stream: 'account.positionUpdate', data: { s: 'SOL_USDC_PERP', q: '1' } });
    client.close();
  });

  it('aggregates depth per window: first U, last u, latest size per price', async () => {
    const client = await connect(server.wsUrl);
    client.send({ method: 'SUBSCRIBE', params: ['depth.200ms.AAPL.US_USDC_PERP', 'depth.AAPL.US_USDC_PERP'] });
    await until(subscribed('depth.200ms.AAPL.US_USDC_PERP'), 'the subscription state', 2000);
    const symbol = 'AAPL.US_USDC_PERP';
    server.streams.publish(`depth.${symbol}`, depth(symbol, 11, [['200.1', '5']], [['199.9', '1']]));
    server.streams.publish(
      `depth.${symbol}`,
      depth(symbol, 12, [
        ['200.1', '3'],
        ['200.2', '7'],
      ]),
    );
    server.streams.publish(`depth.${symbol}`, depth(symbol, 13, [['200.2', '0']], [['199.8', '2']]));
    const raw = [await client.next(), await client.next(), await client.next()];
    expect(raw.map((frame) => (frame as { data: { u: number } }).data.u)).toEqual([11, 12, 13]);
    const aggregated = (await client.next(1000)) as { stream: string; data: Record<string, unknown> };
    expect(aggregated.stream).toBe('depth.200ms.AAPL.US_USDC_PERP');
    expect(aggregated.data).toMatchObject({
      e: 'depth',
      s: symbol,
      U: 11,
      u: 13,
      T: 130,
      a: [
        ['200.1', '3'],
        ['200.2', '0'],
      ],
      b: [
        ['199.9', '1'],
        ['199.8', '2'],
      ],
    });
    client.close();
  });

  it('injects a depth gap by withholding the next depth message of that symbol', async () => {
    const client = await connect(server.wsUrl);
    client.send({ method: 'SUBSCRIBE', params: ['depth.ETH_USDC'] });
    await until(subscribed('depth.ETH_USDC'), 'the subscription state', 2000);
    server.streams.publish('depth.ETH_USDC', depth('ETH_USDC', 1, [['3000', '1']]));
    server.streams.injectDepthGap('ETH_USDC');
    server.streams.publish('depth.ETH_USDC', depth('ETH_USDC', 2, [['3000', '2']]));
    server.streams.publish('depth.ETH_USDC', depth('ETH_USDC', 3, [['3000', '3']]));
    const ids = [await client.next(), await client.next()].map((frame) => (frame as { data: { U: number } }).data.U);
    expect(ids).toEqual([1, 3]);
    client.close();
  });

  it('drops every connection on dropConnections()', async () => {
    const first = await connect(server.wsUrl);
    const second = await connect(server.wsUrl);
    server.streams.dropConnections();
    await expect(first.closed).resolves.toBe(1006);
    await expect(second.closed).resolves.toBe(1006);
  });
});

describe('keep-alive', () => {
  it('pings clients and terminates the ones that never pong', async () => {
    const fast = await startTestServer({ pingIntervalMs: 40, pongTimeoutMs: 80 });
    try {
      const polite = await connect(fast.wsUrl);
      const silent = await connect(fast.wsUrl, { autoPong: false });
      let pings = 0;
      polite.socket.on('ping', () => (pings += 1));
      await expect(silent.closed).resolves.toBe(1006);
      expect(pings).toBeGreaterThan(0);
      expect(polite.socket.readyState).toBe(polite.socket.OPEN);
      polite.close();
    } finally {
      await fast.close();
    }
  });
});
