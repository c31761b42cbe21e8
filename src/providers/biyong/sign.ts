/**
 * RSASSA-PKCS1-v1_5 for BiYong with WebCrypto only (docs/providers/biyong.md): the merchant signs
 * each request's raw bytes with its private key (PKCS#8); BiYong signs messageId ‖ JSON of each
 * answer and we verify with BiYong's public key (X.509 SubjectPublicKeyInfo). Keys are stored as
 * base64 DER, the way BiYong's merchant console shows them; PEM (and PKCS#1) is read too
 * (keys.ts), so a key saved before normalisation still signs.
 */
import { toBase64 } from '../../core/bytes';
import { errors } from '../../core/errors';
import { readRsaKey } from './keys';

/** Values of the `RsaSignHashMode` header, and the WebCrypto hash each one means. SHA-256 is
 * BiYong's default; the others are offered where WebCrypto has them (it has no MD5). */
export const HASH_MODES = {
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
} as const;
export type BiyongHashMode = keyof typeof HASH_MODES;
export const DEFAULT_HASH_MODE: BiyongHashMode = 'SHA256';

export function isHashMode(s: string): s is BiyongHashMode {
  return Object.prototype.hasOwnProperty.call(HASH_MODES, s);
}

function algorithm(hash: BiyongHashMode): RsaHashedImportParams {
  return { name: 'RSASSA-PKCS1-v1_5', hash: HASH_MODES[hash] };
}

const where = { platform: 'biyong' as const, endpoint: 'keys' };

/** Import the merchant's private key (PKCS#8 or PKCS#1, base64 or PEM). The key text never
 * reaches an error; what is wrong with it does. */
export async function importMerchantPrivateKey(
  keyText: string,
  hash: BiyongHashMode = DEFAULT_HASH_MODE,
): Promise<CryptoKey> {
  const read = readRsaKey(keyText, 'private');
  if ('problem' in read) throw errors.invalid_input(read.problem, where);
  try {
    return await crypto.subtle.importKey('pkcs8', read.der, algorithm(hash), false, ['sign']);
  } catch (e) {
    throw errors.invalid_input(
      {
        en: 'The merchant private key is not an RSA PKCS#8 key in base64',
        zh: '商户私钥不是 base64 编码的 RSA PKCS#8 密钥',
      },
      { ...where, cause: e },
    );
  }
}

/** Import a public key (X.509 SubjectPublicKeyInfo or PKCS#1, base64 or PEM): BiYong's, to
 * verify answers. */
export async function importPublicKey(
  keyText: string,
  hash: BiyongHashMode = DEFAULT_HASH_MODE,
): Promise<CryptoKey> {
  const read = readRsaKey(keyText, 'public');
  if ('problem' in read) throw errors.invalid_input(read.problem, where);
  try {
    return await crypto.subtle.importKey('spki', read.der, algorithm(hash), false, ['verify']);
  } catch (e) {
    throw errors.invalid_input(
      {
        en: 'The BiYong public key is not an RSA X.509 key in base64',
        zh: 'BiYong 公钥不是 base64 编码的 RSA X.509 公钥',
      },
      { ...where, cause: e },
    );
  }
}

export async function signBytes(
  key: CryptoKey,
  data: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, new Uint8Array(data)));
}

export async function verifyBytes(
  key: CryptoKey,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  try {
    // Copies: WebCrypto wants ArrayBuffer-backed views, frames are views into a larger body.
    return await crypto.subtle.verify(
      'RSASSA-PKCS1-v1_5',
      key,
      new Uint8Array(signature),
      new Uint8Array(data),
    );
  } catch {
    // A signature of the wrong length makes some engines throw instead of answering false.
    return false;
  }
}

export interface BiyongKeyPair {
  /** PKCS#8 DER, base64: goes to the vault. */
  privateKey: string;
  /** X.509 SubjectPublicKeyInfo DER, base64: registered with BiYong. */
  publicKey: string;
}

/** A fresh RSA-2048 merchant key pair for the options page (BiYong recommends 2048 bits). */
export async function generateMerchantKeyPair(
  hash: BiyongHashMode = DEFAULT_HASH_MODE,
  modulusLength = 2048,
): Promise<BiyongKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { ...algorithm(hash), modulusLength, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const [pkcs8, spki] = await Promise.all([
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
    crypto.subtle.exportKey('spki', pair.publicKey),
  ]);
  return { privateKey: toBase64(new Uint8Array(pkcs8)), publicKey: toBase64(new Uint8Array(spki)) };
}
