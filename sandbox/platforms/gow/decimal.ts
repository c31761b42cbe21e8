/**
 * Fixed-point decimals as BigInt for GOW's amounts (never JS floats: the house rule, and a
 * float would hide a client's rounding mistake instead of exposing it).
 */

/** `"12.5"` at scale 2 → 1250n; undefined when the text is not a plain non-negative decimal or has
 * more fraction digits than `scale`. */
export function parseDecimal(text: string, scale: number): bigint | undefined {
  const m = /^(\d{1,18})(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const frac = m[2] ?? '';
  if (frac.length > scale) return undefined;
  return BigInt(m[1] + frac.padEnd(scale, '0'));
}

/** 1250n at scale 2 → `"12.50"`. */
export function formatDecimal(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? '.' + digits.slice(digits.length - scale) : '';
  return (negative ? '-' : '') + int + frac;
}

/** a × b / c, rounded down, all as scaled integers the caller lines up. */
export function mulDiv(a: bigint, b: bigint, c: bigint): bigint {
  return (a * b) / c;
}
