/**
 * The types pages and the worker share about messages. The map itself — one entry per name with
 * its request schema, response type and who may send it — is `MESSAGES` in `message-map.ts`;
 * handlers live with the feature they serve (src/background/handlers/*), each file handling its
 * own part of it.
 */
import type { MapOf } from './message-protocol';
import type { MESSAGES } from './message-map';
import { PLATFORMS, type Platform } from './platform';
import type { Accounts } from './accounts';

export interface PingResult {
  version: string;
  /** When this worker instance started (ms). Changes after the worker is stopped and restarted. */
  workerStartedAt: number;
  /** How many times a worker started in this browser session. */
  workerStarts: number;
  now: number;
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

/**
 * The options page's sections, by the URL hash that shows each (`#setup`…, one per platform); the
 * page follows `hashchange`. `accounts` and `activity` are older names the banner may still send.
 */
export const OPTIONS_SECTIONS = [
  'setup',
  'vault',
  'backup',
  'language',
  ...PLATFORMS,
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
/**
 * Each message's types — `req` (what a sender passes), `res` (what it answers), `in` (what its
 * handler receives, once checked), `access` — derived from its one definition in `MESSAGES`.
 * A type-only import: pages and the content script never load the schemas.
 */
export type MessageMap = MapOf<typeof MESSAGES>;

export type MessageName = keyof MessageMap;
