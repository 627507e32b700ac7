// ccxt (from npm, unmodified) against the full sandbox: its unified REST and ccxt.pro WebSocket methods, each checked
// against the sandbox's own state. Where ccxt and the reference disagree, the sandbox follows the reference and the
// test pins the difference (see "where ccxt and the reference disagree").
import ccxt from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { account, restAs, subscribed } from './sandboxClient.ts';
import { until } from '../support/until.ts';

type Pro = InstanceType<typeof ccxt.pro.backpack>;
type Implicit = (params?: unknown) => Promise<unknown>;

let sandbox: SandboxHandle;
let pro: Pro;
let demoId: number;

function client(handle: SandboxHandle, name = 'demo'): Pro {
  const { apiKey, apiSecret } = account(handle, name);
  return new ccxt.pro.backpack({
    apiKey,
    secret: apiSecret,
    urls: {
      api: { public: handle.restUrl, private: handle.restUrl, ws: { public: handle.wsUrl, private: handle.wsUrl } },
    },
  });
}

/** A raw endpoint method of ccxt's generated API (`privateGetWapiV1HistoryBorrowLend` …). */
function implicit(exchange: Pro, method: string): Implicit {
  const fn = (exchange as unknown as Record<string, Implicit>)[method];
  if (fn === undefined) throw new Error(`ccxt has no ${method}`);
  return fn.bind(exchange);
}

const num = (value: bigint): number => Number(D.toString(value));
const services = () => sandbox.services;
const openOrderIds = (symbol: string): string[] =>
  services()
    .engine.openOrders(demoId, symbol)
    .map((order) => order.id);

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3, flow: { enabled: true, ratePerSecond: 40 } });
  // REST checks compare against a still market; the order-book watch resumes the flow for itself.
  sandbox.pauseFlow();
  demoId = account(sandbox, 'demo').accountId;
  pro = client(sandbox);
  await pro.loadHttpProxyAgent(); // ccxt needs an agent for plain ws:// URLs
});
afterAll(async () => {
  await pro.close();
  await sandbox.close();
});

