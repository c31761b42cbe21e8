/**
 * What the popup paints first: read straight from storage (settings, accounts, flows, transfers,
 * returns, whether the vault exists and is unlocked), without waiting for the worker, which may
 * be asleep. Fresh data from the worker replaces it as it arrives.
 */
import { getStore } from '../ext/storage';
import { KEYS } from '../core/storage-keys';
import { flowView } from '../core/accounts';
import type { AccountsView, VaultStatus } from '../core/messages';
import type { Transfer } from '../core/transfers';
import { resolveLanguage, type Lang } from '../core/i18n';

export type CachedState = Awaited<ReturnType<typeof readCachedState>>;

/** The language the popup speaks: the stored setting's, else the browser's. */
export function popupLanguage(cached: CachedState | undefined): Lang {
  return resolveLanguage(cached?.settings.language ?? 'auto', navigator.language);
}

const newestFirst = (all: Record<string, Transfer>) =>
  Object.values(all).sort((a, b) => b.createdAt - a.createdAt);

/**
 * Call `onChange` with the stored transfers, newest first, whenever the worker changes them (a
 * poll by alarm, a return captured, the reconciliation after an unlock); returns the stop.
 */
export function followTransfers(onChange: (transfers: Transfer[]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== KEYS.transfers.area || !(KEYS.transfers.name in changes)) return;
    void getStore()
      .get(KEYS.transfers)
      .then((all) => onChange(newestFirst(all)));
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

export async function readCachedState() {
  const store = getStore();
  const [settings, accounts, flows, transfers, returns, sealed, key, prefs] = await Promise.all([
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
  return {
    settings,
    accounts: view,
    transfers: newestFirst(transfers),
    returns,
    vault,
  };
}
