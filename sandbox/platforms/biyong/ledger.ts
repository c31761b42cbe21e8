/**
 * The demo user's BiYong ledger (资金流水, docs/providers/biyong.md, Endpoints): deterministic,
 * generated once per size, and stored column-wise so that serving a 1000-record page is a binary
 * search and a slice.
 *
 * Decisions (sandbox/README.md):
 * - Order: ascending by time, oldest first, and times are strictly increasing. Appending new
 *   records never moves an existing record to another page, which is what an incremental sync
 *   relies on.
 * - `startTime` and `endTime` are both inclusive, in epoch milliseconds; `total` counts the
 *   records inside the bounds.
 * - `balance` is the signed change as a decimal string with the token's decimals
 *   ("-0.05000000"); balances never go below zero, so the changes add up to real holdings.
 * - The base ledger spans 2019-01-01 to 2025-12-31 whatever its size, unless it is given its own
 *   span (the demo's few hundred records over the last weeks, so a chart over time has a shape);
 *   appended records are recent: they end at the platform's current time, one minute apart (or
 *   just after the last record).
 */

export const LEDGER_MAX = 100_000;
export const LEDGER_DEFAULT = 240;
const SPAN_START = Date.UTC(2019, 0, 1);
const SPAN_END = Date.UTC(2025, 11, 31);
const APPEND_STEP_MS = 60_000;

export interface LedgerToken {
  symbol: string;
  decimals: number;
  /** Largest single change, in minor units (kept well below 2^53). */
  maxChange: number;
}

export const LEDGER_TOKENS: readonly LedgerToken[] = [
  { symbol: 'BTC', decimals: 8, maxChange: 50_000_000 },
  { symbol: 'ETH', decimals: 8, maxChange: 500_000_000 },
  { symbol: 'USDT', decimals: 4, maxChange: 50_000_000 },
  { symbol: 'ACT', decimals: 4, maxChange: 200_000_000 },
  { symbol: 'EOS', decimals: 4, maxChange: 10_000_000 },
];

/** mulberry32: a small, fast, seedable PRNG (deterministic ledgers across runs and machines). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function formatMinor(units: number, decimals: number): string {
  const abs = Math.abs(units);
  const scale = 10 ** decimals;
  const int = Math.floor(abs / scale);
  const frac = String(abs % scale).padStart(decimals, '0');
  return `${units < 0 ? '-' : ''}${int}.${frac}`;
}

export interface LedgerRecord {
  tokenSymbol: string;
  balance: string;
  time: number;
}

export class Ledger {
  private readonly times: number[] = [];
  private readonly symbols: number[] = [];
  private readonly changes: string[] = [];
  private readonly holdings: number[] = LEDGER_TOKENS.map(() => 0);
  private readonly rand: () => number;

  /** `span`: first and last instant of the records' times, epoch ms (default 2019 … 2025). */
  constructor(
    size: number,
    seed = 0x0b1f0a9,
    span: { start: number; end: number } = { start: SPAN_START, end: SPAN_END },
  ) {
    if (!Number.isInteger(size) || size < 0 || size > LEDGER_MAX) {
      throw new RangeError(`ledger size must be an integer from 0 to ${LEDGER_MAX}`);
    }
    const width = span.end - span.start;
    if (!Number.isSafeInteger(span.start) || !Number.isSafeInteger(width) || width < size) {
      throw new RangeError('the ledger span must hold at least one millisecond per record');
    }
    this.rand = prng(seed);
    // One slot per record, the record at a random point inside its slot: strictly increasing
    // times that stay inside the span, with no sort.
    const slot = size > 0 ? Math.floor(width / size) : 0;
    for (let i = 0; i < size; i++) {
      this.push(span.start + i * slot + Math.floor(this.rand() * slot));
    }
  }

  get size(): number {
    return this.times.length;
  }

  get lastTime(): number | undefined {
    return this.times[this.times.length - 1];
  }

  /** Current holdings per token (the sum of all changes), as decimal strings. */
  holdingsBySymbol(): Record<string, string> {
    const out: Record<string, string> = {};
    LEDGER_TOKENS.forEach(
      (tok, i) => (out[tok.symbol] = formatMinor(this.holdings[i] ?? 0, tok.decimals)),
    );
    return out;
  }

  /** Append `n` records ending at `now` (see the header comment). */
  append(n: number, now: number): void {
    if (!Number.isInteger(n) || n < 0 || this.size + n > LEDGER_MAX) {
      throw new RangeError(`appending ${n} records would leave the ledger outside 0-${LEDGER_MAX}`);
    }
    let t = Math.max((this.lastTime ?? 0) + 1, now - (n - 1) * APPEND_STEP_MS);
    for (let i = 0; i < n; i++, t += APPEND_STEP_MS) this.push(t);
  }

  /** Index range [lo, hi) of records with startTime ≤ time ≤ endTime. */
  range(startTime?: number, endTime?: number): { lo: number; hi: number } {
    const lo = startTime === undefined ? 0 : this.firstAtOrAfter(startTime);
    const hi = endTime === undefined ? this.times.length : this.firstAtOrAfter(endTime + 1);
    return { lo, hi: Math.max(lo, hi) };
  }

  slice(from: number, to: number): LedgerRecord[] {
    const out: LedgerRecord[] = [];
    for (let i = from; i < to; i++) {
      out.push({
        tokenSymbol: LEDGER_TOKENS[this.symbols[i] ?? 0]?.symbol ?? '',
        balance: this.changes[i] ?? '0',
        time: this.times[i] ?? 0,
      });
    }
    return out;
  }

  private firstAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private push(time: number): void {
    const k = Math.floor(this.rand() * LEDGER_TOKENS.length);
    const tok = LEDGER_TOKENS[k] ?? LEDGER_TOKENS[0];
    if (!tok) return;
    const held = this.holdings[k] ?? 0;
    const amount = 1 + Math.floor(this.rand() * tok.maxChange);
    // Spend only what is there: a withdrawal never takes a holding below zero.
    const spend = held > 0 && this.rand() < 0.45;
    const change = spend ? -Math.min(amount, held) : amount;
    this.holdings[k] = held + change;
    this.times.push(time);
    this.symbols.push(k);
    this.changes.push(formatMinor(change, tok.decimals));
  }
}
