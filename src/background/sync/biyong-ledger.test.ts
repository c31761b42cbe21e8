import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { errors, hasCode } from '../../core/errors';
import type { LedgerRecord } from '../../core/ledger';
import { createLedgerSync, type LedgerSync } from './biyong-ledger';
import { createIdbLedgerStore } from './idb-ledger-store';
import { CHUNK_SIZE, type LedgerStore } from './ledger-store';
import {
  fakeLedgerClient,
  freshDbName,
  independentSums,
  makeLedger,
  spyStore,
  type FakeLedgerClient,
} from './test-kit';

const OPEN_ID = 'by_open_test_0001';

function setup(ledger: LedgerRecord[], pageSize?: number, store?: LedgerStore) {
  const client = fakeLedgerClient(ledger);
  const spy = spyStore(store ?? createIdbLedgerStore(freshDbName()));
  let clock = 1_700_000_000_000;
  const now = () => ++clock;
  const make = (): LedgerSync =>
    createLedgerSync({
      client,
      store: spy,
      openId: OPEN_ID,
      now,
      ...(pageSize ? { pageSize } : {}),
    });
  return { client, store: spy, make, sync: make() };
}

/** Everything stored, oldest first, read back through readPage in pages of `limit`. */
async function readAll(s: LedgerSync, limit = 1000): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await s.readPage(offset, limit);
    out.push(...page.records);
    if (page.records.length < limit) break;
  }
  return out.reverse();
}

const sortKey = (r: LedgerRecord) => `${r.time}|${r.tokenSymbol}|${r.balance}`;
const asMultiset = (rs: LedgerRecord[]) => rs.map(sortKey).sort();

async function expectSummaryExact(s: LedgerSync, records: LedgerRecord[]) {
  const expected = independentSums(records);
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.tokenSymbol, (counts.get(r.tokenSymbol) ?? 0) + 1);
  const rows = await s.summary();
  expect(rows.map((r) => r.token)).toEqual([...expected.keys()].sort());
  for (const row of rows) {
    expect(row.net, row.token).toBe(expected.get(row.token));
    expect(row.count, row.token).toBe(counts.get(row.token));
  }
}

describe('first sync', () => {
  it('pages through everything, stores every record once in order, in ≤2-chunk commits', async () => {
    const ledger = makeLedger(2345);
    const { client, store, sync } = setup(ledger);
    const result = await sync.sync();
    expect(result).toMatchObject({ added: 2345, requests: 3, total: 2345, resumed: false });
    expect(client.calls.map((c) => [c.pageNo, c.pageSize, c.startTime])).toEqual([
      [0, 1000, undefined],
      [1, 1000, undefined],
      [2, 1000, undefined],
    ]);
    expect(await readAll(sync, 333)).toEqual(ledger);
    for (const c of store.commits) {
      expect(c.chunks.length).toBeLessThanOrEqual(2);
      for (const [, records] of c.chunks) expect(records.length).toBeLessThanOrEqual(CHUNK_SIZE);
    }
    await expectSummaryExact(sync, ledger);
    expect(await sync.status()).toMatchObject({ total: 2345, partial: false });
  });

  it('an empty ledger is one request and an empty store', async () => {
    const { client, sync } = setup([]);
    expect(await sync.sync()).toMatchObject({ added: 0, requests: 1, total: 0, newestTime: null });
    expect(client.calls).toHaveLength(1);
    expect(await sync.readPage(0, 10)).toEqual({ offset: 0, total: 0, records: [] });
    expect(await sync.summary()).toEqual([]);
  });

  it('a ledger of exactly N pages stops at total without an extra request', async () => {
    const ledger = makeLedger(3000, 11);
    const { client, sync } = setup(ledger);
    await sync.sync();
    expect(client.calls).toHaveLength(3);
    expect(await readAll(sync)).toEqual(ledger);
  });
});

