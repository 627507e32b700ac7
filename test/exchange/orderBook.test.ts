import { describe, expect, it } from 'vitest';
import { compareDecimal, LocalOrderBook, normalizeDecimal } from '../../src/exchange/orderBook.ts';
import { baseSnapshot as base, delta, snapshot } from '../support/depthFixtures.ts';

describe('decimal keys', () => {
  it('normalises spellings of the same number', () => {
    expect(['86700', '86700.0', '86700.00', '086700.'].map(normalizeDecimal)).toEqual([
      '86700',
      '86700',
      '86700',
      '86700',
    ]);
    expect(['0', '0.00', '0.00000', '000.0'].map(normalizeDecimal)).toEqual(['0', '0', '0', '0']);
    expect(normalizeDecimal('0.000123400')).toBe('0.0001234');
    expect(() => normalizeDecimal('1e5')).toThrow(TypeError);
    expect(() => normalizeDecimal('-1')).toThrow(TypeError);
  });

  it('compares exactly, beyond float precision', () => {
    const sorted = ['100000', '99999.99999999', '0.1', '0.09', '0.10000001', '0.00000123', '12.5', '12.45']
      .map(normalizeDecimal)
      .sort(compareDecimal);
    expect(sorted).toEqual(['0.00000123', '0.09', '0.1', '0.10000001', '12.45', '12.5', '99999.99999999', '100000']);
    expect(compareDecimal(normalizeDecimal('9007199254740993.1'), normalizeDecimal('9007199254740993.01'))).toBe(1);
  });
});

