/**
 * LedgerStore over IndexedDB, in the database the storage module opens for it
 * (`DATABASES.ledger`, src/ext/storage.ts), so a 100k-record ledger never shares a transaction
 * with anything else. Keys: `'meta'` and
 * `['chunk', generation, index]` (array keys sort by generation then index, so one key range
 * removes a whole generation).
 *
 * `commit` is a single readwrite transaction that first reads the meta to check `rev`, then puts
 * the chunks and the meta: IndexedDB makes it all-or-nothing, which is what makes a sync resumable
 * after the worker is killed mid-write.
 */
import * as v from 'valibot';
import { promisifyRequest, clear, type UseStore } from 'idb-keyval';
import { DATABASES } from '../../core/storage-keys';
import { openDatabase } from '../../ext/storage';
import { errors, isCoinDockError } from '../../core/errors';
import type { LedgerRecord } from '../../core/ledger';
import {
  ledgerMetaSchema,
  type LedgerCommit,
  type LedgerMeta,
  type LedgerStore,
} from './ledger-store';

const META_KEY = 'meta';

const chunkKey = (generation: number, index: number): IDBValidKey => ['chunk', generation, index];

function storageFailure(cause: unknown) {
  return errors.internal(
    { en: 'Could not write the ledger to local storage', zh: '无法将资金流水写入本地存储' },
    { platform: 'biyong', endpoint: 'ledger-store', cause },
  );
}

/** Failures of IndexedDB itself (open, quota, a closing database) as the house's typed error. */
function typed<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    throw isCoinDockError(e) ? e : storageFailure(e);
  });
}

const conflict = () =>
  errors.internal(
    {
      en: 'The stored ledger changed during the sync; sync again',
      zh: '同步期间本地资金流水被修改，请重新同步',
    },
    { platform: 'biyong', endpoint: 'ledger-store' },
  );

function parseMeta(raw: unknown): LedgerMeta | undefined {
  const parsed = v.safeParse(ledgerMetaSchema, raw);
  return parsed.success ? parsed.output : undefined;
}

function storedRev(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const rev = (raw as { rev?: unknown }).rev;
  return typeof rev === 'number' ? rev : null;
}

/** `dbName`: another database of the same layout (tests). */
export function createIdbLedgerStore(dbName: string = DATABASES.ledger.name): LedgerStore {
  const use: UseStore = openDatabase(dbName, DATABASES.ledger.store);

  return {
    readMeta: () =>
      typed(use('readonly', (s) => promisifyRequest(s.get(META_KEY)).then(parseMeta))),

    readChunks(generation, indices) {
      return typed(
        use('readonly', (s) =>
          Promise.all(
            indices.map((i) =>
              promisifyRequest<unknown>(s.get(chunkKey(generation, i))).then((c) =>
                Array.isArray(c) ? (c as LedgerRecord[]) : undefined,
              ),
            ),
          ),
        ),
      );
    },

    commit(commit: LedgerCommit, expectedRev: number | null) {
      return typed(
        use(
          'readwrite',
          (s) =>
            new Promise<void>((resolve, reject) => {
              const tx = s.transaction;
              let failure: Error | undefined;
              const get = s.get(META_KEY);
              get.onsuccess = () => {
                if (storedRev(get.result) !== expectedRev) {
                  failure = conflict();
                  tx.abort();
                  return;
                }
                try {
                  if (commit.dropGeneration !== undefined) {
                    const g = commit.dropGeneration;
                    s.delete(IDBKeyRange.bound(['chunk', g, -Infinity], ['chunk', g, Infinity]));
                  }
                  for (const [index, records] of commit.chunks) {
                    s.put(records, chunkKey(commit.meta.generation, index));
                  }
                  s.put(commit.meta, META_KEY);
                } catch (e) {
                  // A value that cannot be cloned, a closing database…: nothing of this commit stays.
                  failure = storageFailure(e);
                  tx.abort();
                }
              };
              tx.oncomplete = () => resolve();
              tx.onabort = () => reject(failure ?? storageFailure(tx.error));
            }),
        ),
      );
    },

    clear: () => typed(clear(use)),
  };
}