describe('resuming', () => {
  const ledger = makeLedger(2345, 3);
  const pageSize = 100;
  const pages = Math.ceil(ledger.length / pageSize);

  it('after an abort at every page boundary: no duplicates, no gaps', async () => {
    for (let k = 0; k < pages; k++) {
      const { client, store, make } = setup(ledger, pageSize);
      const ctl = new AbortController();
      const reason = new Error(`stop after ${k}`);
      if (k === 0) ctl.abort(reason);
      client.before = (n) => {
        if (n === k) ctl.abort(reason);
      };
      await expect(make().sync(ctl.signal)).rejects.toBe(reason);
      expect(client.calls).toHaveLength(k);
      const stopped = make();
      expect(await stopped.status()).toMatchObject({ total: k * pageSize, partial: k > 0 });
      // What a stopped sync kept is a consistent prefix, summary included.
      const prefix = ledger.slice(0, k * pageSize);
      expect(await readAll(stopped)).toEqual(prefix);
      await expectSummaryExact(stopped, prefix);

      client.before = undefined;
      client.calls.length = 0;
      const again = make(); // a new worker: nothing carried over in memory
      const result = await again.sync();
      expect(result).toMatchObject({ added: ledger.length - k * pageSize, resumed: k > 0 });
      expect(client.calls.map((c) => c.pageNo)).toEqual(
        Array.from({ length: pages - k }, (_, i) => k + i),
      );
      expect(await readAll(again)).toEqual(ledger);
      await expectSummaryExact(again, ledger);
      expect(store.commits.length).toBeGreaterThan(0);
    }
  });

  it('after the worker dies before or just after any commit', async () => {
    for (const when of ['before', 'after'] as const) {
      for (let k = 1; k <= pages; k++) {
        const { store, make } = setup(ledger, pageSize);
        const killed = new Error('worker killed');
        const hook = (n: number) => {
          if (n === k) throw killed;
        };
        if (when === 'before') store.beforeCommit = hook;
        else store.afterCommit = hook;
        await expect(make().sync()).rejects.toBe(killed);
        store.beforeCommit = store.afterCommit = undefined;
        const again = make();
        await again.sync();
        expect(await readAll(again), `${when} commit ${k}`).toEqual(ledger);
      }
    }
  });

  it('a failed request passes its typed error through and leaves the store consistent', async () => {
    const { client, make } = setup(ledger, pageSize);
    const failure = errors.timeout(undefined, {
      platform: 'biyong',
      endpoint: '/biyong-user/balance/page',
    });
    client.before = (n) => {
      if (n === 4) throw failure;
    };
    const first = make();
    await expect(first.sync()).rejects.toBe(failure);
    expect(await first.status()).toMatchObject({ total: 300, partial: true, lastSyncedAt: null });
    expect(await readAll(first)).toEqual(ledger.slice(0, 300));
    client.before = undefined;
    expect(await first.sync()).toMatchObject({ resumed: true, added: ledger.length - 300 });
    expect(await readAll(first)).toEqual(ledger);
  });

  it('a page out of time order is a bad_response and writes nothing', async () => {
    const { client, make } = setup(ledger, pageSize);
    const s = make();
    await s.sync();
    // A record older than everything we hold, served after the boundary record: the platform
    // broke its order.
    client.balancePage = async () => ({
      total: 2,
      records: [{ ...ledger[ledger.length - 1]! }, { tokenSymbol: 'BTC', balance: '1', time: 5 }],
    });
    const before = await s.status();
    const err = await s.sync().catch((e: unknown) => e);
    expect(hasCode(err, 'bad_response')).toBe(true);
    expect(await s.status()).toEqual(before);
    expect(await readAll(s)).toEqual(ledger);
  });
});

