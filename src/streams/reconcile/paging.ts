// Shared by the reconcilers: bounded offset paging of REST history and tolerant reads of stream payload keys.
import type { StreamPayload } from '../../exchange/stream.ts';

/** Clocks of the gateway and the exchange differ a little: windows start this much earlier (overlap is de-duplicated). */
export const SLACK_MS = 5_000;
const PAGE_SIZE = 1000;
/** History read per gap at most: beyond this many pages the gap is reported instead of filled. */
const MAX_PAGES = 5;

/** Reads pages while every row of the last page is `wanted`; incomplete when the page cap cut it short. */
export async function pages<T>(
  read: (offset: number, limit: number) => Promise<T[]>,
  wanted: (row: T) => boolean,
): Promise<{ rows: T[]; complete: boolean }> {
  const rows: T[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const batch = await read(page * PAGE_SIZE, PAGE_SIZE);
    const kept = batch.filter(wanted);
    rows.push(...kept);
    if (batch.length < PAGE_SIZE || kept.length < batch.length) return { rows, complete: true };
  }
  return { rows, complete: false };
}

/** A string or integer key as text (ids arrive as either). */
export function textAt(data: StreamPayload, key: string): string | null {
  const value = data[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : null;
}

export function numberAt(data: StreamPayload, key: string): number | null {
  const value = data[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return typeof value === 'string' && /^\d{1,18}$/.test(value) ? Number(value) : null;
}
