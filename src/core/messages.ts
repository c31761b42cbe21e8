/**
 * The one message map: name → request, response and who may send it. Handlers live with the
 * feature they serve (src/background/handlers/*), each file handling its own part of this map.
 */
import type { MessageSpec } from './message-protocol';
import type { Settings, SettingsPatch } from './settings';
import type { ReturnRecord } from './returns';
import type { Platform } from './platform';
import type { Account, Accounts } from './accounts';
import type { Transfer } from './transfers';
import type { BalanceHistoryView, LedgerChartView } from './charts';
import type {
  ActivityFilter,
  ActivityOverview,
  ActivityPage,
  ActivityPageRequest,
  NetFlowView,
} from './activity';

export interface PingResult {
  version: string;
  /** When this worker instance started (ms). Changes after the worker is stopped and restarted. */
  workerStartedAt: number;
  /** How many times a worker started in this browser session. */
  workerStarts: number;
  now: number;
}

export interface ReturnReport {
  /** The page's full URL as the content script saw it. */
  url: string;
}

/**
 * What CoinDock recorded for the transfer a return matched, after checking it: the banner shows
 * this, not what the URL claims (docs/security.md, "FOMO pay returns").
 */
export interface RecordedTransfer {
  state: 'pending' | 'succeeded' | 'failed';
  message?: { en: string; zh: string };
  amount: string;
  token: string;
}

export interface ReturnVerdict {
  /** The page is one of the user's configured return URLs. */
  recognised: boolean;
  platform?: Platform;
  recordId?: string;
  /**
   * What the background matched the return to, if anything: a connection flow (by `state` / the
   * tab it opened) or a pending transfer (by `trade_id`). Absent: nothing pending matches, and
   * the banner says "unrecognised".
   */
  match?: { kind: 'flow' | 'transfer'; id: string; recorded?: RecordedTransfer };
  /** The language the user chose (or the browser's), for the banner. */
  lang: 'en' | 'zh-CN';
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  autoLockMinutes: number;
  iterations: number | null;
  /** Names of the secrets stored (never their values), when unlocked. */
  secretNames: string[];
}

type Empty = Record<string, never>;

/**
 * The options page's sections, by the URL hash that shows each (`#setup`…); the page follows
 * `hashchange`. `accounts` and `activity` are older names the banner may still send.
 */
export const OPTIONS_SECTIONS = [
  'setup',
  'vault',
  'backup',
  'language',
  'fomo',
  'gow',
  'biyong',
  'grandchain',
  'hicoin',
  'accounts',
  'activity',
] as const;
export type OptionsSection = (typeof OPTIONS_SECTIONS)[number];

/** A connection flow as pages see it (never the captured URL, which holds the code). */
export interface FlowView {
  id: string;
  platform: Platform;
  step: 'opening' | 'opened' | 'captured' | 'exchanging' | 'failed';
  startedAt: number;
  error?: { en: string; zh: string; code: string };
}

export interface AccountsView {
  accounts: Accounts;
  flows: FlowView[];
}

export interface CredentialsView {
  platform: Platform;
  /** Non-secret fields as stored. */
  config: Record<string, string>;
  /** Which secret fields the vault holds (names only), or null while the vault is locked. */
  secretsSet: string[] | null;
}
type Privileged<Req, Res> = MessageSpec<Req, Res> & { access: 'privileged' };

