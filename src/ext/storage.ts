/**
 * The one storage module: every place CoinDock keeps data, bound to the browser (chrome.*
 * promise APIs, no polyfill).
 * - `chrome.storage.local` and `chrome.storage.session` (kept from content scripts: the worker
 *   sets its access level to trusted contexts only) through the typed store (`getStore`, keys in
 *   src/core/storage-keys.ts, migrations there too);
 * - IndexedDB, one database per feature (`DATABASES`), opened only here (`openDatabase`);
 * - the popup's paint-first snapshot in the extension origin's localStorage, which this module
 *   clears in any open page when what it shows changes (`SNAPSHOT_INPUTS`);
 * - and the wipe of all of it (`wipeStorage`).
 */
import type { UseStore } from 'idb-keyval';
import { createStore, type DatabaseBackend, type Store } from '../core/store';
import { DATABASES, MIGRATIONS, POPUP_SNAPSHOT_KEY, SNAPSHOT_INPUTS } from '../core/storage-keys';
import { batchedArea } from './batched-area';

/**
 * An IndexedDB database with one object store, as idb-keyval's `UseStore` (so its get/set/clear
 * work on it). The connection closes itself when another context deletes or upgrades the
 * database (a wipe calls indexedDB.deleteDatabase): held open, it would block the deletion until
 * the worker stops and keep serving erased rows. The next use opens it afresh.
 */
export function openDatabase(name: string, storeName: string): UseStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onupgradeneeded = () => r.result.createObjectStore(storeName);
      r.onsuccess = () => {
        const conn = r.result;
        conn.onversionchange = () => {
          conn.close();
          db = undefined;
        };
        resolve(conn);
      };
      r.onerror = () => reject(r.error ?? new Error(`Could not open ${name}`));
    }).catch((e: unknown) => {
      db = undefined;
      throw e;
    }));
  return async (mode, callback) =>
    callback((await open()).transaction(storeName, mode).objectStore(storeName));
}

/** Delete a whole database. */
export const idbDatabases: DatabaseBackend = {
  delete: (name) =>
    new Promise<void>((resolve, reject) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => resolve();
      r.onerror = () => reject(r.error ?? new Error(`Could not delete ${name}`));
      // Another context holding it open delays deletion until it closes; do not wait for it.
      r.onblocked = () => resolve();
    }),
};

/**
 * Erase everything CoinDock stored, in every area and database, then start again at the current
 * schema (an empty store, migrated). Alarms and registrations are the worker's (background/forget.ts).
 */
export async function wipeStorage(store: Store): Promise<void> {
  // Retired databases are not listed: clearing `local` resets the schema version, so the migrate
  // below runs the migration that deletes them (storage-keys.ts, version 3) again.
  const databases = Object.values(DATABASES).map((d) => d.name);
  await Promise.all([
    store.backends.local.clear(),
    store.backends.session.clear(),
    ...databases.map((name) => store.backends.databases?.delete(name)),
  ]);
  clearPopupSnapshot();
  await store.migrate(MIGRATIONS);
}

/** Remove the popup's paint-first snapshot (where there is a localStorage: pages, not the worker). */
export function clearPopupSnapshot(): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.removeItem(POPUP_SNAPSHOT_KEY);
  } catch {
    // Nothing to clear.
  }
}

let store: Store | undefined;

/** The one store of this context. */
export function getStore(): Store {
  store ??= createStore(
    {
      local: batchedArea(chrome.storage.local),
      session: batchedArea(chrome.storage.session),
      databases: idbDatabases,
    },
    (key) =>
      console.warn(`CoinDock: stored value of "${key}" did not fit its schema; using default`),
  );
  return store;
}

/** A stored key as `KEYS` names it: its area and its name there. */
interface WatchedKey {
  area: string;
  name: string;
}

/**
 * Follow stored keys: `onChange` gets the names of the watched keys that changed, whenever any of
 * them changes in its own area (a write by the worker or another page). Returns the stop.
 */
export function onKeysChanged(
  keys: readonly WatchedKey[],
  onChange: (changed: ReadonlySet<string>) => void,
): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const changed = new Set(
      keys.filter((k) => k.area === area && k.name in changes).map((k) => k.name),
    );
    if (changed.size > 0) onChange(changed);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

/**
 * Whether this is one of CoinDock's own pages (popup, options; a Firefox background page), whose
 * localStorage is the extension origin's — not a web page a content script runs in, nor the
 * worker (no localStorage).
 */
function inExtensionPage(): boolean {
  return (
    typeof localStorage !== 'undefined' &&
    typeof chrome !== 'undefined' &&
    typeof location !== 'undefined' &&
    location.href.startsWith(chrome.runtime.getURL('/'))
  );
}

// The snapshot shows the portfolio in the language and environments of then: when settings or
// the vault change (a save, an import, a reset, "forget everything", whoever made it), every
// extension page that has this module loaded removes it, and the next popup paints from storage
// instead. Registered as the module loads, so no page has to remember to.
if (inExtensionPage()) onKeysChanged(SNAPSHOT_INPUTS, clearPopupSnapshot);
