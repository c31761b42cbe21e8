/**
 * The vault in the worker: create, unlock, lock, change passphrase, auto-lock, and the secrets
 * other services read. State lives in storage only (sealed vault in local, key in session), so a
 * stopped worker loses nothing; the auto-lock timer is a chrome.alarms alarm, which also
 * survives worker restarts.
 */
import { KEYS } from '../core/storage-keys';
import { alarms, clearAlarm, setAlarm } from './alarms';
import { errors } from '../core/errors';
import type { Platform } from '../core/platform';
import type { Store } from '../core/store';
import type { VaultStatus } from '../core/messages';
import {
  createVault,
  exportKey,
  importKey,
  open,
  rekey,
  sealWith,
  unlock,
  type VaultSecrets,
} from '../core/vault';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';

/** How a platform's secret credential field is named in the vault. */
export const secretName = (platform: Platform, key: string) => `${platform}.${key}`;

export function createVaultService(store: Store) {
  async function currentKey(): Promise<CryptoKey> {
    const raw = await store.get(KEYS.vaultKey);
    if (!raw) throw errors.locked();
    return importKey(raw);
  }

  async function armAutoLock(): Promise<void> {
    const { autoLockMinutes } = await store.get(KEYS.vaultPrefs);
    await clearAlarm(AUTO_LOCK_ALARM);
    if (autoLockMinutes > 0) await setAlarm(AUTO_LOCK_ALARM, { delayInMinutes: autoLockMinutes });
  }

  async function remember(key: CryptoKey): Promise<void> {
    await store.set(KEYS.vaultKey, await exportKey(key));
    await store.set(KEYS.vaultUnlocked, true);
    await armAutoLock();
  }

  const service = {
    async status(): Promise<VaultStatus> {
      const [sealed, keyRaw, prefs] = await Promise.all([
        store.get(KEYS.vault),
        store.get(KEYS.vaultKey),
        store.get(KEYS.vaultPrefs),
      ]);
      let secretNames: string[] = [];
      if (sealed && keyRaw)
        secretNames = Object.keys(await open(sealed, await importKey(keyRaw))).sort();
      return {
        exists: sealed !== null,
        unlocked: sealed !== null && keyRaw !== null,
        autoLockMinutes: prefs.autoLockMinutes,
        iterations: sealed?.kdf.iterations ?? null,
        secretNames,
      };
    },

    async create(passphrase: string): Promise<void> {
      if (await store.get(KEYS.vault)) {
        throw errors.invalid_input({ en: 'A vault already exists', zh: '保险库已存在' });
      }
      const { sealed, key } = await createVault(passphrase);
      await store.set(KEYS.vault, sealed);
      await remember(key);
    },

    async unlock(passphrase: string): Promise<void> {
      const sealed = await store.get(KEYS.vault);
      if (!sealed) throw errors.not_configured({ en: 'No vault yet', zh: '尚未创建保险库' });
      const { key } = await unlock(sealed, passphrase);
      await remember(key);
    },

    async lock(): Promise<void> {
      await store.set(KEYS.vaultUnlocked, false);
      await store.set(KEYS.vaultKey, null);
      await clearAlarm(AUTO_LOCK_ALARM);
    },

    async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
      const sealed = await store.get(KEYS.vault);
      if (!sealed) throw errors.not_configured({ en: 'No vault yet', zh: '尚未创建保险库' });
      const next = await rekey(sealed, oldPassphrase, newPassphrase);
      await store.set(KEYS.vault, next.sealed);
      await remember(next.key);
    },

    async setAutoLock(minutes: number): Promise<void> {
      await store.set(KEYS.vaultPrefs, { autoLockMinutes: minutes });
      if (await store.get(KEYS.vaultKey)) await armAutoLock();
    },

    /** Push the auto-lock back: the user is active. */
    async touch(): Promise<void> {
      if (await store.get(KEYS.vaultKey)) await armAutoLock();
    },

    async readAll(): Promise<VaultSecrets> {
      const sealed = await store.get(KEYS.vault);
      if (!sealed) throw errors.locked({ en: 'No vault yet', zh: '尚未创建保险库' });
      return open(sealed, await currentKey());
    },

    async get(name: string): Promise<string | undefined> {
      return (await service.readAll())[name];
    },

    /** Set (or, with undefined, delete) secrets in one re-encryption, queued against other writes. */
    async write(changes: Record<string, string | undefined>): Promise<void> {
      const key = await currentKey();
      await store.update(KEYS.vault, async (sealed) => {
        if (!sealed) throw errors.locked({ en: 'No vault yet', zh: '尚未创建保险库' });
        const secrets = await open(sealed, key);
        for (const [k, val] of Object.entries(changes)) {
          if (val === undefined) delete secrets[k];
          else secrets[k] = val;
        }
        return sealWith(key, secrets, sealed);
      });
    },

    /** Forget the vault and its key. */
    async destroy(): Promise<void> {
      await store.set(KEYS.vault, null);
      await service.lock();
    },
  };
  // Alarms outlive the worker: the router finds this again by name when it fires.
  alarms.on(AUTO_LOCK_ALARM, () => service.lock());
  return service;
}

export type VaultService = ReturnType<typeof createVaultService>;
