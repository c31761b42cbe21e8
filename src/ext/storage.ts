/**
 * The three storage areas bound to the browser (chrome.* promise APIs, no polyfill): chrome.storage.local, chrome.storage.session
 * (kept from content scripts: the worker sets its access level to trusted contexts only) and
 * IndexedDB through idb-keyval for large data.
 */
import { createStore as createIdbStore, del, get, set, clear } from 'idb-keyval';
import { createStore, type AreaBackend, type Store } from '../core/store';
import { batchedArea } from './batched-area';

function idbArea(): AreaBackend {
  const db = createIdbStore('coindock', 'kv');
  return {
    get: (key) => get(key, db),
    set: (key, value) => set(key, value, db),
    remove: (key) => del(key, db),
    clear: () => clear(db),
  };
}

let store: Store | undefined;

/** The one store of this context. */
export function getStore(): Store {
  store ??= createStore(
    {
      local: batchedArea(chrome.storage.local),
      session: batchedArea(chrome.storage.session),
      idb: idbArea(),
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
 * Follow stored keys from a page: `onChange` gets the names of the watched keys that changed,
 * whenever any of them changes in its own area (a write by the worker or another page). Returns
 * the stop.
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
