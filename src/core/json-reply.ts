/**
 * The common first half of reading a platform's JSON reply: refuse redirects, parse and validate
 * the envelope, and keep a typed error for a non-2xx status ready for when the envelope itself
 * says nothing more specific. Each platform then reads its own codes from the envelope.
 */
import type * as v from 'valibot';
import { errors, type CoinDockError, type ErrorCode } from './errors';
import type { Platform } from './platform';
import { parseJson, type HttpResponse } from './http';

const STATUS_KIND: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'auth_expired',
  403: 'permission',
  404: 'not_found',
};

export interface JsonReply<T> {
  reply: T;
  /** A 2xx status. */
  ok: boolean;
  /** The error for the HTTP status, for a non-2xx answer whose envelope named no error. */
  statusError: () => CoinDockError;
}

export function parseJsonReply<S extends v.GenericSchema>(
  res: HttpResponse,
  where: { platform: Platform; endpoint: string },
  /** The platform's name as people know it, e.g. `FOMO`. */
  name: string,
  envelope: S,
): JsonReply<v.InferOutput<S>> {
  const at = { ...where, status: res.status };
  if (res.redirected) {
    throw errors.bad_response(
      { en: `${name} answered with a redirect`, zh: `${name} 返回了重定向` },
      at,
    );
  }
  const ok = res.status >= 200 && res.status < 300;
  const statusError = () =>
    errors[STATUS_KIND[res.status] ?? (res.status >= 500 ? 'platform' : 'bad_response')](
      { en: `${name} answered HTTP ${res.status}`, zh: `${name} 返回 HTTP ${res.status}` },
      at,
    );
  try {
    return { reply: parseJson(res.text(), envelope, at), ok, statusError };
  } catch (e) {
    // A body we cannot read on an error status: the status says more than the body.
    if (!ok) throw statusError();
    throw e;
  }
}
