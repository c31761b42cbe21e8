/** The public account records (storage.local) and their state changes. */
import { KEYS } from '../../core/storage-keys';
import type { Account } from '../../core/accounts';
import type { CoinDockError, Platform } from '../../core/errors';
import type { Store } from '../../core/store';

export function createAccountStore(store: Store) {
  return {
    async get(platform: Platform): Promise<Account | undefined> {
      return (await store.get(KEYS.accounts))[platform];
    },
    async all() {
      return store.get(KEYS.accounts);
    },
    async put(account: Account): Promise<void> {
      await store.update(KEYS.accounts, (all) => ({ ...all, [account.platform]: account }));
    },
    /** Change an existing account; a missing one stays missing (it was disconnected meanwhile). */
    async patch(platform: Platform, change: Partial<Account>): Promise<void> {
      await store.update(KEYS.accounts, (all) => {
        const cur = all[platform];
        return cur ? { ...all, [platform]: { ...cur, ...change, updatedAt: Date.now() } } : all;
      });
    },
    async markError(platform: Platform, state: 'needs_reconnect' | 'error', e: CoinDockError) {
      await this.patch(platform, {
        state,
        lastError: { en: e.messages.en, zh: e.messages.zh, code: e.code },
      });
    },
    async remove(platform: Platform): Promise<void> {
      await store.update(KEYS.accounts, (all) => {
        const next = { ...all };
        delete next[platform];
        return next;
      });
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;
