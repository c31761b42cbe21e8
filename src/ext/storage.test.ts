import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { get, set } from 'idb-keyval';
import { createStore, memoryArea } from '../core/store';
import {
  DATABASES,
  KEYS,
  MIGRATIONS,
  POPUP_SNAPSHOT_KEY,
  RETIRED_DATABASES,
} from '../core/storage-keys';
import { createIdbLedgerStore } from '../background/sync/idb-ledger-store';
import { createIdbActivityCache, emptyCache } from '../background/activity/activity-cache';
import { idbDatabases, openDatabase, wipeStorage } from './storage';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

/** A store over memory areas and the (fake) IndexedDB, as getStore binds the browser's. */
function newStore() {
  const local = memoryArea();
  const session = memoryArea();
  return { local, session, store: createStore({ local, session, databases: idbDatabases }) };
}

/** A database with one object store and one value in it, as an earlier version left it (closed). */
function leaveDatabase(
  name: string,
  store = 'kv',
  key: IDBValidKey = 'k',
  value: unknown = 'v',
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => r.result.createObjectStore(store);
    r.onerror = () => reject(r.error ?? new Error(`open ${name}`));
    r.onsuccess = () => {
      const tx = r.result.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => {
        r.result.close();
        resolve();
      };
    };
  });
}

afterEach(async () => {
  for (const name of await databaseNames()) if (name) await idbDatabases.delete(name);
  vi.unstubAllGlobals();
});

describe('storage module', () => {
  it('round-trips every area: local and session keys, and each IndexedDB database', async () => {
    const { store, local, session } = newStore();
    await store.set(KEYS.returns, []);
    await store.set(KEYS.vaultUnlocked, true);
    expect(Object.keys(local.dump())).toEqual(['returns']);
    expect(session.dump()).toEqual({ vaultUnlocked: true });
    expect(await store.get(KEYS.vaultUnlocked)).toBe(true);

    const db = openDatabase('round-trip', 'things');
    await set('a', { n: 1 }, db);
    expect(await get('a', db)).toEqual({ n: 1 });

    const ledger = createIdbLedgerStore();
    const cache = createIdbActivityCache();
    await cache.write({ grandchain: null, status: {} });
    expect(await cache.read()).toEqual(emptyCache());
    expect(await databaseNames()).toEqual(
      expect.arrayContaining([DATABASES.activity.name, 'round-trip']),
    );
    await ledger.readMeta();
    expect(await databaseNames()).toContain(DATABASES.ledger.name);
  });

  it('wipes every area and database, even while connections are open, and starts migrated', async () => {
    const { store, local, session } = newStore();
    await store.migrate(MIGRATIONS);
    await store.set(KEYS.returns, []);
    await store.set(KEYS.vaultKey, 'secret');
    await store.set(KEYS.vaultUnlocked, true);
    const cache = createIdbActivityCache();
    await cache.write({
      grandchain: { owner: 'a@example.com', items: [], syncedAt: 1 },
      status: {},
    });
    await createIdbLedgerStore().readMeta();
    for (const name of RETIRED_DATABASES) await leaveDatabase(name);

    await wipeStorage(store);

    // Held connections (the cache's, the ledger's) closed themselves: nothing is left.
    expect(await databaseNames()).toEqual([]);
    expect(session.dump()).toEqual({});
    // Only what the migrations write into an empty store.
    expect(Object.keys(local.dump()).sort()).toEqual(['schemaVersion', 'settings']);
    expect(local.dump().schemaVersion).toBe(LATEST);
    expect(await store.get(KEYS.vaultUnlocked)).toBe(false);
    // The same connections work again, on an empty database.
    expect(await cache.read()).toEqual(emptyCache());
  });

  it('clears the popup snapshot where there is a localStorage', async () => {
    const items = new Map([[POPUP_SNAPSHOT_KEY, '{}']]);
    vi.stubGlobal('localStorage', { removeItem: (k: string) => items.delete(k) });
    await wipeStorage(newStore().store);
    expect(items.size).toBe(0);
  });
});

describe('storage migrations', () => {
  it('3 deletes the retired key-value database and leaves the feature databases', async () => {
    await leaveDatabase(RETIRED_DATABASES[0]);
    await leaveDatabase(DATABASES.activity.name, DATABASES.activity.store);
    const { local, store } = newStore();
    await local.set('schemaVersion', 2);
    expect(await store.migrate(MIGRATIONS)).toEqual([3]);
    expect(await databaseNames()).toEqual([DATABASES.activity.name]);
  });

  it('the ledger written before the storage module (by idb-keyval’s createStore) still reads', async () => {
    // The layout idb-keyval's createStore and the hand-opened cache made: version 1, one store.
    const chunk = [{ id: 'r1', time: 5 }];
    await leaveDatabase(DATABASES.ledger.name, DATABASES.ledger.store, ['chunk', 1, 0], chunk);
    expect(await createIdbLedgerStore().readChunks(1, [0])).toEqual([chunk]);
  });
});

describe('popup snapshot invalidation', () => {
  /** Load the storage module afresh in a page of `origin`; returns the storage listeners it added. */
  async function loadIn(origin: string, items: Map<string, string>) {
    const listeners: ((changes: Record<string, unknown>, area: string) => void)[] = [];
    vi.stubGlobal('localStorage', { removeItem: (k: string) => items.delete(k) });
    vi.stubGlobal('location', { href: `${origin}/src/popup/index.html` });
    vi.stubGlobal('chrome', {
      runtime: { getURL: (p: string) => `chrome-extension://coindock${p}` },
      storage: { onChanged: { addListener: (l: (typeof listeners)[0]) => listeners.push(l) } },
    });
    vi.resetModules();
    await import('./storage');
    return (changes: Record<string, unknown>, area: string) =>
      listeners.forEach((l) => l(changes, area));
  }

  it('is the storage module’s in any extension page: settings or vault changes remove it', async () => {
    const items = new Map([[POPUP_SNAPSHOT_KEY, '{}']]);
    const change = await loadIn('chrome-extension://coindock', items);
    change({ accounts: {} }, 'local');
    change({ settings: {} }, 'session');
    expect(items.has(POPUP_SNAPSHOT_KEY)).toBe(true);
    change({ settings: {} }, 'local');
    expect(items.has(POPUP_SNAPSHOT_KEY)).toBe(false);
    items.set(POPUP_SNAPSHOT_KEY, '{}');
    change({ vault: {} }, 'local');
    expect(items.has(POPUP_SNAPSHOT_KEY)).toBe(false);
  });

  it('is left alone outside the extension’s own origin', async () => {
    const items = new Map([[POPUP_SNAPSHOT_KEY, '{}']]);
    const change = await loadIn('https://example.com', items);
    change({ settings: {} }, 'local');
    expect(items.has(POPUP_SNAPSHOT_KEY)).toBe(true);
  });
});
