/**
 * BiYong's binary frame codec (docs/providers/biyong.md, Wire format and signatures; BiYong's
 * public communication specification).
 *
 *   request  = sigLen (u32 BE) ‖ signature ‖ raw
 *   raw      = timestamp (u64 BE, ms) ‖ messageId (16 bytes) ‖ UTF-8 JSON
 *   response = first byte ≠ 0x00 → the whole body is a UTF-8 error message;
 *              else sigLen (u32 BE) ‖ signature ‖ messageId (16 bytes) ‖ UTF-8 JSON,
 *              the signature covering messageId ‖ JSON.
 *
 * Pure byte functions, no crypto: signing and verification live in sign.ts. The decoder is
 * defensive by construction: every length is checked against what is actually there before any
 * slice, so a truncated frame or a length field that lies is a `FrameError`, never an
 * out-of-bounds read or a huge allocation.
 */
import { concatBytes } from '../../core/bytes';

export const MESSAGE_ID_BYTES = 16;
export const TIMESTAMP_BYTES = 8;
export const SIG_LEN_BYTES = 4;
/** An RSA-16384 signature is 2048 bytes; anything longer is not a signature (lying length). */
export const MAX_SIGNATURE_BYTES = 2048;

export class FrameError extends Error {
  override name = 'FrameError';
}

/** raw = timestamp ‖ messageId ‖ JSON: the bytes the merchant signs. */
export function encodeRaw(
  timestampMs: number,
  messageId: Uint8Array,
  json: Uint8Array,
): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw new RangeError('timestamp must be a non-negative safe integer of milliseconds');
  }
  if (messageId.length !== MESSAGE_ID_BYTES) throw new RangeError('messageId must be 16 bytes');
  const head = new Uint8Array(TIMESTAMP_BYTES);
  new DataView(head.buffer).setBigUint64(0, BigInt(timestampMs), false);
  return concatBytes(head, messageId, json);
}

/** sigLen ‖ signature ‖ payload: the request body (payload = raw) or a response (payload =
 * messageId ‖ JSON). */
export function encodeSigned(signature: Uint8Array, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  if (signature.length === 0 || signature.length > MAX_SIGNATURE_BYTES) {
    throw new RangeError('signature length out of range');
  }
  const len = new Uint8Array(SIG_LEN_BYTES);
  new DataView(len.buffer).setUint32(0, signature.length, false);
  return concatBytes(len, signature, payload);
}

export interface DecodedRequest {
  signature: Uint8Array;
  raw: Uint8Array;
  timestampMs: number;
  messageId: Uint8Array;
  json: Uint8Array;
}

/** The inverse of encodeSigned(signature, encodeRaw(...)); used by tests and tools. */
export function decodeRequestFrame(body: Uint8Array): DecodedRequest {
  const { signature, payload } = splitSigned(body, TIMESTAMP_BYTES + MESSAGE_ID_BYTES);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const ts = view.getBigUint64(0, false);
  if (ts > BigInt(Number.MAX_SAFE_INTEGER)) throw new FrameError('timestamp out of range');
  return {
    signature,
    raw: payload,
    timestampMs: Number(ts),
    messageId: payload.subarray(TIMESTAMP_BYTES, TIMESTAMP_BYTES + MESSAGE_ID_BYTES),
    json: payload.subarray(TIMESTAMP_BYTES + MESSAGE_ID_BYTES),
  };
}

export type DecodedResponse =
  | { kind: 'error'; message: string }
  | {
      kind: 'signed';
      signature: Uint8Array;
      /** messageId ‖ JSON: what BiYong's signature covers. */
      signed: Uint8Array;
      messageId: Uint8Array;
      json: Uint8Array;
    };

/** Decode a response body. Throws FrameError for anything that is not a well-formed frame. */
export function decodeResponseFrame(body: Uint8Array): DecodedResponse {
  if (body.length === 0) throw new FrameError('empty body');
  if (body[0] !== 0x00) {
    // An error message in UTF-8 (the spec's plain-text error path); malformed UTF-8 is no message.
    let message: string;
    try {
      message = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new FrameError('error message is not UTF-8');
    }
    return { kind: 'error', message };
  }
  const { signature, payload } = splitSigned(body, MESSAGE_ID_BYTES);
  return {
    kind: 'signed',
    signature,
    signed: payload,
    messageId: payload.subarray(0, MESSAGE_ID_BYTES),
    json: payload.subarray(MESSAGE_ID_BYTES),
  };
}

/** sigLen ‖ signature ‖ payload, with payload at least `minPayload` bytes. */
function splitSigned(
  body: Uint8Array,
  minPayload: number,
): { signature: Uint8Array; payload: Uint8Array } {
  if (body.length < SIG_LEN_BYTES) throw new FrameError('frame shorter than its length field');
  const sigLen = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, false);
  if (sigLen === 0) throw new FrameError('signature length is zero');
  if (sigLen > MAX_SIGNATURE_BYTES) throw new FrameError('signature length is implausibly large');
  if (sigLen > body.length - SIG_LEN_BYTES - minPayload) {
    throw new FrameError('signature length exceeds the frame');
  }
  return {
    signature: body.subarray(SIG_LEN_BYTES, SIG_LEN_BYTES + sigLen),
    payload: body.subarray(SIG_LEN_BYTES + sigLen),
  };
}