export type MessageMap = {
  ping: MessageSpec<Record<string, never>, PingResult> & { access: 'content' };
  'settings/get': MessageSpec<Record<string, never>, Settings> & { access: 'privileged' };
  'settings/update': MessageSpec<SettingsPatch, Settings> & { access: 'privileged' };
  'returns/report': MessageSpec<ReturnReport, ReturnVerdict> & { access: 'content' };
  'returns/list': MessageSpec<Record<string, never>, ReturnRecord[]> & { access: 'privileged' };
  /**
   * Open CoinDock's options page at a section (the banner's and the popup's buttons): an options
   * tab already open is focused and moved to the section rather than a second one opened.
   */
  'ui/open': MessageSpec<{ section?: OptionsSection }, void> & { access: 'content' };
  /** An encrypted file of settings and secrets, under a passphrase chosen for it. */
  'settings/export': Privileged<{ passphrase: string }, { fileName: string; content: string }>;
  'settings/import': Privileged<{ passphrase: string; content: string }, Settings>;
  'credentials/get': Privileged<{ platform: Platform }, CredentialsView>;
  /** Save a platform's credentials: public fields to settings, secret ones to the vault. An
   * empty secret keeps the stored one. */
  'credentials/save': Privileged<
    { platform: Platform; values: Record<string, string> },
    CredentialsView
  >;
  /** One real (signed where the platform signs) call with the stored keys, reported in words. */
  'credentials/test': Privileged<
    { platform: Platform },
    { ok: boolean; message: { en: string; zh: string }; code?: string }
  >;
  'accounts/list': Privileged<Empty, AccountsView>;
  /** Connect: a browser-tab flow for FOMO, HiCoin and BiYong; a signed call for GOW. */
  'accounts/connect': Privileged<{ platform: Platform }, AccountsView>;
  'accounts/disconnect': Privileged<{ platform: Platform }, AccountsView>;
  'accounts/dismiss-flow': Privileged<{ id: string }, AccountsView>;
  /** Fetch the account's profile again with its token (refreshing the token if needed). */
  'accounts/profile': Privileged<{ platform: Platform }, Account>;
  /** Open GOW's KYC page for the configured account in a tab. */
  'accounts/kyc-page': Privileged<Empty, void>;
  /** Grand Chain: step 1 of registration; Grand Chain emails a code. */
  'grandchain/register': Privileged<{ email: string; password: string; nickName: string }, void>;
  'grandchain/resend': Privileged<{ email: string }, void>;
  /** Step 2: the emailed code; signs the new user in. */
  'grandchain/verify': Privileged<{ email: string; code: string; nickName?: string }, AccountsView>;
  'grandchain/login': Privileged<{ email: string; password: string }, AccountsView>;
  'grandchain/face-token': Privileged<{ faceToken: string }, AccountsView>;
  /** Transfers CoinDock started, newest first. */
  'transfers/list': Privileged<Empty, Transfer[]>;
  /** FOMO recharge (1) or withdraw (2) through the signed pay page, opened in a tab. */
  'transfers/fomo-pay': Privileged<{ direction: 1 | 2; amount: string; coinId: string }, Transfer>;
  /** Grand Chain: send yuan (sent in fen) to a user by email or user id. */
  'transfers/grandchain-send': Privileged<{ to: string; amountYuan: string }, Transfer>;
  /** GOW deposit (buy with fiat): returns the order with where to pay and the note code. */
  'transfers/gow-deposit': Privileged<
    {
      legalAmount: string;
      countryCode: string;
      firstName: string;
      middleName: string;
      lastName: string;
      birthDate: string;
    },
    Transfer
  >;
  /** GOW withdrawal (sell for fiat) to the user's bank. */
  'transfers/gow-withdraw': Privileged<Record<string, string>, Transfer>;
  /** Query pending orders and settle interrupted sends now (the popup opened). */
  'transfers/refresh': Privileged<Empty, Transfer[]>;
  /** The popup showed the finished transfers: clear the badge. */
  'transfers/seen': Privileged<Empty, void>;
  'vault/status': Privileged<Empty, VaultStatus>;
  'vault/create': Privileged<{ passphrase: string }, VaultStatus>;
  'vault/unlock': Privileged<{ passphrase: string }, VaultStatus>;
  'vault/lock': Privileged<Empty, VaultStatus>;
  'vault/change-passphrase': Privileged<
    { oldPassphrase: string; newPassphrase: string },
    VaultStatus
  >;
  'vault/set-auto-lock': Privileged<{ minutes: number }, VaultStatus>;
  /** Forgot the passphrase: erase the vault (keys, tokens) but keep settings, to start again. */
  'vault/reset': Privileged<Empty, VaultStatus>;
  /** Erase every stored thing: vault, settings, caches, flows. */
  'vault/forget-everything': Privileged<Empty, VaultStatus>;
  // Activity
  /** A window of the merged activity list (newest first), filtered; from storage only. */
  'activity/page': Privileged<ActivityPageRequest, ActivityPage>;
  /** What is stored and how fresh each source is, tokens for the filter, unread transfers. */
  'activity/status': Privileged<Empty, ActivityOverview>;
  /** Sync the sources (skipping those synced in the last minute unless `force`). */
  'activity/sync': Privileged<{ force?: boolean }, ActivityOverview>;
  /** The filtered list as a CSV file (RFC 4180). */
  'activity/csv': Privileged<ActivityFilter, { fileName: string; content: string }>;
  /** Grand Chain: receive an unread incoming transfer with the stored face token. */
  'activity/receive': Privileged<{ orderId: string }, ActivityOverview>;
  /** BiYong per-token net flow from the stored ledger (a sum of changes, not a balance). */
  'activity/net-flow': Privileged<Empty, NetFlowView>;
  /** BiYong's most active tokens over time (cumulative net flow per bucket), from storage. */
  'activity/ledger-chart': Privileged<Empty, LedgerChartView>;
  /** Grand Chain's balance after each change of its history, from storage. */
  'activity/balance-history': Privileged<Empty, BalanceHistoryView>;
};

