/**
 * The BiYong ledger sync (/biyong-user/balance/page, docs/providers/biyong.md, Endpoints): pages of
 * up to 1000 records into a LedgerStore, resumable, incremental, memory-bounded. Platform-neutral:
 * no chrome.* here, the worker passes the client and the store in.
 *
 * How it works (sandbox/README.md "Ledger": oldest first, `startTime` inclusive, append-only):
 * - A run fixes its window: everything (first sync), or `startTime` = our newest stored time.
 *   It pages through the window by `pageNo`; each page is committed together with the advanced
 *   cursor (the run in the meta) in one transaction, so a worker killed anywhere resumes at the
 *   first page not committed, without duplicates or gaps.
 * - The window of an incremental run starts at our newest time *inclusive*, because more records
 *   may have arrived at that same millisecond; the ones we hold are recognised by identity
 *   (record-id.ts) and skipped. With nothing new, the run is one request that returns only them
 *   (as long as they fit one page: more than 1000 records in one millisecond would take more).
 * - Within a run, `pageNo` offsets assume records are only ever appended after the window's
 *   start (true of the sandbox; a platform inserting records into the past would need a full
 *   re-sync, which `reset()` then `sync()` gives).
 * - If records we hold at that time are gone from the platform, its history changed: the store is
 *   reset (a new generation) and synced from the start, once.
 * - Memory: the page being applied and the partial last chunk, nothing more.
 * - Errors from the client (typed CoinDockErrors) pass through unchanged; nothing of the failed
 *   page is written.
 */
import type { LedgerRecord, LedgerSyncResult } from '../../core/ledger';
import { errors } from '../../core/errors';
import type { BiyongClient } from '../../providers/biyong';
import { BIYONG_MAX_PAGE_SIZE } from '../../providers/biyong';
import { applyPage, LedgerDiverged, type RunningMeta } from './apply-page';
import { createLedgerReader, type LedgerReader } from './ledger-reader';
import { CHUNK_SIZE, chunkOf, type LedgerMeta, type LedgerStore } from './ledger-store';
import { isEmpty } from './record-id';

export interface LedgerSyncDeps {
  client: Pick<BiyongClient, 'balancePage'>;
  store: LedgerStore;
  openId: string;
  /** Records per request, 1–1000 (default 1000, BiYong's maximum). */
  pageSize?: number;
  now?: () => number;
}

export interface LedgerSync extends LedgerReader {
  /**
   * Bring the store up to date. One run at a time: a call while a run is going returns that run.
   * `signal` stops it at the next page boundary (what was received is kept) and rejects with the
   * signal's reason; the next call resumes.
   */
  sync(signal?: AbortSignal): Promise<LedgerSyncResult>;
  /**
   * Drop the stored ledger (e.g. the account was removed). A run going at that moment fails its
   * next commit (`internal`, the store changed under it) and writes nothing more.
   */
  reset(): Promise<void>;
}

function emptyMeta(openId: string, generation: number, rev: number): LedgerMeta {
  return {
    version: 1,
    openId,
    generation,
    rev,
    count: 0,
    newestTime: null,
    boundary: {},
    flows: {},
    run: null,
    lastSyncedAt: null,
  };
}

