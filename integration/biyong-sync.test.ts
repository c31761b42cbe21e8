/**
 * The BiYong ledger sync against the sandbox over real HTTP on loopback: the real client (frames,
 * signatures, lossless amounts), the real IndexedDB store (fake-indexeddb in Node), and the
 * sandbox's own ledger as the independent truth — its holdings for the sums, its request counters
 * for the cost of each sync.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, PREFIX } from '../sandbox/contract';
import { startTestSandbox, type TestSandbox } from '../sandbox/test-support';
import { createLedgerSync, type LedgerSync } from '../src/background/sync/biyong-ledger';
import { createIdbLedgerStore } from '../src/background/sync/idb-ledger-store';
import { SkewClock } from '../src/core/http';
import type { LedgerRecord } from '../src/core/ledger';
import { normalizeDecimal } from '../src/core/money';
import { createBiyongClient, type BiyongClient } from '../src/providers/biyong';

const LEDGER_PATH = '/biyong-user/balance/page';
const openId = DEMO.biyong.user.openId;

let sb: TestSandbox;
let client: BiyongClient;
let dbCount = 0;

beforeAll(async () => {
  sb = await startTestSandbox();
  client = createBiyongClient(
    { fetch, clock: new SkewClock(), baseUrl: sb.origin + PREFIX.biyong },
    {
      appId: DEMO.biyong.appId,
      merchantPrivateKey: DEMO.biyong.merchantPrivateKey,
      platformPublicKey: DEMO.biyong.platformPublicKey,
    },
  );
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.reset();
});

const control = (path: string, body?: unknown) => sb.controlOk(path, body);

async function ledgerRequests(): Promise<number> {
  const stats = (await control(CONTROL.stats)) as {
    requests: Record<string, Record<string, number>>;
  };
  return stats.requests.biyong?.[LEDGER_PATH] ?? 0;
}

async function holdings(): Promise<Record<string, string>> {
  const state = (await control(CONTROL.state)) as { biyong: { holdings: Record<string, string> } };
  return state.biyong.holdings;
}

function newSync(
  dbName = `it-biyong-sync-${++dbCount}`,
  c: Pick<BiyongClient, 'balancePage'> = client,
) {
  return {
    dbName,
    sync: createLedgerSync({ client: c, store: createIdbLedgerStore(dbName), openId }),
  };
}

/** Everything stored, newest first. */
async function readAll(s: LedgerSync): Promise<LedgerRecord[]> {
  const out: LedgerRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await s.readPage(offset, 1000);
    out.push(...page.records);
    if (page.records.length < 1000) return out;
  }
}

/** The platform's ledger straight from the pager, oldest first (not through the sync). */
async function platformLedger(): Promise<LedgerRecord[]> {
  const all: LedgerRecord[] = [];
  for await (const p of client.balancePages({ openId })) all.push(...p.records);
  return all;
}

async function expectSummaryMatchesSandbox(s: LedgerSync, size: number) {
  const held = await holdings();
  const rows = await s.summary();
  expect(rows.reduce((n, r) => n + r.count, 0)).toBe(size);
  for (const row of rows) expect(row.net, row.token).toBe(normalizeDecimal(held[row.token] ?? ''));
}

describe('BiYong ledger sync over HTTP', () => {
  it('5,000 records, then 250 appended, then nothing new', async () => {
    await control(CONTROL.seed, { biyongLedgerSize: 5000, biyongGrant: ['BALANCE'] });
    const { sync } = newSync();

    let before = await ledgerRequests();
    const first = await sync.sync();
    expect(first).toMatchObject({ added: 5000, requests: 5, total: 5000, reset: false });
    expect((await ledgerRequests()) - before).toBe(5);
    const truth = await platformLedger();
    expect(await readAll(sync)).toEqual(truth.slice().reverse());
    await expectSummaryMatchesSandbox(sync, 5000);

    await control(CONTROL.seed, { biyongAppendLedger: 250 });
    before = await ledgerRequests();
    const second = await sync.sync();
    // The window starts at our newest time: 1 record we hold + 250 new ones, one page.
    expect(second).toMatchObject({ added: 250, requests: 1, total: 5250 });
    expect((await ledgerRequests()) - before).toBe(1);
    expect(await readAll(sync)).toEqual((await platformLedger()).reverse());
    await expectSummaryMatchesSandbox(sync, 5250);

    before = await ledgerRequests();
    expect(await sync.sync()).toMatchObject({ added: 0, requests: 1, total: 5250 });
    expect((await ledgerRequests()) - before).toBe(1);
  });

  it('a sync stopped after two pages resumes in a new worker with the three pages left', async () => {
    await control(CONTROL.seed, { biyongLedgerSize: 4321, biyongGrant: ['BALANCE'] });
    const ctl = new AbortController();
    let calls = 0;
    const stopping: Pick<BiyongClient, 'balancePage'> = {
      async balancePage(q) {
        const page = await client.balancePage(q);
        if (++calls === 2) ctl.abort(new Error('worker stopped'));
        return page;
      },
    };
    const { dbName, sync } = newSync(undefined, stopping);
    await expect(sync.sync(ctl.signal)).rejects.toThrow('worker stopped');
    expect(await sync.status()).toMatchObject({ total: 2000, partial: true });

    const before = await ledgerRequests();
    const resumed = newSync(dbName).sync;
    expect(await resumed.sync()).toMatchObject({ resumed: true, added: 2321, requests: 3 });
    expect((await ledgerRequests()) - before).toBe(3);
    expect(await readAll(resumed)).toEqual((await platformLedger()).reverse());
    await expectSummaryMatchesSandbox(resumed, 4321);
  });

  it('a typed error from the platform passes through; the store stays as it was', async () => {
    await control(CONTROL.seed, { biyongLedgerSize: 3000, biyongGrant: ['BALANCE'] });
    const { sync } = newSync();
    await sync.sync();
    await control(CONTROL.seed, { biyongAppendLedger: 10 });
    await control(CONTROL.faults, {
      platform: 'biyong',
      endpoint: LEDGER_PATH,
      kind: 'wrong_signature',
      times: 1,
    });
    await expect(sync.sync()).rejects.toMatchObject({ code: 'signature', platform: 'biyong' });
    expect(await sync.status()).toMatchObject({ total: 3000, partial: false });
    expect(await sync.sync()).toMatchObject({ added: 10, total: 3010 });
  });

  it('a reseeded platform ledger is detected and synced from the start', async () => {
    await control(CONTROL.seed, { biyongLedgerSize: 1500, biyongGrant: ['BALANCE'] });
    const { sync } = newSync();
    await sync.sync();
    await control(CONTROL.seed, { biyongLedgerSize: 1200 });
    const again = await sync.sync();
    expect(again).toMatchObject({ reset: true, total: 1200 });
    expect(await readAll(sync)).toEqual((await platformLedger()).reverse());
    await expectSummaryMatchesSandbox(sync, 1200);
  });
});
