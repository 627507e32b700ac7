import { describe, expect, it } from 'vitest';
import { flowMarket, MarketFlow } from '../../src/sandbox/flow.ts';
import type { FlowOrder, FlowPort } from '../../src/sandbox/flow.ts';
import { createRandom } from '../../src/sandbox/random.ts';

const MAKER = 1;
const TAKER = 2;

/** Records every call; maker limit orders rest, everything else fills at once. */
function recordingPort() {
  const log: string[] = [];
  const open = new Map<string, FlowOrder>();
  let next = 1;
  const port: FlowPort = {
    place(accountId, order) {
      const id = String(next++);
      log.push(
        `${accountId} ${order.symbol} ${order.side} ${order.price ?? 'MKT'} ${order.quantity} ${order.timeInForce}`,
      );
      if (accountId === MAKER && order.price !== null) open.set(id, order);
      return id;
    },
    cancel(_accountId, _symbol, orderId) {
      log.push(`cancel ${orderId}`);
      open.delete(orderId);
    },
    isOpen: (_accountId, _symbol, orderId) => open.has(orderId),
  };
  return { port, log, open };
}

function makeFlow(seed: number, port: FlowPort) {
  return new MarketFlow({
    random: createRandom(seed),
    port,
    makerAccountId: MAKER,
    takerAccountId: TAKER,
    ratePerSecond: 8,
    markets: [
      flowMarket('SOL_USDC', '0.01', '0.01', '150'),
      flowMarket('BTC_USDC', '0.1', '0.00001', '95000'),
      flowMarket('SOL_USDC_PERP', '0.01', '0.01', '150', 'SOL_USDC'),
    ],
  });
}

describe('live market flow', () => {
  it('seeds two-sided books with several levels and some trades on every market', () => {
    const { port, open, log } = recordingPort();
    makeFlow(1, port).seed();
    for (const symbol of ['SOL_USDC', 'BTC_USDC', 'SOL_USDC_PERP']) {
      const orders = [...open.values()].filter((order) => order.symbol === symbol);
      const bids = orders.filter((order) => order.side === 'Bid').map((order) => Number(order.price));
      const asks = orders.filter((order) => order.side === 'Ask').map((order) => Number(order.price));
      expect(bids).toHaveLength(5);
      expect(asks).toHaveLength(5);
      expect(Math.max(...bids)).toBeLessThan(Math.min(...asks));
      expect(log.filter((line) => line.startsWith(`${TAKER} ${symbol} `))).toHaveLength(3);
    }
  });

  it('is deterministic under a seed and differs across seeds', () => {
    const run = (seed: number) => {
      const { port, log } = recordingPort();
      const flow = makeFlow(seed, port);
      flow.seed();
      for (let i = 0; i < 40; i += 1) flow.step();
      return log;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('sends takers at the configured rate and re-quotes as the fair price walks', () => {
    const { port, log } = recordingPort();
    const flow = makeFlow(3, port);
    flow.seed();
    const before = log.length;
    for (let i = 0; i < 20; i += 1) flow.step(); // 5 simulated seconds at 8 orders/s
    const takers = log.slice(before).filter((line) => line.startsWith(`${TAKER} `));
    expect(takers).toHaveLength(40);
    expect(log.slice(before).some((line) => line.startsWith('cancel '))).toBe(true);
  });

  it('keeps trading after engine rejections and pauses on request', () => {
    const { port } = recordingPort();
    let calls = 0;
    const flaky: FlowPort = {
      ...port,
      place(accountId, order) {
        calls += 1;
        if (calls % 3 === 0) throw new Error('Insufficient funds');
        return port.place(accountId, order);
      },
    };
    const flow = makeFlow(5, flaky);
    flow.seed();
    flow.step();
    expect(flow.rejected).toBeGreaterThan(0);
    flow.pause();
    expect(flow.isPaused()).toBe(true);
    flow.resume();
    expect(flow.isPaused()).toBe(false);
  });
});