describe('LocalOrderBook', () => {
  it('builds the top of book from a snapshot and contiguous deltas, best first', () => {
    const book = new LocalOrderBook('SOL_USDC');
    expect(book.applySnapshot(base)).toBe('bridging');
    expect(book.applyDelta(delta(101, 101, [['100.5', '4']]))).toBe('applied');
    expect(
      book.applyDelta(
        delta(
          102,
          103,
          [],
          [
            ['101', '0.00'],
            ['102', '2.5'],
          ],
        ),
      ),
    ).toBe('applied');
    expect(book.top(2)).toEqual({
      bids: [
        ['100.5', '4'],
        ['100', '3'],
      ],
      asks: [
        ['102', '2.5'],
        ['103.5', '4'],
      ],
      lastUpdateId: '103',
      timestamp: null,
    });
    expect(book.counters()).toMatchObject({ applied: 2, resyncs: 0, gaps: 0 });
  });

  it("carries the snapshot's engine time, then each applied delta's, and forgets it on a resync", () => {
    const book = new LocalOrderBook('SOL_USDC');
    expect(book.applySnapshot({ ...base, timestamp: 1_788_285_151_254_895 })).toBe('bridging');
    expect(book.top(1).timestamp).toBe(1_788_285_151_254_895);
    expect(book.applyDelta({ ...delta(101, 101, [['100', '4']]), T: 1_788_285_151_300_000 })).toBe('applied');
    expect(book.top(1).timestamp).toBe(1_788_285_151_300_000);
    expect(book.applyDelta(delta(105, 105))).toBe('resync');
    expect(book.top(1).timestamp).toBeNull();
  });

  it('buffers deltas until the snapshot arrives and drops the ones it already contains', () => {
    const book = new LocalOrderBook('SOL_USDC');
    for (let id = 98; id <= 102; id += 1)
      expect(book.applyDelta(delta(id, id, [['100', String(id)]]))).toBe('buffered');
    expect(book.applySnapshot(base)).toBe('live');
    expect(book.counters()).toMatchObject({ dropped: 3, applied: 2 });
    expect(book.top(1).bids).toEqual([['100', '102']]);
    expect(book.applyDelta(delta(99, 99, [['100', '9']]))).toBe('dropped');
  });

  it('accepts an aggregated delta that spans the snapshot id', () => {
    const book = new LocalOrderBook('SOL_USDC');
    book.applyDelta(delta(97, 104, [['99.5', '7']]));
    expect(book.applySnapshot(base)).toBe('live');
    expect(book.top(2).bids).toEqual([
      ['100', '3'],
      ['99.5', '7'],
    ]);
  });

  it('waits for the socket when the REST snapshot is ahead of it', () => {
    const book = new LocalOrderBook('SOL_USDC');
    book.applyDelta(delta(98, 98));
    book.applyDelta(delta(99, 99));
    expect(book.applySnapshot(base)).toBe('bridging');
    expect(book.isLive).toBe(false);
    expect(book.applyDelta(delta(100, 100))).toBe('dropped');
    expect(book.applyDelta(delta(101, 101, [['100', '0']]))).toBe('applied');
    expect(book.isLive).toBe(true);
    expect(book.top(1)).toEqual({ bids: [['99.5', '2']], asks: [['101', '1']], lastUpdateId: '101', timestamp: null });
  });

  it('asks for another snapshot when the snapshot is older than the oldest buffered delta', () => {
    const book = new LocalOrderBook('SOL_USDC');
    book.applyDelta(delta(103, 103, [['100', '5']]));
    expect(book.applySnapshot(base)).toBe('resync');
    expect(book.needsSnapshot).toBe(true);
    expect(book.lastResyncReason).toBe('staleSnapshot');
    expect(book.applySnapshot(snapshot(102, [['100', '3']], [['101', '1']]))).toBe('live');
    expect(book.top(1).bids).toEqual([['100', '5']]);
  });

  it('treats a sequence gap as a resync and is correct again after the new snapshot', () => {
    const book = new LocalOrderBook('SOL_USDC');
    book.applySnapshot(base);
    book.applyDelta(delta(101, 101, [['100.5', '4']]));
    expect(book.applyDelta(delta(103, 103, [['100.5', '6']]))).toBe('resync');
    expect(book.counters()).toMatchObject({ gaps: 1, resyncs: 1 });
    expect(book.needsSnapshot).toBe(true);
    expect(book.applyDelta(delta(104, 104, [], [['101', '0']]))).toBe('buffered');
    // The exchange's state after 103: the new snapshot makes the book whole, 104 applies on top.
    expect(
      book.applySnapshot(
        snapshot(
          103,
          [
            ['100', '3'],
            ['100.5', '6'],
          ],
          [
            ['101', '1'],
            ['102', '2'],
          ],
        ),
      ),
    ).toBe('live');
    expect(book.top(5)).toEqual({
      bids: [
        ['100.5', '6'],
        ['100', '3'],
      ],
      asks: [['102', '2']],
      lastUpdateId: '104',
      timestamp: null,
    });
  });

  it('deletes a level for every zero spelling', () => {
    const book = new LocalOrderBook('SOL_USDC');
    book.applySnapshot(
      snapshot(
        100,
        [
          ['1', '1'],
          ['2', '1'],
          ['3', '1'],
          ['4', '1'],
        ],
        [['10', '1']],
      ),
    );
    book.applyDelta(
      delta(101, 101, [
        ['1', '0'],
        ['2', '0.00'],
        ['3', '0.00000'],
        ['4', '0.0'],
      ]),
    );
    expect(book.top(10).bids).toEqual([]);
    expect(book.isLive).toBe(true);
  });

  it('treats "86700" and "86700.0" as the same level', () => {
    const book = new LocalOrderBook('BTC_USDC_PERP');
    book.applySnapshot(
      snapshot(
        100,
        [
          ['86699.9', '1'],
          ['86700', '1'],
        ],
        [['86700.1', '1']],
      ),
    );
    book.applyDelta(delta(101, 101, [['86700.0', '2.5']]));
    expect(book.top(5).bids).toEqual([
      ['86700.0', '2.5'],
      ['86699.9', '1'],
    ]);
    book.applyDelta(delta(102, 102, [['86700.00', '0']]));
    expect(book.top(5).bids).toEqual([['86699.9', '1']]);
  });

  it('resyncs on a crossed book and on malformed levels', () => {
    const crossed = new LocalOrderBook('SOL_USDC');
    crossed.applySnapshot(base);
    expect(crossed.applyDelta(delta(101, 101, [['101', '1']]))).toBe('resync');
    expect(crossed.lastResyncReason).toBe('crossed');
    const malformed = new LocalOrderBook('SOL_USDC');
    malformed.applySnapshot(base);
    expect(malformed.applyDelta(delta(101, 101, [['1e3', '1']]))).toBe('resync');
    expect(malformed.lastResyncReason).toBe('malformed');
  });
});
