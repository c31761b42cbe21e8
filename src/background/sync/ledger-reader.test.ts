import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createLedgerSync } from './biyong-ledger';
import { createIdbLedgerStore } from './idb-ledger-store';
import { createLedgerReader } from './ledger-reader';
import type { LedgerStore } from './ledger-store';
import { fakeLedgerClient, freshDbName, makeLedger } from './test-kit';

async function synced(n: number, seed: number) {
  const ledger = makeLedger(n, seed);
  const store = createIdbLedgerStore(freshDbName('reader'));
  await createLedgerSync({ client: fakeLedgerClient(ledger), store, openId: 'o' }).sync();
  return { ledger, store };
}

describe('createLedgerReader', () => {
  it('pages newest first at any offset and limit, across chunk boundaries', async () => {
    const { ledger, store } = await synced(2500, 30);
    const reader = createLedgerReader(store, 'o');
    const newestFirst = ledger.slice().reverse();
    for (const [offset, limit] of [
      [0, 1],
      [0, 1000],
      [999, 2],
      [1500, 1000],
      [2499, 10],
      [2400, 1000],
      [2500, 5],
      [9000, 5],
    ] as const) {
      const page = await reader.readPage(offset, limit);
      expect(page.total).toBe(2500);
      expect(page.offset).toBe(offset);
      expect(page.records).toEqual(newestFirst.slice(offset, offset + limit));
    }
  });

  it('refuses offsets and limits that are not whole numbers in range', async () => {
    const { store } = await synced(10, 31);
    const reader = createLedgerReader(store);
    for (const [offset, limit] of [
      [-1, 10],
      [0, 0],
      [0, 1001],
      [1.5, 10],
      [0, Number.NaN],
    ]) {
      await expect(reader.readPage(offset!, limit!)).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
  });

  it('reads the meta again when a reset replaced the generation it was reading', async () => {
    const { ledger, store } = await synced(1200, 32);
    let first = true;
    const racing: LedgerStore = {
      ...store,
      async readChunks(generation, indices) {
        if (!first) return store.readChunks(generation, indices);
        first = false;
        return indices.map(() => undefined); // as if a reset removed them in between
      },
    };
    const page = await createLedgerReader(racing).readPage(0, 3);
    expect(page.records).toEqual(ledger.slice(-3).reverse());
  });

  it('a chunk that stays missing is reported as damage, not shown as records', async () => {
    const { store } = await synced(50, 33);
    const broken: LedgerStore = { ...store, readChunks: async (_g, i) => i.map(() => undefined) };
    await expect(createLedgerReader(broken).readPage(0, 10)).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('another account reads as empty', async () => {
    const { store } = await synced(50, 34);
    const other = createLedgerReader(store, 'someone-else');
    expect(await other.readPage(0, 10)).toEqual({ offset: 0, total: 0, records: [] });
    expect(await other.summary()).toEqual([]);
    expect(await other.status()).toEqual({
      total: 0,
      newestTime: null,
      lastSyncedAt: null,
      partial: false,
    });
  });
});
