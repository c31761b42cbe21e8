/**
 * valibot pieces for values GOW types as `string` but a server may also send as JSON numbers
 * (docs/providers/gow.md: amounts, statuses and codes are strings, times are longs). Replies are
 * parsed with `parseJsonExact` (requests.ts), so a JSON number arrives here as a plain number only
 * when it is an integer a double holds exactly, and as a LosslessNumber of its source text
 * otherwise. Amounts stay decimal strings, exactly as written: no float rounding reaches money.
 */
import * as v from 'valibot';
import { LosslessNumber } from '../../core/lossless-json';
import { isDecimal } from '../../core/money';

/**
 * A decimal amount as a string: a decimal string, a JSON number's exact source text, or a safe
 * integer. `1.0000000000000001` stays those digits (it used to become "1"); exponents (`1e3`) are
 * refused like they are in strings.
 */
export const decimalAmount = v.pipe(
  v.union([v.string(), v.instance(LosslessNumber), v.pipe(v.number(), v.safeInteger())]),
  v.transform((x) => (typeof x === 'string' ? x : String(x))),
  v.check(isDecimal, 'a decimal amount (plain digits, written exactly)'),
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
