/**
 * Every stored key, in one file: its area, schema and default. Add a key here, never a bare
 * string elsewhere. Change a stored shape only together with a migration in MIGRATIONS.
 *
 * Areas: `local` survives browser restarts; `session` lives until the browser closes and is not
 * readable by content scripts (in-flight flows, the unlocked vault key). Large data (the BiYong
 * ledger, the activity cache) lives in IndexedDB databases of its own, listed in `DATABASES`;
 * src/ext/storage.ts opens them and "forget everything" deletes them with the rest.
 */
import * as v from 'valibot';
import { defineKey, type Migration } from './store';
import { SettingsSchema, defaultSettings } from './settings';
import { ReturnRecordSchema } from './returns';
import { SealedVaultSchema } from './vault';
import { AccountsSchema, FlowSchema, type Accounts, type Flow } from './accounts';
import { PLATFORMS } from './platform';

export const KEYS = {
  settings: defineKey('local', 'settings', SettingsSchema, defaultSettings),
  /** Recent return pages the content script reported, newest first (bounded). */
  returns: defineKey('local', 'returns', v.array(ReturnRecordSchema), () => []),
  /** Diagnostics of the worker's lifecycle: how often it started, and when last. */
  workerLife: defineKey(
    'session',
    'workerLife',
    v.object({ starts: v.number(), lastStartedAt: v.number() }),
    () => ({ starts: 0, lastStartedAt: 0 }),
  ),
  /** The sealed vault (secrets encrypted at rest), or null before the user creates one. */
  vault: defineKey('local', 'vault', v.nullable(SealedVaultSchema), () => null),
  /** Vault preferences that are not secret. */
  vaultPrefs: defineKey(
    'local',
    'vaultPrefs',
    v.object({
      autoLockMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60)),
    }),
    () => ({ autoLockMinutes: 15 }),
  ),
  /**
   * The unlocked vault key (raw AES key, base64), in session storage only: a worker restart
   * keeps the vault unlocked, a browser restart locks it. Content scripts cannot read session
   * storage (access level TRUSTED_CONTEXTS).
   */
  vaultKey: defineKey('session', 'vaultKey', v.nullable(v.string()), () => null),
  /**
   * Whether the vault is unlocked: written by the vault service beside `vaultKey` and holding no
   * secret, so pages learn the lock state from it (and follow it) without reading the key.
   */
  vaultUnlocked: defineKey('session', 'vaultUnlocked', v.boolean(), () => false),
  /** Connected accounts, public part only (tokens are in the vault). */
  accounts: defineKey<Accounts>('local', 'accounts', AccountsSchema, () => ({})),
  /**
   * Connection flows in progress, by state. Session storage: a stopped worker finishes them when
   * it wakes; a browser restart abandons them (their codes would have expired anyway).
   */
  flows: defineKey<Record<string, Flow>>(
    'session',
    'flows',
    v.record(v.string(), FlowSchema),
    () => ({}),
  ),
  /**
   * Bumped by the worker whenever the activity it stores (the BiYong ledger and the activity
   * cache, both in IndexedDB, which pages cannot watch) changed: an open popup follows it with
   * chrome.storage.onChanged and reads the list again (src/popup/activity/follow.ts).
   */
  activityChanged: defineKey('session', 'activityChanged', v.number(), () => 0),
  /**
   * This browser session's id, made on first use. Tab ids are unique only within a browser
   * session (a restart numbers tabs afresh), so a tab id kept in `local` is only meaningful with
   * the session it was recorded in.
   */
  browserSession: defineKey('session', 'browserSession', v.string(), () => ''),
  /**
   * Transfers CoinDock started, by id, pending ones reconciled until final. Each is checked on
   * its own when read (`readTransfers`, src/core/transfers.ts): one that does not fit is reported
   * and kept, and hides none of the others.
   */
  transfers: defineKey<Record<string, unknown>>(
    'local',
    'transfers',
    v.record(v.string(), v.unknown()),
    () => ({}),
  ),
  /**
   * How far the options page's guided setup got (the step and the platforms chosen), so closing
   * the tab loses nothing. Names of platforms only; "forget everything" clears it with the rest.
   */
  setup: defineKey(
    'local',
    'setup',
    v.object({
      step: v.picklist(['vault', 'platforms', 'keys', 'connect', 'done'] as const),
      platforms: v.array(v.picklist(PLATFORMS)),
    }),
    () => ({ step: 'vault' as const, platforms: [] }),
  ),
} as const;

/**
 * The popup's last rendered portfolio, as HTML, in the extension origin's `localStorage` (read
 * synchronously by public/popup-snapshot.js so the portfolio paints before any module loads; see
 * src/ui/popup-snapshot.ts). Public data only — what the popup showed. The storage module
 * (src/ext/storage.ts) removes it in whichever page is open when one of `SNAPSHOT_INPUTS` changes.
 */
export const POPUP_SNAPSHOT_KEY = 'coindock.popupSnapshot.v1';

/**
 * What the snapshot shows besides account data: the language and environments of the settings,
 * and the vault (erased by "forget everything"). Account changes need no such care: the popup
 * re-takes the snapshot whenever it renders new account data.
 */
export const SNAPSHOT_INPUTS = [KEYS.settings, KEYS.vault] as const;

/**
 * The IndexedDB databases, each with its one object store. A database of its own per feature:
 * a 100k-record ledger never shares a transaction with anything else.
 */
export const DATABASES = {
  /** The BiYong ledger (src/background/sync/idb-ledger-store.ts). */
  ledger: { name: 'coindock-biyong-ledger', store: 'ledger' },
  /** Grand Chain activity rows and each source's last outcome (activity-cache.ts). */
  activity: { name: 'coindock-activity', store: 'activity' },
} as const;

/**
 * Databases earlier versions made and this one no longer uses: `coindock` was the store's own
 * key-value area, which no key ever used. Migration 3 deletes them; so does every wipe.
 */
export const RETIRED_DATABASES = ['coindock'] as const;

export const RETURNS_KEPT = 200;

/** Ordered migrations of stored data. Version 1 is the first stored shape. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'First stored shape: settings and returns with their defaults.',
    async run(store) {
      await store.update(KEYS.settings, (s) => s);
    },
  },
  {
    version: 2,
    description: 'Per-platform `config` for credential fields that are not secret.',
    async run(store) {
      // Read raw: the stored settings predate `config` and would fail today's schema.
      const raw = (await store.backends.local.get(KEYS.settings.name)) as
        { platforms?: Record<string, Record<string, unknown>> } | undefined;
      if (!raw?.platforms) return;
      for (const p of Object.values(raw.platforms)) p.config ??= {};
      await store.backends.local.set(KEYS.settings.name, raw);
    },
  },
  {
    version: 3,
    description: 'Delete the unused key-value IndexedDB database (`coindock`).',
    async run(store) {
      for (const name of RETIRED_DATABASES) await store.backends.databases?.delete(name);
    },
  },
];
