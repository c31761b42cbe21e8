/** Byte helpers shared by the signers and codecs (platform-neutral, no Buffer). */

const utf8Encoder = new TextEncoder();

export function utf8(s: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(s);
}

/** Strict UTF-8 decoding: malformed bytes throw a TypeError. */
export function fromUtf8(b: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(b);
}

export function toHex(b: Uint8Array | ArrayBuffer): string {
  const bytes = b instanceof Uint8Array ? b : new Uint8Array(b);
  let s = '';
  for (const x of bytes) s += x.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new TypeError('Invalid hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64(b: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < b.length; i += 0x8000) {
    bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/**
 * Canonical standard base64 (RFC 4648 §4, §3.5): padded to a multiple of four, and the bits the
 * last character carries beyond the data are zero. Exactly what `toBase64` writes, so a stored or
 * exported record that `toBase64` made always passes, and any other spelling of the same bytes
 * (or no bytes at all, for `atob` to throw on) is refused before decoding.
 */
export function isCanonicalBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  const m = /^[A-Za-z0-9+/]*?(?:([A-Za-z0-9+/])==|([A-Za-z0-9+/])=)?$/.exec(s);
  if (!m) return false;
  const digit = (c: string) => B64_DIGITS.indexOf(c);
  // One byte in "xx==": the second character's low four bits are padding; two bytes in "xxx=":
  // the third's low two bits.
  if (m[1] !== undefined) return (digit(m[1]) & 0x0f) === 0;
  if (m[2] !== undefined) return (digit(m[2]) & 0x03) === 0;
  return true;
}

const B64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The number of bytes a canonical base64 string holds. */
export function base64ByteLength(s: string): number {
  return (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
}

/** Accepts standard and URL-safe base64, with or without padding and whitespace (pasted keys). */
export function fromBase64(s: string): Uint8Array<ArrayBuffer> {
  const clean = s.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (/[^A-Za-z0-9+/=]/.test(clean)) throw new TypeError('Invalid base64 string');
  const bin = atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '='));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.byteLength;
  }
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random `[A-Za-z0-9]` string without modulo bias (OAuth `state`, HiCoin ≤ 128 bytes). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALNUM[b % 62];
    }
  }
  return out;
}

/** Constant-time comparison of two byte arrays (signatures, MACs). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
