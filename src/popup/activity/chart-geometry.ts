/**
 * Geometry of the popup's small charts (inline SVG, no chart library): exact amounts in, pixel
 * positions out. Amounts stay BigInt until the very last step, where a position on screen — not
 * money — becomes a number.
 */
import { toMinor } from '../../core/money';

/** Decimal strings as BigInt units of one common scale (the largest among them). */
export function asUnits(values: readonly string[]): bigint[] {
  let scale = 0;
  for (const v of values) scale = Math.max(scale, (v.split('.')[1] ?? '').length);
  return values.map((v) => toMinor(v, scale));
}

/**
 * y of each value in a box of `height` with `pad` above and below: the largest at the top. A
 * flat series sits in the middle. `withZero` keeps 0 inside the range (a net flow starts there).
 */
export function yPositions(
  values: readonly bigint[],
  height: number,
  pad: number,
  withZero = false,
): { ys: number[]; zeroY: number | null } {
  if (!values.length) return { ys: [], zeroY: null };
  let min = values[0]!;
  let max = values[0]!;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (withZero) {
    if (min > 0n) min = 0n;
    if (max < 0n) max = 0n;
  }
  const inner = height - 2 * pad;
  const range = max - min;
  // Parts per million of the range: exact integer division, then one float for the pixel.
  const y = (v: bigint) =>
    range === 0n ? height / 2 : pad + inner * (1 - Number(((v - min) * 1_000_000n) / range) / 1e6);
  const zeroY = min <= 0n && max >= 0n ? y(0n) : null;
  return { ys: values.map(y), zeroY };
}

const r = (n: number) => Math.round(n * 100) / 100;

/** "M x0 y0 L x1 y1 …" through the points. */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${i ? 'L' : 'M'}${r(x)} ${r(ys[i]!)}`).join(' ');
}

/** A balance held between changes: horizontal to each change's time, then vertical to it. */
export function stepPath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    if (i === 0) d = `M${r(xs[0]!)} ${r(ys[0]!)}`;
    else d += ` H${r(xs[i]!)} V${r(ys[i]!)}`;
  }
  return d;
}

/** The area under a path down to `baseY`, closed (for the soft fill under a line). */
export function areaPath(line: string, firstX: number, lastX: number, baseY: number): string {
  return `${line} L${r(lastX)} ${r(baseY)} L${r(firstX)} ${r(baseY)} Z`;
}

/** x of each time on [from, to] mapped onto [0, width]. */
export function xPositions(times: readonly number[], from: number, to: number, width: number) {
  return times.map((t) => (to > from ? ((t - from) / (to - from)) * width : width / 2));
}