describe('ccxt public REST methods', () => {
  it('loadMarkets: the spot and perp markets with their tick and step sizes', async () => {
    const markets = await pro.loadMarkets();
    const listed = services()
      .markets.list()
      .filter((m) => m.marketType === 'SPOT' || m.marketType === 'PERP');
    expect(
      Object.values(markets)
        .map((m) => m?.id)
        .sort(),
    ).toEqual(listed.map((m) => m.symbol).sort());
    const sol = services().markets.get('SOL_USDC');
    expect(markets['SOL/USDC']).toMatchObject({ id: 'SOL_USDC', base: 'SOL', quote: 'USDC', spot: true, swap: false });
    expect(markets['SOL/USDC']?.precision).toMatchObject({
      price: num(sol?.tickSize ?? 0n),
      amount: num(sol?.stepSize ?? 0n),
    });
    expect(markets['SOL/USDC']?.limits.amount?.min).toBe(num(sol?.minQuantity ?? 0n));
    expect(markets['BTC/USDC:USDC']).toMatchObject({ id: 'BTC_USDC_PERP', swap: true, settle: 'USDC' });
  });

  it('fetchTicker and fetchTickers: the sandbox tickers', async () => {
    const wire = services().engine.marketData.ticker('SOL_USDC');
    const ticker = await pro.fetchTicker('SOL/USDC');
    expect(ticker).toMatchObject({
      symbol: 'SOL/USDC',
      last: Number(wire?.lastPrice),
      open: Number(wire?.firstPrice),
      high: Number(wire?.high),
      low: Number(wire?.low),
      baseVolume: Number(wire?.volume),
      quoteVolume: Number(wire?.quoteVolume),
    });
    const all = await pro.fetchTickers();
    const expected = services().engine.marketData.tickers();
    expect(
      Object.values(all)
        .map((t) => t.info['symbol'])
        .sort(),
    ).toEqual(expected.map((t) => t.symbol).sort());
    for (const row of expected) expect(all[pro.safeSymbol(row.symbol)]?.last).toBe(Number(row.lastPrice));
  });

  it('fetchOrderBook: the whole book at the sandbox update id, best first', async () => {
    const book = await pro.fetchOrderBook('SOL/USDC');
    const depth = services().engine.marketData.depth('SOL_USDC', 5000);
    expect(book.nonce).toBe(Number(depth.lastUpdateId));
    expect(book.bids).toEqual(depth.bids.map(([p, q]) => [Number(p), Number(q)]).reverse());
    expect(book.asks).toEqual(depth.asks.map(([p, q]) => [Number(p), Number(q)]));
  });

  it('fetchOHLCV: the same candles as /api/v1/klines', async () => {
    // Both bounds fixed (ccxt sends them in seconds), so a minute turning over mid-test changes nothing.
    const until = services().now();
    const since = (Math.floor(until / 60_000) - 30) * 60_000;
    const candles = await pro.fetchOHLCV('SOL/USDC', '1m', since, undefined, { until });
    const klines = services().engine.marketData.klines('SOL_USDC', '1m', since / 1000, Math.floor(until / 1000));
    // A minute without trades has null prices, which ccxt reads as undefined.
    const price = (text: string | null | undefined): number | undefined => (text == null ? undefined : Number(text));
    const expected = klines.map((k) => [
      Date.parse(`${k.start.replace(' ', 'T')}Z`),
      price(k.open),
      price(k.high),
      price(k.low),
      price(k.close),
      Number(k.volume),
    ]);
    expect(candles.length).toBeGreaterThan(0);
    expect(candles).toEqual(expected);
  });

  it('fetchTrades: the most recent trades of the tape', async () => {
    const trades = await pro.fetchTrades('SOL/USDC', undefined, 5);
    const tape = services().engine.marketData.recentTrades('SOL_USDC', 5);
    expect(trades.map((t) => t.id).sort()).toEqual(tape.map((t) => String(t.id)).sort());
    const last = tape.find((t) => String(t.id) === trades[trades.length - 1]?.id);
    expect(trades[trades.length - 1]).toMatchObject({
      price: Number(last?.price),
      amount: Number(last?.quantity),
      side: last?.isBuyerMaker ? 'sell' : 'buy',
    });
  });

  it('fetchTime and fetchStatus', async () => {
    const calls = (name: string) => sandbox.stats.requests()[name] ?? 0;
    const [timeCalls, statusCalls] = [calls('getTime'), calls('getStatus')];
    // ccxt reads no number from the text/plain answer and falls back to its own clock (pinned further below);
    // what can be checked here is that it asked the sandbox.
    const time = await pro.fetchTime();
    expect(calls('getTime')).toBe(timeCalls + 1);
    expect(Math.abs((time ?? 0) - services().now())).toBeLessThan(5_000);
    expect(await pro.fetchStatus()).toMatchObject({ status: 'ok', info: { status: 'Ok', message: null } });
    expect(calls('getStatus')).toBe(statusCalls + 1);
  });
});

