/**
 * Activity: one list merging what happened on the user's accounts — the BiYong ledger
 * (docs/providers/biyong.md, Endpoints), Grand Chain history and unread incoming transfers
 * (docs/providers/grandchain.md, Revisions) and the transfers CoinDock started
 * (src/core/transfers.ts) — newest first.
 *
 * Plain JSON-safe data and pure functions, shared by the worker (which builds and pages the list)
 * and the popup (which shows it). Amounts are exact signed decimal strings, never floats.
 */
import type { Platform } from './platform';
import type { Transfer, TransferKind } from './transfers';

export type ActivityKind =
  /** A BiYong ledger entry (a signed balance change). */
  | 'ledger'
  /** Grand Chain history: money received / sent. */
  | 'received'
  | 'sent'
  /** A Grand Chain transfer to the user waiting for `trade/receive`. */
  | 'incoming'
  | TransferKind;

export type ActivityStatus = 'done' | 'pending' | 'failed' | 'unread';

export interface ActivityItem {
  /** Stable within the data it came from; unique in the merged list. */
  id: string;
  platform: Platform;
  kind: ActivityKind;
  token: string;
  /** Signed decimal string: "+" never written, "-" for money leaving the account. */
  amount: string;
  /** Epoch milliseconds. */
  time: number;
  status: ActivityStatus;
  counterparty?: string;
  /** What it was, in both languages (the popup shows one, search looks at both). */
  text: { en: string; zh: string };
  /** Grand Chain incoming transfer: the order to confirm with `activity/receive`. */
  orderId?: string;
}

export interface ActivityFilter {
  platform?: Platform;
  token?: string;
  /** Free text: matched case-insensitively against token, amount, counterparty and text. */
  query?: string;
}

export interface ActivityPageRequest extends ActivityFilter {
  offset: number;
  limit: number;
}

export interface ActivityPage {
  /** Items matching the filter in all (the list's length). */
  total: number;
  offset: number;
  items: ActivityItem[];
}

/** Largest page the popup may ask for at once. */
export const ACTIVITY_PAGE_MAX = 500;

