/**
 * The service worker. It is disposable: Chrome stops it after ~30 s idle and starts it again on
 * the next event, so every listener is registered synchronously here at top level, all state is
 * in storage, and start-up work (migrations, content-script registration) is awaited by the
 * handlers through `ready` instead of blocking registration.
 */
import browser from 'webextension-polyfill';
import { listen } from '../ext/messaging';
import { getStore } from '../ext/storage';
import { KEYS, MIGRATIONS } from '../core/storage-keys';
import { coreHandlers } from './handlers/core';
import { returnHandlers } from './handlers/returns';
import { registerReturnCapture } from './content-scripts';
import { vaultHandlers } from './handlers/vault';
import { settingsTransferHandlers } from './handlers/settings-transfer';
import { credentialHandlers } from './handlers/credentials';
import { DESCRIPTIONS } from '../providers/registry';
import { AUTO_LOCK_ALARM, createVaultService } from './vault-service';

const startedAt = Date.now();
const store = getStore();
const version = browser.runtime.getManifest().version;

async function syncContentScripts(): Promise<void> {
  await registerReturnCapture(await store.get(KEYS.settings));
}

async function start(): Promise<void> {
  // Content scripts may never read session storage (the unlocked vault key lives there).
  await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  await store.migrate(MIGRATIONS);
  await store.update(KEYS.workerLife, (l) => ({ starts: l.starts + 1, lastStartedAt: startedAt }));
  await syncContentScripts();
}

const vault = createVaultService(store);

/** Erase everything CoinDock stored, in every area, and its alarms and registrations. */
async function forgetEverything(): Promise<void> {
  await chrome.alarms.clearAll();
  await Promise.all([
    store.backends.local.clear(),
    store.backends.session.clear(),
    store.backends.idb.clear(),
  ]);
  await store.migrate(MIGRATIONS);
  await syncContentScripts();
}

/** Alarm name → what to do. Alarms outlive the worker; the listener is registered at top level. */
const ALARMS: Record<string, () => Promise<void>> = {
  [AUTO_LOCK_ALARM]: () => vault.lock(),
};

const ready = start();
ready.catch((e: unknown) => console.error('CoinDock: worker start-up failed', e));

listen(
  {
    ...coreHandlers({ store, ready, startedAt, version, onSettingsChanged: syncContentScripts }),
    ...returnHandlers({ store, ready }),
    ...vaultHandlers({ vault, ready, forgetEverything }),
    ...settingsTransferHandlers({ store, vault, ready, onSettingsChanged: syncContentScripts }),
    ...credentialHandlers({ store, vault, ready, descriptions: DESCRIPTIONS }),
  },
  (name, e) => {
    if (e.code === 'internal') console.error(`CoinDock: ${name} failed`, e.cause ?? e.message);
  },
);

chrome.alarms.onAlarm.addListener((alarm) => {
  const run = ALARMS[alarm.name];
  if (run)
    void ready
      .then(run)
      .catch((e: unknown) => console.error(`CoinDock: alarm ${alarm.name} failed`, e));
});

// A permission granted or removed in the options page changes which URLs may be captured.
browser.permissions.onAdded.addListener(() => void syncContentScripts());
browser.permissions.onRemoved.addListener(() => void syncContentScripts());
