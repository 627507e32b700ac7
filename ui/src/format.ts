// Display helpers. Prices and quantities stay the exchange's decimal strings; numbers are used only for bar widths,
// chart coordinates and the percentage of a 24 h change, never for anything sent back to the gateway.

/** `123.4500` → `123.45`; `10.000` → `10`. */
export function trimDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (!value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}

/** The number of decimals of a tick or step size (`0.01` → 2). */
export function decimalsOf(step: string | null | undefined): number {
  if (!step) return 2;
  const trimmed = trimDecimal(step);
  const dot = trimmed.indexOf('.');
  return dot < 0 ? 0 : trimmed.length - dot - 1;
}

/** Pads or cuts a decimal string to `decimals` places (cutting, not rounding: the book's prices are on the tick). */
export function toDecimals(value: string | null | undefined, decimals: number): string {
  if (value === null || value === undefined || value === '') return '–';
  const [whole = '0', fraction = ''] = value.split('.');
  if (decimals === 0) return whole;
  return `${whole}.${fraction.padEnd(decimals, '0').slice(0, decimals)}`;
}

/** 24 h change in percent from the first and last price of the window. */
export function changePercent(first: string | null | undefined, last: string | null | undefined): number | null {
  const from = Number(first);
  const to = Number(last);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from === 0) return null;
  return ((to - from) / from) * 100;
}

export function formatPercent(percent: number | null): string {
  if (percent === null) return '–';
  const fixed = percent.toFixed(2);
  // A change that rounds to zero reads 0.00%, never -0.00%.
  if (Number(fixed) === 0) return '0.00%';
  return `${percent > 0 ? '+' : ''}${fixed}%`;
}

/** Compact volume: 1234567 → 1.23M. */
export function compact(value: string | null | undefined): string {
  const number = Number(value);
  if (value === null || value === undefined || !Number.isFinite(number)) return '–';
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 }).format(number);
}

export function clockTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '–' : date.toLocaleTimeString('en-GB', { hour12: false });
}
