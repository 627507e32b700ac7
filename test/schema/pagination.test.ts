import { describe, expect, it } from 'vitest';
import { loadPage, pageWindow, type PageWindow } from '../../src/schema/pagination.ts';

/** A source of `rows` rows that records what it was asked for; `withTotal` mimics X-TOTAL. */
function source(rows: number, withTotal: boolean) {
  const asked: PageWindow[] = [];
  const fetch = async ({ limit, offset }: PageWindow) => {
    asked.push({ limit, offset });
    const items = Array.from({ length: Math.max(0, Math.min(limit, rows - offset)) }, (_, i) => offset + i);
    return withTotal ? { items, total: rows } : { items };
  };
  return { asked, fetch };
}

describe('limit/offset pages', () => {
  it('uses the exchange total when it is reported', async () => {
    const rows = source(5, true);
    expect(await loadPage({ limit: 2, offset: 2 }, rows.fetch)).toEqual({
      items: [2, 3],
      limit: 2,
      offset: 2,
      total: 5,
      hasNextPage: true,
    });
    expect(await loadPage({ limit: 2, offset: 3 }, rows.fetch)).toEqual({
      items: [3, 4],
      limit: 2,
      offset: 3,
      total: 5,
      hasNextPage: false,
    });
  });

  it('asks for one extra row without a total, and drops it', async () => {
    const rows = source(5, false);
    expect(await loadPage({ limit: 2, offset: 2 }, rows.fetch)).toEqual({
      items: [2, 3],
      limit: 2,
      offset: 2,
      total: null,
      hasNextPage: true,
    });
    expect(await loadPage({ limit: 3, offset: 2 }, rows.fetch)).toEqual({
      items: [2, 3, 4],
      limit: 3,
      offset: 2,
      total: null,
      hasNextPage: false,
    });
    expect(rows.asked).toEqual([
      { limit: 3, offset: 2 },
      { limit: 4, offset: 2 },
    ]);
  });

  it('at the endpoint maximum cannot probe, so a full page may have a next one', async () => {
    const rows = source(4, false);
    expect(await loadPage({ limit: 4, offset: 0 }, rows.fetch, 4)).toMatchObject({
      items: [0, 1, 2, 3],
      hasNextPage: true,
    });
    expect(await loadPage({ limit: 4, offset: 1 }, rows.fetch, 4)).toMatchObject({
      items: [1, 2, 3],
      hasNextPage: false,
    });
    expect(rows.asked).toEqual([
      { limit: 4, offset: 0 },
      { limit: 4, offset: 1 },
    ]);
  });

  it('rejects limits outside 1..max and negative offsets as bad input', () => {
    expect(pageWindow({})).toEqual({ limit: 100, offset: 0 });
    for (const args of [{ limit: 0 }, { limit: 1001 }, { limit: 1.5 }, { offset: -1 }]) {
      expect(() => pageWindow(args), JSON.stringify(args)).toThrow(/limit|offset/);
    }
  });
});