describe('incremental sync', () => {
  it('a re-sync with nothing new costs exactly one request', async () => {
    const ledger = makeLedger(1500, 5);
    const { client, sync } = setup(ledger);
    const first = await sync.sync();
    client.calls.length = 0;
    const again = await sync.sync();
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]).toMatchObject({ pageNo: 0, startTime: ledger.at(-1)?.time });
    expect(again).toMatchObject({ added: 0, requests: 1, total: 1500 });
    expect(again.syncedAt).toBeGreaterThan(first.syncedAt);
    expect(await readAll(sync)).toEqual(ledger);
  });

  it('fetches only what is new, including records at the last seen millisecond', async () => {
    // The last three records share one millisecond; two of them are identical.
    const ledger = makeLedger(1200, 9);
    const last = ledger.at(-1)!;
    ledger.push({ ...last }, { ...last, tokenSymbol: 'EOS', balance: '-3' });
    const { client, sync } = setup(ledger);
    await sync.sync();

    // More at that same millisecond — one identical again to the records already there — and later.
    const appended: LedgerRecord[] = [
      { ...last },
      { ...last, balance: '0.000001' },
      ...makeLedger(1500, 10, last.time + 1),
    ];
    client.ledger = [...ledger, ...appended];
    client.calls.length = 0;
    const result = await sync.sync();
    expect(result).toMatchObject({ added: appended.length, reset: false });
    expect(client.calls.every((c) => c.startTime === last.time)).toBe(true);
    // The window repeats the 3 records we hold at that millisecond: 3 + 1502 records in pages.
    expect(client.calls).toHaveLength(Math.ceil((3 + appended.length) / 1000));
    expect(await readAll(sync)).toEqual(client.ledger);
    await expectSummaryExact(sync, client.ledger);
  });

  it('remembers a last-millisecond group that straddles a page boundary', async () => {
    // Records 997…1002 share one millisecond: pages of 1000 split them 4 + 2.
    const ledger = makeLedger(996, 22);
    const t = ledger.at(-1)!.time + 1;
    for (let i = 0; i < 6; i++)
      ledger.push({ tokenSymbol: 'BTC', balance: i < 3 ? '1.0' : '1', time: t });
    const { client, sync } = setup(ledger);
    await sync.sync();
    client.calls.length = 0;
    expect(await sync.sync()).toMatchObject({ added: 0, requests: 1, total: 1002 });
    client.ledger = [...ledger, { tokenSymbol: 'BTC', balance: '1.00', time: t }];
    expect(await sync.sync()).toMatchObject({ added: 1, total: 1003 });
    expect(await readAll(sync)).toEqual(client.ledger);
  });

  it('recognises held records at the boundary whatever order the platform returns them in', async () => {
    const ledger = makeLedger(800, 12);
    const last = ledger.at(-1)!;
    ledger.push({ ...last, tokenSymbol: 'ACT', balance: '7.00' }, { ...last, balance: '1.5' });
    const { client, sync } = setup(ledger, 250);
    await sync.sync();
    client.ledger = [...ledger, { ...last, balance: '2.5' }, ...makeLedger(600, 13, last.time + 5)];
    client.reverseSameTime = true;
    await sync.sync();
    expect(asMultiset(await readAll(sync))).toEqual(asMultiset(client.ledger));
    await expectSummaryExact(sync, client.ledger);
    // And the next one still costs one request.
    client.calls.length = 0;
    expect(await sync.sync()).toMatchObject({ added: 0, requests: 1 });
  });

  it('an incremental run stopped part-way resumes without duplicates', async () => {
    const ledger = makeLedger(500, 14);
    const { client, make } = setup(ledger, 100);
    await make().sync();
    const more = makeLedger(730, 15, ledger.at(-1)!.time);
    client.ledger = [...ledger, ...more];
    for (let k = 1; k <= 8; k++) {
      const ctl = new AbortController();
      const start = client.calls.length;
      client.before = (n) => {
        if (n === start + 1) ctl.abort();
      };
      await make()
        .sync(ctl.signal)
        .catch(() => undefined);
    }
    client.before = undefined;
    const last = make();
    await last.sync();
    expect(await readAll(last)).toEqual(client.ledger);
    await expectSummaryExact(last, client.ledger);
  });

  it('starts over when the platform no longer holds our newest records', async () => {
    const { client, sync } = setup(makeLedger(700, 16));
    await sync.sync();
    const other = makeLedger(900, 17, Date.UTC(2021, 5, 1));
    client.ledger = other;
    const result = await sync.sync();
    expect(result).toMatchObject({ reset: true, total: 900, added: 900 });
    expect(await readAll(sync)).toEqual(other);
    await expectSummaryExact(sync, other);
  });

  it('a ledger stored for another account is dropped, and never shown for this one', async () => {
    const dbName = freshDbName('accounts');
    const a = fakeLedgerClient(makeLedger(300, 18));
    const b = fakeLedgerClient(makeLedger(120, 19));
    const store = createIdbLedgerStore(dbName);
    const syncA = createLedgerSync({ client: a, store, openId: 'alice' });
    const syncB = createLedgerSync({ client: b, store, openId: 'bob' });
    await syncA.sync();
    expect((await syncB.readPage(0, 10)).total).toBe(0);
    expect(await syncB.sync()).toMatchObject({ reset: true, total: 120 });
    expect(await readAll(syncB)).toEqual(b.ledger);
    expect(await syncA.summary()).toEqual([]);
  });
});

describe('the syncer itself', () => {
  it('one run at a time: concurrent calls share it', async () => {
    const { client, sync } = setup(makeLedger(2100, 20));
    const [x, y] = await Promise.all([sync.sync(), sync.sync()]);
    expect(x).toBe(y);
    expect(client.calls).toHaveLength(3);
  });

  it('refuses a page size BiYong would refuse', () => {
    const client: FakeLedgerClient = fakeLedgerClient([]);
    const store = createIdbLedgerStore(freshDbName());
    for (const pageSize of [0, 1001, 2.5]) {
      expect(() => createLedgerSync({ client, store, openId: OPEN_ID, pageSize })).toThrow(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    }
  });

  it('reset() during a run: the run stops at its next commit and writes nothing more', async () => {
    const { client, sync } = setup(makeLedger(3000, 23));
    let resetting: Promise<void> | undefined;
    client.before = (n) => {
      if (n === 2) resetting = sync.reset();
    };
    await expect(sync.sync()).rejects.toMatchObject({ code: 'internal' });
    await resetting;
    expect(await sync.status()).toMatchObject({ total: 0, partial: false });
  });

  it('reset() empties the store; the next sync starts from the beginning', async () => {
    const ledger = makeLedger(400, 21);
    const { client, sync } = setup(ledger);
    await sync.sync();
    await sync.reset();
    expect(await sync.status()).toMatchObject({ total: 0, lastSyncedAt: null });
    client.calls.length = 0;
    await sync.sync();
    expect(client.calls[0]?.startTime).toBeUndefined();
    expect(await readAll(sync)).toEqual(ledger);
  });
});
