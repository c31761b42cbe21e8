/**
 * Money is never a JavaScript float. Amounts travel as decimal strings ("12.50", "-0.0003") or
 * as integer minor units (BigInt, e.g. Grand Chain's fen). These helpers convert between the two
 * exactly and format for display only.
 */
import { errors } from './errors';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** True when `s` is a plain decimal number string (no exponent, no spaces, no thousands marks). */
export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/**
 * Parse a decimal string into integer minor units with `scale` digits after the point
 * (`toMinor("12.5", 2) === 1250n`). More fractional digits than `scale` are rejected, not rounded:
 * silently dropping money is worse than a clear error.
 */
export function toMinor(s: string, scale: number): bigint {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw errors.invalid_input({ en: `Not an amount: ${s}`, zh: `金额格式不正确：${s}` });
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) {
    throw errors.invalid_input({
      en: `At most ${scale} digits after the decimal point`,
      zh: `小数点后最多 ${scale} 位`,
    });
  }
  const units = BigInt(whole + frac.slice(0, scale).padEnd(scale, '0'));
  return sign === '-' ? -units : units;
}

/** Integer minor units back to a canonical decimal string (`fromMinor(1250n, 2) === "12.50"`). */
export function fromMinor(units: bigint, scale: number): string {
  const neg = units < 0n;
  const abs = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const frac = scale > 0 ? `.${abs.slice(abs.length - scale)}` : '';
  return `${neg ? '-' : ''}${whole}${frac}`;
}

/** Normalise a decimal string: no leading zeros, no trailing fractional zeros, no "+", no "-0". */
export function normalizeDecimal(s: string): string {
  const m = DECIMAL.exec(s.trim());
  if (!m) throw errors.invalid_input({ en: `Not an amount: ${s}`, zh: `金额格式不正确：${s}` });
  const [, sign, whole = '0', frac = ''] = m;
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  const body = f ? `${w}.${f}` : w;
  return sign === '-' && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Exact sum of decimal strings (used for per-token net flow of a ledger). */
export function addDecimals(values: readonly string[]): string {
  let scale = 0;
  for (const v of values) {
    const m = DECIMAL.exec(v.trim());
    if (!m) throw errors.invalid_input({ en: `Not an amount: ${v}`, zh: `金额格式不正确：${v}` });
    scale = Math.max(scale, (m[3] ?? '').length);
  }
  let total = 0n;
  for (const v of values) total += toMinor(v, scale);
  return normalizeDecimal(fromMinor(total, scale));
}

/** Yuan typed by a person ("12.3") to Grand Chain fen (1230n). */
export function yuanToFen(yuan: string): bigint {
  return toMinor(yuan, 2);
}

export function fenToYuan(fen: bigint): string {
  return fromMinor(fen, 2);
}

/** Display only: group the integer part by thousands for the given locale. */
export function formatDecimal(s: string, locale: string): string {
  const n = normalizeDecimal(s);
  const neg = n.startsWith('-');
  const [whole = '0', frac] = (neg ? n.slice(1) : n).split('.');
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  const sep = new Intl.NumberFormat(locale).format(1.5).charAt(1);
  return `${neg ? '-' : ''}${grouped}${frac ? sep + frac : ''}`;
}