export function createLedgerSync(deps: LedgerSyncDeps): LedgerSync {
  const { client, store, openId } = deps;
  const pageSize = deps.pageSize ?? BIYONG_MAX_PAGE_SIZE;
  const now = deps.now ?? (() => Date.now());
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > BIYONG_MAX_PAGE_SIZE) {
    throw errors.invalid_input(
      {
        en: `pageSize must be 1–${BIYONG_MAX_PAGE_SIZE}`,
        zh: `pageSize 必须在 1~${BIYONG_MAX_PAGE_SIZE} 之间`,
      },
      { platform: 'biyong', endpoint: 'ledger-sync' },
    );
  }

  /** Replace whatever is stored by an empty ledger of a new generation, atomically. */
  async function startOver(old: LedgerMeta | undefined, rev: number | null): Promise<LedgerMeta> {
    const generation = (old?.generation ?? 0) + 1;
    const fresh = emptyMeta(openId, generation, (rev ?? 0) + 1);
    await store.commit(
      { meta: fresh, chunks: [], ...(old ? { dropGeneration: old.generation } : {}) },
      rev,
    );
    return fresh;
  }

  /** The stored meta for this account, or a new empty one when there is none (or another's). */
  async function load(): Promise<{ meta: LedgerMeta; reset: boolean }> {
    const stored = await store.readMeta();
    if (stored && stored.openId === openId) return { meta: stored, reset: false };
    if (stored) return { meta: await startOver(stored, stored.rev), reset: true };
    // Nothing readable: there may still be an older or damaged meta, or stray chunks. Clearing
    // first means the new generation cannot meet them (an empty store clears in no time).
    await store.clear();
    return { meta: await startOver(undefined, null), reset: false };
  }

  /** The partial last chunk, which the next page extends; undefined when it does not fit the meta. */
  async function loadTail(meta: LedgerMeta): Promise<LedgerRecord[] | undefined> {
    const fill = meta.count % CHUNK_SIZE;
    if (fill === 0) return [];
    const [chunk] = await store.readChunks(meta.generation, [chunkOf(meta.count)]);
    return chunk && chunk.length === fill ? chunk : undefined;
  }

  function startRun(meta: LedgerMeta): RunningMeta {
    return {
      ...meta,
      run: {
        startTime: meta.newestTime,
        pageSize,
        nextPageNo: 0,
        seen: 0,
        skip: { ...meta.boundary },
      },
    };
  }

  async function run(signal: AbortSignal | undefined): Promise<LedgerSyncResult> {
    signal?.throwIfAborted();
    let { meta, reset } = await load();
    let resumed = meta.run !== null;
    let requests = 0;
    let added = 0;
    let tail = await loadTail(meta);
    if (!tail) {
      // The last chunk does not match the meta: damaged storage. Start over rather than guess.
      meta = await startOver(meta, meta.rev);
      tail = [];
      reset = true;
      resumed = false;
    }
    let current: RunningMeta = meta.run ? (meta as RunningMeta) : startRun(meta);

    for (;;) {
      signal?.throwIfAborted();
      const { run: cursor } = current;
      const page = await client.balancePage({
        openId,
        pageNo: cursor.nextPageNo,
        pageSize: cursor.pageSize,
        ...(cursor.startTime !== null ? { startTime: cursor.startTime } : {}),
      });
      requests++;
      try {
        const outcome = applyPage(current, tail, page.records);
        const seen = cursor.seen + page.records.length;
        const done = page.records.length < cursor.pageSize || seen >= page.total;
        if (done && !isEmpty(outcome.meta.run.skip)) throw new LedgerDiverged();
        const next: LedgerMeta = done
          ? { ...outcome.meta, run: null, rev: current.rev + 1, lastSyncedAt: now() }
          : {
              ...outcome.meta,
              run: { ...outcome.meta.run, nextPageNo: cursor.nextPageNo + 1, seen },
              rev: current.rev + 1,
            };
        await store.commit({ meta: next, chunks: outcome.chunks }, current.rev);
        added += outcome.added;
        tail = outcome.tail;
        if (done) {
          return {
            added,
            requests,
            total: next.count,
            newestTime: next.newestTime,
            resumed,
            reset,
            syncedAt: next.lastSyncedAt ?? now(),
          };
        }
        current = next as RunningMeta;
      } catch (e) {
        if (!(e instanceof LedgerDiverged)) throw e;
        if (reset) {
          // Cannot happen on a run from the start (nothing to skip); kept typed all the same.
          throw errors.internal(
            { en: 'The ledger changed while it was synced', zh: '同步期间资金流水发生变化' },
            { platform: 'biyong', endpoint: 'ledger-sync' },
          );
        }
        // Once per sync: the platform's history changed under the stored ledger.
        current = startRun(await startOver(current, current.rev));
        tail = [];
        reset = true;
        resumed = false;
        added = 0;
      }
    }
  }

  let running: Promise<LedgerSyncResult> | undefined;

  return {
    ...createLedgerReader(store, openId),
    sync(signal) {
      running ??= run(signal).finally(() => {
        running = undefined;
      });
      return running;
    },
    async reset() {
      await store.clear();
    },
  };
}
