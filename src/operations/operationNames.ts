// The `operationName` label of the GraphQL metrics, bounded: a client chooses operation names freely, and every new
// name would start new series in each metric until the scraper (and this process) run out of memory.
export const OTHER_OPERATIONS = 'other';

export class OperationNameLabels {
  private readonly seen = new Set<string>();
  private readonly known: ReadonlySet<string>;

  /**
   * @param limit how many distinct names not in `known` keep their own label (the first ones seen); later ones are
   *   all labelled `other`
   * @param known names that always keep their label (the operations of the trusted-documents manifest)
   */
  constructor(
    private readonly limit: number,
    known: Iterable<string> = [],
  ) {
    this.known = new Set(['Anonymous', ...known]);
  }

  /** The label value for an operation called `name`. */
  label(name: string): string {
    if (this.known.has(name) || this.seen.has(name)) return name;
    if (this.seen.size >= this.limit) return OTHER_OPERATIONS;
    this.seen.add(name);
    return name;
  }
}
