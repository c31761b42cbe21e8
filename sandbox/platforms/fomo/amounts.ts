/**
 * Decimal amounts for the FOMO wallet as BigInt units of 10^-8 (no floats for money, house rule).
 * Eight places covers every demo coin (BTC, ETH, USDT).
 */
export const FOMO_DECIMALS = 8;
const SCALE = 10n ** BigInt(FOMO_DECIMALS);
const AMOUNT = /^(\d{1,20})(?:\.(\d{1,8}))?$/;

/** A plain positive-or-zero decimal string → units; undefined if it is not one. */
export function parseAmount(text: string): bigint | undefined {
  const m = AMOUNT.exec(text);
  if (!m) return undefined;
  const whole = BigInt(m[1] ?? '0');
  const frac = BigInt((m[2] ?? '').padEnd(FOMO_DECIMALS, '0'));
  return whole * SCALE + frac;
}

/** Units → a decimal string with all eight places, e.g. 52000000n → "0.52000000". */
export function formatAmount(units: bigint): string {
  const sign = units < 0n ? '-' : '';
  const abs = units < 0n ? -units : units;
  return `${sign}${abs / SCALE}.${(abs % SCALE).toString().padStart(FOMO_DECIMALS, '0')}`;
}
