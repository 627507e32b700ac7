// Bounded label values for the GraphQL metrics. A client chooses operation names and field aliases freely, and every
// new value would start new series in each metric until the scraper (and this process) run out of memory.
export const OTHER_OPERATIONS = 'other';

/** A label whose first `limit` distinct values (plus the `known` ones) keep their own series; later ones are `other`. */
export class BoundedLabel {
  private readonly seen = new Set<string>();
  private readonly known: ReadonlySet<string>;

  /**
   * @param limit how many distinct values not in `known` keep their own label (the first ones seen)
   * @param known values that always keep their label
   */
  constructor(
    readonly limit: number,
    known: Iterable<string> = [],
  ) {
    this.known = new Set(known);
  }

  /** The label value for `value`. */
  label(value: string): string {
    if (this.known.has(value) || this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return OTHER_OPERATIONS;
    this.seen.add(value);
    return value;
  }
}

/** The `operationName` label: `Anonymous`, the trusted-documents manifest's operations, then the first names seen. */
export class OperationNameLabels extends BoundedLabel {
  constructor(limit: number, known: Iterable<string> = []) {
    super(limit, ['Anonymous', ...known]);
  }
}

/**
 * The `path` label of an error: its response path with list indices as `*`, so `markets.0.ticker` and
 * `markets.41.ticker` are one series (the field that failed, not the row).
 */
export function errorPathLabel(path: readonly (string | number)[]): string {
  let label = '';
  for (const key of path) label += (label === '' ? '' : '.') + (typeof key === 'number' ? '*' : key);
  return label;
}
