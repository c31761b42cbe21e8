/**
 * Test-only: an independent BiYong peer built on node:crypto and Buffer (never on the codec under
 * test), so a mistake in frame.ts or sign.ts shows up as a failing test instead of cancelling out.
 * Imported by the *.test.ts files beside it; nothing in the extension imports it.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';

export interface NodeKeyPair {
  privateKeyB64: string;
  publicKeyB64: string;
}

export function nodeKeyPair(bits = 2048): NodeKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    privateKeyB64: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKeyB64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** node:crypto's name of a BiYong hash mode. */
export function nodeHash(mode: string): string {
  return { SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' }[mode] ?? 'sha256';
}

export function nodeSign(privateKeyB64: string, data: Uint8Array, mode = 'SHA256'): Buffer {
  const key = createPrivateKey({
    key: Buffer.from(privateKeyB64, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return sign(nodeHash(mode), data, key);
}

export function nodeVerify(
  publicKeyB64: string,
  data: Uint8Array,
  sig: Uint8Array,
  mode = 'SHA256',
): boolean {
  const key = createPublicKey({
    key: Buffer.from(publicKeyB64, 'base64'),
    format: 'der',
    type: 'spki',
  });
  return verify(nodeHash(mode), data, key, sig);
}

export interface ParsedRequest {
  signature: Buffer;
  raw: Buffer;
  timestampMs: number;
  messageId: Buffer;
  params: Record<string, unknown>;
}

/** Parse a request body the way BiYong's server would, with Buffer reads. */
export function nodeParseRequest(body: Uint8Array): ParsedRequest {
  const buf = Buffer.from(body);
  const sigLen = buf.readUInt32BE(0);
  const signature = buf.subarray(4, 4 + sigLen);
  const raw = buf.subarray(4 + sigLen);
  return {
    signature,
    raw,
    timestampMs: Number(raw.readBigUInt64BE(0)),
    messageId: raw.subarray(8, 24),
    params: JSON.parse(raw.subarray(24).toString('utf8')) as Record<string, unknown>,
  };
}

/** A signed response frame: sigLen ‖ sig ‖ messageId ‖ JSON, signed over messageId ‖ JSON. */
export function nodeResponseFrame(
  platformPrivateKeyB64: string,
  messageId: Uint8Array,
  json: string | Uint8Array,
  mode = 'SHA256',
): Uint8Array<ArrayBuffer> {
  const payload = Buffer.concat([
    Buffer.from(messageId),
    typeof json === 'string' ? Buffer.from(json, 'utf8') : Buffer.from(json),
  ]);
  const sig = nodeSign(platformPrivateKeyB64, payload, mode);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(sig.length);
  return new Uint8Array(Buffer.concat([len, sig, payload]));
}

export function envelope(data: unknown, status = '0', message?: string): string {
  return JSON.stringify({
    status,
    ...(message !== undefined ? { message } : {}),
    timestamp: String(Date.now()),
    data,
  });
}

export function randomMessageId(): Buffer {
  return randomBytes(16);
}

/** Keys shared by a test file: generated once (2048-bit RSA takes a moment). */
export function testKeys() {
  const merchant = nodeKeyPair();
  const platform = nodeKeyPair();
  return { merchant, platform };
}
