/**
 * What the activity sync keeps besides the BiYong ledger (which has its own database): the Grand
 * Chain rows of the signed-in user and the last outcome of each source. Small, but it is part of
 * the activity list, so it lives in IndexedDB (a database of its own, removed by "forget
 * everything" through EXTRA_DATABASES), never in chrome.storage.local.
 *
 * Stored data is checked before use: anything off-shape reads as empty (the next sync refills it).
 */
import * as v from 'valibot';
import { PLATFORMS } from '../../core/platform';
import {
  ACTIVITY_SOURCES,
  type ActivitySource,
  type SourceStatus,
  type ActivityItem,
} from '../../core/activity';
import { TRANSFER_KINDS } from '../../core/transfers';

export const ACTIVITY_DB = 'coindock-activity';

export interface CachedActivity {
  /** Rows of Grand Chain history and unread transfers, for the account `owner` (email). */
  grandchain: { owner: string; items: ActivityItem[]; syncedAt: number } | null;
  status: Partial<Record<ActivitySource, SourceStatus>>;
}

export interface ActivityCache {
  read(): Promise<CachedActivity>;
  write(value: CachedActivity): Promise<void>;
  clear(): Promise<void>;
}

const Bilingual = v.object({ en: v.string(), zh: v.string() });

const ItemSchema = v.object({
  id: v.string(),
  platform: v.picklist(PLATFORMS),
  kind: v.picklist(['ledger', 'received', 'sent', 'incoming', ...TRANSFER_KINDS] as const),
  token: v.string(),
  amount: v.string(),
  time: v.number(),
  status: v.picklist(['done', 'pending', 'failed', 'unread'] as const),
  counterparty: v.optional(v.string()),
  text: Bilingual,
  orderId: v.optional(v.string()),
});

const StatusSchema = v.object({
  source: v.picklist(ACTIVITY_SOURCES),
  state: v.picklist(['ok', 'locked', 'not_connected', 'error'] as const),
  syncedAt: v.nullable(v.number()),
  count: v.number(),
  error: v.optional(v.object({ en: v.string(), zh: v.string(), code: v.string() })),
});

const CachedSchema = v.object({
  grandchain: v.nullable(
    v.object({ owner: v.string(), items: v.array(ItemSchema), syncedAt: v.number() }),
  ),
  status: v.partial(
    v.object({ biyong: StatusSchema, grandchain: StatusSchema, transfers: StatusSchema }),
  ),
});

export const emptyCache = (): CachedActivity => ({ grandchain: null, status: {} });

export function parseCached(raw: unknown): CachedActivity {
  const r = v.safeParse(CachedSchema, raw);
  return r.success ? r.output : emptyCache();
}

const KEY = 'state';
const STORE = 'activity';

/**
 * One object store in its own database. The connection closes itself when another context
 * deletes or upgrades the database ("forget everything" calls indexedDB.deleteDatabase): held
 * open, it would block the deletion until the worker stops and keep serving erased rows.
 */
export function createIdbActivityCache(dbName: string = ACTIVITY_DB): ActivityCache {
  let db: Promise<IDBDatabase> | undefined;

  function open(): Promise<IDBDatabase> {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(dbName);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => {
        const conn = r.result;
        conn.onversionchange = () => {
          conn.close();
          db = undefined;
        };
        resolve(conn);
      };
      r.onerror = () => reject(r.error ?? new Error(`Could not open ${dbName}`));
    }).catch((e: unknown) => {
      db = undefined;
      throw e;
    });
    return db;
  }

  async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>) {
    const conn = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = conn.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  }

  return {
    read: async () => parseCached(await run('readonly', (s) => s.get(KEY))),
    write: async (value) => {
      await run('readwrite', (s) => s.put(value, KEY));
    },
    clear: async () => {
      await run('readwrite', (s) => s.clear());
    },
  };
}

/** For tests and tools: the same contract in memory (values cloned, as IndexedDB would). */
export function memoryActivityCache(): ActivityCache {
  let value: unknown;
  return {
    read: async () => parseCached(value === undefined ? undefined : structuredClone(value)),
    write: async (v2) => {
      value = structuredClone(v2);
    },
    clear: async () => {
      value = undefined;
    },
  };
}
