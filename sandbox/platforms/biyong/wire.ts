/**
 * BiYong's binary wire format (docs/providers/biyong.md, Wire format and signatures; BiYong's
 * public communication specification), decoded and encoded with the sandbox's own code:
 *
 *   request  = sigLen (u32 BE) ‖ signature ‖ raw
 *   raw      = timestamp (u64 BE, ms) ‖ messageId (16 bytes) ‖ UTF-8 JSON
 *   response = sigLen (u32 BE) ‖ signature ‖ messageId ‖ UTF-8 JSON   (signed: messageId ‖ JSON)
 *            | UTF-8 error text whose first byte is not 0x00           (before a frame is parsed)
 *
 * A successful response always starts with 0x00 because sigLen < 2^24; error text never does.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

export const MESSAGE_ID_BYTES = 16;
const HEAD_BYTES = 8 + MESSAGE_ID_BYTES;
/** An RSA-16384 signature is 2048 bytes; a longer sigLen is a lie, not a key size. */
const MAX_SIG_BYTES = 2048;

/**
 * `RsaSignHashMode` header values BiYong accepts (docs/providers/biyong.md, Wire format and
 * signatures) → node:crypto digest names.
 */
export const HASH_MODES: Readonly<Record<string, string>> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
};
export const DEFAULT_HASH_MODE = 'SHA256';

export class FrameError extends Error {
  override name = 'FrameError';
}

export interface RequestFrame {
  signature: Buffer;
  /** timestamp ‖ messageId ‖ JSON: what the merchant signed. */
  raw: Buffer;
  timestampMs: number;
  messageId: Buffer;
  json: Buffer;
}

/** Parse a request body; every length is checked before it is used. */
export function parseRequestFrame(body: Buffer): RequestFrame {
  if (body.length < 4) throw new FrameError('request shorter than its signature length field');
  const sigLen = body.readUInt32BE(0);
  if (sigLen === 0) throw new FrameError('signature length is zero');
  if (sigLen > MAX_SIG_BYTES) throw new FrameError(`signature length ${sigLen} is not plausible`);
  if (body.length < 4 + sigLen + HEAD_BYTES) {
    throw new FrameError('request shorter than its signature, timestamp and messageId');
  }
  const signature = body.subarray(4, 4 + sigLen);
  const raw = body.subarray(4 + sigLen);
  const ts = raw.readBigUInt64BE(0);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) throw new FrameError('timestamp out of range');
  return {
    signature,
    raw,
    timestampMs: Number(ts),
    messageId: raw.subarray(8, HEAD_BYTES),
    json: raw.subarray(HEAD_BYTES),
  };
}

/** sigLen ‖ signature ‖ messageId ‖ JSON, the signature over messageId ‖ JSON. */
export function encodeResponse(
  messageId: Buffer,
  json: string,
  hashMode: string,
  key: KeyObject,
): Buffer {
  const signed = Buffer.concat([messageId, Buffer.from(json, 'utf8')]);
  const signature = sign(HASH_MODES[hashMode] ?? 'sha256', signed, key);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(signature.length, 0);
  return Buffer.concat([len, signature, signed]);
}

export function verifyRaw(frame: RequestFrame, hashMode: string, key: KeyObject): boolean {
  try {
    return verify(HASH_MODES[hashMode] ?? 'sha256', frame.raw, key, frame.signature);
  } catch {
    return false; // e.g. a signature longer than the modulus
  }
}

export function publicKeyFromBase64(spki: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
}

export function privateKeyFromBase64(pkcs8: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
}
