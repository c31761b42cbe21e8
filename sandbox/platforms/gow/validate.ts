/**
 * Field checks for GOW's order endpoints (docs/providers/gow.md, Endpoints). Every failure
 * is 000001 naming the field, except the two fixed values that have their own codes (fiatCurrency
 * → 000009, source → 000010).
 *
 * Formats the seed leaves open, decided here (sandbox/README.md):
 * - orderNo: 1–40 visible ASCII characters (长度40位以内，含40), unique across deposits and
 *   withdrawals.
 * - legalAmount: PHP, a positive decimal with at most 2 decimals; currencyAmount: USDT, positive,
 *   at most 6 decimals.
 * - country codes: ISO 3166-1 alpha-2, upper case; birth dates: `YYYY-MM-DD`, a real past date.
 * - middle names may be empty strings (many people have none) but must be present, because the
 *   seed marks them required; every other required field must be non-empty.
 * - bankSwiftCode: 8 or 11 letters/digits; receiveAccount: 4–34 letters/digits.
 */
import { fail, GOW_CODE } from './codes';
import { parseDecimal } from './decimal';

export const GOW_SOURCE = 'binance';
export const GOW_FIAT = 'php';

export type Params = Readonly<Record<string, string>>;

export function checkSource(source: string | null | undefined): void {
  if (source === null || source === undefined || source === '') {
    fail(GOW_CODE.badParam, 'source is required');
  }
  if (source !== GOW_SOURCE) fail(GOW_CODE.badSource, `source must be ${GOW_SOURCE}`);
}

export function required(
  params: Params,
  names: readonly string[],
  mayBeEmpty: readonly string[] = [],
): void {
  for (const name of names) {
    const value = params[name];
    if (value === undefined) fail(GOW_CODE.badParam, `${name} is required`);
    if (value.trim() === '' && !mayBeEmpty.includes(name)) {
      fail(GOW_CODE.badParam, `${name} must not be empty`);
    }
    if (value.length > 200) fail(GOW_CODE.badParam, `${name} is too long`);
  }
}

export function checkOrderNo(orderNo: string): void {
  if (!/^[\x21-\x7e]{1,40}$/.test(orderNo)) {
    fail(GOW_CODE.badParam, 'orderNo must be 1-40 visible ASCII characters');
  }
}

export function checkFiat(fiat: string): void {
  if (fiat !== GOW_FIAT) fail(GOW_CODE.badFiatCurrency, `fiatCurrency must be ${GOW_FIAT}`);
}

export function checkCountry(name: string, value: string): void {
  if (!/^[A-Z]{2}$/.test(value))
    fail(GOW_CODE.badParam, `${name} must be an ISO 3166 alpha-2 code`);
}

export function checkBirthDate(name: string, value: string, now: number): void {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  const back = Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
  if (!m || back !== value || t >= now || Number(m[1]) < 1900) {
    fail(GOW_CODE.badParam, `${name} must be a past date written YYYY-MM-DD`);
  }
}

/** A positive amount at `scale` decimals, as scaled BigInt. */
export function checkAmount(name: string, value: string, scale: number): bigint {
  const n = parseDecimal(value, scale);
  if (n === undefined || n <= 0n) {
    fail(GOW_CODE.badParam, `${name} must be a positive decimal with at most ${scale} decimals`);
  }
  return n;
}

export function checkPattern(name: string, value: string, pattern: RegExp, what: string): void {
  if (!pattern.test(value)) fail(GOW_CODE.badParam, `${name} must be ${what}`);
}
