import { describe, expect, it } from 'vitest';
import type { EndpointName } from '../../src/exchange/endpoints.ts';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { isReply } from '../../src/sandbox/http/handler.ts';
import { SandboxError } from '../../src/sandbox/engine/errors.ts';
import type { Handler, HandlerReply, ParamValue } from '../../src/sandbox/http/handler.ts';
import { marketDataHandlers } from '../../src/sandbox/handlers/marketData.ts';
import { tradingHandlers } from '../../src/sandbox/handlers/trading.ts';
import { createSandboxServices } from '../../src/sandbox/services.ts';
import { RecordingSink, START } from './tradingHarness.ts';

const handlers: Partial<Record<EndpointName, Handler>> = { ...marketDataHandlers, ...tradingHandlers };

function setup() {
  let now = START;
  const sink = new RecordingSink();
  const services = createSandboxServices({ seed: 5, now: () => now, sink });
  const call = (
    name: EndpointName,
    params: Record<string, ParamValue> = {},
    accountId: number | null = null,
    items: Record<string, ParamValue>[] = [],
  ) => {
    const handler = handlers[name];
    if (handler === undefined) throw new Error(`no handler ${name}`);
    return handler({ name, params, items, accountId, now }, services);
  };
  const account = (funds: Record<string, string>): number => {
    const id = services.ledger.createAccount('handler-test');
    for (const [asset, amount] of Object.entries(funds)) services.ledger.credit(id, asset, D.parse(amount));
    return id;
  };
  return { services, sink, call, account, advance: (ms: number) => (now += ms) };
}

