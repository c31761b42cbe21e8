import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../core/ledger';
import { createIdbLedgerStore } from './idb-ledger-store';
import type { LedgerMeta } from './ledger-store';
import { freshDbName, makeLedger } from './test-kit';
import { leaveDatabase } from '../../ext/storage-test-kit';

function meta(over: Partial<LedgerMeta> = {}): LedgerMeta {
  return {
    version: 1,
    openId: 'o',
    generation: 1,
    rev: 1,
    count: 0,
    newestTime: null,
    boundary: {},
    flows: {},
    run: null,
    lastSyncedAt: null,
    ...over,
  };
}

describe('createIdbLedgerStore', () => {
  it('commits chunks and meta together and reads them back', async () => {
    const store = createIdbLedgerStore(freshDbName());
    const records = makeLedger(5);
    await store.commit({ meta: meta({ count: 5 }), chunks: [[0, records]] }, null);
    expect(await store.readMeta()).toEqual(meta({ count: 5 }));
    expect(await store.readChunks(1, [0, 1])).toEqual([records, undefined]);
    expect(await store.readChunks(2, [0])).toEqual([undefined]);
  });

  it('refuses a commit whose expected rev is not the stored one, writing nothing', async () => {
    const store = createIdbLedgerStore(freshDbName());
    await store.commit({ meta: meta(), chunks: [] }, null);
    for (const stale of [null, 0, 2]) {
      const err = await store
        .commit({ meta: meta({ rev: 9, count: 3 }), chunks: [[0, makeLedger(3)]] }, stale)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'internal' });
      expect(await store.readMeta()).toEqual(meta());
      expect(await store.readChunks(1, [0])).toEqual([undefined]);
    }
  });

  it('a commit that fails half-way leaves nothing of itself', async () => {
    const store = createIdbLedgerStore(freshDbName());
    await store.commit({ meta: meta(), chunks: [] }, null);
    // A function cannot be stored (DataCloneError) — the second chunk fails after the first put.
    const poison = [
      { tokenSymbol: 'BTC', balance: '1', time: 1, oops: () => 1 },
    ] as unknown as LedgerRecord[];
    const err = await store
      .commit(
        {
          meta: meta({ rev: 2, count: 2000 }),
          chunks: [
            [0, makeLedger(1000)],
            [1, poison],
          ],
        },
        1,
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'internal' });
    expect(await store.readMeta()).toEqual(meta());
    expect(await store.readChunks(1, [0, 1])).toEqual([undefined, undefined]);
  });

  it('dropGeneration removes every chunk of the old generation in the same commit', async () => {
    const store = createIdbLedgerStore(freshDbName());
    const chunks: Array<[number, LedgerRecord[]]> = [0, 1, 2].map((i) => [i, makeLedger(2, i)]);
    await store.commit({ meta: meta({ generation: 4 }), chunks }, null);
    await store.commit({ meta: meta({ generation: 5, rev: 2 }), chunks: [], dropGeneration: 4 }, 1);
    expect(await store.readChunks(4, [0, 1, 2])).toEqual([undefined, undefined, undefined]);
    expect((await store.readMeta())?.generation).toBe(5);
  });

  it('a stored meta of another shape reads as none', async () => {
    const store = createIdbLedgerStore(freshDbName());
    await store.commit(
      { meta: { ...meta(), version: 2 } as unknown as LedgerMeta, chunks: [] },
      null,
    );
    expect(await store.readMeta()).toBeUndefined();
    await store.clear();
    await store.commit({ meta: meta(), chunks: [] }, null);
    expect(await store.readMeta()).toEqual(meta());
  });
});

describe('ledger written by earlier versions', () => {
  it('reads what idb-keyval’s own createStore kept (same database layout: version 1, one store)', async () => {
    const name = freshDbName();
    const records = makeLedger(3);
    await leaveDatabase(name, 'ledger', [
      [['chunk', 2, 0], records],
      ['meta', meta({ generation: 2, rev: 7 })],
    ]);
    const store = createIdbLedgerStore(name);
    expect(await store.readMeta()).toEqual(meta({ generation: 2, rev: 7 }));
    expect(await store.readChunks(2, [0])).toEqual([records]);
  });
});
