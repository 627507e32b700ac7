// Depth snapshots and deltas as the exchange sends them, and one small book both order-book test files start from.
import type { DepthDelta, DepthSnapshot } from '../../src/exchange/orderBook.ts';

export type Levels = [string, string][];

/** A depth delta: first and last update ids, then bid and ask changes (quantity "0" removes a level). */
export const delta = (U: number, u: number, b: Levels = [], a: Levels = []): DepthDelta => ({ U, u, a, b });

export const snapshot = (lastUpdateId: number, bids: Levels, asks: Levels): DepthSnapshot => ({
  lastUpdateId: String(lastUpdateId),
  bids,
  asks,
});

/** Three levels a side at update 100, in REST order: both sides ascending, best bid last. */
export const baseSnapshot = snapshot(
  100,
  [
    ['99.0', '1'],
    ['99.5', '2'],
    ['100', '3'],
  ],
  [
    ['101', '1'],
    ['102', '2'],
    ['103.5', '4'],
  ],
);
