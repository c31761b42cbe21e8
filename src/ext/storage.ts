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