describe('ccxt private REST methods', () => {
  it('fetchBalance: available as free, locked + staked as used', async () => {
    const balance = await pro.fetchBalance();
    for (const asset of ['USDC', 'SOL', 'BTC']) {
      const state = services().ledger.balance(demoId, asset);
      expect(balance[asset]).toMatchObject({ free: num(state.available), used: num(state.locked + state.staked) });
    }
  });

  it('createOrder (limit), fetchOpenOrders and cancelOrder', async () => {
    const order = await pro.createOrder('SOL/USDC', 'limit', 'buy', 1.5, 100.25);
    expect(order).toMatchObject({
      symbol: 'SOL/USDC',
      type: 'limit',
      side: 'buy',
      status: 'open',
      price: 100.25,
      amount: 1.5,
      filled: 0,
    });
    expect(openOrderIds('SOL_USDC')).toEqual([order.id]);
    // 1.5 × 100.25, exactly (the ledger holds scaled bigints).
    expect(D.toString(services().ledger.balance(demoId, 'USDC').locked)).toBe('150.375');

    expect((await pro.fetchOpenOrders('SOL/USDC')).map((o) => o.id)).toEqual([order.id]);
    const cancelled = await pro.cancelOrder(String(order.id), 'SOL/USDC');
    expect(cancelled).toMatchObject({ id: order.id, status: 'canceled' });
    expect(openOrderIds('SOL_USDC')).toEqual([]);
    expect(services().ledger.balance(demoId, 'USDC').locked).toBe(0n);
  });

  it('createOrder (market) fills against the book, and fetchMyTrades and fetchClosedOrders show it', async () => {
    const bestAsk = services().engine.marketData.depth('SOL_USDC', 1).asks[0];
    const solBefore = services().ledger.balance(demoId, 'SOL').available;
    const order = await pro.createOrder('SOL/USDC', 'market', 'buy', 2);
    expect(order).toMatchObject({ type: 'market', side: 'buy', status: 'closed', amount: 2, filled: 2 });
    expect(order.cost).toBeCloseTo(2 * Number(bestAsk?.[0]), 9);
    const fills = services()
      .engine.accounts.fills(demoId, { orderId: String(order.id) })
      .map((r) => r.row);
    const fee = D.sum(fills.map((fill) => D.parse(fill.fee)));
    expect(fee > 0n).toBe(true);
    expect(D.toString(services().ledger.balance(demoId, 'SOL').available - solBefore)).toBe(
      D.toString(D.parse('2') - fee),
    );

    const mine = (await pro.fetchMyTrades('SOL/USDC')).filter((t) => t.order === order.id);
    expect(mine.map((t) => [t.id, t.price, t.amount, t.side, t.takerOrMaker])).toEqual(
      fills.map((f) => [String(f.tradeId), Number(f.price), Number(f.quantity), 'buy', 'taker']),
    );
    const closed = await pro.fetchClosedOrders('SOL/USDC');
    expect(closed.find((o) => o.id === order.id)).toMatchObject({ status: 'closed', filled: 2 });
    expect(closed.every((o) => o.status === 'closed')).toBe(true);
  });

  it('createOrders and cancelAllOrders', async () => {
    const batch = await pro.createOrders([
      { symbol: 'SOL/USDC', type: 'limit', side: 'buy', amount: 1, price: 100 },
      { symbol: 'SOL/USDC', type: 'limit', side: 'sell', amount: 1, price: 200 },
    ]);
    expect(new Set(openOrderIds('SOL_USDC'))).toEqual(new Set(batch.map((o) => o.id)));
    const cancelled = await pro.cancelAllOrders('SOL/USDC');
    expect(cancelled.map((o) => o.status)).toEqual(['canceled', 'canceled']);
    expect(new Set(cancelled.map((o) => o.id))).toEqual(new Set(batch.map((o) => o.id)));
    expect(openOrderIds('SOL_USDC')).toEqual([]);
  });

  it('fetchDepositAddress: the account address on the chosen network', async () => {
    const address = await pro.fetchDepositAddress('SOL', { network: 'SOL' });
    expect(address).toMatchObject({
      currency: 'SOL',
      address: services().products.capital.depositAddress(demoId, 'Solana').address,
    });
  });
});

describe('ccxt.pro WebSocket methods', () => {
  it('watchTicker: the pushed 24 h ticker', async () => {
    const ticker = await pro.watchTicker('SOL/USDC');
    const wire = services().engine.marketData.ticker('SOL_USDC');
    expect(ticker).toMatchObject({
      symbol: 'SOL/USDC',
      last: Number(wire?.lastPrice),
      high: Number(wire?.high),
      low: Number(wire?.low),
    });
  });

  it('watchTrades: a trade the demo account makes', async () => {
    const watching = pro.watchTrades('SOL/USDC');
    await subscribed(sandbox, 'trade.SOL_USDC');
    const order = await pro.createOrder('SOL/USDC', 'market', 'sell', 1);
    const trades = await watching;
    const fill = services().engine.accounts.fills(demoId, { orderId: String(order.id) })[0]?.row;
    expect(trades.map((t) => t.id)).toContain(String(fill?.tradeId));
    expect(trades.find((t) => t.id === String(fill?.tradeId))).toMatchObject({
      price: Number(fill?.price),
      amount: 1,
      side: 'sell',
      order: order.id,
    });
  });

  it('watchOrders: the accepted order as the sandbox streams it', async () => {
    const watching = pro.watchOrders('SOL/USDC');
    await subscribed(sandbox, 'account.orderUpdate.SOL_USDC');
    const order = await pro.createOrder('SOL/USDC', 'limit', 'buy', 1, 101);
    const updates = await watching;
    expect(updates.find((o) => o.id === order.id)).toMatchObject({
      status: 'open',
      type: 'limit',
      side: 'buy',
      price: 101,
      amount: 1,
    });
    await pro.cancelOrder(String(order.id), 'SOL/USDC');
  });

  it('watchOrderBook: the live book equals the sandbox book once the flow pauses', async () => {
    sandbox.resumeFlow();
    try {
      const book = await pro.watchOrderBook('SOL/USDC');
      expect(book.bids.length).toBeGreaterThan(0);
    } finally {
      sandbox.pauseFlow();
    }
    const engineBook = services().engine.state.markets.get('SOL_USDC')?.book;
    // The last deltas may still be in flight: wait until ccxt has applied the sandbox's latest update id.
    const synced = await until(() => {
      const local = pro.orderbooks['SOL/USDC'];
      return local !== undefined && local.nonce === engineBook?.updateId ? local : undefined;
    }, 'ccxt to apply the last depth update');
    const depth = services().engine.marketData.depth('SOL_USDC', 5000);
    expect(synced.bids.map(([p, q]) => [p, q])).toEqual(depth.bids.map(([p, q]) => [Number(p), Number(q)]).reverse());
    expect(synced.asks.map(([p, q]) => [p, q])).toEqual(depth.asks.map(([p, q]) => [Number(p), Number(q)]));
  });
});

