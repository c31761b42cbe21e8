/**
 * Test-only: an in-memory BiYong ledger endpoint with the sandbox's documented semantics (oldest
 * first, `startTime`/`endTime` inclusive, `total` counting the window, `pageNo` from 0) but which,
 * unlike the sandbox, allows several records at the same millisecond — the case the incremental
 * sync's identity rules exist for. Also: an independent exact sum, and a store wrapper that
 * counts, inspects and kills commits. Imported by the *.test.ts files beside it only.
 */
import type { BiyongBalanceRecord, BiyongPage, BalanceQuery } from '../../providers/biyong';
import type { LedgerRecord } from '../../core/ledger';
import type { LedgerCommit, LedgerStore } from './ledger-store';

/** mulberry32: deterministic ledgers, so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  { symbol: 'BTC', decimals: 8 },
  { symbol: 'USDT', decimals: 4 },
  { symbol: 'ACT', decimals: 2 },
  { symbol: 'EOS', decimals: 0 },
];

/** `n` records from `start`, with about one in four sharing the previous record's time. */
export function makeLedger(n: number, seed = 7, start = Date.UTC(2020, 0, 1)): LedgerRecord[] {
  const rand = prng(seed);
  const out: LedgerRecord[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    if (i > 0 && rand() >= 0.25) t += 1 + Math.floor(rand() * 3_600_000);
    const tok = TOKENS[Math.floor(rand() * TOKENS.length)] ?? TOKENS[0]!;
    const units = BigInt(Math.floor(rand() * 1e12)) * (rand() < 0.4 ? -1n : 1n);
    out.push({ tokenSymbol: tok.symbol, balance: writeUnits(units, tok.decimals), time: t });
  }
  return out;
}

function writeUnits(units: bigint, decimals: number): string {
  const neg = units < 0n;
  const s = (neg ? -units : units).toString().padStart(decimals + 1, '0');
  const body = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return neg ? `-${body}` : body;
}

export interface FakeLedgerClient {
  balancePage(q: BalanceQuery): Promise<BiyongPage<BiyongBalanceRecord>>;
  ledger: LedgerRecord[];
  calls: BalanceQuery[];
  /** Runs before each answer (with the 1-based call number): throw to fail it, abort a signal… */
  before?: (call: number, q: BalanceQuery) => void;
  /** Serve records that share a millisecond in reverse order (a platform free to order them). */
  reverseSameTime: boolean;
}

export function fakeLedgerClient(ledger: LedgerRecord[]): FakeLedgerClient {
  const fake: FakeLedgerClient = {
    ledger,
    calls: [],
    reverseSameTime: false,
    async balancePage(q) {
      fake.calls.push(q);
      fake.before?.(fake.calls.length, q);
      let window = fake.ledger.filter(
        (r) =>
          (q.startTime === undefined || r.time >= q.startTime) &&
          (q.endTime === undefined || r.time <= q.endTime),
      );
      if (fake.reverseSameTime) window = reverseGroups(window);
      const from = q.pageNo * q.pageSize;
      return {
        total: window.length,
        records: window.slice(from, from + q.pageSize).map((r) => ({ ...r })),
      };
    },
  };
  return fake;
}

function reverseGroups(records: LedgerRecord[]): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  let i = 0;
  while (i < records.length) {
    let j = i;
    while (j < records.length && records[j]?.time === records[i]?.time) j++;
    out.push(...records.slice(i, j).reverse());
    i = j;
  }
  return out;
}

/**
 * Exact per-token sums computed apart from net-flow.ts: every amount padded to 30 decimals and
 * summed as BigInt, then trimmed.
 */
export function independentSums(records: readonly LedgerRecord[]): Map<string, string> {
  const SCALE = 30;
  const sums = new Map<string, bigint>();
  for (const r of records) {
    const neg = r.balance.startsWith('-');
    const [whole = '0', frac = ''] = r.balance.replace(/^[-+]/, '').split('.');
    const units = BigInt(whole + frac.padEnd(SCALE, '0'));
    sums.set(r.tokenSymbol, (sums.get(r.tokenSymbol) ?? 0n) + (neg ? -units : units));
  }
  const out = new Map<string, string>();
  for (const [token, units] of sums) {
    const neg = units < 0n;
    const s = (neg ? -units : units).toString().padStart(SCALE + 1, '0');
    const whole = s.slice(0, -SCALE);
    const frac = s.slice(-SCALE).replace(/0+$/, '');
    const text = frac ? `${whole}.${frac}` : whole;
    out.set(token, neg && text !== '0' ? `-${text}` : text);
  }
  return out;
}

export interface SpyStore extends LedgerStore {
  commits: LedgerCommit[];
  /** Called before each commit with its 1-based number; throw to make the commit fail. */
  beforeCommit?: (n: number) => void;
  /** Called after each successful commit; throw to play a worker killed right after a write. */
  afterCommit?: (n: number) => void;
}

/** A LedgerStore that records what is committed (chunk sizes are what bounds memory). */
export function spyStore(inner: LedgerStore): SpyStore {
  const spy: SpyStore = {
    commits: [],
    readMeta: () => inner.readMeta(),
    readChunks: (g, i) => inner.readChunks(g, i),
    clear: () => inner.clear(),
    async commit(c, rev) {
      const n = spy.commits.length + 1;
      spy.beforeCommit?.(n);
      await inner.commit(c, rev);
      spy.commits.push(c);
      spy.afterCommit?.(n);
    },
  };
  return spy;
}

let dbCounter = 0;
/** A database name no other test uses (fake-indexeddb lives for the whole file). */
export function freshDbName(label = 'ledger'): string {
  dbCounter++;
  return `test-${label}-${process.pid}-${dbCounter}`;
}
