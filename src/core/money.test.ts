import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  fenToYuan,
  formatDecimal,
  fromMinor,
  isDecimal,
  normalizeDecimal,
  toMinor,
  yuanToFen,
} from './money';

// A decimal string built from an integer number of minor units, independently of money.ts.
function decimalOf(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString();
  if (scale === 0) return (neg ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

const units = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const scale = fc.integer({ min: 0, max: 18 });

describe('money: exact conversions', () => {
  it('toMinor ∘ decimal string is the identity on minor units, at any scale', () => {
    fc.assert(
      fc.property(units, scale, (u, s) => {
        expect(toMinor(decimalOf(u, s), s)).toBe(u);
      }),
    );
  });

  it('fromMinor writes exactly scale digits and round-trips through toMinor', () => {
    fc.assert(
      fc.property(units, scale, (u, s) => {
        const text = fromMinor(u, s);
        expect(text).toBe(decimalOf(u, s));
        expect(toMinor(text, s)).toBe(u);
      }),
    );
  });

  it('values no float can hold survive unchanged', () => {
    expect(toMinor('9007199254740993.000000000000000001', 18)).toBe(
      9007199254740993000000000000000001n,
    );
    expect(fromMinor(123456789012345678901234567890n, 8)).toBe('1234567890123456789012.34567890');
  });

  it('fewer fractional digits are padded; extra zero digits are accepted; extra value is refused', () => {
    expect(toMinor('12.5', 2)).toBe(1250n);
    expect(toMinor('12', 2)).toBe(1200n);
    expect(toMinor('12.500', 2)).toBe(1250n);
    expect(toMinor('+0.01', 2)).toBe(1n);
    expect(toMinor('-0.01', 2)).toBe(-1n);
    expect(() => toMinor('12.505', 2)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it.each(['', '1e3', '1,000', '١٢', '0x10', '.5', '5.', '1 000', 'NaN', 'Infinity', '--1'])(
    'refuses %j as an amount',
    (s) => {
      expect(isDecimal(s)).toBe(false);
      expect(() => toMinor(s, 2)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    },
  );

  it('negative zero is written without a sign', () => {
    expect(fromMinor(0n, 2)).toBe('0.00');
    expect(normalizeDecimal('-0.000')).toBe('0');
  });

  it('normalizeDecimal drops leading and trailing zeros only', () => {
    expect(normalizeDecimal('007.2500')).toBe('7.25');
    expect(normalizeDecimal('+10.0')).toBe('10');
    expect(normalizeDecimal('-0.0300')).toBe('-0.03');
    fc.assert(
      fc.property(units, scale, (u, s) => {
        const n = normalizeDecimal(decimalOf(u, s));
        // Same value at the original scale.
        expect(toMinor(n, s)).toBe(u);
        expect(n).not.toMatch(/\.\d*0$|^-?0\d|^-0$/);
      }),
    );
  });

  it('addDecimals is exact where floats are not', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addDecimals(['-1.005', '1.005', '0.00000001'])).toBe('0.00000001');
    expect(addDecimals([])).toBe('0');
    fc.assert(
      fc.property(fc.array(fc.tuple(units, scale), { maxLength: 20 }), (xs) => {
        const maxScale = Math.max(0, ...xs.map(([, s]) => s));
        const expected = xs.reduce((sum, [u, s]) => sum + u * 10n ** BigInt(maxScale - s), 0n);
        expect(toMinor(addDecimals(xs.map(([u, s]) => decimalOf(u, s))), maxScale)).toBe(expected);
      }),
    );
  });

  it('yuan ↔ fen for Grand Chain', () => {
    expect(yuanToFen('12.3')).toBe(1230n);
    expect(fenToYuan(1230n)).toBe('12.30');
    expect(() => yuanToFen('0.001')).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('formatDecimal groups the whole part per locale and keeps every fractional digit', () => {
    expect(formatDecimal('1234567.000123', 'en-US')).toBe('1,234,567.000123');
    expect(formatDecimal('-1234567.5', 'de-DE')).toBe('-1.234.567,5');
    expect(formatDecimal('12345678901234567890.1', 'en-US')).toBe('12,345,678,901,234,567,890.1');
    expect(formatDecimal('0.10', 'zh-CN')).toBe('0.1');
  });
});
