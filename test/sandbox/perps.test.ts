import { describe, expect, it } from 'vitest';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { createHarness } from './tradingHarness.ts';

const PERP = 'SOL_USDC_PERP';

describe('perpetual futures', () => {
  it('opens and closes positions with exact realized PnL, fees in USDC and conserved cash', () => {
    const h = createHarness();
    const long = h.account({ USDC: '10000' });
    const short = h.account({ USDC: '10000' });
    h.place(short, { symbol: PERP, side: 'Ask', price: '150', quantity: '1' });
    expect(h.balance(short, 'USDC')).toEqual({ available: '9985', locked: '15' });
    h.place(long, { symbol: PERP, side: 'Bid', orderType: 'Market', quantity: '1' });

    const [position] = h.engine.accounts.positions(long);
    expect(position).toMatchObject({
      symbol: PERP,
      netQuantity: '1',
      netCost: '150',
      entryPrice: '150',
      breakEvenPrice: '150.075',
      markPrice: '150',
      pnlUnrealized: '0',
      pnlRealized: '0',
      cumulativeFundingPayment: '0',
      userId: long,
      imfFunction: { type: 'sqrt', base: '0.02', factor: '0.0000935' },
    });
    expect(h.engine.accounts.positions(short)[0]).toMatchObject({
      netQuantity: '-1',
      netCost: '-150',
      entryPrice: '150',
    });
    expect(h.balance(short, 'USDC')).toEqual({ available: '9999.97', locked: '0' });
    const opened = h.sink.privateFor(long, 'account.positionUpdate');
    expect(opened[0]).toMatchObject({ e: 'positionOpened', s: PERP, q: '1', B: '150', M: '150', l: '0' });
    expect(typeof opened[0]!.i).toBe('number');
    expect(h.engine.positionSnapshot(long)[0]).not.toHaveProperty('e');

    h.place(short, { symbol: PERP, side: 'Bid', price: '160', quantity: '1' });
    h.place(long, { symbol: PERP, side: 'Ask', orderType: 'Market', quantity: '1' });
    expect(h.engine.accounts.positions(long)).toEqual([]);
    expect(h.balance(long, 'USDC')).toEqual({ available: '10009.845', locked: '0' });
    expect(h.balance(short, 'USDC')).toEqual({ available: '9989.938', locked: '0' });
    expect(D.toString(h.ledger.total('USDC') + h.ledger.houseBalance('USDC'))).toBe('20000');
    expect(h.sink.privateFor(long, 'account.positionUpdate').at(-1)).toMatchObject({ e: 'positionClosed', q: '0' });

    const history = h.engine.accounts.positionHistory(long, {}).map((row) => row.row);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      state: 'Closed',
      closingPrice: '160',
      cumulativePnlRealized: '10',
      closedVolume: '1',
      fees: '0.155',
    });
    const settlements = h.engine.accounts.settlements(short, {}).map((row) => row.row);
    expect(settlements).toMatchObject([{ source: 'RealizePnl', quantity: '-10', userId: short }]);
  });

  it('flips a position through zero and keeps reduce-only orders from growing it', () => {
    const h = createHarness();
    const trader = h.account({ USDC: '10000' });
    const maker = h.account({ USDC: '10000' });
    const flat = h.place(trader, { symbol: PERP, side: 'Ask', price: '150', quantity: '1', reduceOnly: true });
    expect(flat.status).toBe('Expired');
    expect(h.engine.accounts.orderHistory(trader, {})[0]!.row.expiryReason).toBe('ReduceOnlyNotReduced');

    h.place(maker, { symbol: PERP, side: 'Ask', price: '150', quantity: '1' });
    h.place(trader, { symbol: PERP, side: 'Bid', price: '150', quantity: '1' });
    h.place(maker, { symbol: PERP, side: 'Bid', price: '149', quantity: '5' });
    const clamped = h.place(trader, {
      symbol: PERP,
      side: 'Ask',
      orderType: 'Market',
      quantity: '3',
      reduceOnly: true,
    });
    expect(clamped).toMatchObject({ status: 'Filled', quantity: '1', executedQuantity: '1', reduceOnly: true });
    expect(h.engine.accounts.positions(trader)).toEqual([]);

    h.place(trader, { symbol: PERP, side: 'Ask', orderType: 'Market', quantity: '1' });
    h.place(maker, { symbol: PERP, side: 'Ask', price: '151', quantity: '3' });
    h.place(trader, { symbol: PERP, side: 'Bid', orderType: 'Market', quantity: '3' });
    const [flipped] = h.engine.accounts.positions(trader);
    expect(flipped).toMatchObject({ netQuantity: '2', entryPrice: '151' });
    expect(h.engine.accounts.positionHistory(trader, {}).map((row) => row.row.state)).toEqual([
      'Closed',
      'Closed',
      'Open',
    ]);

    // A resting reduce-only order larger than the position is shrunk when the position shrinks.
    const resting = h.place(trader, { symbol: PERP, side: 'Ask', price: '155', quantity: '2', reduceOnly: true });
    h.place(maker, { symbol: PERP, side: 'Bid', price: '150', quantity: '1' });
    h.place(trader, { symbol: PERP, side: 'Ask', orderType: 'Market', quantity: '1' });
    expect(h.engine.getOrder(trader, PERP, { orderId: resting.id })).toMatchObject({ quantity: '1' });
    expect(h.sink.privateFor(trader, 'account.orderUpdate').some((message) => message.e === 'orderModified')).toBe(
      true,
    );
  });

  it('settles funding at the interval boundary: longs pay shorts when the rate is positive', () => {
    const h = createHarness();
    const long = h.account({ USDC: '10000' });
    const short = h.account({ USDC: '10000' });
    h.place(short, { symbol: PERP, side: 'Ask', price: '150', quantity: '2' });
    h.place(long, { symbol: PERP, side: 'Bid', orderType: 'Market', quantity: '2' });
    const before = { long: h.ledger.balance(long, 'USDC').available, short: h.ledger.balance(short, 'USDC').available };
    h.engine.tick();
    expect(h.engine.marketData.markPrices(PERP)[0]).toMatchObject({
      markPrice: '150',
      indexPrice: '150',
      fundingRate: '0.0000125',
    });
    h.advance(3_600_000);
    h.engine.tick();
    expect(h.ledger.balance(long, 'USDC').available - before.long).toBe(D.parse('-0.00375'));
    expect(h.ledger.balance(short, 'USDC').available - before.short).toBe(D.parse('0.00375'));
    const payments = h.engine.accounts.fundingPayments(long, {}).map((row) => row.row);
    expect(payments).toEqual([
      {
        fundingRate: '0.0000125',
        intervalEndTimestamp: '2026-01-05T13:00:00',
        quantity: '-0.00375',
        subaccountId: null,
        symbol: PERP,
        userId: long,
      },
    ]);
    expect(h.engine.accounts.positions(long)[0]!.cumulativeFundingPayment).toBe('-0.00375');
    expect(h.engine.marketData.fundingRates(PERP).map((row) => row.row)).toEqual([
      { symbol: PERP, intervalEndTimestamp: '2026-01-05T13:00:00', fundingRate: '0.0000125' },
    ]);
    expect(h.engine.marketData.openInterest(PERP)[0]).toMatchObject({ openInterest: '2' });
    expect(h.sink.on(`markPrice.${PERP}`).at(-1)).toMatchObject({
      e: 'markPrice',
      p: '150',
      i: '150',
      f: '0.0000125',
      n: Date.UTC(2026, 0, 5, 14),
    });
  });
});

