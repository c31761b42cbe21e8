/**
 * Settings export / import. Import checks the whole file (passphrase, integrity, schema) before
 * writing anything; then it replaces the settings and merges the secrets into the vault (creating
 * the vault under the file's passphrase when there is none yet).
 */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { KEYS } from '../../core/storage-keys';
import { buildExport, readExport } from '../../core/export-file';
import { checkPassphrase } from '../../core/vault';
import { errors } from '../../core/errors';
import type { Store } from '../../core/store';
import type { VaultService } from '../vault-service';

type TransferHandlers = Pick<Handlers<MessageMap>, 'settings/export' | 'settings/import'>;

export function settingsTransferHandlers(deps: {
  store: Store;
  vault: VaultService;
  onSettingsChanged: () => Promise<void>;
}): TransferHandlers {
  const { store, vault } = deps;
  return {
    async 'settings/export'(req) {
      const { passphrase } = req;
      checkPassphrase(passphrase);
      const status = await vault.status();
      const secrets = status.exists ? await vault.readAll() : {};
      return buildExport(passphrase, await store.get(KEYS.settings), secrets);
    },
    async 'settings/import'(req) {
      const { settings, secrets } = await readExport(req.content, req.passphrase);
      const status = await vault.status();
      if (status.exists && !status.unlocked) {
        throw errors.locked({
          en: 'Unlock the vault before importing',
          zh: '导入前请先解锁保险库',
        });
      }
      if (!status.exists) await vault.create(req.passphrase);
      if (Object.keys(secrets).length) await vault.write(secrets);
      await store.set(KEYS.settings, settings);
      await deps.onSettingsChanged();
      return settings;
    },
  };
}
