/**
 * The merged, filtered activity list as an index, so the popup's virtualised list can ask for any
 * window of it: `refs[k]` is row k (newest first) — a BiYong ledger position (≥ 0) or, negative,
 * `-(i + 1)` for `others[i]` (Grand Chain rows and transfers, merge.ts).
 *
 * Building a view scans the stored ledger once, a few chunks at a time (memory: those chunks and
 * two typed arrays of the ledger's length: ≈ 1.2 MB for 100,000 rows). Reading a page then touches
 * only the chunks its ledger rows live in. Ledger positions below `count` never change within a
 * generation (ledger-store.ts), so a view stays right until the ledger or `others` change.
 */
import { errors } from '../../core/errors';
import { ADAPTERS } from '../../providers/registry';
import {
  ledgerId,
  ledgerItem,
  matchesFilter,
  normalizeQuery,
  type ActivityFilter,
  type ActivityItem,
} from '../../core/activity';
import { CHUNK_SIZE, chunkOf, type LedgerStore } from '../sync/ledger-store';

/** Chunks read per IndexedDB transaction while scanning. */
const SCAN_BATCH = 10;

export interface LedgerSnapshot {
  generation: number;
  count: number;
}

export interface ActivityView {
  refs: Int32Array;
  ledger: LedgerSnapshot | undefined;
  others: readonly ActivityItem[];
}

function damaged() {
  return errors.internal(
    {
      en: 'The stored ledger changed while it was read; try again',
      zh: '读取期间本地资金流水发生变化，请重试',
    },
    { platform: 'biyong', endpoint: 'activity-view' },
  );
}

/** Ledger rows matching `filter`, newest first: positions and times. */
async function scanLedger(
  store: LedgerStore,
  ledger: LedgerSnapshot,
  filter: ActivityFilter,
): Promise<{ positions: Int32Array; times: Float64Array; n: number }> {
  const query = normalizeQuery(filter.query);
  const token = filter.token || undefined;
  const everything = query === '' && token === undefined;
  const positions = new Int32Array(ledger.count);
  const times = new Float64Array(ledger.count);
  let n = 0;
  const lastChunk = chunkOf(ledger.count - 1);
  for (let top = lastChunk; top >= 0; top -= SCAN_BATCH) {
    const indices: number[] = [];
    for (let c = top; c > top - SCAN_BATCH && c >= 0; c--) indices.push(c);
    const chunks = await store.readChunks(ledger.generation, indices);
    for (let i = 0; i < indices.length; i++) {
      const c = indices[i]!;
      const chunk = chunks[i];
      const hi = Math.min(ledger.count, (c + 1) * CHUNK_SIZE) - 1;
      if (!chunk || chunk.length < hi - c * CHUNK_SIZE + 1) throw damaged();
      for (let p = hi; p >= c * CHUNK_SIZE; p--) {
        const r = chunk[p - c * CHUNK_SIZE]!;
        if (!everything) {
          if (token !== undefined && r.tokenSymbol !== token) continue;
          if (query !== '' && !matchesFilter(ledgerItem(r, p), {}, query)) continue;
        }
        positions[n] = p;
        times[n] = r.time;
        n++;
      }
    }
  }
  return { positions, times, n };
}

export async function buildView(
  store: LedgerStore,
  ledger: LedgerSnapshot | undefined,
  allOthers: readonly ActivityItem[],
  filter: ActivityFilter,
): Promise<ActivityView> {
  const query = normalizeQuery(filter.query);
  const others = allOthers.filter((o) => matchesFilter(o, filter, query));
  // The ledger is one platform's balance history (its adapter says so): shown unless the filter
  // names another platform.
  const useLedger =
    ledger !== undefined &&
    ledger.count > 0 &&
    (filter.platform === undefined || ADAPTERS[filter.platform].activity?.ledger === true);
  if (!useLedger) {
    const refs = new Int32Array(others.length);
    for (let i = 0; i < others.length; i++) refs[i] = -(i + 1);
    return { refs, ledger, others };
  }
  const { positions, times, n } = await scanLedger(store, ledger, filter);
  const refs = new Int32Array(n + others.length);
  let a = 0;
  let b = 0;
  let k = 0;
  while (a < n || b < others.length) {
    let takeLedger: boolean;
    if (a >= n) takeLedger = false;
    else if (b >= others.length) takeLedger = true;
    else {
      const o = others[b]!;
      const t = times[a]!;
      // Same rule as newestFirst: newer first, then the larger id.
      takeLedger = t !== o.time ? t > o.time : ledgerId(positions[a]!) > o.id;
    }
    refs[k++] = takeLedger ? positions[a++]! : -(b++ + 1);
  }
  return { refs, ledger, others };
}

/** Rows [offset, offset + limit) of a view, read from the store. */
export async function readView(
  store: LedgerStore,
  view: ActivityView,
  offset: number,
  limit: number,
): Promise<ActivityItem[]> {
  const end = Math.min(view.refs.length, offset + limit);
  if (offset >= end) return [];
  const wanted = new Set<number>();
  for (let k = offset; k < end; k++) {
    const r = view.refs[k]!;
    if (r >= 0) wanted.add(chunkOf(r));
  }
  const indices = [...wanted];
  const chunks =
    indices.length && view.ledger ? await store.readChunks(view.ledger.generation, indices) : [];
  const byIndex = new Map(indices.map((c, i) => [c, chunks[i]]));
  const out: ActivityItem[] = [];
  for (let k = offset; k < end; k++) {
    const r = view.refs[k]!;
    if (r < 0) {
      out.push(view.others[-r - 1]!);
      continue;
    }
    const rec = byIndex.get(chunkOf(r))?.[r % CHUNK_SIZE];
    if (!rec) throw damaged();
    out.push(ledgerItem(rec, r));
  }
  return out;
}

/** Cheap identity of the small rows: a view built on other rows must not be reused. */
export function signature(items: readonly ActivityItem[]): string {
  let h = 0x811c9dc5;
  for (const i of items) {
    const s = `${i.id}|${i.status}|${i.amount}|${i.time}|${i.text.en}`;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  }
  return `${items.length}:${(h >>> 0).toString(36)}`;
}
