/**
 * "Forget everything": erase what CoinDock stored in every area and database (the storage
 * module's wipe, which also starts the store again at the current schema), its alarms, and the
 * content-script registrations made for the erased settings.
 */
import type { Store } from '../core/store';
import { wipeStorage } from '../ext/storage';
import { clearAllAlarms } from './alarms';

export function createForgetEverything(deps: {
  store: Store;
  /** Register content scripts again for the (now default) settings. */
  syncContentScripts(): Promise<void>;
}): () => Promise<void> {
  return async () => {
    await clearAllAlarms();
    await wipeStorage(deps.store);
    await deps.syncContentScripts();
  };
}
