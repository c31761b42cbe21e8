/**
 * Digest and MAC helpers on WebCrypto (`crypto.subtle`) only, so they run unchanged in the
 * service worker and in Node 20. Strings are hashed as UTF-8; results are lowercase hex, the form
 * the platforms compare against (FOMO pay `sign`: SHA-1 hex, docs/providers/fomo.md, Signing; GOW
 * `sign`: HMAC-SHA512 hex, docs/providers/gow.md, Signing).
 */
import { toHex, utf8 } from './bytes';

export type BytesLike = string | Uint8Array;

function asBytes(data: BytesLike): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return utf8(data);
  // Copy into a fresh ArrayBuffer-backed view: WebCrypto's typings refuse SharedArrayBuffer views.
  return new Uint8Array(data);
}

async function digestHex(algorithm: 'SHA-1' | 'SHA-256', data: BytesLike): Promise<string> {
  return toHex(await crypto.subtle.digest(algorithm, asBytes(data)));
}

/** Lowercase hex SHA-1. Only for protocols that mandate it (FOMO's pay-page sign). */
export function sha1Hex(data: BytesLike): Promise<string> {
  return digestHex('SHA-1', data);
}

export function sha256Hex(data: BytesLike): Promise<string> {
  return digestHex('SHA-256', data);
}

/** Lowercase hex HMAC-SHA512 of `data` under `key` (both UTF-8 when strings). */
export async function hmacSha512Hex(key: BytesLike, data: BytesLike): Promise<string> {
  const keyBytes = asBytes(key);
  // A zero-length HMAC key is valid in the algorithm but WebCrypto refuses to import it; no
  // platform issues empty secrets, so say so clearly instead of surfacing a DOMException.
  if (keyBytes.byteLength === 0) throw new TypeError('HMAC key must not be empty');
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-512' },
    false,
    ['sign'],
  );
  return toHex(await crypto.subtle.sign('HMAC', cryptoKey, asBytes(data)));
}
