// One row per measured figure: the gateway's value, its same-run baseline, the ratio or difference, the target.
export interface Figure {
  /** Stable name of the figure (`B2.ttl0.p99`): what results.json consumers and the README table key on. */
  readonly id: string;
  readonly bench: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The same-run baseline, when the figure has one. */
  readonly baseline?: number;
  readonly baselineLabel?: string;
  /** `ratio` = value / baseline; `added` = value − baseline. */
  readonly compare?: 'ratio' | 'added';
  readonly target?: string;
  readonly met?: boolean;
  readonly note?: string;
}

const fmt = (n: number): string =>
  !Number.isFinite(n)
    ? String(n)
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString('en-US')
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

function comparison(figure: Figure): string {
  if (figure.baseline === undefined || figure.compare === undefined) return '';
  if (figure.compare === 'ratio') return `${((figure.value / figure.baseline) * 100).toFixed(1)} %`;
  const added = figure.value - figure.baseline;
  return `${added >= 0 ? '+' : ''}${fmt(added)} ${figure.unit}`;
}

export function rows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => [
    f.id,
    f.metric,
    `${fmt(f.value)} ${f.unit}`,
    f.baseline === undefined ? '' : `${fmt(f.baseline)} ${f.unit}${f.baselineLabel ? ` (${f.baselineLabel})` : ''}`,
    comparison(f),
    f.target ?? '',
    f.met === undefined ? '' : f.met ? 'yes' : 'NO',
  ]);
}

export const HEADER = ['Id', 'Metric', 'Gateway', 'Baseline (same run)', 'Ratio / added', 'Target', 'Met'];

export function textTable(figures: readonly Figure[]): string {
  const all = [HEADER, ...rows(figures)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  return all.map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

export function markdownTable(figures: readonly Figure[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows(figures).map(line)].join('\n');
}
