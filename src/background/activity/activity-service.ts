/**
 * The activity service of the worker: syncs the sources (sources.ts), keeps what they return
 * (BiYong ledger in its IndexedDB store, the rest in the activity cache) and answers the popup's
 * questions — a page of the merged, filtered list, the overview, CSV, the BiYong net flow — from
 * what is stored, without the network. So the popup can paint stored data at once and ask for a
 * sync behind it (stale-while-revalidate); a locked vault still serves everything stored.
 */
import { errors } from '../../core/errors';
import {
  ACTIVITY_PAGE_MAX,
  type ActivityFilter,
  type ActivityItem,
  type ActivityOverview,
  type ActivityPage,
  type ActivityPageRequest,
  type ActivitySource,
  type NetFlowView,
  type SourceStatus,
} from '../../core/activity';
import type { Account } from '../../core/accounts';
import type { Transfer } from '../../core/transfers';
import type { BiyongClient } from '../../providers/biyong';
import { createLedgerReader } from '../sync/ledger-reader';
import type { LedgerStore } from '../sync/ledger-store';
import type { ActivityCache, CachedActivity } from './activity-cache';
import { buildCsv, csvFileName } from './csv';
import { mergeOthers } from './merge';
import {
  currentStatuses,
  failed,
  fetchGrandchain,
  notConnected,
  syncBiyong,
  type GrandchainAccess,
} from './sources';
import { buildView, readView, signature, type ActivityView, type LedgerSnapshot } from './view';
import { CHUNK_SIZE, chunkOf } from '../sync/ledger-store';
import { yuanToFen } from '../../core/money';
import {
  LEDGER_CHART_TOKENS,
  type BalanceHistoryView,
  type LedgerChartView,
} from '../../core/charts';
import { balanceHistory, chartTokens, ledgerChartBuilder } from './charts-data';

export interface ActivityDeps {
  ledgerStore: LedgerStore;
  cache: ActivityCache;
  account(platform: 'biyong' | 'grandchain'): Promise<Account | undefined>;
  transfers(): Promise<Transfer[]>;
  /** Needs the vault (merchant private key): rejects with `locked` while it is locked. */
  biyongClient(): Promise<Pick<BiyongClient, 'balancePage'>>;
  grandchain: GrandchainAccess;
  now?: () => number;
  /** BiYong ledger page size (default 1000, the platform's maximum). */
  ledgerPageSize?: number;
  /**
   * Tell open pages that what is stored changed (feature.ts bumps a storage key they watch).
   * Called after every sync, whatever its outcome: even a failed one stores statuses and may
   * have stored ledger pages.
   */
  changed?: () => Promise<void>;
}

export interface SyncOptions {
  /** Sync sources even when they synced less than `minAgeMs` ago. */
  force?: boolean;
}

/** A popup opening several times a minute does not hit the platforms each time. */
export const SYNC_MIN_AGE_MS = 60_000;
const VIEWS_KEPT = 4;
const CSV_BLOCK = 1000;
/** Chunks read per IndexedDB transaction while the ledger chart is built. */
const CHART_BATCH = 10;
const NO_LEDGER_CHART: LedgerChartView = {
  from: null,
  to: null,
  buckets: 0,
  tokens: [],
  others: 0,
};

function bad(en: string, zh: string) {
  return errors.invalid_input({ en, zh }, { endpoint: 'activity' });
}

