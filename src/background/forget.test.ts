import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../core/store';
import { KEYS } from '../core/storage-keys';
import { idbDatabases } from '../ext/storage';
import { createIdbActivityCache, emptyCache } from './activity/activity-cache';
import { createIdbLedgerStore } from './sync/idb-ledger-store';
import { createForgetEverything } from './forget';
import { createVaultService } from './vault-service';
import { setAlarm } from './alarms';
import { stubAlarms } from './transfers/test-kit';

let alarms: ReturnType<typeof stubAlarms>['alarms'];
beforeEach(() => ({ alarms } = stubAlarms()));
afterEach(() => vi.unstubAllGlobals());

describe('forget everything', () => {
  it('erases every area, the ledger and activity databases, the alarms; then registers afresh', async () => {
    const local = memoryArea();
    const session = memoryArea();
    const store = createStore({ local, session, databases: idbDatabases });
    const vault = createVaultService(store);
    await vault.create('correct horse battery');
    await store.set(KEYS.returns, []);
    // The worker's own stores, with their connections open as they are in a running worker.
    const cache = createIdbActivityCache();
    await cache.write({
      grandchain: { owner: 'a@example.com', items: [], syncedAt: 1 },
      status: {},
    });
    const ledger = createIdbLedgerStore();
    await ledger.readMeta();
    await setAlarm('gow-orders-poll', { periodInMinutes: 1 });
    const synced: string[] = [];

    await createForgetEverything({
      store,
      syncContentScripts: async () => void synced.push((await store.get(KEYS.settings)).language),
    })();

    expect(await indexedDB.databases()).toEqual([]);
    expect(alarms.size).toBe(0);
    expect(session.dump()).toEqual({});
    expect(await store.get(KEYS.vault)).toBeNull();
    expect(await store.get(KEYS.returns)).toEqual([]);
    expect((await vault.status()).exists).toBe(false);
    // Registrations follow the default settings the wipe left.
    expect(synced).toEqual(['auto']);
    // The running worker's stores read empty, not the erased rows.
    expect(await cache.read()).toEqual(emptyCache());
    expect(await ledger.readMeta()).toBeUndefined();
  });
});
