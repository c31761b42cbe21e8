import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ledgerItem,
  matchesFilter,
  newestFirst,
  transferItem,
  type ActivityFilter,
  type ActivityItem,
  type ActivityOverview,
} from '../../core/activity';
import { errors } from '../../core/errors';
import type { Account } from '../../core/accounts';
import type { LedgerRecord } from '../../core/ledger';
import type { Transfer } from '../../core/transfers';
import type { BalanceQuery } from '../../providers/biyong';
import type { GrandchainSession } from '../../providers/grandchain/client';
import type { GrandchainTrade, GrandchainUnread } from '../../providers/grandchain/records';
import { createIdbLedgerStore } from '../sync/idb-ledger-store';
import { memoryActivityCache } from './activity-cache';
import { createActivityService, SYNC_MIN_AGE_MS } from './activity-service';
import { tradeItems, unreadItems } from './grandchain-items';
import { ledgerChart } from './charts-data';

const OPEN_ID = 'by_open_test';
const SESSION: GrandchainSession = {
  email: 'alice@example.com',
  userId: 1,
  sessionToken: 'sess-secret',
};
const TOKENS = ['BTC', 'ETH', 'USDT'];
let dbCounter = 0;

/** A ledger with same-millisecond neighbours, oldest first, as the platform serves it. */
function ledger(n: number, start: number): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push({
      tokenSymbol: TOKENS[i % 3]!,
      balance: i % 4 === 0 ? `-0.${String(i).padStart(8, '0')}` : `${i}.25`,
      time: start + Math.floor(i / 2) * 60_000,
    });
  }
  return out;
}

function fakeBiyong(records: LedgerRecord[]) {
  const calls: BalanceQuery[] = [];
  return {
    calls,
    async balancePage(q: BalanceQuery) {
      calls.push(q);
      const w = records.filter((r) => q.startTime === undefined || r.time >= q.startTime);
      const from = q.pageNo * q.pageSize;
      return { total: w.length, records: w.slice(from, from + q.pageSize).map((r) => ({ ...r })) };
    },
  };
}

function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function setup(opts: {
  records: LedgerRecord[];
  trades: GrandchainTrade[];
  unread: GrandchainUnread[];
}) {
  let clock = Date.UTC(2026, 0, 1);
  let locked = false;
  const accounts: Partial<Record<'biyong' | 'grandchain', Account>> = {
    biyong: {
      platform: 'biyong',
      state: 'connected',
      label: 'alice',
      details: { openId: OPEN_ID },
      connectedAt: 0,
      updatedAt: 0,
    },
    grandchain: {
      platform: 'grandchain',
      state: 'connected',
      label: 'Alice',
      details: { email: SESSION.email, userId: '1' },
      connectedAt: 0,
      updatedAt: 0,
    },
  };
  const transfers: Transfer[] = [];
  const biyong = fakeBiyong(opts.records);
  const received: { orderId: string | number; faceToken?: string }[] = [];
  const gc = { trades: opts.trades, unread: opts.unread, calls: 0 };
  const service = createActivityService({
    ledgerStore: createIdbLedgerStore(`activity-test-${++dbCounter}`),
    cache: memoryActivityCache(),
    account: async (p) => accounts[p],
    transfers: async () => transfers,
    biyongClient: async () => {
      if (locked) throw errors.locked();
      return biyong;
    },
    grandchain: {
      session: async () => {
        if (locked) throw errors.locked();
        return SESSION;
      },
      faceToken: async () => 'face_alice_0001',
      client: async () => ({
        revision: () => 'deployed' as const,
        trades: async () => {
          gc.calls++;
          return gc.trades;
        },
        unread: async () => gc.unread,
        receive: async (
          _s: GrandchainSession,
          input: { orderId: string | number; faceToken?: string },
        ) => {
          received.push(input);
          const u = gc.unread.find((x) => String(x.orderId) === String(input.orderId))!;
          gc.unread = gc.unread.filter((x) => x !== u);
          gc.trades = [
            ...gc.trades,
            { time: chinaTime(clock), direction: 'in', valueFen: u.valueFen },
          ];
          return 0n;
        },
      }),
    },
    now: () => clock,
    ledgerPageSize: 100,
  });
  return {
    service,
    accounts,
    transfers,
    biyong,
    gc,
    received,
    lock: (v: boolean) => (locked = v),
    advance: (ms: number) => (clock += ms),
  };
}

const START = Date.UTC(2025, 5, 1);
const TRADES: GrandchainTrade[] = [
  { time: chinaTime(START + 90_000), direction: 'out', valueFen: 1250n },
  { time: chinaTime(START + 30 * 60_000), direction: 'in', valueFen: 99n },
  { time: chinaTime(START + 30 * 60_000), direction: 'in', valueFen: 99n },
];
const UNREAD: GrandchainUnread[] = [
  {
    orderId: 77,
    senderEmail: 'bob@example.com',
    senderNickName: 'Bob',
    valueFen: 500n,
    createTime: chinaTime(START + 45 * 60_000),
  },
];

