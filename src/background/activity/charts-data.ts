/**
 * The data of the popup's two pictures (src/core/charts.ts), computed exactly: decimal amounts
 * become BigInt units at the largest scale seen per token, Grand Chain's fen stay BigInt.
 *
 * Grand Chain has no balance query (docs/providers/grandchain.md "Money"): a balance arrives only
 * with a transfer or a receive, and the worker keeps the last one (accounts/grandchain.ts
 * `recordBalance`). Its history is derived by walking the history records from that balance —
 * backwards for the records before it, forwards for those after — rather than from a series of
 * balances recorded over time: every balance Grand Chain reports comes with a transfer or a
 * receive, which is itself a history record, so such a series would add no point the walk does
 * not give, while the walk also covers everything before CoinDock was installed. What the history
 * cannot explain (a top-up outside it) shows as a balance below zero going back: the walk stops
 * there and says so (`complete: false`).
 */
import { errors } from '../../core/errors';
import type { LedgerRecord } from '../../core/ledger';
import { normalizeDecimal } from '../../core/money';
import {
  LEDGER_CHART_BUCKETS,
  type BalanceHistoryView,
  type BalancePoint,
  type LedgerChartToken,
  type LedgerChartView,
} from '../../core/charts';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

function parse(s: string): { units: bigint; scale: number } {
  const m = DECIMAL.exec(s);
  if (!m)
    throw errors.internal({ en: 'Not a decimal amount in the ledger', zh: '资金流水中有非法金额' });
  const [, sign, whole = '0', frac = ''] = m;
  const units = BigInt(whole + frac);
  return { units: sign === '-' ? -units : units, scale: frac.length };
}

function format(units: bigint, scale: number): string {
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  const body = scale > 0 ? `${digits.slice(0, cut)}.${digits.slice(cut)}` : digits;
  return normalizeDecimal(neg ? `-${body}` : body);
}

/** Which bucket of `buckets` equal parts of [from, to] the time `t` falls in (integer maths). */
export function bucketOf(t: number, from: number, to: number, buckets: number): number {
  if (to <= from || buckets <= 1) return 0;
  const k = Math.floor(((t - from) * buckets) / (to - from));
  return Math.max(0, Math.min(buckets - 1, k));
}

interface TokenAcc {
  scale: number;
  count: number;
  inflow: bigint;
  outflow: bigint;
  /** Net change per bucket, at `scale`. */
  deltas: bigint[];
}

/**
 * Builds the ledger chart one record at a time (the worker streams stored chunks through it):
 * `tokens` are the ones drawn, `from`/`to` the span of the whole ledger.
 */
export function ledgerChartBuilder(opts: {
  tokens: readonly string[];
  others: number;
  from: number | null;
  to: number | null;
  buckets?: number;
}) {
  const { from, to } = opts;
  const buckets =
    from === null || to === null ? 0 : to > from ? (opts.buckets ?? LEDGER_CHART_BUCKETS) : 1;
  const accs = new Map<string, TokenAcc>(
    opts.tokens.map((t) => [
      t,
      { scale: 0, count: 0, inflow: 0n, outflow: 0n, deltas: new Array<bigint>(buckets).fill(0n) },
    ]),
  );
  return {
    add(r: LedgerRecord): void {
      const acc = accs.get(r.tokenSymbol);
      if (!acc || from === null || to === null) return;
      const x = parse(r.balance);
      if (x.scale > acc.scale) {
        const f = 10n ** BigInt(x.scale - acc.scale);
        acc.inflow *= f;
        acc.outflow *= f;
        for (let k = 0; k < buckets; k++) acc.deltas[k]! *= f;
        acc.scale = x.scale;
      }
      const v = x.units * 10n ** BigInt(acc.scale - x.scale);
      if (v > 0n) acc.inflow += v;
      else acc.outflow += v;
      acc.deltas[bucketOf(r.time, from, to, buckets)]! += v;
      acc.count++;
    },
    finish(): LedgerChartView {
      const tokens: LedgerChartToken[] = opts.tokens.map((token) => {
        const a = accs.get(token)!;
        let sum = 0n;
        const points = a.deltas.map((d) => format((sum += d), a.scale));
        return {
          token,
          count: a.count,
          inflow: format(a.inflow, a.scale),
          outflow: format(a.outflow, a.scale),
          net: format(a.inflow + a.outflow, a.scale),
          points,
        };
      });
      return { from, to, buckets, tokens, others: opts.others };
    },
  };
}

/** The most active tokens first (most records, then by name), as the net flow orders them. */
export function chartTokens(
  counts: ReadonlyArray<{ token: string; count: number }>,
  shown: number,
): { tokens: string[]; others: number } {
  const sorted = [...counts]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return {
    tokens: sorted.slice(0, shown).map((c) => c.token),
    others: Math.max(0, sorted.length - shown),
  };
}

/** The whole computation over records held in memory, oldest first (tests; small ledgers). */
export function ledgerChart(
  records: readonly LedgerRecord[],
  shown: number,
  buckets = LEDGER_CHART_BUCKETS,
): LedgerChartView {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.tokenSymbol, (counts.get(r.tokenSymbol) ?? 0) + 1);
  const { tokens, others } = chartTokens(
    [...counts].map(([token, count]) => ({ token, count })),
    shown,
  );
  let from: number | null = null;
  let to: number | null = null;
  for (const r of records) {
    from = from === null ? r.time : Math.min(from, r.time);
    to = to === null ? r.time : Math.max(to, r.time);
  }
  const b = ledgerChartBuilder({ tokens, others, from, to, buckets });
  for (const r of records) b.add(r);
  return b.finish();
}

/** A change of Grand Chain's balance from its history: when, and by how many fen (signed). */
export interface BalanceChange {
  time: number;
  deltaFen: bigint;
}

/**
 * Grand Chain's balance after each change, from the last reported balance: changes at or before
 * the report are already in it (walked backwards), later ones are added (walked forwards).
 * Changes of equal time keep their given order (history is listed oldest first).
 */
export function balanceHistory(
  changes: readonly BalanceChange[],
  reported: { time: number; fen: bigint } | null,
): BalanceHistoryView {
  if (!reported) return { reported: null, startFen: null, points: [], complete: true };
  const sorted = changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.time - b.c.time || a.i - b.i)
    .map((x) => x.c);
  const split = sorted.findIndex((c) => c.time > reported.time);
  const before = split === -1 ? sorted : sorted.slice(0, split);
  const after = split === -1 ? [] : sorted.slice(split);

  const back: BalancePoint[] = [];
  let balance = reported.fen;
  let complete = true;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i]!;
    back.push({ time: c.time, fen: balance.toString(), deltaFen: c.deltaFen.toString() });
    balance -= c.deltaFen;
    if (balance < 0n) {
      complete = false;
      break;
    }
  }
  back.reverse();
  const startFen = complete ? balance.toString() : null;

  balance = reported.fen;
  const forward: BalancePoint[] = after.map((c) => {
    balance += c.deltaFen;
    return { time: c.time, fen: balance.toString(), deltaFen: c.deltaFen.toString() };
  });
  return {
    reported: { time: reported.time, fen: reported.fen.toString() },
    startFen,
    points: [...back, ...forward],
    complete,
  };
}
