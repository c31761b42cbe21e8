/**
 * A platform's credentials: the fields its description declares, checked here again (the page
 * checks as the user types, but the worker trusts no page input). Secret fields go to the vault
 * as `<platform>.<field>`; the others to settings, so the popup can show them while locked.
 */
import type { Handlers } from '../../core/message-protocol';
import type { CredentialsView, MessageMap } from '../../core/messages';
import { KEYS } from '../../core/storage-keys';
import { errors } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { Store } from '../../core/store';
import type { ProviderDescription } from '../../providers/types';
import { checkCredentials, storedForm } from '../../providers/credentials';
import { secretName, type VaultService } from '../vault-service';
import { testConnection } from '../connection-test';

type CredentialHandlers = Pick<
  Handlers<MessageMap>,
  'credentials/get' | 'credentials/save' | 'credentials/test'
>;

export function credentialHandlers(deps: {
  store: Store;
  vault: VaultService;
  descriptions: Record<Platform, ProviderDescription>;
}): CredentialHandlers {
  const { store, vault, descriptions } = deps;

  async function view(platform: Platform): Promise<CredentialsView> {
    const settings = await store.get(KEYS.settings);
    const status = await vault.status();
    const prefix = `${platform}.`;
    return {
      platform,
      config: settings.platforms[platform].config,
      secretsSet: status.unlocked
        ? status.secretNames.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))
        : null,
    };
  }

  return {
    async 'credentials/get'(req) {
      return view(req.platform);
    },
    async 'credentials/save'(req) {
      const { platform, values } = req;
      const fields = descriptions[platform].credentials;
      const current = await view(platform);
      const secretFields = fields.filter((f) => f.secret);
      const wantsSecret = secretFields.some((f) => (values[f.key] ?? '').trim() !== '');
      if (current.secretsSet === null && (wantsSecret || secretFields.some((f) => f.required))) {
        throw errors.locked({
          en: 'Unlock the vault (or create one) to save keys',
          zh: '请先解锁（或创建）保险库再保存密钥',
        });
      }
      const problems = checkCredentials(fields, values, new Set(current.secretsSet ?? []));
      if (problems.length) {
        throw errors.invalid_input({
          en: problems.map((p) => p.message.en).join('; '),
          zh: problems.map((p) => p.message.zh).join('；'),
        });
      }
      const config: Record<string, string> = {};
      const secrets: Record<string, string> = {};
      for (const f of fields) {
        // One stored form per field (BiYong keys pasted as PEM are kept as base64 DER).
        const value = storedForm(f, values[f.key] ?? '');
        if (f.secret) {
          if (value) secrets[secretName(platform, f.key)] = value;
        } else if (value) {
          config[f.key] = value;
        }
      }
      if (Object.keys(secrets).length) await vault.write(secrets);
      await store.update(KEYS.settings, (s) => ({
        ...s,
        platforms: { ...s.platforms, [platform]: { ...s.platforms[platform], config } },
      }));
      return view(platform);
    },
    async 'credentials/test'(req) {
      await vault.touch();
      return testConnection(store, vault, req.platform);
    },
  };
}
