import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../src/sandbox/engine/errors.ts';
import { createHarness } from './tradingHarness.ts';

function rejection(fn: () => unknown): { code: string | null; message: string; status: number } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return { code: error.code, message: error.message, status: error.status };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('matching engine (spot)', () => {
  it('fills in price-time priority with partial fills and releases price improvement', () => {
    const h = createHarness();
    const a = h.account({ SOL: '10' });
    const b = h.account({ SOL: '10' });
    const c = h.account({ SOL: '10' });
    const taker = h.account({ USDC: '1000' });
    const first = h.place(a, { side: 'Ask', price: '100', quantity: '1' });
    const second = h.place(b, { side: 'Ask', price: '100', quantity: '1' });
    const better = h.place(c, { side: 'Ask', price: '99', quantity: '1' });
    expect(h.balance(a, 'SOL')).toEqual({ available: '9', locked: '1' });

    const order = h.place(taker, { side: 'Bid', price: '100', quantity: '2.5' });
    expect(order.status).toBe('Filled');
    expect(order.executedQuantity).toBe('2.5');
    expect(order.executedQuoteQuantity).toBe('249');
    expect(h.engine.openOrders(a)).toEqual([]);
    expect(h.engine.openOrders(c)).toEqual([]);
    const resting = h.engine.getOrder(b, 'SOL_USDC', { orderId: second.id });
    expect(resting).toMatchObject({ status: 'PartiallyFilled', executedQuantity: '0.5', quantity: '1' });
    // The better price traded first, then the earlier of the two orders at 100.
    expect(h.engine.accounts.orderHistory(c, {})[0]!.row).toMatchObject({ id: better.id, status: 'Filled' });
    expect(h.engine.accounts.orderHistory(a, {})[0]!.row).toMatchObject({ id: first.id, status: 'Filled' });

    // Spent 99 + 100 + 50 quote; the 1 USDC of price improvement came back; taker fee 10 bps in SOL.
    expect(h.balance(taker, 'USDC')).toEqual({ available: '751', locked: '0' });
    expect(h.balance(taker, 'SOL')).toEqual({ available: '2.4975', locked: '0' });
    // Makers receive USDC minus the 8 bps maker fee.
    expect(h.balance(c, 'USDC').available).toBe('98.9208');
    expect(h.balance(b, 'SOL')).toEqual({ available: '9', locked: '0.5' });
    expect(h.ledger.houseBalance('SOL')).toBe(2_500_000_000_000_000n);

    const trades = h.engine.marketData.recentTrades('SOL_USDC', 10);
    expect(trades.map((trade) => [trade.price, trade.quantity, trade.isBuyerMaker])).toEqual([
      ['100', '0.5', false],
      ['100', '1', false],
      ['99', '1', false],
    ]);
    expect(trades[0]!.id).toBe(trades[2]!.id! + 2);
  });

  it('locks funds for a resting order and restores them on cancel', () => {
    const h = createHarness();
    const buyer = h.account({ USDC: '500' });
    const order = h.place(buyer, { side: 'Bid', price: '120.5', quantity: '2', clientId: 77 });
    expect(order).toMatchObject({
      status: 'New',
      orderType: 'Limit',
      price: '120.5',
      quantity: '2',
      clientId: 77,
      reduceOnly: null,
    });
    expect(h.balance(buyer, 'USDC')).toEqual({ available: '259', locked: '241' });
    expect(h.engine.getOrder(buyer, 'SOL_USDC', { clientId: 77 }).id).toBe(order.id);

    const cancelled = h.engine.cancelOrder(buyer, 'SOL_USDC', { clientId: 77 });
    expect(cancelled.status).toBe('Cancelled');
    expect(h.balance(buyer, 'USDC')).toEqual({ available: '500', locked: '0' });
    const updates = h.sink.privateFor(buyer, 'account.orderUpdate').map((message) => message.e);
    expect(updates).toEqual(['orderAccepted', 'orderCancelled']);
    const balanceUpdates = h.sink.privateFor(buyer, 'account.balanceUpdate');
    expect(balanceUpdates.at(-1)).toMatchObject({ e: 'balanceUpdate', a: 'USDC', A: '500', L: '0', S: '0' });
    expect(rejection(() => h.engine.getOrder(buyer, 'SOL_USDC', { orderId: order.id }))).toEqual({
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
      message: 'Order not found',
    });
    expect(rejection(() => h.engine.cancelOrder(buyer, 'SOL_USDC', { orderId: order.id })).message).toBe(
      'Order not found',
    );
    const history = h.engine.accounts.orderHistory(buyer, {});
    expect(history[0]!.row).toMatchObject({ id: order.id, status: 'Cancelled', expiryReason: null });
    expect(history[0]!.row.createdAt).toBe('2026-01-05T12:00:00.000');
  });

  it('expires IOC remainders, kills unfillable FOK orders and rejects crossing postOnly orders', () => {
    const h = createHarness();
    const maker = h.account({ SOL: '10' });
    const taker = h.account({ USDC: '1000' });
    h.place(maker, { side: 'Ask', price: '100', quantity: '1' });

    const ioc = h.place(taker, { side: 'Bid', price: '100', quantity: '1.5', timeInForce: 'IOC' });
    expect(ioc).toMatchObject({ status: 'Expired', executedQuantity: '1' });
    expect(h.engine.accounts.orderHistory(taker, {})[0]!.row.expiryReason).toBe('ImmediateOrCancel');
    expect(h.balance(taker, 'USDC')).toEqual({ available: '900', locked: '0' });

    h.place(maker, { side: 'Ask', price: '101', quantity: '1' });
    const fok = h.place(taker, { side: 'Bid', price: '101', quantity: '2', timeInForce: 'FOK' });
    expect(fok).toMatchObject({ status: 'Expired', executedQuantity: '0' });
    expect(h.engine.accounts.orderHistory(taker, {}).at(-1)!.row.expiryReason).toBe('FillOrKill');
    expect(h.place(taker, { side: 'Bid', price: '101', quantity: '1', timeInForce: 'FOK' }).status).toBe('Filled');

    h.place(maker, { side: 'Ask', price: '102', quantity: '1' });
    const postOnly = h.place(taker, { side: 'Bid', price: '102', quantity: '1', postOnly: true });
    expect(postOnly.status).toBe('Expired');
    const expired = h.sink.privateFor(taker, 'account.orderUpdate').at(-1)!;
    expect(expired).toMatchObject({ e: 'orderExpired', R: 'POST_ONLY_TAKER', X: 'Expired', o: 'LIMIT', y: true });
    expect(h.place(taker, { side: 'Bid', price: '101.99', quantity: '1', postOnly: true }).status).toBe('New');
  });

  it('applies each self-trade-prevention mode', () => {
    const h = createHarness();
    const self = h.account({ SOL: '10', USDC: '1000' });
    const other = h.account({ SOL: '10' });

    const own = h.place(self, { side: 'Ask', price: '100', quantity: '1' });
    const taker = h.place(self, { side: 'Bid', price: '100', quantity: '1' });
    expect(taker.status).toBe('Expired');
    expect(h.engine.getOrder(self, 'SOL_USDC', { orderId: own.id }).status).toBe('New');

    h.place(other, { side: 'Ask', price: '100', quantity: '1' });
    const rejectMaker = h.place(self, { side: 'Bid', price: '100', quantity: '1', selfTradePrevention: 'RejectMaker' });
    expect(rejectMaker.status).toBe('Filled');
    expect(h.engine.accounts.orderHistory(self, {}).find((row) => row.row.id === own.id)!.row).toMatchObject({
      status: 'Expired',
      expiryReason: 'SelfTradePrevention',
    });

    const own2 = h.place(self, { side: 'Ask', price: '101', quantity: '1' });
    const both = h.place(self, { side: 'Bid', price: '101', quantity: '1', selfTradePrevention: 'RejectBoth' });
    expect(both.status).toBe('Expired');
    expect(h.engine.accounts.orderHistory(self, {}).find((row) => row.row.id === own2.id)!.row.status).toBe('Expired');
    expect(h.engine.openOrders(self)).toEqual([]);
    expect(h.balance(self, 'SOL')).toEqual({ available: '10.999', locked: '0' });

    const own3 = h.place(self, { side: 'Ask', price: '102', quantity: '1' });
    const allowed = h.place(self, { side: 'Bid', price: '102', quantity: '1', selfTradePrevention: 'Allow' });
    expect(allowed.status).toBe('Filled');
    expect(h.engine.accounts.orderHistory(self, {}).find((row) => row.row.id === own3.id)!.row.status).toBe('Filled');
  });

  it('sizes market orders by quantity or by quote quantity and charges fees in the received asset', () => {
    const h = createHarness();
    const maker = h.account({ SOL: '10', USDC: '1000' });
    const taker = h.account({ USDC: '1000', SOL: '5' });
    h.place(maker, { side: 'Ask', price: '100', quantity: '1' });
    h.place(maker, { side: 'Ask', price: '101', quantity: '1' });

    const byQuote = h.place(taker, { side: 'Bid', orderType: 'Market', quoteQuantity: '150' });
    expect(byQuote).toMatchObject({
      orderType: 'Market',
      status: 'Filled',
      executedQuantity: '1.49',
      executedQuoteQuantity: '149.49',
      quantity: null,
      quoteQuantity: '150',
    });
    expect(h.balance(taker, 'USDC')).toEqual({ available: '850.51', locked: '0' });
    expect(h.balance(taker, 'SOL').available).toBe('6.48851');

    h.place(maker, { side: 'Bid', price: '99', quantity: '2' });
    const sell = h.place(taker, { side: 'Ask', orderType: 'Market', quantity: '1' });
    expect(sell).toMatchObject({ status: 'Filled', executedQuoteQuantity: '99' });
    expect(h.balance(taker, 'USDC').available).toBe('949.411');
    const fills = h.engine.accounts.fills(taker, {}).map((row) => row.row);
    expect(fills.map((fill) => [fill.side, fill.feeSymbol, fill.fee, fill.isMaker])).toEqual([
      ['Bid', 'SOL', '0.001', false],
      ['Bid', 'SOL', '0.00049', false],
      ['Ask', 'USDC', '0.099', false],
    ]);
    expect(fills[0]!.timestamp).toBe('2026-01-05T12:00:00.000');
    const fillEvent = h.sink.privateFor(taker, 'account.orderUpdate').find((message) => message.e === 'orderFill')!;
    expect(fillEvent).toMatchObject({ o: 'MARKET', N: 'SOL', n: '0.001', l: '1.00', L: '100.00', m: false, O: 'USER' });

    const empty = h.place(taker, { side: 'Bid', orderType: 'Market', quantity: '100' });
    expect(empty.status).toBe('Expired');
    expect(h.balance(taker, 'USDC').locked).toBe('0');
  });

  it('rejects invalid orders with the exchange codes and messages', () => {
    const h = createHarness();
    const trader = h.account({ USDC: '100' });
    const cases: [Record<string, unknown>, string | null, string][] = [
      [
        { symbol: 'NOPE_USDC', side: 'Bid', price: '1', quantity: '1' },
        'INVALID_CLIENT_REQUEST',
        'Invalid market symbol',
      ],
      [{ side: 'Bid', price: '1.001', quantity: '1' }, 'INVALID_CLIENT_REQUEST', 'Price decimal too long'],
      [{ side: 'Bid', price: '1', quantity: '1.001' }, 'INVALID_CLIENT_REQUEST', 'Quantity decimal too long'],
      [{ side: 'Bid', price: '1', quantity: '0' }, 'INVALID_QUANTITY', 'Quantity must be positive'],
      [{ side: 'Bid', quantity: '1' }, 'INVALID_CLIENT_REQUEST', 'Price is required for limit orders'],
      [
        { side: 'Bid', orderType: 'Market' },
        'INVALID_CLIENT_REQUEST',
        'Must specify either `quantity` or `quoteQuantity` for market orders',
      ],
      [
        { side: 'Bid', orderType: 'Market', quantity: '1', quoteQuantity: '1' },
        'INVALID_CLIENT_REQUEST',
        'Must specify either `quantity` or `quoteQuantity` for market orders',
      ],
      [
        { side: 'Bid', price: '1', quantity: '1', triggerPrice: '1' },
        'INVALID_CLIENT_REQUEST',
        'Must specify both `triggerPrice` and `triggerQuantity` or neither',
      ],
      [{ side: 'Bid', price: '101', quantity: '1' }, 'INSUFFICIENT_FUNDS', 'Insufficient funds'],
      [
        { side: 'Bid', price: '1', quantity: '1', reduceOnly: true },
        'INVALID_CLIENT_REQUEST',
        'Reduce only is only supported for futures markets',
      ],
      [
        { side: 'Bid', price: '1e2', quantity: '1' },
        null,
        'Bad Request parse request payload error: failed to parse "price" (occurred while parsing "OrderExecutePayload")',
      ],
    ];
    for (const [request, code, message] of cases) {
      const error = rejection(() => h.place(trader, request as never));
      expect({ code: error.code, message: error.message }, JSON.stringify(request)).toEqual({ code, message });
    }
    expect(h.balance(trader, 'USDC')).toEqual({ available: '100', locked: '0' });
    expect(rejection(() => h.engine.getOrder(trader, 'SOL_USDC', {})).message).toBe(
      'Must specify exactly one of `orderId` or `clientId`',
    );

    const seller = h.account({ SOL: '1' });
    h.place(seller, { side: 'Ask', price: '100', quantity: '0.5' });
    h.place(trader, { side: 'Bid', price: '100', quantity: '0.5' });
    expect(rejection(() => h.place(trader, { side: 'Bid', price: '500', quantity: '0.01' }))).toMatchObject({
      code: 'INVALID_PRICE',
      message: 'Price is too far from the last active price',
    });
  });

  it('executes batches item by item and cancels all orders by type', () => {
    const h = createHarness();
    const trader = h.account({ USDC: '1000' });
    const results = h.engine.executeOrders(trader, [
      { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '90', quantity: '1' },
      { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '90.001', quantity: '1' },
      {
        symbol: 'SOL_USDC',
        side: 'Ask',
        orderType: 'Limit',
        price: '200',
        quantity: '1',
        triggerPrice: '95',
        triggerQuantity: '1',
      },
    ]);
    expect(results.map((result) => result.operation)).toEqual(['Ok', 'Err', 'Ok']);
    expect(results[1]).toEqual({ operation: 'Err', code: 'INVALID_CLIENT_REQUEST', message: 'Price decimal too long' });
    expect(results[2]).toMatchObject({ status: 'TriggerPending', triggerPrice: '95', triggerQuantity: '1' });
    expect(h.engine.accounts.summary(trader)).toMatchObject({ limitOrders: 1, triggerOrders: 1, spotTakerFee: '10' });

    const conditional = h.engine.cancelOpenOrders(trader, 'SOL_USDC', 'ConditionalOrder');
    expect(conditional.map((order) => order.status)).toEqual(['Cancelled']);
    expect(h.engine.openOrders(trader).length).toBe(1);
    expect(h.engine.cancelOpenOrders(trader, 'SOL_USDC').length).toBe(1);
    expect(h.engine.cancelOpenOrders(trader, 'SOL_USDC')).toEqual([]);
    expect(h.balance(trader, 'USDC')).toEqual({ available: '1000', locked: '0' });
  });

  it('serves REST depth ascending on both sides with the update id the streams use', () => {
    const h = createHarness();
    const maker = h.account({ SOL: '10', USDC: '1000' });
    h.place(maker, { side: 'Bid', price: '98', quantity: '1' });
    h.place(maker, { side: 'Bid', price: '99', quantity: '2' });
    h.place(maker, { side: 'Ask', price: '101', quantity: '3' });
    h.place(maker, { side: 'Ask', price: '102', quantity: '4' });
    const depth = h.engine.marketData.depth('SOL_USDC', 5);
    expect(depth.bids).toEqual([
      ['98', '1'],
      ['99', '2'],
    ]);
    expect(depth.asks).toEqual([
      ['101', '3'],
      ['102', '4'],
    ]);
    const deltas = h.sink.on('depth.SOL_USDC');
    expect(deltas).toHaveLength(4);
    expect(deltas.at(-1)).toMatchObject({
      e: 'depth',
      a: [['102.00', '4.00']],
      b: [],
      U: Number(depth.lastUpdateId),
      u: Number(depth.lastUpdateId),
    });
    const tickers = h.sink.on('bookTicker.SOL_USDC');
    expect(tickers.at(-1)).toMatchObject({
      b: '99.00',
      B: '2.00',
      a: '101.00',
      A: '3.00',
      u: Number(depth.lastUpdateId) - 1,
    });
    expect(h.engine.marketData.depth('SOL_USDC', 5).timestamp).toBeGreaterThan(h.now() * 1000 - 1);
  });
});
