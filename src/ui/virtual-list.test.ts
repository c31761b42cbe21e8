import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyTarget, scrollToShow, windowOf } from './virtual-list';

describe('windowOf', () => {
  it('renders what the viewport shows plus the overscan, never outside the list', () => {
    expect(windowOf(0, 400, 40, 100_000, 5)).toEqual({ start: 0, end: 15 });
    // Scrolled to row 2500 (2500 × 40 px): rows 2500…2509 visible.
    expect(windowOf(100_000, 400, 40, 100_000, 5)).toEqual({ start: 2495, end: 2515 });
    // Half a row scrolled: row 10 is partly visible at the bottom.
    expect(windowOf(20, 400, 40, 100_000, 0)).toEqual({ start: 0, end: 11 });
    expect(windowOf(0, 400, 40, 3, 5)).toEqual({ start: 0, end: 3 });
    expect(windowOf(0, 400, 40, 0, 5)).toEqual({ start: 0, end: 0 });
  });

  it('clamps a scroll position past the end (a list that shrank under a filter)', () => {
    expect(windowOf(4_000_000, 400, 40, 50, 2)).toEqual({ start: 38, end: 50 });
    expect(windowOf(-50, 400, 40, 50, 0)).toEqual({ start: 0, end: 10 });
  });

  it('always covers every row intersecting the viewport, and stays bounded', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(5_000_000),
        fc.nat(10),
        (total, height, rowHeight, scroll, overscan) => {
          const w = windowOf(scroll, height, rowHeight, total, overscan);
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(total);
          expect(w.end - w.start).toBeLessThanOrEqual(
            Math.ceil(height / rowHeight) + 1 + 2 * overscan,
          );
          const top = Math.min(scroll, Math.max(0, total * rowHeight - height));
          // Independently: every row whose box meets [top, top + height) is inside the window.
          for (let i = 0; i < total; i++) {
            const meets = i * rowHeight < top + height && (i + 1) * rowHeight > top;
            if (meets) {
              expect(i).toBeGreaterThanOrEqual(w.start);
              expect(i).toBeLessThan(w.end);
            }
            if (i > w.end + 2) break;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('scrollToShow', () => {
  it('scrolls up or down just enough, or not at all', () => {
    expect(scrollToShow(5, 400, 400, 40)).toBe(200);
    expect(scrollToShow(25, 400, 400, 40)).toBe(640);
    expect(scrollToShow(12, 400, 400, 40)).toBe(400);
  });
});

describe('keyTarget', () => {
  it('moves by one, a page, to the ends, clamped; ignores other keys', () => {
    expect(keyTarget('ArrowDown', 0, 10, 4)).toBe(1);
    expect(keyTarget('ArrowDown', 9, 10, 4)).toBe(9);
    expect(keyTarget('ArrowUp', 0, 10, 4)).toBe(0);
    expect(keyTarget('PageDown', 3, 10, 4)).toBe(7);
    expect(keyTarget('PageDown', 8, 10, 4)).toBe(9);
    expect(keyTarget('PageUp', 3, 10, 4)).toBe(0);
    expect(keyTarget('Home', 7, 10, 4)).toBe(0);
    expect(keyTarget('End', 2, 100_000, 4)).toBe(99_999);
    expect(keyTarget('a', 2, 10, 4)).toBeUndefined();
    expect(keyTarget('ArrowDown', 0, 0, 4)).toBeUndefined();
  });
});
