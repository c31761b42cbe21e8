/**
 * What the activity sync keeps besides the BiYong ledger (which has its own database): the Grand
 * Chain rows of the signed-in user and the last outcome of each source. Small, but it is part of
 * the activity list, so it lives in IndexedDB (`DATABASES.activity`, opened by the storage
 * module and deleted by its wipe), never in chrome.storage.local.
 *
 * Stored data is checked before use: anything off-shape reads as empty (the next sync refills it).
 */
import * as v from 'valibot';
import { clear, get, set } from 'idb-keyval';
import { DATABASES } from '../../core/storage-keys';
import { openDatabase } from '../../ext/storage';
import { PLATFORMS } from '../../core/platform';
import {
  ACTIVITY_SOURCES,
  type ActivitySource,
  type SourceStatus,
  type ActivityItem,
} from '../../core/activity';
import { TRANSFER_KINDS } from '../../core/transfers';

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

/** `dbName`: another database of the same layout (tests). */
export function createIdbActivityCache(dbName: string = DATABASES.activity.name): ActivityCache {
  const db = openDatabase(dbName, DATABASES.activity.store);
  return {
    read: async () => parseCached(await get(KEY, db)),
    write: (value) => set(KEY, value, db),
    clear: () => clear(db),
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
