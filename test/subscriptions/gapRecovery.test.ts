import { describe, expect, it } from 'vitest';
import type { StreamInterruption, StreamMessage, StreamPayload } from '../../src/exchange/stream.ts';
import { GapRecovery } from '../../src/streams/reconcile/recovery.ts';
import type { ExchangeReader, Reconciler, Recovered, StreamGap } from '../../src/streams/reconcile/types.ts';
import { until } from '../support/until.ts';

const STREAM = 'trade.SOL_USDC';
const trade = (t: number): StreamMessage => ({ stream: STREAM, data: { t } });
// Reconcilers only receive the reader; these tests never call REST through it.
const reader = {} as ExchangeReader;

/** A reconciler keyed by trade id whose recoveries the test answers by hand. */
function manualReconciler() {
  const calls: StreamInterruption[] = [];
  const answers: ((recovered: Recovered) => void)[] = [];
  const reconciler: Reconciler = {
    key: (data) => `trade:${String(data['t'])}`,
    observe: () => undefined,
    recover: (interruption) => {
      calls.push(interruption);
      return new Promise((resolve) => answers.push(resolve));
    },
  };
  return { reconciler, calls, answer: (recovered: Recovered) => answers.shift()?.(recovered) };
}

function recoveryWith(reconciler: Reconciler | undefined) {
  const delivered: (StreamPayload | StreamGap)[] = [];
  const recovery = new GapRecovery<StreamGap>(
    STREAM,
    { event: (gap) => gap, ...(reconciler ? { reconciler: () => reconciler } : {}) },
    reader,
    { deliver: (message) => delivered.push(message.data), deliverValue: (gap) => delivered.push(gap) },
  );
  return { recovery, delivered };
}

describe('GapRecovery', () => {
  it('holds live messages until the missed ones are delivered, and delivers each id once', async () => {
    const manual = manualReconciler();
    const { recovery, delivered } = recoveryWith(manual.reconciler);
    recovery.offer(trade(1));
    recovery.resume({ from: 1000, to: 2000, reason: 'closed' });
    recovery.offer(trade(4)); // live again while REST is being read
    recovery.offer(trade(5));
    await until(() => manual.calls.length === 1, 'the recovery to read REST');
    expect(delivered).toEqual([{ t: 1 }]);
    manual.answer({ payloads: [{ t: 1 }, { t: 2 }, { t: 3 }, { t: 4 }], complete: true });
    await until(() => delivered.length === 5, 'the recovered and held trades');
    expect(delivered).toEqual([{ t: 1 }, { t: 2 }, { t: 3 }, { t: 4 }, { t: 5 }]);
  });

  it('merges interruptions that end while a recovery runs into one more recovery', async () => {
    const manual = manualReconciler();
    const { recovery } = recoveryWith(manual.reconciler);
    recovery.resume({ from: 1000, to: 2000, reason: 'first' });
    await until(() => manual.calls.length === 1, 'the first recovery');
    recovery.resume({ from: 3000, to: 4000, reason: 'second' });
    recovery.resume({ from: 5000, to: 6000, reason: 'third' });
    manual.answer({ payloads: [], complete: true });
    await until(() => manual.calls.length === 2, 'the merged recovery');
    expect(manual.calls[1]).toEqual({ from: 3000, to: 6000, reason: 'third' });
    manual.answer({ payloads: [], complete: true });
  });

  it('delivers a gap event before what it could recover when the exchange could not tell everything', async () => {
    const manual = manualReconciler();
    const { recovery, delivered } = recoveryWith(manual.reconciler);
    recovery.resume({ from: 1000, to: 2000, reason: 'closed' });
    await until(() => manual.calls.length === 1, 'the recovery');
    manual.answer({ payloads: [{ t: 7 }], complete: false });
    await until(() => delivered.length === 2, 'the gap and the recovered trade');
    expect(delivered).toEqual([{ stream: STREAM, from: 1000, to: 2000, reason: 'closed' }, { t: 7 }]);
  });

  it('reports every interruption of a stream without a reconciler as a gap, then goes on live', async () => {
    const { recovery, delivered } = recoveryWith(undefined);
    recovery.resume({ from: 1000, to: 2000, reason: 'closed' });
    recovery.offer(trade(9));
    await until(() => delivered.length === 2, 'the gap and the live trade');
    expect(delivered).toEqual([{ stream: STREAM, from: 1000, to: 2000, reason: 'closed' }, { t: 9 }]);
  });
});
