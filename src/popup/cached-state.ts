/**
 * What the popup paints first: read straight from storage (settings, accounts, flows, transfers,
 * returns, whether the vault exists and is unlocked), without waiting for the worker, which may
 * be asleep. Fresh data from the worker replaces it as it arrives.
 */
import { getStore, onKeysChanged } from '../ext/storage';
import { KEYS } from '../core/storage-keys';
import { flowView } from '../core/accounts';
import type { AccountsView, VaultStatus } from '../core/messages';
import { readTransfers } from '../core/transfers';
import { resolveLanguage, type Lang } from '../core/i18n';

export type CachedState = Awaited<ReturnType<typeof readCachedState>>;

/** The language the popup speaks: the stored setting's, else the browser's. */
export function popupLanguage(cached: CachedState | undefined): Lang {
  return resolveLanguage(cached?.settings.language ?? 'auto', navigator.language);
}

/** The stored keys the popup shows; a change to any of them is followed at once. */
const FOLLOWED = [
  KEYS.settings,
  KEYS.accounts,
  KEYS.flows,
  KEYS.transfers,
  KEYS.returns,
  KEYS.vault,
  KEYS.vaultKey,
];

/**
 * Call `onChange` with everything the popup shows, read again, whenever the worker or the options
 * page changes any of it: a transfer settled by alarm, Grand Chain signed in on the options page,
 * a BiYong grant found gone, a connection step or deadline, the vault locked or erased ("forget
 * everything" clears every area: the popup then shows the first run). Returns the stop.
 */
export function followStorage(onChange: (state: CachedState) => void): () => void {
  let reading: Promise<void> | undefined;
  let again = false;
  const read = (): Promise<void> => readCachedState().then(onChange, () => undefined);
  return onKeysChanged(FOLLOWED, () => {
    // One read at a time; changes meanwhile (a clear touches every key) make one more read.
    if (reading) {
      again = true;
      return;
    }
    const run = (): Promise<void> =>
      read().then(() => {
        if (!again) return;
        again = false;
        return run();
      });
    reading = run().finally(() => (reading = undefined));
  });
}

export async function readCachedState() {
  const store = getStore();
  const [settings, accounts, flows, stored, returns, sealed, key, prefs] = await Promise.all([
    store.get(KEYS.settings),
    store.get(KEYS.accounts),
    store.get(KEYS.flows),
    store.get(KEYS.transfers),
    store.get(KEYS.returns),
    store.get(KEYS.vault),
    store.get(KEYS.vaultKey),
    store.get(KEYS.vaultPrefs),
  ]);
  const vault: VaultStatus = {
    exists: sealed !== null,
    unlocked: sealed !== null && key !== null,
    autoLockMinutes: prefs.autoLockMinutes,
    iterations: sealed?.kdf.iterations ?? null,
    secretNames: [],
  };
  const view: AccountsView = { accounts, flows: Object.values(flows).map(flowView) };
  // Each stored transfer is read on its own: one that cannot be read is said, not dropped.
  const { transfers, unreadable } = readTransfers(stored);
  return {
    settings,
    accounts: view,
    transfers,
    unreadableTransfers: unreadable.map((e) => e.messages),
    returns,
    vault,
  };
}