export type MessageName = keyof MessageMap;

/** Runtime copy of each message's access, checked by the dispatcher before any handler runs. */
export const MESSAGE_ACCESS: { [K in MessageName]: { access: MessageMap[K]['access'] } } = {
  ping: { access: 'content' },
  'settings/get': { access: 'privileged' },
  'settings/update': { access: 'privileged' },
  'returns/report': { access: 'content' },
  'returns/list': { access: 'privileged' },
  'ui/open': { access: 'content' },
  'settings/export': { access: 'privileged' },
  'settings/import': { access: 'privileged' },
  'credentials/get': { access: 'privileged' },
  'credentials/save': { access: 'privileged' },
  'credentials/test': { access: 'privileged' },
  'accounts/list': { access: 'privileged' },
  'accounts/connect': { access: 'privileged' },
  'accounts/disconnect': { access: 'privileged' },
  'accounts/dismiss-flow': { access: 'privileged' },
  'accounts/profile': { access: 'privileged' },
  'accounts/kyc-page': { access: 'privileged' },
  'grandchain/register': { access: 'privileged' },
  'grandchain/resend': { access: 'privileged' },
  'grandchain/verify': { access: 'privileged' },
  'grandchain/login': { access: 'privileged' },
  'grandchain/face-token': { access: 'privileged' },
  'transfers/list': { access: 'privileged' },
  'transfers/fomo-pay': { access: 'privileged' },
  'transfers/seen': { access: 'privileged' },
  'transfers/grandchain-send': { access: 'privileged' },
  'transfers/gow-deposit': { access: 'privileged' },
  'transfers/gow-withdraw': { access: 'privileged' },
  'transfers/refresh': { access: 'privileged' },
  'vault/status': { access: 'privileged' },
  'vault/create': { access: 'privileged' },
  'vault/unlock': { access: 'privileged' },
  'vault/lock': { access: 'privileged' },
  'vault/change-passphrase': { access: 'privileged' },
  'vault/set-auto-lock': { access: 'privileged' },
  'vault/reset': { access: 'privileged' },
  'vault/forget-everything': { access: 'privileged' },
  // Activity
  'activity/page': { access: 'privileged' },
  'activity/status': { access: 'privileged' },
  'activity/sync': { access: 'privileged' },
  'activity/csv': { access: 'privileged' },
  'activity/receive': { access: 'privileged' },
  'activity/net-flow': { access: 'privileged' },
  'activity/ledger-chart': { access: 'privileged' },
  'activity/balance-history': { access: 'privileged' },
};
