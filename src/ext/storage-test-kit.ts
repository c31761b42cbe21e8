/**
 * Test-only: a database as an earlier version of CoinDock (or idb-keyval's own createStore) left
 * it — version 1, one object store — written and closed by hand, to show that today's storage
 * module still reads it. Imported by *.test.ts files only (over fake-indexeddb).
 */
export function leaveDatabase(
  name: string,
  store: string,
  entries: [key: IDBValidKey, value: unknown][],
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => r.result.createObjectStore(store);
    r.onerror = () => reject(r.error ?? new Error(`Could not open ${name}`));
    r.onsuccess = () => {
      const tx = r.result.transaction(store, 'readwrite');
      for (const [key, value] of entries) tx.objectStore(store).put(value, key);
      tx.oncomplete = () => {
        r.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error(`Could not write ${name}`));
    };
  });
}
