/**
 * Settings export / import as an encrypted file. The file is a sealed vault (same AES-GCM /
 * PBKDF2 format as the vault itself) under a passphrase chosen for the export, holding the
 * settings and every secret. Import validates everything before anything is written, so a
 * wrong passphrase, a tampered file or a foreign file changes nothing.
 */
import * as v from 'valibot';
import { errors } from './errors';
import { SettingsSchema, type Settings } from './settings';
import { SealedVaultSchema, createVault, unlock, type VaultSecrets } from './vault';

const SETTINGS_ENTRY = '__coindock.settings';

const ExportFileSchema = v.object({
  format: v.literal('coindock-export'),
  version: v.literal(1),
  createdAt: v.string(),
  vault: SealedVaultSchema,
});

export async function buildExport(
  passphrase: string,
  settings: Settings,
  secrets: VaultSecrets,
  now = new Date(),
): Promise<{ fileName: string; content: string }> {
  const { sealed } = await createVault(passphrase, {
    ...secrets,
    [SETTINGS_ENTRY]: JSON.stringify(settings),
  });
  const file = {
    format: 'coindock-export',
    version: 1,
    createdAt: now.toISOString(),
    vault: sealed,
  };
  return {
    fileName: `coindock-settings-${now.toISOString().slice(0, 10)}.coindock.json`,
    content: JSON.stringify(file, null, 2),
  };
}

const foreign = () =>
  errors.invalid_input({
    en: 'This is not a CoinDock settings file',
    zh: '这不是 CoinDock 设置文件',
  });

export async function readExport(
  content: string,
  passphrase: string,
): Promise<{ settings: Settings; secrets: VaultSecrets }> {
  if (content.length > 5 * 1024 * 1024) throw foreign();
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw foreign();
  }
  const file = v.safeParse(ExportFileSchema, json);
  if (!file.success) throw foreign();
  // Wrong passphrase → `locked`; tampered ciphertext → `bad_response` (both in words).
  const { secrets } = await unlock(file.output.vault, passphrase);
  const rawSettings = secrets[SETTINGS_ENTRY];
  delete secrets[SETTINGS_ENTRY];
  let settings: Settings;
  try {
    settings = v.parse(SettingsSchema, JSON.parse(rawSettings ?? 'null'));
  } catch {
    throw errors.bad_response({
      en: 'The file’s settings are damaged',
      zh: '文件中的设置已损坏',
    });
  }
  return { settings, secrets };
}
