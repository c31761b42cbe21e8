import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  createIdbActivityCache,
  emptyCache,
  parseCached,
  type CachedActivity,
} from './activity-cache';
import { leaveDatabase } from '../../ext/storage-test-kit';

let n = 0;
const fresh = () => `activity-cache-test-${++n}`;

const sample: CachedActivity = {
  grandchain: {
    owner: 'alice@example.com',
    syncedAt: 5,
    items: [
      {
        id: 'grandchain:unread:7',
        platform: 'grandchain',
        kind: 'incoming',
        token: 'CNY',
        amount: '1.00',
        time: 4,
        status: 'unread',
        orderId: '7',
        text: { en: 'a', zh: 'b' },
      },
    ],
  },
  status: {
    biyong: {
      source: 'biyong',
      state: 'locked',
      syncedAt: 3,
      count: 10,
      error: { en: 'x', zh: 'y', code: 'locked' },
    },
  },
};

describe('activity cache', () => {
  it('stores and reads back in IndexedDB; starts empty', async () => {
    const c = createIdbActivityCache(fresh());
    expect(await c.read()).toEqual(emptyCache());
    await c.write(sample);
    expect(await c.read()).toEqual(sample);
    await c.clear();
    expect(await c.read()).toEqual(emptyCache());
  });

  it('reads damaged or older data as empty', () => {
    expect(parseCached({ grandchain: { owner: 1 }, status: {} })).toEqual(emptyCache());
    expect(parseCached('junk')).toEqual(emptyCache());
    const bad = structuredClone(sample);
    (bad.grandchain!.items[0] as { amount: unknown }).amount = 1.5;
    expect(parseCached(bad)).toEqual(emptyCache());
  });

  it('lets "forget everything" delete its database at once, and works again after', async () => {
    const name = fresh();
    const c = createIdbActivityCache(name);
    await c.write(sample);
    const deleted = await new Promise<string>((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = () => resolve('deleted');
      r.onblocked = () => resolve('blocked');
    });
    expect(deleted).toBe('deleted');
    expect(await c.read()).toEqual(emptyCache());
    await c.write(sample);
    expect(await c.read()).toEqual(sample);
  });
});

describe('activity cache written by earlier versions', () => {
  it('reads what the hand-opened database of before kept (same database, store and key)', async () => {
    const name = fresh();
    await leaveDatabase(name, 'activity', [['state', sample]]);
    expect(await createIdbActivityCache(name).read()).toEqual(sample);
  });
});
