import { describe, expect, it } from 'vitest';
import { runStreamGapScenario } from '../support/streamGapScenario.ts';

describe('lossless streams across exchange-socket kills', () => {
  it('delivers every order’s final state and every trade id exactly once, in order, with orders placed during outages', async () => {
    const result = await runStreamGapScenario();
    // The scenario must have hurt: several kills, and orders placed while the exchange socket was down.
    expect(result.kills).toBeGreaterThanOrEqual(3);
    expect(result.orders.placed).toBe(68);
    expect(result.orders.placedWhileDown).toBeGreaterThan(0);
    expect(result.orders).toMatchObject({ finalStateMissing: [], duplicates: [], outOfOrder: [] });
    expect(result.trades.expected).toBeGreaterThan(20);
    expect(result.trades).toMatchObject({ missing: [], duplicates: 0, inOrder: true });
    // Everything was recovered from REST: no interval had to be reported as a gap.
    expect([result.orders.gapNotices, result.trades.gapNotices]).toEqual([0, 0]);
  }, 90_000);
});