function errorOf(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('market data handlers', () => {
  it('lists SPOT and PERP markets by default and other types on request', () => {
    const { call } = setup();
    const markets = call('getMarkets') as { symbol: string; marketType: string }[];
    expect(new Set(markets.map((market) => market.marketType))).toEqual(new Set(['SPOT', 'PERP']));
    expect(markets.map((market) => market.symbol)).toContain('AAPL.US_USDC_PERP');
    const rfq = call('getMarkets', { marketType: ['RFQ', 'PREDICTION'] }) as { symbol: string }[];
    expect(rfq.map((market) => market.symbol)).toEqual(['SOL_USDC_RFQ', 'SOLWP123126A200_USDC']);
    const perp = call('getMarket', { symbol: 'SOL_USDC_PERP' });
    expect(perp).toMatchObject({
      marketType: 'PERP',
      fundingInterval: 3_600_000,
      orderBookState: 'Open',
      filters: { price: { tickSize: '0.01' }, quantity: { stepSize: '0.01', minQuantity: '0.01' } },
      imfFunction: { type: 'sqrt' },
      rwaMarketType: null,
    });
    expect(errorOf(() => call('getMarket', { symbol: 'NOPE' }))).toMatchObject({
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
      message: 'Invalid market symbol',
    });
    const assets = call('getAssets') as { symbol: string; tokens: { blockchain: string }[] }[];
    expect(assets.find((asset) => asset.symbol === 'USDC')!.tokens.map((token) => token.blockchain)).toContain(
      'Solana',
    );
    expect((call('getCollateralParameters') as { symbol: string }[]).map((row) => row.symbol)).toEqual([
      'USDC',
      'USDT',
      'SOL',
      'BTC',
      'ETH',
    ]);
  });

  it('answers 204 for a ticker without data, then rolling tickers, klines and trades from real trades', () => {
    const { call, account, advance, sink, services } = setup();
    expect((call('getTicker', { symbol: 'ETH_USDC' }) as HandlerReply).status).toBe(204);
    const maker = account({ ETH: '10' });
    const taker = account({ USDC: '100000' });
    const trade = (price: string): void => {
      call('executeOrder', { symbol: 'ETH_USDC', side: 'Ask', orderType: 'Limit', price, quantity: '1' }, maker);
      call('executeOrder', { symbol: 'ETH_USDC', side: 'Bid', orderType: 'Market', quantity: '1' }, taker);
    };
    trade('3500');
    advance(30_000);
    trade('3600');
    advance(120_000);
    trade('3430');
    expect(call('getTicker', { symbol: 'ETH_USDC' })).toEqual({
      symbol: 'ETH_USDC',
      firstPrice: '3500',
      lastPrice: '3430',
      priceChange: '-70',
      priceChangePercent: '-0.02',
      high: '3600',
      low: '3430',
      volume: '3',
      quoteVolume: '10530',
      trades: '3',
    });
    expect((call('getTickers') as { symbol: string }[]).map((ticker) => ticker.symbol)).toEqual(['ETH_USDC']);

    const klines = call('getKlines', { symbol: 'ETH_USDC', interval: '1m', startTime: START / 1000 - 600 }) as Record<
      string,
      unknown
    >[];
    expect(klines).toEqual([
      {
        start: '2026-01-05 12:00:00',
        end: '2026-01-05 12:01:00',
        open: '3500',
        high: '3600',
        low: '3500',
        close: '3600',
        volume: '2',
        quoteVolume: '7100',
        trades: '2',
      },
      {
        start: '2026-01-05 12:01:00',
        end: '2026-01-05 12:02:00',
        open: null,
        high: null,
        low: null,
        close: null,
        volume: '0',
        quoteVolume: '0',
        trades: '0',
      },
      {
        start: '2026-01-05 12:02:00',
        end: '2026-01-05 12:03:00',
        open: '3430',
        high: '3430',
        low: '3430',
        close: '3430',
        volume: '1',
        quoteVolume: '3430',
        trades: '1',
      },
    ]);
    const hourly = call('getKlines', { symbol: 'ETH_USDC', interval: '1h', startTime: START / 1000 }) as Record<
      string,
      unknown
    >[];
    expect(hourly).toHaveLength(1);
    expect(hourly[0]).toMatchObject({
      start: '2026-01-05 12:00:00',
      end: '2026-01-05 13:00:00',
      open: '3500',
      close: '3430',
      trades: '3',
    });

    const closed = sink.on('kline.1m.ETH_USDC').filter((message) => message.X === true);
    expect(closed[0]).toMatchObject({
      e: 'kline',
      t: '2026-01-05T12:00:00',
      T: '2026-01-05T12:01:00',
      o: '3500',
      c: '3600',
      n: 2,
      X: true,
    });
    advance(60_000);
    services.engine.tick();
    expect(sink.on('kline.1m.ETH_USDC').at(-1)).toMatchObject({ t: '2026-01-05T12:02:00', X: true });
    expect(sink.on('ticker.ETH_USDC').at(-1)).toMatchObject({
      e: 'ticker',
      o: '3500',
      c: '3430',
      n: 3,
      v: '3',
      V: '10530',
    });

    const trades = call('getRecentTrades', { symbol: 'ETH_USDC', limit: 2 }) as {
      price: string;
      id: number;
      timestamp: number;
    }[];
    expect(trades.map((row) => row.price)).toEqual(['3430', '3600']);
    expect(trades[0]!.timestamp).toBe(START + 150_000);
    const older = call('getHistoricalTrades', { symbol: 'ETH_USDC', limit: 5, offset: 2 }) as { price: string }[];
    expect(older.map((row) => row.price)).toEqual(['3500']);
    expect(errorOf(() => call('getRecentTrades', { symbol: 'ETH_USDC', limit: 5000 })).status).toBe(400);
  });

  it('serves depth, mark prices, open interest and funding rates with the documented shapes', () => {
    const { call, services } = setup();
    const depth = call('getDepth', { symbol: 'SOL_USDC', limit: '5' }) as Record<string, unknown>;
    expect(depth).toMatchObject({ asks: [], bids: [] });
    expect(typeof depth.lastUpdateId).toBe('string');
    expect(errorOf(() => call('getDepth', { symbol: 'NOPE_USDC' })).message).toBe('Invalid market symbol');
    services.markets.setOrderBookState('ETH_USDC', 'Closed');
    expect(errorOf(() => call('getDepth', { symbol: 'ETH_USDC' }))).toMatchObject({
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
      message: 'Not Found',
    });

    const marks = call('getMarkPrices') as { symbol: string; fundingRate: string; nextFundingTimestamp: number }[];
    // Perps only by default, in catalog order.
    expect(marks.map((mark) => mark.symbol)).toEqual([
      'SOL_USDC_PERP',
      'BTC_USDC_PERP',
      'ETH_USDC_PERP',
      'AAPL.US_USDC_PERP',
      'JUP_USDC_PERP',
      'WIF_USDC_PERP',
      'DOGE_USDC_PERP',
      'XRP_USDC_PERP',
      'SUI_USDC_PERP',
      'AVAX_USDC_PERP',
      'kBONK_USDC_PERP',
    ]);
    expect(marks[0]!.nextFundingTimestamp).toBe(START + 3_600_000);
    expect(errorOf(() => call('getMarkPrices', { symbol: 'NOPE' })).message).toBe('Symbol not found');
    const spotMarks = call('getMarkPrices', { marketType: 'SPOT' }) as { indexPrice: unknown }[];
    expect(spotMarks[0]!.indexPrice).toBeNull();
    expect(call('getOpenInterests')).toEqual(call('getOpenInterest'));
    expect(call('getOpenInterest', { symbol: 'BTC_USDC_PERP' })).toEqual([
      { symbol: 'BTC_USDC_PERP', openInterest: '0', timestamp: START },
    ]);
    const rates = call('getFundingIntervalRates', { symbol: 'SOL_USDC_PERP' });
    expect(isReply(rates) && rates.headers).toMatchObject({ 'X-TOTAL': '0', 'X-PAGE-SIZE': '100' });
  });
});

describe('trading handlers', () => {
  it('places, queries and cancels orders and reports balances, account and history with pagination headers', () => {
    const { call, account } = setup();
    const trader = account({ USDC: '1000', SOL: '2' });
    const other = account({ SOL: '5' });
    const order = call(
      'executeOrder',
      { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '100.10', quantity: '2', clientId: 9 },
      trader,
    ) as Record<string, unknown>;
    expect(order).toMatchObject({
      status: 'New',
      price: '100.1',
      clientId: 9,
      selfTradePrevention: 'RejectTaker',
      timeInForce: 'GTC',
      triggerPrice: null,
    });
    expect(call('getBalances', {}, trader)).toEqual({
      USDC: { available: '799.8', locked: '200.2', staked: '0' },
      SOL: { available: '2', locked: '0', staked: '0' },
    });
    expect(call('getOrder', { symbol: 'SOL_USDC', clientId: 9 }, trader)).toEqual(order);
    expect(call('getOpenOrders', { marketType: 'SPOT' }, trader)).toEqual([order]);
    call('executeOrder', { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Market', quantity: '1' }, other);
    const fills = call('getFills', { limit: 1 }, trader) as HandlerReply;
    expect(fills.headers).toMatchObject({
      'X-TOTAL': '1',
      'X-PAGE-COUNT': '1',
      'X-CURRENT-PAGE': '1',
      'X-PAGE-SIZE': '1',
    });
    expect(fills.json).toEqual([
      {
        clientId: '9',
        fee: '0.0008',
        feeSymbol: 'SOL',
        isMaker: true,
        orderId: order.id,
        price: '100.1',
        quantity: '1',
        side: 'Bid',
        symbol: 'SOL_USDC',
        systemOrderType: null,
        timestamp: '2026-01-05T12:00:00.000',
        tradeId: expect.any(Number),
      },
    ]);
    expect((call('getFills', { from: START + 1 }, trader) as HandlerReply).json).toEqual([]);
    const cancelled = call('cancelOrder', { symbol: 'SOL_USDC', orderId: order.id as string }, trader) as Record<
      string,
      unknown
    >;
    expect(cancelled).toMatchObject({ status: 'Cancelled', executedQuantity: '1' });
    const history = call('getOrderHistory', { symbol: 'SOL_USDC' }, trader) as HandlerReply;
    expect(history.json).toMatchObject([
      { id: order.id, status: 'Cancelled', createdAt: '2026-01-05T12:00:00.000', postOnly: false },
    ]);
    expect(call('getAccount', {}, trader)).toMatchObject({
      limitOrders: 0,
      triggerOrders: 0,
      leverageLimit: '10',
      futuresTakerFee: '5',
    });
    const updated = call('updateAccountSettings', { leverageLimit: '20', autoLend: true }, trader) as HandlerReply;
    expect(updated.status).toBe(200);
    expect(updated.json).toBeUndefined();
    expect(call('getAccount', {}, trader)).toMatchObject({ leverageLimit: '20', autoLend: true });
    expect(call('getPnlHistory', {}, trader)).toEqual([]);
    expect(errorOf(() => call('getPositions', { symbol: 'SOL_USDC_PERP' }, trader))).toMatchObject({
      status: 404,
      message: 'Position not found',
    });
    expect(call('getPositions', {}, trader)).toEqual([]);
    expect(call('getMaxOrderQuantity', { symbol: 'SOL_USDC', side: 'Bid', price: '100' }, trader)).toEqual({
      autoBorrow: null,
      autoBorrowRepay: null,
      autoLendRedeem: null,
      maxOrderQuantity: '8.99',
      price: '100',
      reduceOnly: null,
      side: 'Bid',
      symbol: 'SOL_USDC',
    });
    const batch = call('executeOrderBatch', {}, trader, [
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '200', quantity: '1' },
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '200', quantity: '100' },
    ]) as Record<string, unknown>[];
    expect(batch.map((row) => row.operation)).toEqual(['Ok', 'Err']);
    expect(batch[1]).toEqual({ operation: 'Err', code: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' });
    expect(call('cancelOpenOrders', { symbol: 'SOL_USDC', orderType: 'RestingLimitOrder' }, trader)).toMatchObject([
      { status: 'Cancelled' },
    ]);
  });
});
