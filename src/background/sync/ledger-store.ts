/**
 * Where a synced ledger lives: records in fixed-size chunks (chunk k holds records k·CHUNK_SIZE …
 * (k+1)·CHUNK_SIZE − 1, oldest first) plus one small meta record. 100,000 records are 100 chunk
 * keys, and a page of the popup's list touches one or two of them.
 *
 * The one write operation, `commit`, stores the new chunks and the new meta (which holds the sync
 * cursor) in a single transaction, and only if nobody else wrote in between (`rev`). A worker
 * killed at any moment therefore leaves either the page and its cursor, or neither.
 */
import * as v from 'valibot';
import type { LedgerRecord } from '../../core/ledger';

export const CHUNK_SIZE = 1000;

/** Running totals of one token (exact: a decimal string at the largest scale seen). */
export interface TokenFlow {
  net: string;
  count: number;
}

/**
 * A sync run that has not finished. Within a run the query window is fixed (`startTime`) and the
 * ledger is append-only and ordered by time (sandbox/README.md "Ledger"), so `pageNo` offsets stay
 * valid across a worker restart.
 */
export interface SyncRun {
  /** Inclusive lower bound sent as `startTime`; null for the first, unbounded sync. */
  startTime: number | null;
  /** Kept per run: offsets only line up when every page of the run has the same size. */
  pageSize: number;
  nextPageNo: number;
  /** Records received in this run, new or not (compared with the platform's `total`). */
  seen: number;
  /**
   * Stored records at `startTime` not yet met again in this run, by identity (see record-id.ts):
   * the window starts at our newest time inclusive, so these come back and must be skipped.
   */
  skip: Record<string, number>;
}

export interface LedgerMeta {
  version: 1;
  /** Whose ledger this is; another openId means start over. */
  openId: string;
  /** Part of every chunk key: a reset writes a new generation, so a reader never mixes two. */
  generation: number;
  /** Bumped by every commit (optimistic concurrency). */
  rev: number;
  count: number;
  newestTime: number | null;
  /** Identities (with multiplicity) of the stored records at `newestTime`. */
  boundary: Record<string, number>;
  flows: Record<string, TokenFlow>;
  run: SyncRun | null;
  lastSyncedAt: number | null;
}

export interface LedgerCommit {
  meta: LedgerMeta;
  /** [chunk index, the chunk's full contents] in `meta.generation`. */
  chunks: Array<[number, LedgerRecord[]]>;
  /** Remove every chunk of this generation in the same transaction (a reset). */
  dropGeneration?: number;
}

export interface LedgerStore {
  /** The stored meta, or undefined when there is none or it is not one we can read. */
  readMeta(): Promise<LedgerMeta | undefined>;
  /** Chunks of one generation, in one read transaction; a missing chunk is undefined. */
  readChunks(
    generation: number,
    indices: readonly number[],
  ): Promise<(LedgerRecord[] | undefined)[]>;
  /**
   * Atomically write `commit` if the stored meta's rev is `expectedRev` (null: no meta stored).
   * Rejects with `internal` and writes nothing otherwise, or when the write fails.
   */
  commit(commit: LedgerCommit, expectedRev: number | null): Promise<void>;
  /** Remove everything (e.g. when the user forgets the account). */
  clear(): Promise<void>;
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const multiset = v.record(v.string(), count);

/** Stored data is checked before use: an older or damaged meta means a fresh sync, not a crash. */
export const ledgerMetaSchema = v.object({
  version: v.literal(1),
  openId: v.string(),
  generation: count,
  rev: count,
  count,
  newestTime: v.nullable(count),
  boundary: multiset,
  flows: v.record(v.string(), v.object({ net: v.string(), count })),
  run: v.nullable(
    v.object({
      startTime: v.nullable(count),
      pageSize: v.pipe(count, v.minValue(1)),
      nextPageNo: count,
      seen: count,
      skip: multiset,
    }),
  ),
  lastSyncedAt: v.nullable(count),
}) satisfies v.GenericSchema<unknown, LedgerMeta>;

export function chunkOf(index: number): number {
  return Math.floor(index / CHUNK_SIZE);
}
