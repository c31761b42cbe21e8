/**
 * The service worker. It is disposable: Chrome stops it after ~30 s idle and starts it again on
 * the next event, so every listener is registered synchronously here at top level, all state is
 * in storage, and start-up work (migrations, content-script registration, unfinished flows) is
 * awaited by the handlers through `ready` instead of blocking registration.
 *
 * This file only wires services to events; each feature's logic lives in its own module.
 */
// Both languages first: notifications and return decoding speak the user's, whichever it is.
import '../core/i18n-both';
import browser from 'webextension-polyfill';
import { listen } from '../ext/listen';
import { getStore } from '../ext/storage';
import { keepSessionFromContentScripts } from '../ext/session-access';
import { EXTRA_DATABASES, KEYS, MIGRATIONS } from '../core/storage-keys';
import type { Platform } from '../core/platform';
import { DESCRIPTIONS } from '../providers/registry';
import { coreHandlers } from './handlers/core';
import { returnHandlers } from './handlers/returns';
import { vaultHandlers } from './handlers/vault';
import { settingsTransferHandlers } from './handlers/settings-transfer';
import { credentialHandlers } from './handlers/credentials';
import { accountHandlers } from './handlers/accounts';
import { uiHandlers } from './handlers/ui';
import { registerReturnCapture } from './content-scripts';
import { AUTO_LOCK_ALARM, createVaultService } from './vault-service';
import { credentialsOf, providerContext } from './provider-context';
import { createAccountStore } from './accounts/account-store';
import { createTokenService, REFRESH_ALARM_PREFIX } from './accounts/tokens';
import { FLOW_DEADLINE_ALARM, createFlowService, isRedirectTo } from './accounts/flows';
import { refresherFor } from './accounts/profiles';
import { createGrandchainService } from './accounts/grandchain';
import { grandchainHandlers } from './handlers/grandchain';
import { flowView } from '../core/accounts';
import { transferHandlers } from './handlers/transfers';
import { createTransferStore } from './transfers/transfer-store';
import { createNotifier } from './transfers/notify';
import { browserSessionId, createFomoPay } from './transfers/fomo-pay';
import { activityHandlers } from './handlers/activity';
import { createActivityFeature } from './activity/feature';
import { createGrandchainSend, GRANDCHAIN_RECONCILE_ALARM } from './transfers/grandchain-send';
import { createGowOrders, GOW_POLL_ALARM } from './transfers/gow-orders';

const startedAt = Date.now();
const store = getStore();
const version = browser.runtime.getManifest().version;

const vault = createVaultService(store);
const accounts = createAccountStore(store);
const context = (p: Platform) => providerContext(store, p);
const credentials = (p: Platform) => credentialsOf(store, vault, p);
// A platform's public settings: readable while the vault is locked.
const publicConfig = async (p: Platform) => (await store.get(KEYS.settings)).platforms[p].config;
const tokens = createTokenService({
  vault,
  accounts,
  refresher: async (p) => refresherFor(p, await context(p), await credentials(p)),
});
const flows = createFlowService({ store, accounts, tokens, context, credentials });
const grandchain = createGrandchainService({
  vault,
  accounts,
  context: () => context('grandchain'),
  config: () => publicConfig('grandchain'),
});
const uiLanguage = () => browser.i18n.getUILanguage();
const transfers = createTransferStore(store);
const notifier = createNotifier({ store, transfers, uiLanguage });
const fomoPay = createFomoPay({
  transfers,
  accounts,
  tokens,
  notifier,
  context,
  credentials,
  config: () => publicConfig('fomo'),
  browserSession: () => browserSessionId(store),
});
const grandchainSend = createGrandchainSend({ grandchain, transfers, notifier });
const gowOrders = createGowOrders({ transfers, notifier, context, credentials });
// Sends and orders whose outcome a stopped worker or a quit browser never saw (needs the keys).
const reconcileTransfers = () => Promise.allSettled([grandchainSend.reconcile(), gowOrders.poll()]);
const activity = createActivityFeature({
  accounts,
  transfers,
  grandchain,
  context,
  credentials,
  // A function: `ready` (start-up, below) is defined after the features it starts.
  ready: () => ready,
});
const accountsView = async () => ({
  accounts: await accounts.all(),
  flows: (await flows.list()).map(flowView),
});

async function syncContentScripts(): Promise<void> {
  await registerReturnCapture(await store.get(KEYS.settings));
}

async function start(): Promise<void> {
  // Content scripts may never read session storage (the unlocked vault key lives there).
  await keepSessionFromContentScripts();
  await store.migrate(MIGRATIONS);
  await store.update(KEYS.workerLife, (l) => ({ starts: l.starts + 1, lastStartedAt: startedAt }));
  await syncContentScripts();
  await flows.resume();
  await flows.armDeadline();
  await fomoPay.resume();
  await reconcileTransfers();
  await notifier.updateBadge();
  await activity.start();
}

