import { Kind, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  expandExponent,
  parseDecimal,
  parseTimestamp,
  scaleDecimal,
  serializeDecimal,
  serializeTimestamp,
  time,
} from '../../src/schema/scalars.ts';
import { schema } from '../../src/schema/index.ts';

describe('Decimal', () => {
  it('accepts exact decimal strings unchanged', () => {
    for (const value of ['0', '123', '-0.5', '0.0001', '86700.50', '0.0000125000000000000000000001']) {
      expect(parseDecimal(value)).toBe(value);
    }
  });

  it('rejects numbers, NaN, exponents, empty strings and a leading plus', () => {
    for (const value of [
      0.1,
      1,
      Number.NaN,
      'NaN',
      'Infinity',
      '1e-7',
      '',
      '+1',
      '1.',
      '.5',
      ' 1',
      '1,5',
      '0x10',
      null,
      true,
    ]) {
      expect(() => parseDecimal(value), String(value)).toThrow(/Decimal/);
    }
  });

  it('rejects numeric literals in queries but accepts string literals', () => {
    const scalar = schema.getType('Decimal') as GraphQLScalarType;
    expect(scalar.parseLiteral({ kind: Kind.STRING, value: '0.10' })).toBe('0.10');
    expect(() => scalar.parseLiteral({ kind: Kind.FLOAT, value: '0.10' })).toThrow(/string literal/);
    expect(() => scalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(/string literal/);
  });

  it('serializes wire strings as-is and expands exponent notation exactly', () => {
    expect(serializeDecimal('0.00000015')).toBe('0.00000015');
    expect(serializeDecimal('1.5e-7')).toBe('0.00000015');
    expect(serializeDecimal('-2.5E3')).toBe('-2500');
    expect(serializeDecimal(42)).toBe('42');
    expect(serializeDecimal(10n ** 30n)).toBe('1000000000000000000000000000000');
    expect(() => serializeDecimal(0.1)).toThrow();
    expect(() => serializeDecimal('abc')).toThrow();
  });

  it('scales fractions to percent without floating point', () => {
    expect(scaleDecimal('-0.029032', 2)).toBe('-2.9032');
    expect(scaleDecimal('0.001', 2)).toBe('0.1');
    expect(scaleDecimal('0.5', 2)).toBe('50');
    expect(scaleDecimal('0', 2)).toBe('0');
    expect(scaleDecimal('-0.000', 2)).toBe('0');
    expect(scaleDecimal('0.1234567890123456789', 2)).toBe('12.34567890123456789');
    expect(expandExponent('12e-5')).toBe('0.00012');
  });
});

describe('Timestamp', () => {
  it('accepts ISO-8601 with a zone or epoch ms as input, giving epoch ms', () => {
    expect(parseTimestamp('2025-07-27T17:39:00Z')).toBe(Date.UTC(2025, 6, 27, 17, 39));
    expect(parseTimestamp('2025-07-27T19:39:00+02:00')).toBe(Date.UTC(2025, 6, 27, 17, 39));
    expect(parseTimestamp(1753637940000)).toBe(1753637940000);
    for (const bad of ['2025-07-27T17:39:00', 'tomorrow', '', -1, 1.5, true]) {
      expect(() => parseTimestamp(bad), String(bad)).toThrow(/Timestamp/);
    }
  });

  it('serializes ISO strings ending in Z and Dates, and nothing else', () => {
    expect(serializeTimestamp('2025-07-27T17:39:00.092Z')).toBe('2025-07-27T17:39:00.092Z');
    expect(serializeTimestamp(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(() => serializeTimestamp(1788285151083)).toThrow();
    expect(() => serializeTimestamp('2025-07-27T17:39:00')).toThrow();
  });

  it('converts ms arguments to the seconds the klines endpoint wants', () => {
    expect(time.toSeconds(1788285151999)).toBe(1788285151);
  });
});
