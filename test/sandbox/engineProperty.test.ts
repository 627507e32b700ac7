import { describe, expect, it } from 'vitest';
import * as D from '../../src/sandbox/engine/decimal.ts';
import type { Decimal } from '../../src/sandbox/engine/decimal.ts';
import type { OrderRequest } from '../../src/sandbox/engine/engine.ts';
import { SandboxError } from '../../src/sandbox/engine/errors.ts';
import { createRandom } from '../../src/sandbox/random.ts';
import type { Random } from '../../src/sandbox/random.ts';
import { createHarness } from './tradingHarness.ts';
import type { Harness } from './tradingHarness.ts';

const MARKETS = [
  { symbol: 'SOL_USDC', mid: 150, tick: '0.01', step: '0.01', maxSteps: 300 },
  { symbol: 'BTC_USDC', mid: 95000, tick: '0.1', step: '0.00001', maxSteps: 3000 },
  { symbol: 'SOL_USDC_PERP', mid: 150, tick: '0.01', step: '0.01', maxSteps: 300 },
] as const;
const ASSETS = ['USDC', 'SOL', 'BTC'] as const;
const FUNDS = { USDC: '200000', SOL: '1000', BTC: '3' };

type Book = Map<Decimal, Decimal>;

function toBook(levels: readonly (readonly [string, string])[]): Book {
  return new Map(levels.map(([price, size]) => [D.parse(price), D.parse(size)]));
}

function snapshot(h: Harness, symbol: string) {
  const depth = h.engine.marketData.depth(symbol, 1_000_000);
  return { id: Number(depth.lastUpdateId), bids: toBook(depth.bids), asks: toBook(depth.asks), raw: depth };
}

/** Applies every recorded `depth` delta with U > id to a copy of the snapshot; checks ids have no gaps. */
function replay(h: Harness, symbol: string, from: ReturnType<typeof snapshot>): { bids: Book; asks: Book; id: number } {
  const bids = new Map(from.bids);
  const asks = new Map(from.asks);
  let last = from.id;
  for (const delta of h.sink.on(`depth.${symbol}`)) {
    const first = delta.U as number;
    if (first <= from.id) continue;
    expect(first).toBe(last + 1);
    expect(delta.u).toBe(first);
    last = delta.u as number;
    for (const [side, book] of [
      ['b', bids],
      ['a', asks],
    ] as const) {
      for (const [price, size] of delta[side] as [string, string][]) {
        const amount = D.parse(size);
        if (amount === 0n) book.delete(D.parse(price));
        else book.set(D.parse(price), amount);
      }
    }
  }
  return { bids, asks, id: last };
}

function randomOrder(random: Random, market: (typeof MARKETS)[number]): OrderRequest {
  const tick = D.parse(market.tick);
  const step = D.parse(market.step);
  const side = random.chance(0.5) ? 'Bid' : 'Ask';
  const offset = BigInt(random.int(-40, 40)) * (market.symbol === 'BTC_USDC' ? 50n : 5n);
  const price = D.toString(D.fromInt(market.mid) + tick * offset);
  const quantity = D.toString(step * BigInt(random.int(1, market.maxSteps)));
  const common = {
    symbol: market.symbol,
    side,
    selfTradePrevention: random.pick(['RejectTaker', 'RejectMaker', 'RejectBoth', 'Allow'] as const),
    ...(random.chance(0.2) ? { clientId: random.int(0, 20) } : {}),
  } as const;
  const roll = random.next();
  if (roll < 0.6) {
    return {
      ...common,
      orderType: 'Limit',
      price,
      quantity,
      timeInForce: random.pick(['GTC', 'GTC', 'GTC', 'IOC', 'FOK'] as const),
      postOnly: random.chance(0.15),
      ...(market.symbol.endsWith('PERP') && random.chance(0.1) ? { reduceOnly: true } : {}),
    };
  }
  if (roll < 0.85) {
    return random.chance(0.5)
      ? { ...common, orderType: 'Market', quantity }
      : { ...common, orderType: 'Market', quoteQuantity: D.toString(D.fromInt(random.int(1, 400))) };
  }
  return {
    ...common,
    orderType: random.chance(0.5) ? 'Market' : 'Limit',
    ...(random.chance(0.5) ? {} : { price }),
    triggerPrice: price,
    triggerQuantity: quantity,
    triggerBy: random.pick(['LastPrice', 'MarkPrice', 'IndexPrice'] as const),
  } as OrderRequest;
}

