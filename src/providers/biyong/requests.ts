/**
 * Build a BiYong request, then process its answer (oauth4webapi style: the two halves can run
 * apart). Building signs a fresh frame (new timestamp and random messageId each time); processing
 * decodes the frame, verifies BiYong's signature, checks the messageId is the one we sent, then
 * reads the envelope {status, message, timestamp, data} and validates `data`.
 */
import type * as v from 'valibot';
import { bytesEqual, fromUtf8, randomBytes, utf8 } from '../../core/bytes';
import { errors } from '../../core/errors';
import { validate, type Clock, type HttpRequest, type HttpResponse } from '../../core/http';
import { BIYONG_OK } from './description';
import { biyongStatusError, shortText } from './errors';
import {
  decodeResponseFrame,
  encodeRaw,
  encodeSigned,
  FrameError,
  MESSAGE_ID_BYTES,
  type DecodedResponse,
} from './frame';
import { parseJsonLossless } from '../../core/lossless-json';
import { envelopeSchema, type BiyongEnvelope } from './schemas';
import { signBytes, verifyBytes, type BiyongHashMode } from './sign';

/** Imported keys and settings: what every call needs (see client.ts `loadBiyongKeys`). */
export interface BiyongKeys {
  appId: string;
  hashMode: BiyongHashMode;
  /** The merchant's private key, imported for RSASSA-PKCS1-v1_5 with `hashMode`. */
  merchantPrivateKey: CryptoKey;
  /** BiYong's public key, imported for RSASSA-PKCS1-v1_5 with `hashMode`. */
  platformPublicKey: CryptoKey;
}

export type BiyongParams = Record<string, string>;

export interface BiyongPrepared {
  request: HttpRequest;
  endpoint: string;
  /** Sent in the frame; the answer must carry the same one. */
  messageId: Uint8Array;
  timestampMs: number;
}

export interface BuildOptions {
  /** For known-answer tests only; otherwise 16 fresh random bytes. */
  messageId?: Uint8Array;
}

export function biyongUrl(baseUrl: string, endpoint: string): string {
  return baseUrl.replace(/\/+$/, '') + endpoint;
}

export async function buildBiyongRequest(
  baseUrl: string,
  keys: BiyongKeys,
  clock: Clock,
  endpoint: string,
  params: BiyongParams | undefined,
  opts: BuildOptions = {},
): Promise<BiyongPrepared> {
  const messageId = opts.messageId ?? randomBytes(MESSAGE_ID_BYTES);
  const timestampMs = Math.round(clock.now());
  // The spec asks for `{}` when an endpoint takes no parameters.
  const raw = encodeRaw(timestampMs, messageId, utf8(JSON.stringify(params ?? {})));
  const signature = await signBytes(keys.merchantPrivateKey, raw);
  return {
    endpoint,
    messageId,
    timestampMs,
    request: {
      platform: 'biyong',
      endpoint,
      url: biyongUrl(baseUrl, endpoint),
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        AppId: keys.appId,
        RsaSignHashMode: keys.hashMode,
      },
      body: encodeSigned(signature, raw),
    },
  };
}

export async function processBiyongResponse<S extends v.GenericSchema>(
  res: HttpResponse,
  prepared: Pick<BiyongPrepared, 'endpoint' | 'messageId'>,
  keys: Pick<BiyongKeys, 'platformPublicKey'>,
  schema: S,
): Promise<v.InferOutput<S>> {
  const where = { platform: 'biyong' as const, endpoint: prepared.endpoint, status: res.status };
  if (res.redirected) {
    throw errors.bad_response(
      { en: 'BiYong answered with a redirect', zh: 'BiYong 返回了重定向' },
      where,
    );
  }
  let frame: DecodedResponse;
  try {
    frame = decodeResponseFrame(res.bytes);
  } catch (e) {
    if (!(e instanceof FrameError)) throw e;
    if (res.status >= 500) throw serverError(where);
    throw errors.bad_response(
      { en: `BiYong sent a broken frame (${e.message})`, zh: 'BiYong 返回的数据帧已损坏' },
      { ...where, cause: e },
    );
  }
  if (frame.kind === 'error') throw plainTextError(frame.message, res.status, where);

  // Authenticity first: nothing in the frame is trusted before BiYong's signature checks out.
  if (!(await verifyBytes(keys.platformPublicKey, frame.signature, frame.signed))) {
    throw errors.signature(
      {
        en: 'The answer’s signature does not match BiYong’s public key',
        zh: '响应签名与 BiYong 公钥不符',
      },
      where,
    );
  }
  // A genuine answer to some other request (a replay, or a mix-up) is as untrustworthy as a forged
  // one: it is a failure of the request↔answer binding, so it is a `signature` error too.
  if (!bytesEqual(frame.messageId, prepared.messageId)) {
    throw errors.signature(
      {
        en: 'The answer belongs to another request (replayed or mixed-up messageId)',
        zh: '响应的 messageId 与请求不符（重放或错乱）',
      },
      where,
    );
  }

  let text: string;
  try {
    text = fromUtf8(frame.json);
  } catch (e) {
    throw errors.bad_response(
      { en: 'The answer is not UTF-8 text', zh: '响应不是 UTF-8 文本' },
      { ...where, cause: e },
    );
  }
  const envelope = validate(parseBody(text, where), envelopeSchema, where);
  if (envelope.status !== BIYONG_OK) {
    throw biyongStatusError(envelope.status, envelope.message, where);
  }
  return validate(envelope.data, schema, where);
}

function parseBody(text: string, where: { platform: 'biyong'; endpoint: string; status: number }) {
  if (text.trim() === '') {
    throw errors.bad_response({ en: 'The answer was empty', zh: '响应为空' }, where);
  }
  try {
    return parseJsonLossless(text);
  } catch (e) {
    throw errors.bad_response(
      { en: 'The answer is not valid JSON', zh: '响应不是有效的 JSON' },
      { ...where, cause: e },
    );
  }
}

function serverError(where: { platform: 'biyong'; endpoint: string; status: number }) {
  return errors.platform(
    { en: `BiYong answered HTTP ${where.status}`, zh: `BiYong 返回 HTTP ${where.status}` },
    where,
  );
}

/**
 * The spec's unsigned error path: the body is a UTF-8 message. A web page is not such a message
 * (a proxy or a captive portal answered), and a JSON envelope in plain text is decoded for its
 * status code so 100400 / 100401 still get their kinds.
 */
function plainTextError(
  message: string,
  status: number,
  where: { platform: 'biyong'; endpoint: string; status: number },
) {
  const trimmed = message.trimStart();
  if (trimmed.startsWith('<')) {
    if (status >= 500) return serverError(where);
    return errors.bad_response(
      { en: 'BiYong sent a web page instead of data', zh: 'BiYong 返回了网页而不是数据' },
      where,
    );
  }
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // Data, not a message for people: an envelope gets its status's kind; anything else (cut
    // short, off-shape, or an unsigned "success") is a broken answer.
    let env: BiyongEnvelope | undefined;
    try {
      env = validate(parseJsonLossless(trimmed), envelopeSchema, where);
    } catch {
      env = undefined;
    }
    if (env && env.status !== BIYONG_OK) return biyongStatusError(env.status, env.message, where);
    return errors.bad_response(
      { en: 'BiYong sent unsigned or broken data', zh: 'BiYong 返回了未签名或损坏的数据' },
      where,
    );
  }
  if (status >= 500 && trimmed === '') return serverError(where);
  const said = shortText(message);
  return errors.platform({ en: `BiYong: ${said}`, zh: `BiYong：${said}` }, where);
}
