import { describe, expect, it } from 'vitest';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { createRandom } from '../../src/sandbox/random.ts';

describe('decimal', () => {
  it('parses and prints exactly', () => {
    expect(D.toString(D.parse('0.1') + D.parse('0.2'))).toBe('0.3');
    expect(D.toString(D.parse('-0.000100'))).toBe('-0.0001');
    expect(D.toString(D.parse('86700.0'))).toBe('86700');
    expect(D.toString(D.parse('0'))).toBe('0');
    expect(D.toString(D.parse('123456789012345678901234567890.123456789012345678'))).toBe(
      '123456789012345678901234567890.123456789012345678',
    );
    expect(D.format(D.parse('1.5'), 3)).toBe('1.500');
    expect(D.format(D.parse('-2'), 2)).toBe('-2.00');
    expect(D.format(D.parse('0.0000005'), 6)).toBe('0.000000');
  });

  it('rejects exponents, NaN, blanks and excess precision', () => {
    for (const bad of ['1e5', '1E-2', 'NaN', 'Infinity', '', ' 1', '1.', '.5', '+1', '0x10', '1,5', '--1']) {
      expect(() => D.parse(bad), bad).toThrow(D.DecimalError);
      expect(D.tryParse(bad)).toBeNull();
    }
    expect(() => D.parse('0.0000000000000000001')).toThrow(/more than 18/);
    expect(D.parse('0.1000000000000000000000')).toBe(D.parse('0.1'));
  });

  it('multiplies and divides with explicit rounding', () => {
    const third = D.div(D.ONE, D.fromInt(3), 'down');
    expect(D.toString(third)).toBe('0.333333333333333333');
    expect(D.toString(D.div(D.ONE, D.fromInt(3), 'up'))).toBe('0.333333333333333334');
    expect(D.toString(D.div(D.fromInt(-1), D.fromInt(3), 'floor'))).toBe('-0.333333333333333334');
    expect(D.toString(D.div(D.fromInt(-1), D.fromInt(3), 'ceil'))).toBe('-0.333333333333333333');
    expect(D.toString(D.mul(D.parse('1.5'), D.parse('0.01'), 'halfEven'))).toBe('0.015');
    expect(D.toString(D.round(D.parse('2.5'), 0, 'halfEven'))).toBe('2');
    expect(D.toString(D.round(D.parse('3.5'), 0, 'halfEven'))).toBe('4');
    expect(D.toString(D.round(D.parse('2.5'), 0, 'halfUp'))).toBe('3');
    expect(D.toString(D.round(D.parse('-2.5'), 0, 'halfUp'))).toBe('-3');
    expect(D.toString(D.round(D.parse('-2.51'), 1, 'down'))).toBe('-2.5');
    expect(D.toString(D.round(D.parse('-2.51'), 1, 'up'))).toBe('-2.6');
    expect(() => D.div(D.ONE, 0n, 'down')).toThrow(/zero/);
  });

  it('checks steps and counts decimals', () => {
    expect(D.isMultipleOf(D.parse('1.23'), D.parse('0.01'))).toBe(true);
    expect(D.isMultipleOf(D.parse('1.235'), D.parse('0.01'))).toBe(false);
    expect(D.isMultipleOf(D.parse('1.25'), D.parse('0.05'))).toBe(true);
    expect(D.toString(D.toStep(D.parse('1.237'), D.parse('0.01'), 'floor'))).toBe('1.23');
    expect(D.fractionDigits('1.2300')).toBe(2);
    expect(D.decimalsOf(D.parse('0.0001'))).toBe(4);
    expect(D.decimalsOf(D.parse('1'))).toBe(0);
    expect(D.toString(D.sqrt(D.parse('2')))).toBe('1.414213562373095048');
    expect(D.sqrt(D.fromInt(1_000_000))).toBe(D.fromInt(1000));
  });

  it('keeps sums of many small values exact where floats drift', () => {
    let exact = 0n;
    let float = 0;
    for (let i = 0; i < 1000; i += 1) {
      exact += D.parse('0.001');
      float += 0.001;
    }
    expect(D.toString(exact)).toBe('1');
    expect(float).not.toBe(1);
  });
});

describe('random', () => {
  it('is deterministic per seed and independent per fork label', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRandom(43).next()).not.toBe(seqA[0]);
    expect(createRandom(42).fork('x').next()).toBe(createRandom(42).fork('x').next());
    expect(createRandom(42).fork('x').next()).not.toBe(createRandom(42).fork('y').next());
    const r = createRandom(7);
    for (let i = 0; i < 1000; i += 1) {
      const n = r.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
    }
  });
});