describe('trigger orders', () => {
  it('places a stop order that fires on the last price and then trades', () => {
    const h = createHarness();
    const trader = h.account({ SOL: '5' });
    const maker = h.account({ USDC: '10000', SOL: '10' });
    const stop = h.place(trader, { side: 'Ask', orderType: 'Market', triggerPrice: '95', triggerQuantity: '2' });
    expect(stop).toMatchObject({
      status: 'TriggerPending',
      triggerPrice: '95',
      triggerQuantity: '2',
      triggerBy: 'LastPrice',
      quantity: null,
    });
    expect(h.balance(trader, 'SOL')).toEqual({ available: '5', locked: '0' });
    expect(h.sink.privateFor(trader, 'account.orderUpdate')[0]).toMatchObject({
      e: 'triggerPlaced',
      X: 'TriggerPending',
      q: '0',
      Q: '0',
      P: '95.00',
      B: 'LastPrice',
      Y: '2',
    });

    const other = h.account({ USDC: '10000', SOL: '10' });
    h.place(maker, { side: 'Bid', price: '94', quantity: '5' });
    h.place(maker, { side: 'Ask', price: '100', quantity: '1' });
    h.place(other, { side: 'Bid', price: '100', quantity: '1' });
    expect(h.engine.openOrders(trader)).toHaveLength(1);
    h.place(other, { side: 'Ask', price: '94', quantity: '1' });
    const fired = h.engine.accounts.orderHistory(trader, {})[0]!.row;
    expect(fired).toMatchObject({ id: stop.id, status: 'Filled', executedQuantity: '2' });
    expect(h.balance(trader, 'SOL')).toEqual({ available: '3', locked: '0' });
    const events = h.sink.privateFor(trader, 'account.orderUpdate').map((message) => message.e);
    expect(events).toEqual(['triggerPlaced', 'orderAccepted', 'orderFill']);
  });

  it('creates take-profit and stop-loss children when the parent fills; one cancels the other', () => {
    const h = createHarness();
    const trader = h.account({ USDC: '10000' });
    const maker = h.account({ USDC: '10000' });
    h.place(maker, { symbol: PERP, side: 'Ask', price: '150', quantity: '1' });
    const parent = h.place(trader, {
      symbol: PERP,
      side: 'Bid',
      price: '150',
      quantity: '1',
      takeProfitTriggerPrice: '170',
      stopLossTriggerPrice: '140',
      stopLossLimitPrice: '139',
    });
    expect(parent).toMatchObject({
      status: 'Filled',
      takeProfitTriggerPrice: '170',
      stopLossTriggerPrice: '140',
      stopLossLimitPrice: '139',
    });
    const children = h.engine.openOrders(trader);
    expect(
      children.map((order) => [
        order.orderType,
        order.side,
        order.triggerPrice,
        order.triggerQuantity,
        order.relatedOrderId,
        order.reduceOnly,
      ]),
    ).toEqual([
      ['Market', 'Ask', '170', '1', parent.id, true],
      ['Limit', 'Ask', '140', '1', parent.id, true],
    ]);

    h.place(maker, { symbol: PERP, side: 'Bid', price: '170', quantity: '2' });
    const other = h.account({ USDC: '10000' });
    h.place(other, { symbol: PERP, side: 'Ask', orderType: 'Market', quantity: '1' });
    expect(h.engine.accounts.positions(trader)).toEqual([]);
    const rows = h.engine.accounts.orderHistory(trader, {}).map((row) => row.row.status);
    expect(rows).toEqual(['Filled', 'Filled', 'Cancelled']);
  });

  it('fires mark-price triggers from tick() when the index moves', () => {
    const h = createHarness();
    const trader = h.account({ USDC: '10000' });
    const spot = h.account({ USDC: '10000', SOL: '10' });
    const trigger = h.place(trader, {
      symbol: PERP,
      side: 'Bid',
      price: '158',
      quantity: '1',
      triggerPrice: '155',
      triggerQuantity: '1',
      triggerBy: 'MarkPrice',
    });
    h.engine.tick();
    expect(h.engine.getOrder(trader, PERP, { orderId: trigger.id }).status).toBe('TriggerPending');
    const buyer = h.account({ USDC: '10000' });
    h.place(spot, { side: 'Ask', price: '156', quantity: '1' });
    h.place(buyer, { side: 'Bid', price: '156', quantity: '1' });
    h.advance(250);
    h.engine.tick();
    const order = h.engine.getOrder(trader, PERP, { orderId: trigger.id });
    expect(order).toMatchObject({ status: 'New', quantity: '1', price: '158' });
    expect(order.triggeredAt).toBe(h.now());
  });
});
