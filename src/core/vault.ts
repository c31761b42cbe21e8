/**
 * The vault: every secret (app keys, tokens) encrypted at rest with AES-GCM-256 under a key
 * derived from the user's passphrase by PBKDF2-SHA256. Pure WebCrypto, no chrome.*: the worker
 * stores the sealed vault in storage.local and the unlocked key (raw, base64) in storage.session.
 *
 * Layout (`SealedVault`): the KDF parameters and salt, a `check` record (a fixed marker encrypted
 * under the key, which tells a wrong passphrase apart from damaged data) and `data` (the secrets as
 * JSON). Both ciphertexts are bound to the header through AES-GCM's additional data, so editing
 * the stored parameters makes decryption fail instead of silently weakening the vault.
 * Parameters are stored, so iterations can be raised later by re-encrypting (`rekey`).
 */
import * as v from 'valibot';
import {
  base64ByteLength,
  fromBase64,
  fromUtf8,
  isCanonicalBase64,
  randomBytes,
  toBase64,
  utf8,
} from './bytes';
import { errors } from './errors';

export const MIN_ITERATIONS = 600_000;
export const DEFAULT_ITERATIONS = 600_000;
/**
 * The most PBKDF2 iterations a vault or an imported file may ask for: about 2 s of one core in
 * Chrome, over 16 times the default. The count comes from the file, so without a bound a crafted
 * settings file could stall the worker for many minutes (2^32 − 1 is what WebCrypto accepts).
 */
export const MAX_ITERATIONS = 10_000_000;
const MARKER = 'coindock-vault-check-v1';

/** Canonical base64 of `min`…`max` bytes: anything else is refused before it is decoded. */
const b64 = (min: number, max = Infinity) =>
  v.pipe(
    v.string(),
    v.check(isCanonicalBase64, 'canonical base64'),
    v.check((s) => {
      const n = base64ByteLength(s);
      return n >= min && n <= max;
    }, `${min} to ${max} bytes`),
  );
// AES-GCM: a 96-bit IV (the only size CoinDock writes), and a ciphertext at least its 128-bit tag.
const Box = v.object({ iv: b64(12, 12), ct: b64(16) });

export const SealedVaultSchema = v.object({
  format: v.literal('coindock-vault'),
  version: v.literal(1),
  kdf: v.object({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(MIN_ITERATIONS),
      v.maxValue(MAX_ITERATIONS),
    ),
    salt: b64(16, 64),
  }),
  cipher: v.literal('AES-GCM-256'),
  check: Box,
  data: Box,
});
export type SealedVault = v.InferOutput<typeof SealedVaultSchema>;

/** The decrypted contents: secret values by key, e.g. `fomo.client_secret`, `token.hicoin`. */
export type VaultSecrets = Record<string, string>;

function header(
  s: Pick<SealedVault, 'format' | 'version' | 'kdf' | 'cipher'>,
): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify([s.format, s.version, s.kdf, s.cipher]));
}

export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  // Extractable so the unlocked key can be kept in storage.session across worker restarts.
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

async function encrypt(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
) {
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plain),
  );
  return { iv: toBase64(iv), ct: toBase64(ct) };
}

async function decrypt(
  key: CryptoKey,
  box: { iv: string; ct: string },
  aad: Uint8Array<ArrayBuffer>,
) {
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(box.iv), additionalData: aad },
      key,
      fromBase64(box.ct),
    ),
  );
}

export interface Unlocked {
  key: CryptoKey;
  secrets: VaultSecrets;
}

/** Create a new vault under a passphrase. */
export async function createVault(
  passphrase: string,
  secrets: VaultSecrets = {},
  iterations = DEFAULT_ITERATIONS,
): Promise<{ sealed: SealedVault; key: CryptoKey }> {
  checkPassphrase(passphrase);
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS) {
    throw errors.invalid_input({ en: 'Too few PBKDF2 iterations', zh: 'PBKDF2 迭代次数过少' });
  }
  if (iterations > MAX_ITERATIONS) {
    throw errors.invalid_input({ en: 'Too many PBKDF2 iterations', zh: 'PBKDF2 迭代次数过多' });
  }
  const salt = randomBytes(16);
  const key = await deriveKey(passphrase, salt, iterations);
  const sealed = await sealWith(key, secrets, {
    format: 'coindock-vault',
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: 'AES-GCM-256',
  });
  return { sealed, key };
}

/** Re-encrypt the secrets under an unlocked key (a new IV every time). */
export async function sealWith(
  key: CryptoKey,
  secrets: VaultSecrets,
  head: Pick<SealedVault, 'format' | 'version' | 'kdf' | 'cipher'>,
): Promise<SealedVault> {
  const aad = header(head);
  return {
    ...head,
    check: await encrypt(key, utf8(MARKER), aad),
    data: await encrypt(key, utf8(JSON.stringify(secrets)), aad),
  };
}

/** Parse stored data as a vault, or explain in words what is wrong with it. */
export function parseSealed(raw: unknown): SealedVault {
  const r = v.safeParse(SealedVaultSchema, raw);
  if (!r.success) {
    throw errors.bad_response({
      en: 'The vault is damaged or not a CoinDock vault',
      zh: '保险库已损坏或不是 CoinDock 保险库',
    });
  }
  return r.output;
}

/** Unlock with a passphrase. Wrong passphrase → `locked`; damaged data → `bad_response`. */
export async function unlock(raw: unknown, passphrase: string): Promise<Unlocked> {
  const sealed = parseSealed(raw);
  const key = await deriveKey(passphrase, fromBase64(sealed.kdf.salt), sealed.kdf.iterations);
  return { key, secrets: await open(sealed, key) };
}

/** Open with an already derived key (after a worker restart, from storage.session). */
export async function open(raw: unknown, key: CryptoKey): Promise<VaultSecrets> {
  const sealed = parseSealed(raw);
  const aad = header(sealed);
  try {
    const marker = fromUtf8(await decrypt(key, sealed.check, aad));
    if (marker !== MARKER) throw new Error('marker');
  } catch {
    throw errors.locked({ en: 'Wrong passphrase', zh: '密码错误' });
  }
  try {
    const json: unknown = JSON.parse(fromUtf8(await decrypt(key, sealed.data, aad)));
    return v.parse(v.record(v.string(), v.string()), json);
  } catch {
    throw errors.bad_response({
      en: 'The vault’s contents are damaged; the passphrase is right',
      zh: '保险库内容已损坏（密码正确）',
    });
  }
}

/** Change the passphrase and/or raise the iterations: new salt, new key, everything re-encrypted. */
export async function rekey(
  raw: unknown,
  oldPassphrase: string,
  newPassphrase: string,
  iterations?: number,
): Promise<{ sealed: SealedVault; key: CryptoKey }> {
  const sealed = parseSealed(raw);
  const { secrets } = await unlock(sealed, oldPassphrase);
  return createVault(
    newPassphrase,
    secrets,
    Math.min(Math.max(iterations ?? sealed.kdf.iterations, MIN_ITERATIONS), MAX_ITERATIONS),
  );
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < 8) {
    throw errors.invalid_input({
      en: 'Use a passphrase of at least 8 characters',
      zh: '密码至少需要 8 个字符',
    });
  }
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}
