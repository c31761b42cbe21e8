/**
 * Syncing each activity source once, reporting the outcome as a SourceStatus. A source that needs
 * a secret (BiYong's merchant key, the Grand Chain session) while the vault is locked reports
 * `locked` and leaves its cached rows as they are; any other failure reports `error` in words.
 */
import { toCoinDockError, type CoinDockError } from '../../core/errors';
import {
  ACTIVITY_SOURCES,
  type ActivityItem,
  type ActivitySource,
  type SourceStatus,
} from '../../core/activity';
import type { Account } from '../../core/accounts';
import type { BiyongClient } from '../../providers/biyong';
import type { GrandchainClient, GrandchainSession } from '../../providers/grandchain/client';
import { createLedgerSync } from '../sync/biyong-ledger';
import type { LedgerStore } from '../sync/ledger-store';
import { tradeItems, unreadItems } from './grandchain-items';

export interface GrandchainAccess {
  session(): Promise<GrandchainSession>;
  client(): Promise<Pick<GrandchainClient, 'trades' | 'unread' | 'receive' | 'revision'>>;
  faceToken(): Promise<string | undefined>;
  /** Keep the balance Grand Chain reported with a receive (it has no balance query). */
  recordBalance?(fen: bigint): Promise<void>;
}

export function failed(
  source: ActivitySource,
  e: unknown,
  previous: SourceStatus | undefined,
): SourceStatus {
  const err: CoinDockError = toCoinDockError(e);
  return {
    source,
    state: err.code === 'locked' ? 'locked' : 'error',
    syncedAt: previous?.syncedAt ?? null,
    count: previous?.count ?? 0,
    error: { ...err.messages, code: err.code },
  };
}

export const notConnected = (source: ActivitySource, count = 0): SourceStatus => ({
  source,
  state: 'not_connected',
  syncedAt: null,
  count,
});

/** BiYong: bring the stored ledger up to date for the connected openId (incremental, resumable). */
export async function syncBiyong(deps: {
  account: Account | undefined;
  store: LedgerStore;
  client(): Promise<Pick<BiyongClient, 'balancePage'>>;
  pageSize?: number;
  now: () => number;
}): Promise<SourceStatus> {
  const openId = deps.account?.details.openId;
  if (!openId) return notConnected('biyong');
  const sync = createLedgerSync({
    client: await deps.client(),
    store: deps.store,
    openId,
    now: deps.now,
    ...(deps.pageSize !== undefined ? { pageSize: deps.pageSize } : {}),
  });
  const r = await sync.sync();
  return { source: 'biyong', state: 'ok', syncedAt: r.syncedAt, count: r.total };
}

/** Grand Chain: the whole history (the API has no paging) and, where it exists, `trade/unread/`. */
export async function fetchGrandchain(
  access: GrandchainAccess,
  now: number,
): Promise<{ owner: string; items: ActivityItem[] }> {
  const session = await access.session();
  const client = await access.client();
  const trades = await client.trades(session);
  // trade/unread/ exists only in the deployed revision (docs/providers/grandchain.md, Revisions);
  // the seed revision's incoming transfers are not listed anywhere until received.
  const unread = client.revision() === 'seed' ? [] : await client.unread(session);
  return { owner: session.email, items: [...tradeItems(trades, now), ...unreadItems(unread, now)] };
}

/**
 * Each source's status as the popup sees it: the stored outcome of its last sync with the count
 * of rows held now; `not_connected` when its account is gone (counts: undefined = no account).
 */
export function currentStatuses(
  stored: Partial<Record<ActivitySource, SourceStatus>>,
  held: {
    biyong: number | undefined;
    grandchain: number | undefined;
    transfers: number;
    now: number;
  },
): SourceStatus[] {
  return ACTIVITY_SOURCES.map((source): SourceStatus => {
    if (source === 'transfers') {
      // Local records, always current.
      return { source, state: 'ok', syncedAt: held.now, count: held.transfers };
    }
    const count = held[source];
    if (count === undefined) return notConnected(source);
    const last = stored[source];
    if (!last || last.state === 'not_connected')
      return { source, state: 'ok', syncedAt: null, count };
    return { ...last, count };
  });
}
