// The example operations (schema/operations/) through their generated TypedDocumentNodes, over HTTP against the
// gateway signed as the sandbox's demo account; values are compared with the sandbox's own REST answers and state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BalancesDocument,
  CancelOrderDocument,
  DashboardDocument,
  ExecuteOrderDocument,
  FillsDocument,
  KlinesDocument,
  OpenOrdersDocument,
  OrderBookDocument,
  PositionsDocument,
  RequestWithdrawalDocument,
  WithdrawalsDocument,
  type ExecuteOrderMutation,
} from '../../src/generated/graphql.ts';
import { ACCOUNT_FUNDING } from '../../src/sandbox/accounts.ts';
import { addDecimals } from '../../src/schema/validation/decimal.ts';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gqlData as run } from '../support/gql.ts';

let env: TestGateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 13, flow: { enabled: false } } });
});

afterAll(async () => {
  await env?.close();
});

interface WireMarket {
  symbol: string;
  baseSymbol: string;
  marketType: string;
}
interface WireTicker {
  symbol: string;
  lastPrice: string;
  volume: string;
  quoteVolume: string;
}
interface WireMarkPrice {
  symbol: string;
  markPrice: string;
  fundingRate: string | null;
}
interface WireKline {
  start: string;
  end: string;
  open: string | null;
  close: string | null;
  volume: string;
  trades: string;
}

/** Wire times are naive UTC (`2026-09-01 17:34:00`); GraphQL ones are ISO-8601 ending in Z. */
const wireMs = (naive: string): number => Date.parse(`${naive.replace(' ', 'T')}Z`);

type ExecuteOrderResult = NonNullable<ExecuteOrderMutation['executeOrder']>;
function placedOrder(
  result: ExecuteOrderResult | null,
): Extract<ExecuteOrderResult, { __typename: 'ExecuteOrderSuccess' }>['order'] {
  if (result?.__typename !== 'ExecuteOrderSuccess') throw new Error(`order not placed: ${JSON.stringify(result)}`);
  return result.order;
}

describe('the dashboard operations', () => {
  it('Dashboard: every spot and perp market with the ticker, mark price and base asset that REST reports', async () => {
    const data = await run(env.gateway, DashboardDocument, { marketTypes: ['SPOT', 'PERP'] });
    const { sandbox } = env;
    const markets = await restGet<WireMarket[]>(sandbox, '/api/v1/markets');
    const tickers = await restGet<WireTicker[]>(sandbox, '/api/v1/tickers');
    const marks = [
      ...(await restGet<WireMarkPrice[]>(sandbox, '/api/v1/markPrices')),
      ...(await restGet<WireMarkPrice[]>(sandbox, '/api/v1/markPrices?marketType=SPOT')),
    ];
    const assets = await restGet<{ symbol: string; displayName: string }[]>(sandbox, '/api/v1/assets');

    const rows = data.markets ?? [];
    expect(rows.map((m) => m.symbol).sort()).toEqual(markets.map((m) => m.symbol).sort());
    for (const market of rows) {
      const wire = markets.find((m) => m.symbol === market.symbol);
      expect(market.marketType).toBe(wire?.marketType);
      expect(market.baseAsset?.symbol).toBe(wire?.baseSymbol);
      expect(market.baseAsset?.displayName).toBe(assets.find((a) => a.symbol === wire?.baseSymbol)?.displayName);
      const ticker = tickers.find((t) => t.symbol === market.symbol);
      // A market without ticker data on the exchange has a null ticker.
      expect(
        market.ticker && {
          lastPrice: market.ticker.lastPrice,
          volume: market.ticker.volume,
          quoteVolume: market.ticker.quoteVolume,
        },
      ).toEqual(
        ticker ? { lastPrice: ticker.lastPrice, volume: ticker.volume, quoteVolume: ticker.quoteVolume } : null,
      );
      const mark = marks.find((m) => m.symbol === market.symbol);
      expect(market.markPrice?.markPrice).toBe(mark?.markPrice);
      expect(market.markPrice?.fundingRate ?? null).toBe(mark?.fundingRate ?? null);
    }
    expect(rows.some((m) => m.marketType === 'PERP' && m.markPrice?.fundingRate != null)).toBe(true);
    expect(rows.filter((m) => m.ticker !== null).length).toBeGreaterThan(0);
  });

  it('OrderBook: the same levels as REST /depth, bids best-first', async () => {
    const wire = await restGet<{ asks: [string, string][]; bids: [string, string][]; lastUpdateId: string }>(
      env.sandbox,
      '/api/v1/depth?symbol=SOL_USDC&limit=5',
    );
    const data = await run(env.gateway, OrderBookDocument, { symbol: 'SOL_USDC', limit: 5 });
    expect(data.orderBook?.symbol).toBe('SOL_USDC');
    expect(data.orderBook?.lastUpdateId).toBe(wire.lastUpdateId);
    expect(data.orderBook?.bids).toEqual(
      [...wire.bids]
        .reverse()
        .slice(0, 5)
        .map(([price, quantity]) => ({ price, quantity })),
    );
    expect(data.orderBook?.asks).toEqual(wire.asks.slice(0, 5).map(([price, quantity]) => ({ price, quantity })));
  });

  it('Klines: the candles of REST /klines, with ISO times', async () => {
    const fromSeconds = Math.floor(Date.now() / 1000) - 6 * 3600;
    const wire = await restGet<WireKline[]>(
      env.sandbox,
      `/api/v1/klines?symbol=SOL_USDC&interval=1h&startTime=${fromSeconds}`,
    );
    const data = await run(env.gateway, KlinesDocument, {
      symbol: 'SOL_USDC',
      interval: 'ONE_HOUR',
      from: fromSeconds * 1000,
    });
    expect(wire.length).toBeGreaterThan(0);
    expect(
      (data.klines ?? []).map((k) => ({
        start: Date.parse(k.start ?? ''),
        end: Date.parse(k.end ?? ''),
        open: k.open,
        close: k.close,
        volume: k.volume,
        trades: k.trades,
      })),
    ).toEqual(
      wire.map((k) => ({
        start: wireMs(k.start),
        end: wireMs(k.end),
        open: k.open,
        close: k.close,
        volume: k.volume,
        trades: Number(k.trades),
      })),
    );
  });
});

