import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../src/exchange/wireJson.ts';
import { decodeDecimal, decodeId, decodeTimestamp, UNDECODABLE } from '../../src/schema/wire/decode.ts';

describe('the wire decoder', () => {
  it('reads every timestamp form the exchange uses as the same instant', () => {
    const instant = Date.UTC(2026, 8, 1, 17, 52, 31, 83);
    const forms: unknown[] = [
      1788285151083,
      '1788285151083',
      1788285151083000,
      '1788285151083000',
      1788285151083000000n,
      '2026-09-01T17:52:31.083Z',
      '2026-09-01T19:52:31.083+02:00',
      '2026-09-01T17:52:31.083',
      '2026-09-01 17:52:31.083000',
      new Date(instant),
    ];
    for (const form of forms) {
      const decoded = decodeTimestamp(form);
      expect(typeof decoded, String(form)).toBe('string');
      expect(Date.parse(decoded as string), String(form)).toBe(instant);
    }
  });

  it('keeps sub-millisecond digits and the exchange own precision', () => {
    expect(decodeTimestamp(1788285151254895)).toBe('2026-09-01T17:52:31.254895Z');
    expect(decodeTimestamp('2025-01-21T06:34:54.691858')).toBe('2025-01-21T06:34:54.691858Z');
    expect(decodeTimestamp('2026-09-01 17:34:00')).toBe('2026-09-01T17:34:00Z');
    expect(decodeTimestamp('2026-09-01T19:34:00+02:00')).toBe('2026-09-01T17:34:00.000Z');
  });

  it('says absent for null and empty, and undecodable for anything else', () => {
    expect(decodeTimestamp(null)).toBeNull();
    expect(decodeTimestamp('')).toBeNull();
    for (const bad of ['yesterday', '2026-13-45 99:00:00', 1.5, true, {}]) {
      expect(decodeTimestamp(bad), String(bad)).toBe(UNDECODABLE);
    }
  });

  it('keeps the exact text of decimals sent as strings or numbers', () => {
    const body = parseJsonLossless('{"a":"0.10","b":1.10,"c":0.1234567890123456789,"d":2.5,"e":1.5e-7,"f":-0}');
    const row = body as Record<string, unknown>;
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => decodeDecimal(row[key]))).toEqual([
      '0.10',
      '1.10',
      '0.1234567890123456789',
      '2.5',
      '0.00000015',
      '-0',
    ]);
    expect(decodeDecimal('NaN')).toBe(UNDECODABLE);
  });

  it('reads ids as strings or numbers wider than 2^53 without losing digits', () => {
    const row = parseJsonLossless('{"a":112233445566778899001,"b":42,"c":"9007199254740993"}') as Record<
      string,
      unknown
    >;
    expect([decodeId(row.a), decodeId(row.b), decodeId(row.c)]).toEqual([
      '112233445566778899001',
      '42',
      '9007199254740993',
    ]);
    expect(decodeId(2 ** 60)).toBe(UNDECODABLE);
  });
});