/** Erase everything CoinDock stored, in every area, and its alarms and registrations. */
async function forgetEverything(): Promise<void> {
  await chrome.alarms.clearAll();
  await Promise.all([
    store.backends.local.clear(),
    store.backends.session.clear(),
    store.backends.idb.clear(),
    ...EXTRA_DATABASES.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.deleteDatabase(name);
          r.onsuccess = () => resolve();
          r.onerror = () => reject(r.error ?? new Error(`Could not delete ${name}`));
          // Another context holding it open delays deletion until it closes; do not wait for it.
          r.onblocked = () => resolve();
        }),
    ),
  ]);
  await store.migrate(MIGRATIONS);
  await syncContentScripts();
}

/** Alarm name (or prefix) → what to do. Alarms outlive the worker. */
function alarmTask(name: string): (() => Promise<unknown>) | undefined {
  if (name === AUTO_LOCK_ALARM) return () => vault.lock();
  if (name === activity.alarm) return () => activity.service.sync({ force: true });
  if (name === GOW_POLL_ALARM) return () => gowOrders.poll();
  if (name === GRANDCHAIN_RECONCILE_ALARM) return () => grandchainSend.reconcile();
  // Listing ends the overdue flows; the change re-arms the alarm for the next deadline.
  if (name === FLOW_DEADLINE_ALARM) return () => flows.list();
  if (name.startsWith(REFRESH_ALARM_PREFIX)) {
    const platform = name.slice(REFRESH_ALARM_PREFIX.length) as Platform;
    return () => tokens.refresh(platform);
  }
  return undefined;
}

const ready = start();
ready.catch((e: unknown) => console.error('CoinDock: worker start-up failed', e));

listen(
  {
    ...coreHandlers({ store, ready, startedAt, version, onSettingsChanged: syncContentScripts }),
    ...returnHandlers({
      store,
      ready,
      uiLanguage,
      async match(url, tabId) {
        const transferId = await fomoPay.onReturn(url, tabId);
        if (transferId) {
          const t = await transfers.get(transferId);
          const recorded = t && {
            state: t.state,
            amount: t.amount,
            token: t.token,
            ...(t.message ? { message: t.message } : {}),
          };
          return { kind: 'transfer', id: transferId, ...(recorded ? { recorded } : {}) };
        }
        const flow = (await flows.list()).find(
          (f) => f.tabId !== undefined && f.tabId === tabId && isRedirectTo(url, f.redirectUri),
        );
        if (!flow) return undefined;
        // The content script saw the redirect, perhaps before tabs.onUpdated did: capture is
        // idempotent, whichever comes first wins.
        if (tabId !== undefined) await flows.onTabUrl(tabId, url);
        return { kind: 'flow', id: flow.id };
      },
    }),
    ...vaultHandlers({ vault, ready, forgetEverything, onUnlocked: reconcileTransfers }),
    ...settingsTransferHandlers({ store, vault, ready, onSettingsChanged: syncContentScripts }),
    ...credentialHandlers({ store, vault, ready, descriptions: DESCRIPTIONS }),
    ...accountHandlers({
      ready,
      accounts,
      tokens,
      flows,
      context,
      credentials,
      onDisconnect: async (p) => {
        if (p === 'grandchain') await grandchain.logout();
      },
    }),
    ...grandchainHandlers({ ready, grandchain, view: accountsView }),
    ...transferHandlers({ ready, transfers, fomoPay, notifier, grandchainSend, gowOrders }),
    ...uiHandlers(),
    ...activityHandlers({ ready, activity: activity.service }),
  },
  (name, e) => {
    if (e.code === 'internal') console.error(`CoinDock: ${name} failed`, e.cause ?? e.message);
  },
);

// Listening is what starts the worker with the browser: start-up work (content-script
// registration, re-arming what Chrome dropped) must not wait for the popup to be opened.
chrome.runtime.onStartup.addListener(() => void ready);

chrome.alarms.onAlarm.addListener((alarm) => {
  const run = alarmTask(alarm.name);
  if (run) {
    void ready
      .then(run)
      .catch((e: unknown) => console.error(`CoinDock: alarm ${alarm.name} failed`, e));
  }
});

// Authorization tabs: the redirect is captured when the tab the flow opened reaches it.
chrome.tabs.onUpdated.addListener((tabId, info, tab) => {
  const url = info.url ?? (info.status === 'complete' ? tab.url : undefined);
  if (!url) return;
  void ready
    .then(async () => {
      await flows.onTabUrl(tabId, url);
      // A pay return is also reconciled from the tab's address, in case no content script ran.
      await fomoPay.onReturn(url, tabId);
    })
    .catch(() => undefined);
});
// Each change of the stored flows (a start, a step, an end) moves the deadline alarm.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== KEYS.flows.area || !(KEYS.flows.name in changes)) return;
  void ready.then(() => flows.armDeadline()).catch(() => undefined);
});
chrome.tabs.onRemoved.addListener((tabId) => {
  void ready.then(() => flows.onTabClosed(tabId)).catch(() => undefined);
});

// A permission granted or removed in the options page changes which URLs may be captured.
browser.permissions.onAdded.addListener(() => void syncContentScripts());
browser.permissions.onRemoved.addListener(() => void syncContentScripts());
