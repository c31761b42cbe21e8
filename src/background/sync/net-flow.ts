/**
 * Per-token running net flow, exact: amounts are decimal strings turned into BigInt units at the
 * largest scale seen for the token, so 100,000 changes add up to the last digit (never a float,
 * preamble "Money").
 */
import { errors } from '../../core/errors';
import type { LedgerRecord } from '../../core/ledger';
import { normalizeDecimal } from '../../core/money';
import type { TokenFlow } from './ledger-store';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

interface Acc {
  units: bigint;
  scale: number;
  count: number;
}

function parse(s: string): { units: bigint; scale: number } {
  const m = DECIMAL.exec(s);
  if (!m) {
    // The client only lets plain decimals through (schemas.ts); a stored total that is not one
    // means damaged storage.
    throw errors.internal({ en: 'Not a decimal amount in the ledger', zh: '资金流水中有非法金额' });
  }
  const [, sign, whole = '0', frac = ''] = m;
  const units = BigInt(whole + frac);
  return { units: sign === '-' ? -units : units, scale: frac.length };
}

function rescale(acc: Acc, scale: number): void {
  if (scale > acc.scale) {
    acc.units *= 10n ** BigInt(scale - acc.scale);
    acc.scale = scale;
  }
}

function format(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const body = scale > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return neg ? `-${body}` : body;
}

/** New totals with `records` added; `flows` is not changed. */
export function addFlows(
  flows: Readonly<Record<string, TokenFlow>>,
  records: readonly LedgerRecord[],
): Record<string, TokenFlow> {
  const accs = new Map<string, Acc>();
  for (const r of records) {
    let acc = accs.get(r.tokenSymbol);
    if (!acc) {
      const prev = flows[r.tokenSymbol];
      acc = prev ? { ...parse(prev.net), count: prev.count } : { units: 0n, scale: 0, count: 0 };
      accs.set(r.tokenSymbol, acc);
    }
    const x = parse(r.balance);
    rescale(acc, x.scale);
    acc.units += x.units * 10n ** BigInt(acc.scale - x.scale);
    acc.count++;
  }
  const out: Record<string, TokenFlow> = { ...flows };
  for (const [token, acc] of accs)
    out[token] = { net: format(acc.units, acc.scale), count: acc.count };
  return out;
}

/** Totals as people read them: normalised amounts, tokens in alphabetical order. */
export function flowRows(
  flows: Readonly<Record<string, TokenFlow>>,
): { token: string; net: string; count: number }[] {
  return Object.keys(flows)
    .sort()
    .map((token) => {
      const f = flows[token] ?? { net: '0', count: 0 };
      return { token, net: normalizeDecimal(f.net), count: f.count };
    });
}