describe('engine under seeded random order flow', () => {
  it.each([1, 2, 3])('keeps books, balances and streams consistent (seed %i)', (seed) => {
    const h = createHarness(seed);
    const random = createRandom(seed * 7919);
    const accounts = Array.from({ length: 6 }, () => h.account(FUNDS));
    const initial = Object.fromEntries(ASSETS.map((asset) => [asset, h.ledger.total(asset)]));
    let checkpoints = MARKETS.map((market) => snapshot(h, market.symbol));
    let rejected = 0;
    let placed = 0;

    const checkInvariants = (): void => {
      for (const market of MARKETS) {
        const { raw } = snapshot(h, market.symbol);
        const bestBid = raw.bids.at(-1);
        const bestAsk = raw.asks[0];
        if (bestBid !== undefined && bestAsk !== undefined)
          expect(D.parse(bestBid[0]) < D.parse(bestAsk[0])).toBe(true);
      }
      for (const accountId of accounts) {
        const open = h.engine.state.openOrdersOf(accountId);
        for (const asset of ASSETS) {
          const balance = h.ledger.balance(accountId, asset);
          expect(balance.available >= 0n && balance.locked >= 0n).toBe(true);
          const held = D.sum(open.filter((order) => order.lockedAsset === asset).map((order) => order.lockedRemaining));
          expect(D.toString(balance.locked)).toBe(D.toString(held));
        }
      }
      const netCost = D.sum(h.engine.state.positions.openPositions().map((position) => position.netCost));
      for (const asset of ASSETS) {
        const total = h.ledger.total(asset) + h.ledger.houseBalance(asset) - (asset === 'USDC' ? netCost : 0n);
        expect(D.toString(total), asset).toBe(D.toString(initial[asset] as Decimal));
      }
    };

    const checkStreams = (): void => {
      MARKETS.forEach((market, index) => {
        const replayed = replay(h, market.symbol, checkpoints[index] as ReturnType<typeof snapshot>);
        const current = snapshot(h, market.symbol);
        expect(replayed.id).toBe(current.id);
        expect(replayed.bids).toEqual(current.bids);
        expect(replayed.asks).toEqual(current.asks);
      });
      checkpoints = MARKETS.map((market) => snapshot(h, market.symbol));
    };

    for (let step = 0; step < 3000; step += 1) {
      const accountId = random.pick(accounts);
      const market = random.pick(MARKETS);
      const roll = random.next();
      try {
        if (roll < 0.7) {
          h.engine.executeOrder(accountId, randomOrder(random, market));
          placed += 1;
        } else if (roll < 0.9) {
          const open = h.engine.openOrders(accountId, market.symbol);
          if (open.length > 0) h.engine.cancelOrder(accountId, market.symbol, { orderId: random.pick(open).id });
        } else if (roll < 0.93) {
          h.engine.cancelOpenOrders(
            accountId,
            market.symbol,
            random.pick([undefined, 'RestingLimitOrder', 'ConditionalOrder'] as const),
          );
        } else {
          h.advance(random.int(0, 120_000));
          h.engine.tick();
        }
      } catch (error) {
        if (!(error instanceof SandboxError)) throw error;
        rejected += 1;
      }
      if (step % 100 === 0) checkInvariants();
      if (step % 500 === 499) checkStreams();
    }
    checkInvariants();
    checkStreams();
    expect(placed).toBeGreaterThan(1500);
    expect(rejected).toBeLessThan(placed);
    // The run really traded, funded and fired triggers.
    expect(h.engine.marketData.recentTrades('SOL_USDC', 1000).length).toBeGreaterThan(50);
    expect(h.engine.marketData.fundingRates('SOL_USDC_PERP').length).toBeGreaterThan(0);
    expect(h.sink.private.some((message) => message.data.e === 'triggerPlaced')).toBe(true);
  });
});
