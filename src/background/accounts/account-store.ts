/** The public account records (storage.local) and their state changes. */
import { KEYS } from '../../core/storage-keys';
import type { Account } from '../../core/accounts';
import type { CoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { Store } from '../../core/store';

/**
 * What a failed call says about the account itself: `needs_reconnect` when only connecting again
 * helps (sign-in expired, the user's grant gone — BiYong answers 100102 once its grant is revoked,
 * docs/providers/biyong.md), `error` when the platform failed (down, slow, garbled), nothing when
 * the cause is on this side (vault locked, keys missing).
 */
export function accountTrouble(e: CoinDockError): 'needs_reconnect' | 'error' | undefined {
  // BiYong 100101: this merchant may not call the API at all; a new grant would not change that.
  if (e.code === 'permission' && e.platformCode === '100101') return 'error';
  if (e.code === 'auth_expired' || e.code === 'permission') return 'needs_reconnect';
  if (['network', 'timeout', 'bad_response', 'platform', 'rate_limited'].includes(e.code)) {
    return 'error';
  }
  return undefined;
}

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
