import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SlottedHistogram } from '../../src/operations/histogramSlots.ts';

const LABEL_NAMES = ['operationName', 'statusCode'] as const;
type Label = (typeof LABEL_NAMES)[number];

describe('SlottedHistogram', () => {
  it('reads exactly as a prom-client Histogram fed the same observations, at every read', async () => {
    const observation = fc.record({
      operationName: fc.constantFrom('Book', 'Markets', 'odd "name"\\n'),
      statusCode: fc.constantFrom(200, 400),
      value: fc.oneof(fc.double({ min: -1, max: 20, noNaN: true }), fc.constantFrom(0, 0.005, 0.1, 10, 10.5)),
      read: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(observation, { maxLength: 40 }), async (observations) => {
        const plainRegistry = new Registry();
        const slottedRegistry = new Registry();
        const config = { name: 'duration', help: 'Duration.', labelNames: LABEL_NAMES };
        const plain = new Histogram<Label>({ ...config, registers: [plainRegistry] });
        const slotted = new SlottedHistogram<Label>({ ...config, registers: [slottedRegistry] });
        for (const { operationName, statusCode, value, read } of observations) {
          plain.observe({ operationName, statusCode }, value);
          slotted.slot({ operationName, statusCode }).observe(value);
          if (read) expect(await slottedRegistry.metrics()).toBe(await plainRegistry.metrics());
        }
        expect(await slottedRegistry.metrics()).toBe(await plainRegistry.metrics());
        expect(await slottedRegistry.getMetricsAsJSON()).toEqual(await plainRegistry.getMetricsAsJSON());
      }),
      { numRuns: 200 },
    );
  });

  it('forgets its series on reset, as prom-client does', async () => {
    const registry = new Registry();
    const histogram = new SlottedHistogram<Label>({
      name: 'd',
      help: 'D.',
      labelNames: LABEL_NAMES,
      registers: [registry],
    });
    histogram.slot({ operationName: 'Book', statusCode: 200 }).observe(0.2);
    registry.resetMetrics();
    expect(await registry.metrics()).toBe('# HELP d D.\n# TYPE d histogram\n');
  });
});