describe('the account and trading operations', () => {
  it('Balances: the demo account starts with its sandbox funding, nothing locked', async () => {
    const data = await run(env.gateway, BalancesDocument);
    const funding = ACCOUNT_FUNDING['demo'] ?? {};
    const balances = data.account?.balances ?? [];
    for (const [symbol, quantity] of Object.entries(funding)) {
      expect(balances).toContainEqual({ symbol, available: quantity, locked: '0', staked: '0', total: quantity });
    }
  });

  it('ExecuteOrder places a limit order that OpenOrders lists; CancelOrder removes it and a second cancel is OrderNotFound', async () => {
    const placed = await run(env.gateway, ExecuteOrderDocument, {
      input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '120.5', quantity: '2', clientId: '9001' },
    });
    const order = placedOrder(placed.executeOrder);
    expect(order).toMatchObject({
      clientId: '9001',
      symbol: 'SOL_USDC',
      side: 'BID',
      orderType: 'LIMIT',
      status: 'NEW',
      price: '120.5',
      quantity: '2',
      executedQuantity: '0',
      fills: [],
    });

    const open = await run(env.gateway, OpenOrdersDocument, { symbol: 'SOL_USDC' });
    const { fills: _fills, ...fields } = order;
    expect(open.account?.openOrders).toContainEqual(fields);
    const balances = await run(env.gateway, BalancesDocument);
    expect(balances.account?.balances?.find((b) => b.symbol === 'USDC')?.locked).toBe('241');

    const cancelled = await run(env.gateway, CancelOrderDocument, { input: { symbol: 'SOL_USDC', clientId: '9001' } });
    expect(cancelled.cancelOrder).toMatchObject({
      __typename: 'CancelOrderSuccess',
      order: { id: order.id, status: 'CANCELLED' },
    });
    const after = await run(env.gateway, OpenOrdersDocument, { symbol: 'SOL_USDC' });
    expect(after.account?.openOrders?.map((o) => o.id)).not.toContain(order.id);

    const again = await run(env.gateway, CancelOrderDocument, { input: { symbol: 'SOL_USDC', id: order.id } });
    expect(again.cancelOrder?.__typename).toBe('OrderNotFound');
  });

  it('ExecuteOrder answers InvalidOrder naming the field for a price off the tick size', async () => {
    const data = await run(env.gateway, ExecuteOrderDocument, {
      input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: '120.505', quantity: '1' },
    });
    expect(data.executeOrder).toMatchObject({ __typename: 'InvalidOrder', field: 'price' });
  });

  it("Fills: a market order's fills, in one page, equal to the fills the order came back with", async () => {
    const placed = await run(env.gateway, ExecuteOrderDocument, {
      input: { symbol: 'SOL_USDC', side: 'ASK', orderType: 'MARKET', quantity: '0.75' },
    });
    const order = placedOrder(placed.executeOrder);
    expect(order).toMatchObject({ status: 'FILLED', executedQuantity: '0.75' });
    expect(addDecimals(...(order.fills ?? []).map((f) => f.quantity ?? '0'))).toBe('0.75');

    const data = await run(env.gateway, FillsDocument, { symbol: 'SOL_USDC', limit: 50, offset: 0 });
    const page = data.account?.fills;
    expect(page?.pageInfo).toEqual({ limit: 50, offset: 0, hasNextPage: false });
    const mine = (page?.items ?? []).filter((f) => f.orderId === order.id);
    expect(
      mine
        .map((f) => ({ price: f.price, quantity: f.quantity, fee: f.fee, feeSymbol: f.feeSymbol }))
        .sort((a, b) => (a.price ?? '').localeCompare(b.price ?? '')),
    ).toEqual((order.fills ?? []).map((f) => ({ ...f })).sort((a, b) => (a.price ?? '').localeCompare(b.price ?? '')));
    for (const fill of mine) expect(fill).toMatchObject({ symbol: 'SOL_USDC', side: 'ASK', isMaker: false });
  });

  it('Positions: a perp market buy shows as a position equal to the signed REST /position answer', async () => {
    const placed = await run(env.gateway, ExecuteOrderDocument, {
      input: { symbol: 'SOL_USDC_PERP', side: 'BID', orderType: 'MARKET', quantity: '0.5' },
    });
    expect(placedOrder(placed.executeOrder).status).toBe('FILLED');
    // The buy moved the book, so the next engine tick (every 250 ms) moves the mark once; run it now, or the two
    // reads below can straddle it under load. With the flow disabled the mark then stays put.
    env.sandbox.services.engine.tick();
    const data = await run(env.gateway, PositionsDocument, { symbol: 'SOL_USDC_PERP' });
    const wire = await env.rest.call('getPositions', { symbol: 'SOL_USDC_PERP' });
    expect(wire).toHaveLength(1);
    const [position] = wire;
    expect(data.account?.positions).toEqual([
      {
        id: position?.positionId,
        symbol: 'SOL_USDC_PERP',
        netQuantity: '0.5',
        entryPrice: position?.entryPrice,
        positionMarkPrice: position?.markPrice,
        pnlUnrealized: position?.pnlUnrealized,
        estLiquidationPrice: position?.estLiquidationPrice,
      },
    ]);
  });

  it('RequestWithdrawal then Withdrawals: the request is listed, and USDC drops by quantity plus fee', async () => {
    const before = (await run(env.gateway, BalancesDocument)).account?.balances?.find((b) => b.symbol === 'USDC');
    const data = await run(env.gateway, RequestWithdrawalDocument, {
      input: {
        asset: 'USDC',
        quantity: '40',
        blockchain: 'SOLANA',
        address: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
        clientId: 'ops-1',
      },
    });
    if (data.requestWithdrawal?.__typename !== 'RequestWithdrawalSuccess')
      throw new Error(JSON.stringify(data.requestWithdrawal));
    const { id, fee } = data.requestWithdrawal.withdrawal;

    const list = await run(env.gateway, WithdrawalsDocument, { limit: 10 });
    expect(list.account?.withdrawals?.items).toContainEqual(
      expect.objectContaining({
        id,
        clientId: 'ops-1',
        symbol: 'USDC',
        quantity: '40',
        fee,
        blockchain: 'SOLANA',
        toAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
      }),
    );
    const after = (await run(env.gateway, BalancesDocument)).account?.balances?.find((b) => b.symbol === 'USDC');
    expect(addDecimals(after?.available ?? '0', '40', fee ?? '0')).toBe(before?.available);
  });
});