export function createActivityService(deps: ActivityDeps) {
  const now = deps.now ?? (() => Date.now());
  const views = new Map<string, ActivityView>();
  let running: Promise<ActivityOverview> | undefined;
  /** A forced sync asked for while one was running: it runs once that one ends. */
  let again: Promise<ActivityOverview> | undefined;
  /** The last ledger chart, by ledger generation and count (it changes only with those). */
  let chart: { key: string; view: Promise<LedgerChartView> } | undefined;

  async function buildLedgerChart(snap: LedgerSnapshot, openId: string): Promise<LedgerChartView> {
    const reader = createLedgerReader(deps.ledgerStore, openId);
    const [summary, status] = await Promise.all([reader.summary(), reader.status()]);
    const { tokens, others } = chartTokens(summary, LEDGER_CHART_TOKENS);
    const chunks = chunkOf(snap.count - 1) + 1;
    const [first] = await deps.ledgerStore.readChunks(snap.generation, [0]);
    const from = first?.[0]?.time ?? null;
    const b = ledgerChartBuilder({ tokens, others, from, to: status.newestTime });
    // Oldest first, a few chunks per transaction; memory: those chunks and the buckets.
    for (let c = 0; c < chunks; c += CHART_BATCH) {
      const indices: number[] = [];
      for (let k = c; k < Math.min(chunks, c + CHART_BATCH); k++) indices.push(k);
      const got = await deps.ledgerStore.readChunks(snap.generation, indices);
      for (let i = 0; i < indices.length; i++) {
        const chunk = got[i] ?? [];
        const n = Math.min(CHUNK_SIZE, snap.count - indices[i]! * CHUNK_SIZE);
        for (let j = 0; j < n && j < chunk.length; j++) b.add(chunk[j]!);
      }
    }
    return b.finish();
  }

  async function ledgerSnapshot(): Promise<{ snap?: LedgerSnapshot; openId?: string }> {
    const openId = (await deps.account('biyong'))?.details.openId;
    if (!openId) return {};
    const meta = await deps.ledgerStore.readMeta();
    if (!meta || meta.openId !== openId) return { openId };
    return { openId, snap: { generation: meta.generation, count: meta.count } };
  }

  /** Grand Chain rows of the account signed in now (none after signing out or switching). */
  async function grandchainRows(cached: CachedActivity): Promise<ActivityItem[]> {
    const email = (await deps.account('grandchain'))?.details.email;
    const gc = cached.grandchain;
    return gc && email && gc.owner.toLowerCase() === email.toLowerCase() ? gc.items : [];
  }

  async function others(cached: CachedActivity): Promise<ActivityItem[]> {
    return mergeOthers(await grandchainRows(cached), await deps.transfers());
  }

  async function view(filter: ActivityFilter): Promise<ActivityView> {
    const [{ snap }, cached] = await Promise.all([ledgerSnapshot(), deps.cache.read()]);
    const rest = await others(cached);
    const key = JSON.stringify([
      snap?.generation ?? null,
      snap?.count ?? 0,
      signature(rest),
      filter.platform ?? '',
      filter.token ?? '',
      (filter.query ?? '').trim().toLowerCase(),
    ]);
    const hit = views.get(key);
    if (hit) {
      views.delete(key);
      views.set(key, hit);
      return hit;
    }
    const built = await buildView(deps.ledgerStore, snap, rest, filter);
    views.set(key, built);
    while (views.size > VIEWS_KEPT) views.delete(views.keys().next().value!);
    return built;
  }

  function checkFilter(f: ActivityFilter): ActivityFilter {
    const out: ActivityFilter = {};
    if (f.platform !== undefined) out.platform = f.platform;
    if (f.token) out.token = f.token;
    if (f.query?.trim()) out.query = f.query.trim();
    if ((out.query?.length ?? 0) > 200) throw bad('The search is too long', '搜索内容过长');
    return out;
  }

  async function statusOf(cached: CachedActivity): Promise<SourceStatus[]> {
    const [by, gc, transfers, { snap }] = await Promise.all([
      deps.account('biyong'),
      deps.account('grandchain'),
      deps.transfers(),
      ledgerSnapshot(),
    ]);
    const gcRows = await grandchainRows(cached);
    return currentStatuses(cached.status, {
      biyong: by?.details.openId ? (snap?.count ?? 0) : undefined,
      grandchain: gc?.details.email ? gcRows.length : undefined,
      transfers: transfers.length,
      now: now(),
    });
  }

  async function overview(): Promise<ActivityOverview> {
    const cached = await deps.cache.read();
    const [sources, rest, { snap, openId }] = await Promise.all([
      statusOf(cached),
      others(cached),
      ledgerSnapshot(),
    ]);
    const tokens = new Set(rest.map((r) => r.token));
    if (snap && openId) {
      for (const row of await createLedgerReader(deps.ledgerStore, openId).summary()) {
        tokens.add(row.token);
      }
    }
    return {
      sources,
      tokens: [...tokens].sort(),
      total: (snap?.count ?? 0) + rest.length,
      unread: rest.filter((r) => r.kind === 'incoming' && r.status === 'unread'),
    };
  }

  async function runSync(opts: SyncOptions): Promise<ActivityOverview> {
    const before = await deps.cache.read();
    const fresh = (s: ActivitySource) =>
      !opts.force &&
      before.status[s]?.state === 'ok' &&
      (before.status[s]?.syncedAt ?? 0) > now() - SYNC_MIN_AGE_MS;

    const biyong = async (): Promise<SourceStatus | undefined> => {
      if (fresh('biyong')) return undefined;
      try {
        return await syncBiyong({
          account: await deps.account('biyong'),
          store: deps.ledgerStore,
          client: () => deps.biyongClient(),
          now,
          ...(deps.ledgerPageSize !== undefined ? { pageSize: deps.ledgerPageSize } : {}),
        });
      } catch (e) {
        return failed('biyong', e, before.status.biyong);
      }
    };
    const grandchain = async (): Promise<
      { status: SourceStatus; rows?: CachedActivity['grandchain'] } | undefined
    > => {
      if (fresh('grandchain')) return undefined;
      if (!(await deps.account('grandchain'))) return { status: notConnected('grandchain') };
      try {
        const t = now();
        const got = await fetchGrandchain(deps.grandchain, t);
        return {
          status: { source: 'grandchain', state: 'ok', syncedAt: t, count: got.items.length },
          rows: { ...got, syncedAt: t },
        };
      } catch (e) {
        return { status: failed('grandchain', e, before.status.grandchain) };
      }
    };

    const [by, gc] = await Promise.all([biyong(), grandchain()]);
    // Read again: a receive may have written in between (it awaits `running` first, but a
    // cache written by an older worker is still the one to build on).
    const latest = await deps.cache.read();
    const next: CachedActivity = {
      grandchain: gc?.rows !== undefined ? gc.rows : latest.grandchain,
      status: {
        ...latest.status,
        ...(by ? { biyong: by } : {}),
        ...(gc ? { grandchain: gc.status } : {}),
      },
    };
    await deps.cache.write(next);
    await deps.changed?.().catch(() => undefined);
    return overview();
  }

  const service = {
    overview,

    /**
     * Bring every source up to date; one run at a time. A call while one runs joins it, except a
     * forced one: the running sync may have read a platform before what prompted the call (a
     * grant withdrawn, keys changed), so one more run follows it, shared by every call meanwhile.
     */
    sync(opts: SyncOptions = {}): Promise<ActivityOverview> {
      const start = (o: SyncOptions) => {
        const run: Promise<ActivityOverview> = runSync(o).finally(() => {
          if (running === run) running = undefined;
        });
        running = run;
        return run;
      };
      if (again) return again;
      if (!running) return start(opts);
      if (!opts.force) return running;
      again = running
        .catch(() => undefined)
        .then(() => {
          again = undefined;
          return start({ force: true });
        });
      return again;
    },

    async page(req: ActivityPageRequest): Promise<ActivityPage> {
      if (!Number.isSafeInteger(req.offset) || req.offset < 0) {
        throw bad('offset must be an integer from 0', 'offset 必须是从 0 开始的整数');
      }
      if (!Number.isSafeInteger(req.limit) || req.limit < 1 || req.limit > ACTIVITY_PAGE_MAX) {
        throw bad(
          `limit must be 1–${ACTIVITY_PAGE_MAX}`,
          `limit 必须在 1~${ACTIVITY_PAGE_MAX} 之间`,
        );
      }
      const v = await view(checkFilter(req));
      return {
        total: v.refs.length,
        offset: req.offset,
        items: await readView(deps.ledgerStore, v, req.offset, req.limit),
      };
    },

    async csv(filter: ActivityFilter): Promise<{ fileName: string; content: string }> {
      const v = await view(checkFilter(filter));
      async function* blocks() {
        for (let k = 0; k < v.refs.length; k += CSV_BLOCK) {
          yield await readView(deps.ledgerStore, v, k, CSV_BLOCK);
        }
      }
      return { fileName: csvFileName(now()), content: await buildCsv(blocks()) };
    },

    /** BiYong: the sum of the stored ledger's changes per token — not a balance. */
    async netFlow(): Promise<NetFlowView> {
      const { openId } = await ledgerSnapshot();
      if (!openId) {
        return { rows: [], lastSyncedAt: null, oldestTime: null, newestTime: null, partial: false };
      }
      const reader = createLedgerReader(deps.ledgerStore, openId);
      const [rows, status] = await Promise.all([reader.summary(), reader.status()]);
      // The oldest record is the last one counted from the newest (one chunk read).
      const oldest = status.total ? await reader.readPage(status.total - 1, 1) : undefined;
      return {
        rows,
        lastSyncedAt: status.lastSyncedAt,
        oldestTime: oldest?.records[0]?.time ?? null,
        newestTime: status.newestTime,
        partial: status.partial,
      };
    },

    /** BiYong's most active tokens over the stored ledger's span, for the popup's chart. */
    async ledgerChart(): Promise<LedgerChartView> {
      const { snap, openId } = await ledgerSnapshot();
      if (!snap || !openId || snap.count === 0) return NO_LEDGER_CHART;
      const key = `${openId}|${snap.generation}|${snap.count}`;
      if (chart?.key !== key) {
        const view = buildLedgerChart(snap, openId);
        chart = { key, view };
        // A failed build is not kept: the next question builds again.
        view.catch(() => {
          if (chart?.view === view) chart = undefined;
        });
      }
      return chart.view;
    },

    /**
     * Grand Chain's balance after each change of its history, from the last balance it reported
     * (charts-data.ts says why a walk and not a recorded series).
     */
    async balanceHistory(): Promise<BalanceHistoryView> {
      const account = await deps.account('grandchain');
      const rows = await grandchainRows(await deps.cache.read());
      const changes = rows
        .filter((r) => (r.kind === 'received' || r.kind === 'sent') && r.status === 'done')
        .map((r) => ({ time: r.time, deltaFen: yuanToFen(r.amount) }));
      const fen = account?.details.balanceFen;
      const reported =
        fen && /^\d+$/.test(fen)
          ? { fen: BigInt(fen), time: Number(account.details.balanceAt ?? account.updatedAt) }
          : null;
      return balanceHistory(changes, reported);
    },

    /**
     * Confirm an incoming Grand Chain transfer (trade/receive) with the stored face token, then
     * sync Grand Chain again so the row moves from "unread" to the history.
     */
    async receive(orderId: string): Promise<ActivityOverview> {
      if (running) await running.catch(() => undefined);
      const cached = await deps.cache.read();
      const known = (await grandchainRows(cached)).some(
        (r) => r.kind === 'incoming' && r.orderId === orderId,
      );
      if (!known) {
        throw errors.not_found(
          { en: 'No such incoming transfer waiting', zh: '没有这笔待收款的转账' },
          { platform: 'grandchain', endpoint: 'trade/receive' },
        );
      }
      const session = await deps.grandchain.session();
      const faceToken = await deps.grandchain.faceToken();
      const client = await deps.grandchain.client();
      const balance = await client.receive(session, {
        orderId,
        ...(faceToken ? { faceToken } : {}),
      });
      await deps.grandchain.recordBalance?.(balance);
      return service.sync({ force: true });
    },
  };
  return service;
}

export type ActivityService = ReturnType<typeof createActivityService>;
