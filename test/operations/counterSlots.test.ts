import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SlottedCounter } from '../../src/operations/counterSlots.ts';

/** Both registries' text for the same events: one counter bumped with inc(labels), one through slots. */
function pair() {
  const plain = new Registry();
  const slotted = new Registry();
  const config = { name: 'events_total', help: 'Events.', labelNames: ['kind', 'result'] as const };
  return {
    plain: new Counter({ ...config, registers: [plain] }),
    slotted: new SlottedCounter({ ...config, registers: [slotted] }),
    texts: async () => [await plain.metrics(), await slotted.metrics()],
  };
}

describe('SlottedCounter', () => {
  it('reads exactly as a counter bumped once per event, at every read, in the same series order', async () => {
    const { plain, slotted, texts } = pair();
    const events = [
      { kind: 'b', result: 'hit' },
      { kind: 'a', result: 'miss' },
      { kind: 'b', result: 'hit' },
      { kind: 'a', result: 'hit' },
    ];
    const [empty, emptySlotted] = await texts();
    expect(emptySlotted).toBe(empty);
    for (const [i, labels] of events.entries()) {
      plain.inc(labels);
      slotted.slot(labels).inc();
      if (i === 1) {
        const [before, same] = await texts();
        expect(same).toBe(before);
      }
    }
    const [after, sameAfter] = await texts();
    expect(sameAfter).toBe(after);
    expect(after).toContain('events_total{kind="b",result="hit"} 2');
    expect(slotted.slot({ kind: 'a', result: 'hit' })).toBe(slotted.slot({ result: 'hit', kind: 'a' }));
  });
});