describe('where ccxt and the reference disagree', () => {
  it('ccxt signs URL-encoded values; the reference (and the sandbox) sign decoded values', async () => {
    // `,` → %2C in ccxt's signing string, but the server signs what it decoded.
    const history = implicit(pro, 'privateGetWapiV1HistoryBorrowLend');
    await expect(history({ sources: 'Manual,Interest' })).rejects.toThrow(/INVALID_SIGNATURE/);
    await expect(history({ sources: 'Manual' })).resolves.toEqual([]);
    expect(await restAs(sandbox, 'demo').call('getBorrowLendHistory', { sources: 'Manual,Interest' })).toEqual([]);

    // `%` in a percentage trigger quantity: ccxt signs `triggerQuantity=50%25`.
    const order = {
      symbol: 'SOL_USDC_PERP',
      side: 'Ask',
      orderType: 'Market',
      triggerPrice: '100',
      triggerQuantity: '50%',
    } as const;
    await expect(implicit(pro, 'privatePostApiV1Order')(order)).rejects.toThrow(/INVALID_SIGNATURE/);
    const placed = await restAs(sandbox, 'demo').call('executeOrder', order);
    expect(placed).toMatchObject({ status: 'TriggerPending', triggerQuantity: '50%' });
    await restAs(sandbox, 'demo').call('cancelOrder', { symbol: 'SOL_USDC_PERP', orderId: placed.id });
  });

  it('ccxt sends `endTime` for fetchDeposits(until); the API filters on `to`, so ccxt`s until has no effect', async () => {
    const first = sandbox.deposit('demo', 'USDC', '10');
    const cut = await nextMillisecond();
    await nextMillisecond();
    const second = sandbox.deposit('demo', 'USDC', '20');
    const withUntil = (await pro.fetchDeposits('USDC', undefined, undefined, { until: cut })).map((d) => d.id);
    expect(withUntil).toEqual(expect.arrayContaining([String(first.id), String(second.id)]));
    const withTo = (await pro.fetchDeposits('USDC', undefined, undefined, { to: cut })).map((d) => d.id);
    expect(withTo).toContain(String(first.id));
    expect(withTo).not.toContain(String(second.id));
  });

  it('ccxt`s fetchTime reads no number from the text/plain /time answer and returns its own clock', async () => {
    // A sandbox whose clock runs 30 minutes ahead: only the raw answer shows the exchange's time.
    const ahead = await startSandbox({ seed: 4, clock: () => Date.now() + 30 * 60_000, flow: { enabled: false } });
    const exchange = client(ahead);
    try {
      const raw = await implicit(exchange, 'publicGetApiV1Time')();
      expect(typeof raw).toBe('string');
      expect(Math.abs(Number(raw) - ahead.services.now())).toBeLessThan(5_000);
      // ccxt's answer is its local clock (`safeInteger(response, 0, this.milliseconds())`), 30 minutes behind.
      const time = (await exchange.fetchTime()) ?? 0;
      expect(Math.abs(time - Date.now())).toBeLessThan(5_000);
      expect(Number(raw) - time).toBeGreaterThan(29 * 60_000);
    } finally {
      await exchange.close();
      await ahead.close();
    }
  });
});

/** Resolves once the wall clock has moved to a later millisecond, with that millisecond. */
async function nextMillisecond(): Promise<number> {
  const start = Date.now();
  return until(() => (Date.now() > start ? Date.now() : undefined), 'the next millisecond');
}
