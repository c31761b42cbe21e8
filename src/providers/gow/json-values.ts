/**
 * valibot pieces for values GOW types as `string` but a server may also send as JSON numbers
 * (seed 001 types amounts, statuses and codes as string and times as long). Amounts stay decimal
 * strings: a number is accepted only when its shortest decimal form is exactly the value sent
 * (a safe integer, or at most 15 significant digits), so no float rounding reaches money.
 */
import * as v from 'valibot';
import { isDecimal } from '../../core/money';

/** True for a JSON number whose `String()` form is the exact decimal it was written as. */
export function isExactJsonNumber(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  if (Number.isInteger(n)) return Number.isSafeInteger(n);
  const s = String(n);
  if (/e/i.test(s)) return false;
  // Any decimal with at most 15 significant digits survives the double round trip exactly.
  return s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <= 15;
}

/** A decimal amount as a string, from a decimal string or an exactly representable number. */
export const decimalAmount = v.pipe(
  v.union([v.string(), v.number()]),
  v.check(
    (x) => (typeof x === 'string' ? isDecimal(x) : isExactJsonNumber(x)),
    'a decimal amount (string, or a number that is exactly representable)',
  ),
  v.transform((x) => (typeof x === 'string' ? x : String(x))),
);

/** A small integer code/status sent as a digit string ("1") or a number (1). */
export const intLike = v.pipe(
  v.union([v.string(), v.number()]),
  v.check(
    (x) => (typeof x === 'string' ? /^\d{1,9}$/.test(x) : Number.isSafeInteger(x) && x >= 0),
    'an integer',
  ),
  v.transform((x) => Number(x)),
);

/** Epoch milliseconds (Java `long`), as a number or digit string. */
export const epochMs = v.pipe(
  v.union([v.string(), v.number()]),
  v.check(
    (x) =>
      typeof x === 'string'
        ? /^\d{1,16}$/.test(x) && Number.isSafeInteger(Number(x))
        : Number.isSafeInteger(x) && x >= 0,
    'epoch milliseconds',
  ),
  v.transform((x) => Number(x)),
);

/** A text field GOW may leave out or send as null; normalised to a string or undefined. */
export const optText = v.optional(
  v.pipe(
    v.nullable(v.union([v.string(), v.number()])),
    // A number is accepted only when exact (an account number beyond 2^53 would be corrupted).
    v.check((x) => typeof x !== 'number' || Number.isSafeInteger(x), 'text or an exact integer'),
    v.transform((x) => (x === null ? undefined : String(x))),
  ),
);
