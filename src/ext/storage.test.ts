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
import { idbDatabases, openDatabase, wipeStorage } from './storage';
import { leaveDatabase } from './storage-test-kit';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

/** A store over memory areas and the (fake) IndexedDB, as getStore binds the browser's. */
function newStore() {
  const local = memoryArea();
  const session = memoryArea();
  return { local, session, store: createStore({ local, session, databases: idbDatabases }) };
}

/** A database with one object store and one value in it, as an earlier version left it. */
const leaveOne = (name: string, store = 'kv') => leaveDatabase(name, store, [['k', 'v']]);

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

    // Each feature's database, as the ledger store and the activity cache open it.
    for (const { name, store: objects } of Object.values(DATABASES)) {
      const feature = openDatabase(name, objects);
      await set('k', name, feature);
      expect(await get('k', feature)).toBe(name);
    }
    expect((await databaseNames()).sort()).toEqual(
      [...Object.values(DATABASES).map((d) => d.name), 'round-trip'].sort(),
    );
  });

  it('wipes every area and database, even while connections are open, and starts migrated', async () => {
    const { store, local, session } = newStore();
    await store.migrate(MIGRATIONS);
    await store.set(KEYS.returns, []);
    await store.set(KEYS.vaultKey, 'secret');
    await store.set(KEYS.vaultUnlocked, true);
    // Connections held open, as the worker's ledger store and activity cache hold theirs.
    const held = Object.values(DATABASES).map((d) => openDatabase(d.name, d.store));
    for (const db of held) await set('k', 'v', db);
    for (const name of RETIRED_DATABASES) await leaveOne(name);

    await wipeStorage(store);

    // The held connections closed themselves: nothing is left.
    expect(await databaseNames()).toEqual([]);
    expect(session.dump()).toEqual({});
    // Only what the migrations write into an empty store.
    expect(Object.keys(local.dump()).sort()).toEqual(['schemaVersion', 'settings']);
    expect(local.dump().schemaVersion).toBe(LATEST);
    expect(await store.get(KEYS.vaultUnlocked)).toBe(false);
    // The same connections work again, on an empty database.
    for (const db of held) expect(await get('k', db)).toBeUndefined();
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
    await leaveOne(RETIRED_DATABASES[0]);
    await leaveOne(DATABASES.activity.name, DATABASES.activity.store);
    const { local, store } = newStore();
    await local.set('schemaVersion', 2);
    expect(await store.migrate(MIGRATIONS)).toEqual([3]);
    expect(await databaseNames()).toEqual([DATABASES.activity.name]);
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
