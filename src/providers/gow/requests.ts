/**
 * Building signed GOW requests and processing their replies, as separate pure steps
 * (oauth4webapi style) so they can be tested without a network and reused by any caller.
 */
import type * as v from 'valibot';
import { errors } from '../../core/errors';
import {
  parseJsonExact,
  validate,
  type Clock,
  type HttpRequest,
  type HttpResponse,
} from '../../core/http';
import { envelopeSchema, SUCCESS_CODE } from './schemas';
import { gowCodeError, gowStatusError } from './errors';
import { gowSign, gowSignedParams, type GowSignedParams } from './sign';

export interface GowCredentials {
  apiKey: string;
  secretKey: string;
}

export interface GowCall {
  method: 'GET' | 'POST';
  /** Path under the base URL, e.g. `/user/findUserAuthStatus`. */
  path: string;
  /** GET only: query parameters (not signed: docs/providers/gow.md, Signing). */
  query?: Readonly<Record<string, string>>;
  /** POST only: JSON body of string values, all of them signed. */
  body?: GowSignedParams;
}

export function gowUrl(
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, string>>,
): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [k, val] of Object.entries(query ?? {})) url.searchParams.set(k, val);
  return url.toString();
}

/** A ready-to-send request with the four headers of 请求头部参数信息. */
export async function buildGowRequest(
  baseUrl: string,
  creds: GowCredentials,
  clock: Clock,
  call: GowCall,
): Promise<HttpRequest> {
  // Milliseconds (请求时间戳，单位毫秒), from the skew-corrected clock.
  const timestamp = String(Math.floor(clock.now()));
  const signed = gowSignedParams(
    creds.apiKey,
    timestamp,
    call.method === 'POST' ? call.body : undefined,
  );
  const sign = await gowSign(creds.secretKey, signed);
  return {
    platform: 'gow',
    endpoint: call.path,
    url: gowUrl(baseUrl, call.path, call.method === 'GET' ? call.query : undefined),
    method: call.method,
    headers: {
      'content-type': 'application/json',
      timestamp,
      apiKey: creds.apiKey,
      sign,
    },
    body: call.method === 'POST' ? JSON.stringify(call.body ?? {}) : undefined,
  };
}

/**
 * Check the envelope and return `data` validated against `schema`. Any code other than
 * "000000" becomes the mapped typed error; a non-2xx answer without a readable envelope becomes
 * the error its HTTP status means.
 */
export function processGowResponse<S extends v.GenericSchema>(
  res: HttpResponse,
  endpoint: string,
  schema: S,
): v.InferOutput<S> {
  const where = { platform: 'gow' as const, endpoint, status: res.status };
  if (res.redirected) {
    throw errors.bad_response(
      { en: 'GOW answered with a redirect', zh: 'GOW 返回了重定向' },
      where,
    );
  }
  const ok = res.status >= 200 && res.status < 300;
  let envelope: v.InferOutput<typeof envelopeSchema>;
  try {
    envelope = parseJsonExact(res.text(), envelopeSchema, where);
  } catch (e) {
    if (!ok) throw gowStatusError({ endpoint, status: res.status });
    throw e;
  }
  if (envelope.code !== SUCCESS_CODE) {
    throw gowCodeError(envelope.code, envelope.description, { endpoint, status: res.status });
  }
  if (!ok) throw gowStatusError({ endpoint, status: res.status });
  return validate(envelope.data, schema, where);
}