export const ACTIVITY_SOURCES = ['biyong', 'grandchain', 'transfers'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

export interface SourceStatus {
  source: ActivitySource;
  /**
   * ok: the last sync worked; locked: the vault is locked, cached data is served;
   * not_connected: no account for it; error: the last sync failed (cached data is served).
   */
  state: 'ok' | 'locked' | 'not_connected' | 'error';
  /** When this source last synced successfully (epoch ms). */
  syncedAt: number | null;
  /** Rows stored for this source. */
  count: number;
  /** The last failure in words (never holding a secret). */
  error?: { en: string; zh: string; code: string };
}

export interface ActivityOverview {
  sources: SourceStatus[];
  /** Tokens present in the stored activity, for the filter (alphabetical). */
  tokens: string[];
  /** Rows stored in all. */
  total: number;
  /** Unread incoming Grand Chain transfers (few: shown above the list with a Receive button). */
  unread: ActivityItem[];
}

/** BiYong per-token net flow over the stored ledger: a sum of changes, not a balance. */
export interface NetFlowView {
  rows: { token: string; net: string; count: number }[];
  lastSyncedAt: number | null;
  /**
   * Times of the oldest and newest stored record (epoch ms; null while empty): the span the sums
   * cover. The first sync asks for the whole ledger, so the sums start at the account's first
   * record, not at the first sync.
   */
  oldestTime: number | null;
  newestTime: number | null;
  /** A sync stopped part-way: the platform may hold records after `newestTime`. */
  partial: boolean;
}

/** Newest first; equal times by id descending so the order is total and stable. */
export function newestFirst(a: ActivityItem, b: ActivityItem): number {
  if (a.time !== b.time) return b.time - a.time;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The query as matched: trimmed, lower-case; empty means no text filter. */
export function normalizeQuery(query: string | undefined): string {
  return (query ?? '').trim().toLowerCase();
}

/** The text a query is matched against (lower-case). */
export function searchText(item: ActivityItem): string {
  return [item.token, item.amount, item.counterparty ?? '', item.text.en, item.text.zh]
    .join('\u0000')
    .toLowerCase();
}

export function matchesFilter(
  item: ActivityItem,
  f: ActivityFilter,
  query = normalizeQuery(f.query),
): boolean {
  if (f.platform !== undefined && item.platform !== f.platform) return false;
  if (f.token !== undefined && f.token !== '' && item.token !== f.token) return false;
  return query === '' || searchText(item).includes(query);
}

/** Negate a decimal string exactly ("0" stays "0"). */
export function negate(amount: string): string {
  if (/^-?0*\.?0*$/.test(amount)) return amount.replace(/^-/, '');
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/** "+1.5" for display (amounts are stored without "+"). */
export function signedForDisplay(amount: string): string {
  return amount.startsWith('-') ? amount : `+${amount}`;
}

const CHINA_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * Grand Chain times: "2018-10-15 23:07:40" with no zone marker (trade/inquire);
 * decision (docs/providers/grandchain.md, Times): China Standard Time, UTC+8. Digits-only
 * values are taken as epoch seconds or milliseconds. Undefined when unreadable.
 */
export function parseGrandchainTime(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (/^\d{9,13}$/.test(s)) {
    const n = Number(s);
    return s.length <= 10 ? n * 1000 : n;
  }
  const m = CHINA_TIME.exec(s);
  if (!m) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, se) - 8 * 3600 * 1000;
  return Number.isNaN(utc) ? undefined : utc;
}

/**
 * A ledger row's id: its position in the stored ledger, zero-padded so that "newest first, then
 * the larger id" (newestFirst) orders same-millisecond records by position, as they are stored.
 */
export function ledgerId(position: number): string {
  return `biyong:${String(position).padStart(10, '0')}`;
}

/** A BiYong ledger record as an activity row. `position`: its index in the stored ledger. */
export function ledgerItem(
  record: { tokenSymbol: string; balance: string; time: number },
  position: number,
): ActivityItem {
  const change = record.balance.replace(/^\+/, '');
  const incoming = !change.startsWith('-');
  return {
    id: ledgerId(position),
    platform: 'biyong',
    kind: 'ledger',
    token: record.tokenSymbol,
    amount: change,
    time: record.time,
    status: 'done',
    text: incoming
      ? {
          en: `BiYong ledger: ${record.tokenSymbol} in`,
          zh: `币用资金流水：${record.tokenSymbol} 转入`,
        }
      : {
          en: `BiYong ledger: ${record.tokenSymbol} out`,
          zh: `币用资金流水：${record.tokenSymbol} 转出`,
        },
  };
}

const TRANSFER_TEXT: Record<TransferKind, { en: string; zh: string; sign: 1 | -1 }> = {
  // Direction 1: the user pays the merchant from the FOMO wallet (docs/providers/fomo.md, Pay page
  // and its return).
  fomo_recharge: { en: 'FOMO recharge', zh: 'FOMO 充值', sign: -1 },
  // Direction 2: the merchant pays the user.
  fomo_withdraw: { en: 'FOMO withdrawal', zh: 'FOMO 提现', sign: 1 },
  grandchain_send: { en: 'Grand Chain transfer sent', zh: '大链转出', sign: -1 },
  // GOW deposit: fiat in, coins credited to the user; withdrawal: coins out to a bank account.
  gow_deposit: { en: 'GOW deposit order', zh: 'GOW 入金订单', sign: 1 },
  gow_withdraw: { en: 'GOW withdrawal order', zh: 'GOW 出金订单', sign: -1 },
};

const STATUS_WORDS: Record<'pending' | 'succeeded' | 'failed', { en: string; zh: string }> = {
  pending: { en: 'pending', zh: '处理中' },
  succeeded: { en: 'completed', zh: '已完成' },
  failed: { en: 'failed', zh: '失败' },
};

/** A transfer CoinDock started, as an activity row (signed from the user's account's side). */
export function transferItem(t: Transfer): ActivityItem {
  const what = TRANSFER_TEXT[t.kind];
  const words = STATUS_WORDS[t.state];
  const amount = t.amount.replace(/^[+-]/, '');
  const item: ActivityItem = {
    id: `transfer:${t.id}`,
    platform: t.platform,
    kind: t.kind,
    token: t.token,
    amount: what.sign < 0 ? negate(amount) : amount,
    time: t.createdAt,
    status: t.state === 'succeeded' ? 'done' : t.state,
    text: {
      en: `${what.en}, ${words.en}${t.reference ? ` (${t.reference})` : ''}`,
      zh: `${what.zh}，${words.zh}${t.reference ? `（${t.reference}）` : ''}`,
    },
  };
  if (t.counterparty) item.counterparty = t.counterparty;
  return item;
}
