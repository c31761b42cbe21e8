/**
 * Settings export / import as an encrypted file. The file is a sealed vault (same AES-GCM /
 * PBKDF2 format as the vault itself) under a passphrase chosen for the export, holding the
 * settings and every secret. Import validates everything before anything is written, so a
 * wrong passphrase, a tampered file or a foreign file changes nothing.
 */
import * as v from 'valibot';
import { errors } from './errors';
import { SettingsSchema, type Settings } from './settings';
import {
  MAX_ITERATIONS,
  MIN_ITERATIONS,
  SealedVaultSchema,
  createVault,
  unlock,
  type VaultSecrets,
} from './vault';

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
  // Everything unlock() decodes or hands to WebCrypto is checked here first (canonical base64,
  // IV and salt sizes, iterations within MIN…MAX_ITERATIONS), so no DOMException or TypeError
  // can come out of it, and no file can make the worker derive a key for minutes.
  const file = v.safeParse(ExportFileSchema, json);
  if (!file.success) {
    const iterations = file.issues.some((i) =>
      i.path?.some((p) => p.key === 'iterations' && typeof p.value === 'number'),
    );
    if (iterations) {
      throw errors.invalid_input({
        en: `This file asks for an unsupported amount of passphrase hashing (CoinDock allows ${MIN_ITERATIONS.toLocaleString('en')} to ${MAX_ITERATIONS.toLocaleString('en')} rounds)`,
        zh: `此文件要求的密码哈希轮数不受支持（CoinDock 允许 ${MIN_ITERATIONS} 至 ${MAX_ITERATIONS} 轮）`,
      });
    }
    throw foreign();
  }
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
