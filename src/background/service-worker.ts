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
import { KEYS, MIGRATIONS } from '../core/storage-keys';
import type { Platform } from '../core/platform';
import { DESCRIPTIONS } from '../providers/descriptions';
import { ADAPTERS } from '../providers/registry';
import { coreHandlers } from './handlers/core';
import { returnHandlers } from './handlers/returns';
import { vaultHandlers } from './handlers/vault';
import { settingsTransferHandlers } from './handlers/settings-transfer';
import { credentialHandlers } from './handlers/credentials';
import { accountHandlers } from './handlers/accounts';
import { uiHandlers } from './handlers/ui';
import { createReturnCaptureSync } from './content-scripts';
import { createVaultService } from './vault-service';
import { credentialsOf, providerContext } from './provider-context';
import { createAccountStore } from './accounts/account-store';
import { createTokenService } from './accounts/tokens';
import { createFlowService, followFlowDeadline } from './accounts/flows';
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
import { createGrandchainSend } from './transfers/grandchain-send';
import { createGowOrders } from './transfers/gow-orders';
import { alarms } from './alarms';
import { createReturnMatcher } from './return-match';
import { createForgetEverything } from './forget';

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

const syncContentScripts = createReturnCaptureSync(() => store.get(KEYS.settings));

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

const forgetEverything = createForgetEverything({ store, syncContentScripts });

const ready = start();
ready.catch((e: unknown) => console.error('CoinDock: worker start-up failed', e));

listen(
  {
    ...coreHandlers({ store, startedAt, version, onSettingsChanged: syncContentScripts }),
    ...returnHandlers({
      store,
      uiLanguage,
      match: createReturnMatcher({ fomoPay, transfers, flows }),
    }),
    ...vaultHandlers({ vault, forgetEverything, onUnlocked: reconcileTransfers }),
    ...settingsTransferHandlers({ store, vault, onSettingsChanged: syncContentScripts }),
    ...credentialHandlers({ store, vault, descriptions: DESCRIPTIONS }),
    ...accountHandlers({
      accounts,
      tokens,
      flows,
      context,
      credentials,
      onDisconnect: async (p) =>
        ADAPTERS[p].disconnect?.({
          provider: () => context(p),
          config: await publicConfig(p),
          vault,
        }),
    }),
    ...grandchainHandlers({ grandchain, view: accountsView }),
    ...transferHandlers({ transfers, fomoPay, notifier, grandchainSend, gowOrders }),
    ...uiHandlers(),
    ...activityHandlers({ activity: activity.service }),
  },
  {
    ready,
    onError(name, e) {
      if (e.code === 'internal') console.error(`CoinDock: ${name} failed`, e.cause ?? e.message);
    },
  },
);

// Listening is what starts the worker with the browser: start-up work (content-script
// registration, re-arming what Chrome dropped) must not wait for the popup to be opened.
chrome.runtime.onStartup.addListener(() => void ready);

// Alarms outlive the worker: each feature registered its own on the router as it was made.
alarms.listen(ready);

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
followFlowDeadline(flows, ready);
chrome.tabs.onRemoved.addListener((tabId) => {
  void ready.then(() => flows.onTabClosed(tabId)).catch(() => undefined);
});

// A permission granted or removed in the options page changes which URLs may be captured.
browser.permissions.onAdded.addListener(() => void syncContentScripts());
browser.permissions.onRemoved.addListener(() => void syncContentScripts());
