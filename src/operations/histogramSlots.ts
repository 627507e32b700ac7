// Histograms observed on every request without prom-client's per-call label work: its `observe(labels, value)`
// validates the label object, builds a hash string and looks it up in a dictionary each time (~1–1.5 µs, twice per
// query). Here each label set's state lives in a slot bound once (per document, per status) and an observation is a
// few additions. The metric registers itself in the registry and reads in prom-client's Histogram format (buckets with
// `le` first, then `_sum` and `_count`, series in first-observation order), so /metrics reads exactly as a prom-client
// Histogram fed the same observations.
import type { Histogram, MetricObjectWithValues, MetricValueWithName, Registry } from 'prom-client';

/** prom-client's default buckets (seconds). */
const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels<L extends string> = Partial<Record<L, string | number>>;

interface ReadValue {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string | number>;
  value: number;
  metricName: string;
  exemplar: null | undefined;
}

/** One label set's histogram, bound once. */
export class HistogramSlot<L extends string> {
  count = 0;
  sum = 0;
  /** Observations per bucket (not cumulative), in bucket order; above the last bound they are only counted. */
  readonly perBucket: number[];

  constructor(
    readonly labels: Labels<L>,
    private readonly bounds: readonly number[],
    private readonly firstObserved: (slot: HistogramSlot<L>) => void,
  ) {
    this.perBucket = bounds.map(() => 0);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
    if (this.count === 0) this.firstObserved(this);
    let bucket = 0;
    while (bucket < this.bounds.length && value > (this.bounds[bucket] ?? 0)) bucket += 1;
    this.sum += value;
    this.count += 1;
    if (bucket < this.perBucket.length) this.perBucket[bucket] = (this.perBucket[bucket] ?? 0) + 1;
  }

  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.perBucket.fill(0);
  }
}

export interface SlottedHistogramConfiguration<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  readonly buckets?: readonly number[];
  readonly registers: readonly Registry[];
}

export class SlottedHistogram<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly labelNames: readonly L[];
  private readonly bounds: readonly number[];
  /** By label values: as many slots as label sets bound. */
  private readonly slots = new Map<string, HistogramSlot<L>>();
  /** Slots with observations, in the order of their first one (the order prom-client lists its series in). */
  private observed: HistogramSlot<L>[] = [];
  private readonly onFirstObservation = (slot: HistogramSlot<L>): void => void this.observed.push(slot);

  constructor(config: SlottedHistogramConfiguration<L>) {
    this.name = config.name;
    this.help = config.help;
    this.labelNames = config.labelNames;
    this.bounds = [...(config.buckets ?? DEFAULT_BUCKETS)];
    // Read by the registry like any metric: it only calls get()/getForPromString(), reset() and reads the fields above.
    for (const registry of config.registers) registry.registerMetric(this as unknown as Histogram<L>);
  }

  /** The slot of one label set (the same object for the same values). */
  slot(labels: Readonly<Record<L, string | number>>): HistogramSlot<L> {
    const names = Object.keys(labels).sort() as L[];
    const key = JSON.stringify(names.map((name) => [name, labels[name]]));
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = new HistogramSlot<L>({ ...labels }, this.bounds, this.onFirstObservation);
      this.slots.set(key, slot);
    }
    return slot;
  }

  reset(): void {
    for (const slot of this.observed) slot.reset();
    this.observed = [];
  }

  /** What prom-client's Histogram hands the registry's text format: series labels kept apart as shared labels. */
  getForPromString(): Promise<MetricObjectWithValues<MetricValueWithName<string>>> {
    const values: ReadValue[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const slot of this.observed) {
      const shared = slot.labels as Record<string, string | number>;
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += slot.perBucket[index] ?? 0;
        values.push({
          labels: { le: bound },
          sharedLabels: shared,
          value: cumulative,
          metricName: bucketName,
          exemplar: null,
        });
      });
      values.push(
        { labels: { le: '+Inf' }, sharedLabels: shared, value: slot.count, metricName: bucketName, exemplar: null },
        { labels: {}, sharedLabels: shared, value: slot.sum, metricName: `${this.name}_sum`, exemplar: undefined },
        { labels: {}, sharedLabels: shared, value: slot.count, metricName: `${this.name}_count`, exemplar: undefined },
      );
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: 'histogram',
      values,
      aggregator: this.aggregator,
    } as unknown as MetricObjectWithValues<MetricValueWithName<string>>);
  }

  /** As prom-client's `get()`: each value's labels with the series labels merged in after its own. */
  async get(): Promise<MetricObjectWithValues<MetricValueWithName<string>>> {
    const data = await this.getForPromString();
    const values = (data.values as unknown as ReadValue[]).map(({ labels, sharedLabels, ...rest }) => ({
      ...rest,
      labels: { ...labels, ...sharedLabels },
    }));
    return { ...data, values } as unknown as MetricObjectWithValues<MetricValueWithName<string>>;
  }
}
