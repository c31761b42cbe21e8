import { describe, expect, it } from 'vitest';
import { areaPath, asUnits, linePath, stepPath, xPositions, yPositions } from './chart-geometry';

describe('chart geometry', () => {
  it('brings decimals to one scale exactly, beyond a double’s precision', () => {
    expect(asUnits(['1.5', '-0.25', '12345678901234567.1'])).toEqual([
      150n,
      -25n,
      1234567890123456710n,
    ]);
  });

  it('puts the largest value at the top, the smallest at the bottom, 0 in range when asked', () => {
    // Height 40, pad 5: values map onto [35 (min) … 5 (max)].
    expect(yPositions([0n, 10n, 5n], 40, 5)).toEqual({ ys: [35, 5, 20], zeroY: 35 });
    const { ys, zeroY } = yPositions([10n, 20n], 40, 5, true);
    expect(ys).toEqual([20, 5]);
    expect(zeroY).toBe(35);
    // Negative and positive: zero between.
    expect(yPositions([-10n, 30n], 40, 5).zeroY).toBe(27.5);
    // Flat: the middle; nothing: nothing.
    expect(yPositions([7n, 7n], 40, 5).ys).toEqual([20, 20]);
    expect(yPositions([], 40, 5)).toEqual({ ys: [], zeroY: null });
  });

  it('draws lines, steps and the area under them', () => {
    expect(linePath([0, 10.004, 20], [5, 6.5, 1])).toBe('M0 5 L10 6.5 L20 1');
    expect(stepPath([0, 10, 20], [5, 6, 1])).toBe('M0 5 H10 V6 H20 V1');
    expect(areaPath('M0 5 L20 1', 0, 20, 40)).toBe('M0 5 L20 1 L20 40 L0 40 Z');
    expect(xPositions([100, 150, 200], 100, 200, 300)).toEqual([0, 150, 300]);
    expect(xPositions([5], 5, 5, 300)).toEqual([150]);
  });
});