/** Everything the list should hold, built apart from view.ts: all rows, sorted, filtered. */
function reference(
  records: LedgerRecord[],
  trades: GrandchainTrade[],
  unread: GrandchainUnread[],
  transfers: Transfer[],
  filter: ActivityFilter,
): ActivityItem[] {
  const all = [
    ...records.map((r, i) => ledgerItem(r, i)),
    ...tradeItems(trades, 0),
    ...unreadItems(unread, 0),
    ...transfers.map(transferItem),
  ];
  return all.filter((i) => matchesFilter(i, filter)).sort(newestFirst);
}

describe('activity service', () => {
  let t: ReturnType<typeof setup>;
  const records = ledger(1234, START);

  beforeEach(async () => {
    t = setup({ records, trades: TRADES, unread: UNREAD });
    t.transfers.push({
      id: 'fomo-1',
      platform: 'fomo',
      kind: 'fomo_recharge',
      state: 'pending',
      amount: '3.5',
      token: 'USDT',
      createdAt: START + 61_000,
      updatedAt: START + 61_000,
      details: { coinId: '3', state: 'st', step: 'opened' },
    });
    const o = await t.service.sync();
    expect(o.sources.map((s) => [s.source, s.state])).toEqual([
      ['biyong', 'ok'],
      ['grandchain', 'ok'],
      ['transfers', 'ok'],
    ]);
  });

  it('merges every source newest first, page by page, exactly as a full sort would', async () => {
    const want = reference(records, t.gc.trades, UNREAD, t.transfers, {});
    const got: ActivityItem[] = [];
    for (let offset = 0; ; offset += 137) {
      const page = await t.service.page({ offset, limit: 137 });
      expect(page.total).toBe(want.length);
      if (!page.items.length) break;
      got.push(...page.items);
    }
    expect(got).toEqual(want);
    expect(want.length).toBe(1234 + 3 + 1 + 1);
  });

  it.each<ActivityFilter>([
    { platform: 'biyong' },
    { platform: 'grandchain' },
    { platform: 'fomo' },
    { token: 'ETH' },
    { token: 'CNY' },
    { query: '.25' },
    { query: 'BOB' },
    { query: '转出' },
    { platform: 'biyong', token: 'BTC', query: 'out' },
    { platform: 'hicoin' },
  ])('filters %o like the reference', async (filter) => {
    const want = reference(records, TRADES, UNREAD, t.transfers, filter);
    const page = await t.service.page({ ...filter, offset: 0, limit: 500 });
    expect(page.total).toBe(want.length);
    expect(page.items).toEqual(want.slice(0, 500));
    const tail = await t.service.page({
      ...filter,
      offset: Math.max(0, want.length - 7),
      limit: 500,
    });
    expect(tail.items).toEqual(want.slice(Math.max(0, want.length - 7)));
  });

  it('an empty page past the end, and bad arguments refused', async () => {
    expect((await t.service.page({ offset: 10_000, limit: 10 })).items).toEqual([]);
    await expect(t.service.page({ offset: -1, limit: 10 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(t.service.page({ offset: 0, limit: 501 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('overview: tokens of every source, totals, the unread transfer', async () => {
    const o = await t.service.overview();
    expect(o.tokens).toEqual(['BTC', 'CNY', 'ETH', 'USDT']);
    expect(o.total).toBe(1234 + 3 + 1 + 1);
    expect(o.unread.map((u) => [u.orderId, u.amount, u.counterparty])).toEqual([
      ['77', '5.00', 'Bob <bob@example.com>'],
    ]);
  });

  it('syncs incrementally and skips sources synced less than a minute ago unless forced', async () => {
    const calls = t.biyong.calls.length;
    await t.service.sync();
    expect(t.biyong.calls.length).toBe(calls);
    t.advance(SYNC_MIN_AGE_MS + 1);
    await t.service.sync();
    // Nothing new: one request (the window starts at the newest stored millisecond).
    expect(t.biyong.calls.length).toBe(calls + 1);
    await t.service.sync({ force: true });
    expect(t.biyong.calls.length).toBe(calls + 2);
  });

  it('a forced sync asked while one runs reads the platforms again once that one ends', async () => {
    t.advance(SYNC_MIN_AGE_MS + 1);
    // The running sync's first ledger request is held; meanwhile the user withdraws the grant.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const read = t.biyong.balancePage.bind(t.biyong);
    let reached = false;
    let withdrawn = false;
    let asked = 0;
    t.biyong.balancePage = async (q) => {
      asked++;
      if (!reached) {
        reached = true;
        await gate;
        return read(q);
      }
      if (withdrawn) {
        throw errors.permission({ en: 'grant gone', zh: '授权已撤销' }, { platform: 'biyong' });
      }
      return read(q);
    };
    const first = t.service.sync();
    await vi.waitFor(() => expect(reached).toBe(true));
    withdrawn = true;
    const joined = t.service.sync();
    const forced = [t.service.sync({ force: true }), t.service.sync({ force: true })];
    release();
    const state = async (o: Promise<ActivityOverview>) =>
      (await o).sources.find((s) => s.source === 'biyong')?.state;
    // A plain call joins the running sync; the forced ones share one more run, which sees it.
    expect(await state(first)).toBe('ok');
    expect(await state(joined)).toBe('ok');
    expect(await Promise.all(forced.map(state))).toEqual(['error', 'error']);
    // Nothing new in the window: one request for the first run, one for the run after it.
    expect(asked).toBe(2);
  });

  it('serves what is stored while the vault is locked, and says so', async () => {
    t.lock(true);
    t.advance(SYNC_MIN_AGE_MS + 1);
    const o = await t.service.sync({ force: true });
    const by = o.sources.find((s) => s.source === 'biyong')!;
    expect(by).toMatchObject({ state: 'locked', count: 1234, error: { code: 'locked' } });
    expect(by.syncedAt).not.toBeNull();
    expect(o.sources.find((s) => s.source === 'grandchain')?.state).toBe('locked');
    expect((await t.service.page({ offset: 0, limit: 10 })).total).toBe(1234 + 5);
  });

  it('receives an unread transfer with the stored face token; it moves to the history', async () => {
    await expect(t.service.receive('999')).rejects.toMatchObject({ code: 'not_found' });
    const o = await t.service.receive('77');
    expect(t.received).toEqual([{ orderId: '77', faceToken: 'face_alice_0001' }]);
    expect(o.unread).toEqual([]);
    const gc = await t.service.page({ platform: 'grandchain', offset: 0, limit: 10 });
    expect(gc.items.filter((i) => i.kind === 'received' && i.amount === '5.00')).toHaveLength(1);
  });

  it('hides a source’s rows once its account is gone', async () => {
    delete t.accounts.biyong;
    delete t.accounts.grandchain;
    const page = await t.service.page({ offset: 0, limit: 10 });
    expect(page.items.map((i) => i.id)).toEqual(['transfer:fomo-1']);
    const o = await t.service.overview();
    expect(o.sources.find((s) => s.source === 'biyong')?.state).toBe('not_connected');
    expect((await t.service.netFlow()).rows).toEqual([]);
  });

  it('net flow: the exact sum of the stored changes per token, over the stored span', async () => {
    const { rows, oldestTime, newestTime, partial } = await t.service.netFlow();
    expect([oldestTime, newestTime, partial]).toEqual([
      records[0]!.time,
      records.at(-1)!.time,
      false,
    ]);
    for (const token of TOKENS) {
      // Independent sum in 1e-8 units.
      let units = 0n;
      for (const r of records.filter((x) => x.tokenSymbol === token)) {
        const [w, f = ''] = r.balance.replace('-', '').split('.');
        const v = BigInt(w! + f.padEnd(8, '0'));
        units += r.balance.startsWith('-') ? -v : v;
      }
      const row = rows.find((x) => x.token === token)!;
      const [w, f = ''] = row.net.replace('-', '').split('.');
      const got = BigInt(w! + f.padEnd(8, '0')) * (row.net.startsWith('-') ? -1n : 1n);
      expect(got).toBe(units);
    }
  });

  it('ledger chart: read from the stored chunks, the same as computed over the records', async () => {
    const view = await t.service.ledgerChart();
    expect(view).toEqual(ledgerChart(records, 3));
    expect(view.tokens.map((x) => x.token)).toEqual(['BTC', 'ETH', 'USDT']);
    expect(view.buckets).toBe(24);
    // Asked again without a change: the same answer (kept, not rebuilt).
    expect(await t.service.ledgerChart()).toBe(view);
    delete t.accounts.biyong;
    expect((await t.service.ledgerChart()).tokens).toEqual([]);
  });

  it('balance history: walked from the balance Grand Chain reported over the stored history', async () => {
    expect(await t.service.balanceHistory()).toMatchObject({ reported: null, points: [] });
    // Reported after the history (as a send or receive records it): 100.00 yuan.
    t.accounts.grandchain!.details = {
      ...t.accounts.grandchain!.details,
      balanceFen: '10000',
      balanceAt: String(START + 3_600_000),
    };
    const v = await t.service.balanceHistory();
    // History: -12.50 at +90 s, then +0.99 twice at +30 min (the unread 5.00 is not in it).
    expect(v.points.map((p) => [p.time, p.fen])).toEqual([
      [START + 90_000, '9802'],
      [START + 30 * 60_000, '9901'],
      [START + 30 * 60_000, '10000'],
    ]);
    expect(v).toMatchObject({ startFen: '11052', complete: true });
  });

  it('CSV holds the filtered rows in list order', async () => {
    const { content, fileName } = await t.service.csv({ token: 'CNY' });
    expect(fileName).toMatch(/^coindock-activity-.*\.csv$/);
    const lines = content
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    const want = reference(records, TRADES, UNREAD, t.transfers, { token: 'CNY' });
    expect(lines).toHaveLength(want.length + 1);
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(want.map((w) => w.id));
  });
});
